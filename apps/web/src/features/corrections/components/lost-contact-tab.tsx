import {
  type LostContactView,
  lostContactOutcomeLabels,
  lostContactOutcomes,
  lostContactStatusLabels,
  lostContactTriggerLabels,
  type SuperviseeView,
  searchMethodLabels,
  searchMethods,
} from '@zhucheng/contracts';
import { App, Button, Card, Empty, Flex, Form, Input, Radio, Select, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../../lib/access.tsx';
import { useLostContactAction, useSuperviseeStep } from '../api/use-corrections.ts';
import { StepDrawer, useStepFailure } from './step-drawer.tsx';

const methodOptions = searchMethods.map((value) => ({ value, label: searchMethodLabels[value] }));
const outcomeOptions = lostContactOutcomes.map((value) => ({
  value,
  label: lostContactOutcomeLabels[value],
}));

type Open = { kind: 'open' } | { kind: 'step' | 'close'; search: LostContactView } | null;

/** 失联查找 (第三十条): open a search, record each step, end it with its outcome. */
export function LostContactTab({ s }: { s: SuperviseeView }) {
  const can = useCan();
  const maySupervise = can('corrections:supervise');
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const searching = s.lostContacts.some((l) => l.status === 'searching');

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          社区矫正对象失去联系的，司法所应当立即组织查找，查找情况应当记录；逾期未报到的由系统自动启动。
        </Typography.Text>
        {maySupervise && !searching ? (
          <Button danger onClick={() => setOpen({ kind: 'open' })}>
            启动失联查找
          </Button>
        ) : null}
      </Flex>
      {s.lostContacts.length === 0 ? (
        <Empty description="无失联查找记录" />
      ) : (
        s.lostContacts.map((l) => (
          <Card
            key={l.id}
            size="small"
            title={
              <Flex gap={8} wrap align="center">
                <span>
                  {l.openedOn} {lostContactTriggerLabels[l.trigger]}
                </span>
                <Tag color={l.status === 'searching' ? 'red' : 'green'}>
                  {lostContactStatusLabels[l.status]}
                </Tag>
              </Flex>
            }
            extra={
              l.status === 'searching' && maySupervise ? (
                <Flex gap={8} wrap>
                  <Button size="small" type="primary" onClick={() => setOpen({ kind: 'step', search: l })}>
                    记录查找情况
                  </Button>
                  <Button size="small" onClick={() => setOpen({ kind: 'close', search: l })}>
                    结束查找
                  </Button>
                </Flex>
              ) : null
            }
          >
            {l.note ? <Typography.Paragraph>情况：{l.note}</Typography.Paragraph> : null}
            {l.steps.length === 0 ? (
              <Typography.Paragraph type="secondary">
                尚无查找记录，点击“记录查找情况”登记每一次电话联系、走访、询问亲友等。
              </Typography.Paragraph>
            ) : (
              <Timeline
                items={l.steps.map((step) => ({
                  content: (
                    <div style={{ wordBreak: 'break-word' }}>
                      <Typography.Text type="secondary">
                        {dayjs(step.at).format('YYYY-MM-DD HH:mm')} · {step.recordedBy}
                      </Typography.Text>
                      <div>
                        <Typography.Text strong>{searchMethodLabels[step.method]}</Typography.Text>：
                        {step.action}
                      </div>
                      <div>结果：{step.result}</div>
                    </div>
                  ),
                }))}
              />
            )}
            {l.outcome ? (
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {l.closedOn} 结束：{lostContactOutcomeLabels[l.outcome]}
                {l.outcomeNote ? `。${l.outcomeNote}` : ''}
              </Typography.Paragraph>
            ) : null}
          </Card>
        ))
      )}
      <OpenDrawer s={s} open={open?.kind === 'open'} onClose={close} />
      <StepDrawerForSearch s={s} search={open?.kind === 'step' ? open.search : null} onClose={close} />
      <CloseDrawer s={s} search={open?.kind === 'close' ? open.search : null} onClose={close} />
    </Flex>
  );
}

function OpenDrawer({ s, open, onClose }: { s: SuperviseeView; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const start = useSuperviseeStep(s.caseId, 'lost-contacts');
  const failure = useStepFailure(form, onClose);
  return (
    <StepDrawer<{ note?: string }>
      title="启动失联查找"
      open={open}
      onClose={onClose}
      form={form}
      onFinish={(v) => {
        failure.clear();
        start.mutate(
          { note: v.note?.trim() ?? '' },
          {
            onSuccess: () => {
              message.success('已启动失联查找，请立即组织查找并记录');
              onClose();
            },
            onError: failure.fail,
          },
        );
      }}
      pending={start.isPending}
      submitText="启动查找"
      problem={failure.problem}
      width={560}
    >
      <Form.Item name="note" label="失联情况" extra="何时、如何发现失去联系">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </StepDrawer>
  );
}

interface SearchDrawerProps {
  s: SuperviseeView;
  search: LostContactView | null;
  onClose: () => void;
}

function StepDrawerForSearch({ s, search, onClose }: SearchDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ method?: string; action?: string; result?: string }>();
  const add = useLostContactAction(s.caseId, 'steps');
  const failure = useStepFailure(form, onClose);
  return (
    <StepDrawer<{ method?: string; action?: string; result?: string }>
      title="记录查找情况"
      open={search !== null}
      onClose={onClose}
      form={form}
      onFinish={(v) => {
        if (!search) return;
        failure.clear();
        add.mutate(
          {
            lostContactId: search.id,
            body: { method: v.method, action: v.action?.trim() ?? '', result: v.result?.trim() ?? '' },
          },
          {
            onSuccess: () => {
              message.success('已记录');
              onClose();
            },
            onError: failure.fail,
          },
        );
      }}
      pending={add.isPending}
      submitText="记录"
      problem={failure.problem}
      width={600}
    >
      <Form.Item name="method" label="查找方式" rules={[{ required: true, message: '请选择查找方式' }]}>
        <Select options={methodOptions} placeholder="请选择" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item
        name="action"
        label="查找经过"
        rules={[{ required: true, whitespace: true, message: '请填写查找经过' }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        name="result"
        label="查找结果"
        rules={[{ required: true, whitespace: true, message: '请填写查找结果' }]}
      >
        <Input maxLength={500} placeholder="如：电话关机、家属称其外出打工" />
      </Form.Item>
    </StepDrawer>
  );
}

function CloseDrawer({ s, search, onClose }: SearchDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome?: string; note?: string }>();
  const end = useLostContactAction(s.caseId, 'close');
  const failure = useStepFailure(form, onClose);
  return (
    <StepDrawer<{ outcome?: string; note?: string }>
      title="结束失联查找"
      open={search !== null}
      onClose={onClose}
      form={form}
      onFinish={(v) => {
        if (!search) return;
        failure.clear();
        end.mutate(
          {
            lostContactId: search.id,
            body: { version: search.version, outcome: v.outcome, note: v.note?.trim() ?? '' },
          },
          {
            onSuccess: () => {
              message.success('失联查找已结束');
              onClose();
            },
            onError: failure.fail,
          },
        );
      }}
      pending={end.isPending}
      submitText="结束查找"
      problem={failure.problem}
      width={600}
    >
      <Form.Item name="outcome" label="查找结果" rules={[{ required: true, message: '请选择查找结果' }]}>
        <Radio.Group options={outcomeOptions} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
      </Form.Item>
      <Form.Item name="note" label="情况说明">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </StepDrawer>
  );
}
