import type { LegalAidAssignmentCandidate } from '@zhucheng/contracts';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { useChangeLawyer } from '../api/assignment-api.ts';

/** 更换律师: another eligible lawyer and the reason (the aided person's request, or for cause). */
export function ChangeLawyerDialog({
  caseId,
  version,
  currentLawyerId,
  candidates,
  open,
  onClose,
}: {
  caseId: string;
  version: number;
  currentLawyerId: string | null;
  candidates: readonly LegalAidAssignmentCandidate[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ lawyerId: string; reason: string }>();
  const change = useChangeLawyer();
  const [error, setError] = useState<string | null>(null);
  const options = candidates
    .filter((c) => c.eligible && c.lawyerId !== currentLawyerId)
    .map((c) => ({ value: c.lawyerId, label: `${c.name}（${c.lawFirm}，在办 ${c.openCases} 件）` }));
  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await change.mutateAsync({ caseId, body: { ...values, version } });
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '更换失败，请稍后重试');
    }
  };
  return (
    <Modal
      title="更换律师"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="确认更换"
      okButtonProps={{ loading: change.isPending, disabled: options.length === 0 }}
      cancelText="取消"
      destroyOnHidden
    >
      <p>更换后原律师不再承办本案，新律师需在其工作台接受指派，系统将生成新的指派通知书。</p>
      <FormErrorAlert message={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="lawyerId" label="新律师" rules={[{ required: true, message: '请选择新律师' }]}>
          <Select
            aria-label="新律师"
            options={options}
            placeholder={options.length === 0 ? '没有其他可指派的律师' : '请选择'}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="更换原因"
          rules={[{ required: true, whitespace: true, message: '请说明更换律师的原因' }]}
        >
          <Input.TextArea aria-label="更换原因" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
