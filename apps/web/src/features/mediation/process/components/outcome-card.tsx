import { type AgreementForm, agreementFormLabels, type MediationProcessView } from '@zhucheng/contracts';
import { App, Button, Card, DatePicker, Form, Input, Radio, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useSettle, useTerminate, useUnsettle } from '../api/process-api.ts';
import { errorText } from './shared.tsx';

type Outcome = 'settled' | 'unsettled' | 'terminated';

interface SettleValues {
  form: AgreementForm;
  terms: string;
  performanceTerms?: string;
  performanceDueOn?: Dayjs | null;
  effectiveOn: Dayjs;
}

function SettleForm({ view }: { view: MediationProcessView }) {
  const [form] = Form.useForm<SettleValues>();
  const narrow = useIsNarrow();
  const settle = useSettle();
  const [error, setError] = useState<string | null>(null);
  const { modal } = App.useApp();
  const agreementForm = Form.useWatch('form', form);
  const submit = (v: SettleValues) => {
    modal.confirm({
      title: '确认调解成功？',
      content:
        v.form === 'written'
          ? '将生成人民调解协议书（.docx），请打印后由各方当事人签名或按指印、调解员签名并加盖调委会印章；自协议生效之日起计算30日司法确认期限。'
          : '口头协议的内容将记入调解员的办理记录，不生成协议书。',
      okText: '确认',
      cancelText: '取消',
      onOk: async () => {
        setError(null);
        try {
          await settle.mutateAsync({
            caseId: view.caseId,
            body: {
              version: view.version,
              agreement: {
                form: v.form,
                terms: v.terms,
                ...(v.performanceTerms ? { performanceTerms: v.performanceTerms } : {}),
                ...(v.performanceDueOn ? { performanceDueOn: v.performanceDueOn.format('YYYY-MM-DD') } : {}),
                effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
              },
            },
          });
        } catch (e) {
          setError(errorText(e, '保存失败，请稍后重试'));
        }
      },
    });
  };
  return (
    <>
      <FormErrorAlert message={error} />
      <Form
        form={form}
        {...formLayout(narrow, 120)}
        onFinish={submit}
        initialValues={{ form: 'written', effectiveOn: dayjs() }}
      >
        <Form.Item name="form" label="协议形式" rules={[{ required: true, message: '请选择协议形式' }]}>
          <Radio.Group
            options={(['written', 'oral'] as const).map((f) => ({ value: f, label: agreementFormLabels[f] }))}
          />
        </Form.Item>
        <Form.Item
          name="terms"
          label="协议内容"
          extra={
            agreementForm === 'oral'
              ? '口头协议的内容由调解员如实记录（人民调解法第三十条）'
              : '逐项写明各方的权利义务'
          }
          rules={[{ required: true, whitespace: true, message: '请填写协议内容' }]}
        >
          <Input.TextArea aria-label="协议内容" rows={5} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item name="performanceTerms" label="履行方式">
          <Input.TextArea aria-label="履行方式" rows={2} maxLength={2000} placeholder="如：分两期转账支付" />
        </Form.Item>
        <Form.Item name="performanceDueOn" label="履行期限">
          <DatePicker aria-label="履行期限" />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label="协议生效日期"
          extra={agreementForm === 'oral' ? '各方达成一致之日' : '各方签名、盖章或按指印之日'}
          rules={[{ required: true, message: '请选择协议生效日期' }]}
        >
          <DatePicker
            aria-label="协议生效日期"
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (!!view.acceptedOn && d.isBefore(dayjs(view.acceptedOn), 'day'))
            }
          />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button type="primary" htmlType="submit" loading={settle.isPending} block={narrow}>
            {agreementForm === 'oral' ? '记录口头协议' : '生成调解协议书'}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function EndForm({ view, outcome }: { view: MediationProcessView; outcome: 'unsettled' | 'terminated' }) {
  const narrow = useIsNarrow();
  const unsettle = useUnsettle();
  const terminate = useTerminate();
  const step = outcome === 'unsettled' ? unsettle : terminate;
  const [error, setError] = useState<string | null>(null);
  const { modal } = App.useApp();
  const label = outcome === 'unsettled' ? '调解不成功' : '终止调解';
  const submit = (v: { reason: string }) => {
    modal.confirm({
      title: `确认${label}？`,
      content: '办结后不能再记录调解笔录；申请人会收到通知，可以依法通过仲裁、行政或诉讼途径解决。',
      okText: `确认${label}`,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setError(null);
        try {
          await step.mutateAsync({ caseId: view.caseId, body: { version: view.version, reason: v.reason } });
        } catch (e) {
          setError(errorText(e, '保存失败，请稍后重试'));
        }
      },
    });
  };
  return (
    <>
      <FormErrorAlert message={error} />
      <Form {...formLayout(narrow, 120)} onFinish={submit}>
        <Form.Item
          name="reason"
          label="原因"
          rules={[{ required: true, whitespace: true, message: '请填写原因' }]}
        >
          <Input.TextArea
            aria-label="原因"
            rows={3}
            maxLength={1000}
            showCount
            placeholder={
              outcome === 'unsettled' ? '如：双方对赔偿数额分歧过大' : '如：一方当事人明确拒绝继续调解'
            }
          />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button danger htmlType="submit" loading={step.isPending} block={narrow}>
            {label}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/** 调解结果: settled (with the agreement), not settled, or terminated; while mediating. */
export function OutcomeCard({ view }: { view: MediationProcessView }) {
  const [outcome, setOutcome] = useState<Outcome>('settled');
  return (
    <Card size="small" title="调解结果" style={{ marginBottom: 16 }}>
      <Segmented
        aria-label="调解结果"
        style={{ marginBottom: 16 }}
        value={outcome}
        onChange={(v) => setOutcome(v as Outcome)}
        options={[
          { value: 'settled', label: '调解成功' },
          { value: 'unsettled', label: '调解不成功' },
          { value: 'terminated', label: '终止调解' },
        ]}
      />
      {outcome === 'settled' ? <SettleForm view={view} /> : <EndForm view={view} outcome={outcome} />}
    </Card>
  );
}
