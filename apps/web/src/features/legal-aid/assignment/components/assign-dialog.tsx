import {
  type LegalAidAssignmentCandidate,
  type LegalAidAssignmentMethod,
  legalAidAssignmentMethodLabels,
} from '@zhucheng/contracts';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { useAssign } from '../api/assignment-api.ts';

interface Values {
  method: LegalAidAssignmentMethod;
  reason?: string;
}

/**
 * 指派 one lawyer of the table: by rotation when it is the rotation's first; otherwise the centre's choice,
 * the applicant's (点援制) or the expert panel's, with the reason the rotation was not followed.
 */
export function AssignDialog({
  caseId,
  version,
  candidate,
  isFirst,
  onClose,
}: {
  caseId: string;
  version: number;
  candidate: LegalAidAssignmentCandidate | null;
  isFirst: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const assign = useAssign();
  const [error, setError] = useState<string | null>(null);
  const methods: LegalAidAssignmentMethod[] = [
    ...(isFirst ? (['rotation'] as const) : []),
    'chosen',
    ...(candidate?.expertPanel ? (['expertPanel'] as const) : []),
    'manual',
  ];
  useEffect(() => {
    if (candidate) {
      form.setFieldsValue({ method: isFirst ? 'rotation' : 'manual', reason: '' });
      setError(null);
    }
  }, [candidate, isFirst, form]);
  const submit = async () => {
    if (!candidate) return;
    const values = await form.validateFields();
    setError(null);
    try {
      await assign.mutateAsync({
        caseId,
        body: {
          lawyerId: candidate.lawyerId,
          method: values.method,
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          version,
        },
      });
      onClose();
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '指派失败，请稍后重试');
    }
  };
  return (
    <Modal
      title={candidate ? `指派律师：${candidate.name}` : '指派律师'}
      open={candidate !== null}
      onCancel={onClose}
      onOk={submit}
      okText="确认指派"
      okButtonProps={{ loading: assign.isPending }}
      cancelText="取消"
      destroyOnHidden
    >
      {candidate && (
        <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {candidate.lawFirm} · 执业 {candidate.practiceYears} 年 · 在办案件 {candidate.openCases} 件
        </Typography.Paragraph>
      )}
      <FormErrorAlert message={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="method" label="指派方式" rules={[{ required: true, message: '请选择指派方式' }]}>
          <Select
            aria-label="指派方式"
            options={methods.map((m) => ({ value: m, label: legalAidAssignmentMethodLabels[m] }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="指派理由"
          extra={
            isFirst ? '按轮派顺序指派，可不填' : '未按轮派顺序指派，请说明理由（如受援人点援、案情需要）'
          }
          rules={
            isFirst ? [] : [{ required: true, whitespace: true, message: '未按轮派顺序指派，请说明理由' }]
          }
        >
          <Input.TextArea aria-label="指派理由" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
