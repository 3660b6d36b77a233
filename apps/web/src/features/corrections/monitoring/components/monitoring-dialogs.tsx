import {
  type MonitoringCondition,
  type MonitoringView,
  monitoringConditionLabels,
  monitoringConditions,
} from '@zhucheng/contracts';
import { Alert, App, Descriptions, Flex, Form, Input, Modal, Radio, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../lib/api.ts';
import { newIdempotencyKey, useSuperviseeApprovals } from '../../approvals/api/use-approvals.ts';
import { useSuperviseeSanctions } from '../../sanctions/api/use-sanctions.ts';
import { type MonitoringAction, useMonitoringAction, useProposeMonitoring } from '../api/use-monitoring.ts';

export const monitoringStatusColor: Record<string, string> = {
  proposed: 'gold',
  active: 'blue',
  refused: 'default',
  ended: 'green',
};

export function MonitoringStatusTag({ o }: { o: MonitoringView }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={monitoringStatusColor[o.status]}>{o.statusLabel}</Tag>
      {o.renewalDue ? <Tag color="orange">即将到期，需复查</Tag> : null}
    </Flex>
  );
}

/** The last day a term starting on `start` may run to (3 months, both ends counted). */
export const latestEnd = (start: string) =>
  dayjs(start).add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD');

