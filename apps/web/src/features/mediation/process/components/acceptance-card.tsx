import type { MediationProcessView } from '@zhucheng/contracts';
import { App, Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useAcceptDispute, useDeclineDispute } from '../api/process-api.ts';
import { errorText } from './shared.tsx';

/** 受理 (with the lead mediator) or 不予受理 (with the reason), for a dispute the committee has not taken yet. */
export function AcceptanceCard({ view }: { view: MediationProcessView }) {
  const [form] = Form.useForm();
  const narrow = useIsNarrow();
  const accept = useAcceptDispute();
  const decline = useDeclineDispute();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [declineError, setDeclineError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async (v: { leadMediatorId: string; note?: string }) => {
    setError(null);
    try {
      await accept.mutateAsync({
        caseId: view.caseId,
        body: {
          version: view.version,
          leadMediatorId: v.leadMediatorId,
          ...(v.note ? { note: v.note } : {}),
        },
      });
      message.success('已受理');
    } catch (e) {
      setError(errorText(e, '受理失败，请稍后重试'));
    }
  };
  const onDecline = async () => {
    setDeclineError(null);
    try {
      await decline.mutateAsync({ caseId: view.caseId, body: { version: view.version, reason } });
      setDeclining(false);
      message.success('已作不予受理');
    } catch (e) {
      setDeclineError(errorText(e, '操作失败，请稍后重试'));
    }
  };
  return (
    <Card size="small" title="受理" style={{ marginBottom: 16 }}>
      <FormErrorAlert message={error} />
      <Form form={form} {...formLayout(narrow, 110)} onFinish={submit}>
        <Form.Item
          name="leadMediatorId"
          label="主持调解员"
          extra={
            view.mediators.length === 0
              ? '本调委会还没有在任的调解员，请先在“调解员”中登记'
              : '有系统账号的调解员受理后可在“我的调解”中办理本纠纷'
          }
          rules={[{ required: true, message: '请选择主持调解的调解员' }]}
        >
          <Select
            aria-label="主持调解员"
            options={view.mediators.map((m) => ({
              value: m.id,
              label: `${m.name}${m.position ? `（${m.position}）` : ''}${m.hasAccount ? '' : ' · 无系统账号'}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label="受理意见">
          <Input.TextArea aria-label="受理意见" rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={accept.isPending}>
              受理
            </Button>
            <Button danger onClick={() => setDeclining(true)}>
              不予受理
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Modal
        title="不予受理"
        open={declining}
        okText="确认不予受理"
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: decline.isPending }}
        cancelText="取消"
        onOk={onDecline}
        onCancel={() => setDeclining(false)}
      >
        <p>不予受理后纠纷即办结，申请人会收到短信和站内通知，并可在办理进度中看到理由。</p>
        <FormErrorAlert message={declineError} />
        <Input.TextArea
          aria-label="不予受理的理由"
          rows={3}
          maxLength={500}
          showCount
          placeholder="如：一方当事人已向人民法院起诉（人民调解法第十八条）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
