import type { DisputeFacts } from '@zhucheng/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { useDispatchCommittees, useRedispatch } from '../api/intake-api.ts';

/** 改派: another committee in the dispatcher's scope, with the reason (only while 待受理). */
export function RedispatchDialog({
  facts,
  open,
  onClose,
}: {
  facts: DisputeFacts;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ committeeUnitId?: number; reason?: string }>();
  const committees = useDispatchCommittees(open);
  const redispatch = useRedispatch(facts.caseId);
  const [problem, setProblem] = useState<string | null>(null);
  const options = (committees.data ?? [])
    .filter((c) => c.unitId !== facts.committee.id)
    .map((c) => ({ value: c.unitId, label: c.name }));

  const onOk = async () => {
    setProblem(null);
    const values = await form.validateFields().catch(() => null);
    if (!values?.committeeUnitId || !values.reason) return;
    redispatch.mutate(
      { committeeUnitId: values.committeeUnitId, reason: values.reason, version: facts.version },
      {
        onSuccess: (result) => {
          message.success(`已改派至${result.committeeName}`);
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          const fields = error instanceof ApiRequestError ? error.fields : [];
          form.setFields(fields.map((f) => ({ name: f.path, errors: [f.message] }) as never));
          setProblem(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      title="改派纠纷"
      open={open}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText="改派"
      confirmLoading={redispatch.isPending}
      destroyOnHidden
    >
      <p>
        当前：{facts.committee.name}
        。改派后由新的调委会受理，原调委会不再看到本纠纷，新调委会的工作人员会收到消息。
      </p>
      <FormErrorAlert message={problem} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="committeeUnitId"
          label="改派至"
          rules={[{ required: true, message: '请选择调委会' }]}
        >
          <Select
            options={options}
            loading={committees.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择本辖区的人民调解委员会"
            notFoundContent="本辖区没有其他调委会"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="改派理由"
          rules={[{ required: true, whitespace: true, message: '请填写改派理由' }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="如：当事人与调委会成员系亲属，需回避"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
