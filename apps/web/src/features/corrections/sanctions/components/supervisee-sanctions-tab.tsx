import { PlusOutlined } from '@ant-design/icons';
import {
  type SanctionBreach,
  type SanctionKind,
  type SanctionView,
  sanctionBreaches,
  sanctionBreachLabels,
  sanctionKindLabels,
  sanctionKinds,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../../components/load-error.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { newIdempotencyKey } from '../../approvals/api/use-approvals.ts';
import { DocumentLink } from '../../approvals/components/document-link.tsx';
import {
  useRecordSanction,
  useSanctionSuggestion,
  useSuperviseeSanctions,
  useWithdrawSanction,
} from '../api/use-sanctions.ts';
import { SanctionKindCell } from './sanction-parts.tsx';

/** The record page's tab 奖惩: the records, and a new one with the suggestion of the implementing measures. */
export function SuperviseeSanctionsTab({ caseId }: { caseId: string }) {
  const can = useCan();
  const list = useSuperviseeSanctions(caseId);
  const withdraw = useWithdrawSanction();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  if (list.isError && !list.data) {
    return <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />;
  }
  return (
    <Flex vertical gap={12}>
      {can('corrections:sanction') ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            记录奖惩
          </Button>
        </div>
      ) : null}
      <Table<SanctionView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无奖惩记录" /> }}
        columns={[
          { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
          { title: '奖惩', key: 'kind', width: 220, render: (_: unknown, r) => <SanctionKindCell s={r} /> },
          { title: '情形', dataIndex: 'breachLabel', width: 200 },
          { title: '事实', dataIndex: 'facts', width: 240, ellipsis: true },
          { title: '决定人', dataIndex: 'decidedBy', width: 100 },
          {
            title: '操作',
            key: 'actions',
            width: 160,
            render: (_: unknown, r) => (
              <Space size={0}>
                <DocumentLink caseId={r.id} documentId={r.documentId} label="文书" />
                {can('corrections:sanction') && r.status === 'recorded' ? (
                  <Popconfirm
                    title="撤销这条奖惩记录？"
                    description="撤销后记录仍保留，不再计入奖惩建议。"
                    okText="撤销"
                    onConfirm={() =>
                      withdraw.mutate(
                        { id: r.id, body: { version: r.version, reason: '记录有误，予以撤销' } },
                        {
                          onSuccess: () => message.success('已撤销'),
                          onError: (e) => message.error(errorMessage(e)),
                        },
                      )
                    }
                  >
                    <Button type="link" size="small" danger>
                      撤销
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <RecordDialog caseId={caseId} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}

interface RecordForm {
  breach: SanctionBreach;
  absenceDays?: number;
  kind: SanctionKind;
  facts: string;
  basis: string;
  decidedOn: string;
  deviationNote?: string;
}

function RecordDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RecordForm>();
  const record = useRecordSanction(caseId);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const breach = Form.useWatch('breach', form) ?? null;
  const absenceDays = Form.useWatch('absenceDays', form) ?? null;
  const kind = Form.useWatch('kind', form);
  const suggestion = useSanctionSuggestion(caseId, breach, absenceDays);
  const suggested = suggestion.data?.kind ?? null;
  useEffect(() => {
    if (open) {
      form.resetFields();
      setKey(newIdempotencyKey());
      setError(null);
    }
  }, [open, form]);
  useEffect(() => {
    if (suggested) form.setFieldValue('kind', suggested);
  }, [suggested, form]);
  const deviates = suggested !== null && kind !== undefined && kind !== suggested;
  return (
    <Modal
      open={open}
      title="记录奖惩"
      okText="确认并生成文书"
      width={640}
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        record.mutate(
          { body: { ...v, absenceDays: v.absenceDays ?? null }, idempotencyKey: key },
          {
            onSuccess: (s) => {
              message.success(`已记录${s.kindLabel}，已生成文书`);
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          decidedOn: dayjs().format('YYYY-MM-DD'),
          basis: '《中华人民共和国社区矫正法》第二十八条、《中华人民共和国社区矫正法实施办法》',
        }}
      >
        <Form.Item name="breach" label="情形" rules={[{ required: true, message: '请选择情形' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={sanctionBreaches.map((value) => ({ value, label: sanctionBreachLabels[value] }))}
          />
        </Form.Item>
        {breach === 'absence' ? (
          <Form.Item
            name="absenceDays"
            label="脱离监管天数"
            rules={[{ required: true, message: '请填写天数' }]}
          >
            <InputNumber min={0} max={3650} addonAfter="天" />
          </Form.Item>
        ) : null}
        {suggestion.data ? (
          <Alert
            style={{ marginBottom: 16 }}
            type={suggestion.data.kind ? 'info' : 'warning'}
            showIcon
            title={suggestion.data.kind ? `系统建议：${suggestion.data.kindLabel}` : '无对应建议'}
            description={
              <>
                <div>{suggestion.data.reasons.join('；')}</div>
                <Typography.Text type="secondary">
                  本次矫正期内（不含已撤销）：训诫 {suggestion.data.admonitions} 次（自上次警告起）、警告{' '}
                  {suggestion.data.warnings} 次
                </Typography.Text>
              </>
            }
          />
        ) : null}
        <Form.Item name="kind" label="奖惩种类" rules={[{ required: true, message: '请选择奖惩种类' }]}>
          <Radio.Group
            options={sanctionKinds.map((value) => ({
              value,
              label: value === suggested ? `${sanctionKindLabels[value]}（建议）` : sanctionKindLabels[value],
            }))}
          />
        </Form.Item>
        {deviates ? (
          <Form.Item
            name="deviationNote"
            label="未采纳建议的理由"
            rules={[{ required: true, message: '选择与建议不同的奖惩请说明理由' }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="facts" label="事实" rules={[{ required: true, message: '请填写事实' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="basis" label="依据" rules={[{ required: true, message: '请填写依据' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