function OrderFacts({ o }: { o: MonitoringView }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}>
      <Descriptions.Item label="社区矫正对象">
        {o.superviseeName}（{o.officeName}）
      </Descriptions.Item>
      <Descriptions.Item label="适用情形">{o.conditionLabel}</Descriptions.Item>
      <Descriptions.Item label="依据记录">{o.evidence || '—'}</Descriptions.Item>
      <Descriptions.Item label="理由">{o.reason}</Descriptions.Item>
      <Descriptions.Item label="期限">
        {o.startsOn} 至 {o.endsOn}
      </Descriptions.Item>
      {o.reviews.length > 0 ? (
        <Descriptions.Item label="复查">
          {o.reviews.map((r) => (
            <div key={r.id}>
              {r.reviewedOn} {r.reviewedBy}：{r.note}
              {r.renewedUntil
                ? `（已续期至 ${r.renewedUntil}）`
                : r.conclusion === 'renew'
                  ? '（建议续期）'
                  : '（建议解除）'}
            </div>
          ))}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

const titles: Record<MonitoringAction, string> = {
  decision: '审批电子定位监管',
  review: '复查',
  renew: '续期',
  end: '解除电子定位监管',
};

/** One dialog for the four steps on an order: 审批 (head), 复查, 续期 (head, after a review), 解除. */
export function OrderActionDialog({
  order,
  action,
  onClose,
}: {
  order: MonitoringView | null;
  action: MonitoringAction | null;
  onClose: () => void;
}) {
  const act = useMonitoringAction();
  const { message } = App.useApp();
  const [decision, setDecision] = useState<'approve' | 'refuse'>('approve');
  const [conclusion, setConclusion] = useState<'renew' | 'end'>('renew');
  const [text, setText] = useState('');
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  useEffect(() => {
    if (order && action) {
      setDecision('approve');
      setConclusion('renew');
      setText('');
      setError(null);
      setDay(action === 'renew' ? latestEnd(dayjs(order.endsOn).add(1, 'day').format('YYYY-MM-DD')) : today);
    }
  }, [order, action, today]);
  const open = order !== null && action !== null;
  return (
    <Modal
      open={open}
      title={action ? titles[action] : ''}
      width={620}
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() => {
        if (!order || !action) return;
        const body =
          action === 'decision'
            ? { version: order.version, decision, opinion: text }
            : action === 'review'
              ? { reviewedOn: day, conclusion, note: text }
              : action === 'renew'
                ? { version: order.version, endsOn: day }
                : { version: order.version, endedOn: day, reason: text };
        act.mutate(
          { id: order.id, action, body },
          {
            onSuccess: () => {
              message.success(`${titles[action]}：已完成`);
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      {order && action ? (
        <Flex vertical gap={12}>
          <OrderFacts o={order} />
          {action === 'decision' ? (
            <Radio.Group
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
              options={[
                { value: 'approve', label: '批准' },
                { value: 'refuse', label: '不予批准' },
              ]}
            />
          ) : null}
          {action === 'review' ? (
            <Radio.Group
              value={conclusion}
              onChange={(e) => setConclusion(e.target.value)}
              options={[
                { value: 'renew', label: '仍需监管，建议续期' },
                { value: 'end', label: '不再需要，建议解除' },
              ]}
            />
          ) : null}
          {action === 'review' || action === 'renew' || action === 'end' ? (
            <Flex vertical gap={4}>
              {action === 'review'
                ? '复查日期'
                : action === 'renew'
                  ? '续期至（每次不超过三个月）'
                  : '解除日期'}
              <Input type="date" aria-label="日期" value={day} onChange={(e) => setDay(e.target.value)} />
            </Flex>
          ) : null}
          {action === 'renew' ? (
            <Alert
              type="info"
              showIcon
              title={`续期须先复查；本次最迟可续至 ${latestEnd(dayjs(order.endsOn).add(1, 'day').format('YYYY-MM-DD'))}`}
            />
          ) : (
            <Input.TextArea
              aria-label={action === 'decision' ? '审批意见' : action === 'review' ? '复查情况' : '解除原因'}
              placeholder={
                action === 'decision'
                  ? '审批意见'
                  : action === 'review'
                    ? '复查情况'
                    : '解除原因，如：已无继续监管的必要'
              }
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={1000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Flex>
      ) : null}
    </Modal>
  );
}

interface ProposeForm {
  condition: MonitoringCondition;
  evidence?: string;
  reason: string;
  startsOn: string;
  endsOn: string;
}

/** 提请电子定位监管: a condition of 第二十九条, the record that evidences it, the term (≤ 3 months). */
export function ProposeDialog({
  caseId,
  open,
  onClose,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ProposeForm>();
  const propose = useProposeMonitoring(caseId);
  const sanctions = useSuperviseeSanctions(caseId);
  const approvals = useSuperviseeApprovals(caseId);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const startsOn = Form.useWatch('startsOn', form);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setKey(newIdempotencyKey());
      setError(null);
    }
  }, [open, form]);
  const evidenceOptions = [
    ...(sanctions.data?.items ?? [])
      .filter((s) => s.status === 'recorded')
      .map((s) => ({
        value: `s:${s.id}`,
        label: `奖惩：${s.kindLabel}（${s.breachLabel}，${s.decidedOn}）`,
      })),
    ...(approvals.data?.items ?? [])
      .filter((a) => a.kind === 'leave' && a.overdue)
      .map((a) => ({ value: `a:${a.id}`, label: `请假逾期未归（${a.fromDate}至${a.toDate ?? ''}）` })),
  ];
  return (
    <Modal
      open={open}
      title="提请电子定位监管"
      okText="提请县（区）司法局负责人审批"
      width={640}
      confirmLoading={propose.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const ev = v.evidence ?? '';
        propose.mutate(
          {
            idempotencyKey: key,
            body: {
              condition: v.condition,
              reason: v.reason,
              startsOn: v.startsOn,
              endsOn: v.endsOn,
              evidenceSanctionId: ev.startsWith('s:') ? ev.slice(2) : null,
              evidenceApprovalId: ev.startsWith('a:') ? ev.slice(2) : null,
            },
          },
          {
            onSuccess: () => {
              message.success('已提请，待县（区）司法局负责人审批');
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Alert
        style={{ marginBottom: 16 }}
        type="info"
        showIcon
        title="电子定位监管（社区矫正法第二十九条）只能在五种法定情形之一时适用，须经县（区）司法局负责人批准，期限不超过三个月。它与涉海涉渔对象的船舶定位（依地方规定和本人书面同意）是两回事。"
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          startsOn: dayjs().format('YYYY-MM-DD'),
          endsOn: latestEnd(dayjs().format('YYYY-MM-DD')),
        }}
      >
        <Form.Item name="condition" label="适用情形" rules={[{ required: true, message: '请选择适用情形' }]}>
          <Select
            options={monitoringConditions.map((value) => ({
              value,
              label: monitoringConditionLabels[value],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label="依据的记录"
          extra="须是本次矫正期内的奖惩记录或逾期未归的请假记录"
          rules={[{ required: true, message: '请选择依据的记录' }]}
        >
          <Select options={evidenceOptions} notFoundContent="没有可作依据的记录" />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="startsOn" label="开始日期" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={`结束日期（最迟 ${startsOn ? latestEnd(startsOn) : '—'}）`}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Input type="date" />
          </Form.Item>
        </Flex>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
