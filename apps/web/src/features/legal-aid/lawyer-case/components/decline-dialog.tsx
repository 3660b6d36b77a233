import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { useDecline } from '../api/lawyer-case-api.ts';

/** 退回指派: the reason, then the case goes back to the centre (and leaves the lawyer's list). */
export function DeclineDialog({
  caseId,
  caseNo,
  version,
  open,
  onClose,
  onDeclined,
}: {
  caseId: string;
  caseNo: string | null;
  version: number;
  open: boolean;
  onClose: () => void;
  onDeclined?: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDecline();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { reason } = await form.validateFields();
    setError(null);
    try {
      await decline.mutateAsync({ caseId, body: { reason, version } });
      form.resetFields();
      onClose();
      onDeclined?.();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '退回失败，请稍后重试');
    }
  };
  return (
    <Modal
      title={`退回指派${caseNo ? `：${caseNo}` : ''}`}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="确认退回"
      okButtonProps={{ danger: true, loading: decline.isPending }}
      cancelText="取消"
      destroyOnHidden
    >
      <p>退回后案件交回法律援助中心重新指派，您将不再看到本案。</p>
      <FormErrorAlert message={error} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="退回原因"
          rules={[
            { required: true, whitespace: true, message: '请说明退回的原因（如存在利益冲突、身体原因等）' },
          ]}
        >
          <Input.TextArea aria-label="退回原因" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
