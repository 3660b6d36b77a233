import {
  type ConfirmationResult,
  confirmationResultLabels,
  confirmationResults,
  type MediationProcessView,
} from '@zhucheng/contracts';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useRecordConfirmation } from '../api/process-api.ts';
import { errorText } from './shared.tsx';

const stateColours: Record<string, string> = { green: 'green', amber: 'orange', red: 'red' };

interface Values {
  court: string;
  appliedOn: Dayjs;
  result?: ConfirmationResult;
  ruledOn?: Dayjs | null;
  rulingNo?: string;
  note?: string;
}

function ConfirmationForm({ view }: { view: MediationProcessView }) {
  const [form] = Form.useForm<Values>();
  const narrow = useIsNarrow();
  const record = useRecordConfirmation();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const c = view.confirmation;
  const submit = async (v: Values) => {
    setError(null);
    try {
      await record.mutateAsync({
        caseId: view.caseId,
        body: {
          ...(c ? { version: c.version } : {}),
          court: v.court,
          appliedOn: v.appliedOn.format('YYYY-MM-DD'),
          ...(v.result ? { result: v.result } : {}),
          ...(v.ruledOn ? { ruledOn: v.ruledOn.format('YYYY-MM-DD') } : {}),
          ...(v.rulingNo ? { rulingNo: v.rulingNo } : {}),
          ...(v.note ? { note: v.note } : {}),
        },
      });
      message.success(c ? '裁定结果已保存' : '司法确认申请已记录');
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后重试'));
    }
  };
  return (
    <Card size="small" title={c ? '记录法院裁定' : '记录司法确认申请'} style={{ marginBottom: 16 }}>
      <FormErrorAlert message={error} />
      <Form
        form={form}
        {...formLayout(narrow, 110)}
        onFinish={submit}
        initialValues={
          c
            ? {
                court: c.court,
                appliedOn: dayjs(c.appliedOn),
                result: c.result ?? undefined,
                ruledOn: c.ruledOn ? dayjs(c.ruledOn) : null,
                rulingNo: c.rulingNo ?? undefined,
                note: c.note ?? undefined,
              }
            : { appliedOn: dayjs() }
        }
      >
        <Form.Item
          name="court"
          label="受理法院"
          rules={[{ required: true, whitespace: true, message: '请填写受理法院' }]}
        >
          <Input aria-label="受理法院" maxLength={100} placeholder="如：北海市海城区人民法院" />
        </Form.Item>
        <Form.Item name="appliedOn" label="申请日期" rules={[{ required: true, message: '请选择申请日期' }]}>
          <DatePicker aria-label="申请日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {c && (
          <>
            <Form.Item name="result" label="裁定结果">
              <Select
                aria-label="裁定结果"
                allowClear
                options={confirmationResults.map((r) => ({ value: r, label: confirmationResultLabels[r] }))}
              />
            </Form.Item>
            <Form.Item name="ruledOn" label="裁定日期">
              <DatePicker aria-label="裁定日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="rulingNo" label="裁定书文号">
              <Input aria-label="裁定书文号" maxLength={60} placeholder="如：（2026）桂0502民特12号" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea aria-label="备注" rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button type="primary" htmlType="submit" loading={record.isPending} block={narrow}>
            {c ? '保存裁定' : '记录申请'}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 司法确认 (人民调解法第三十三条): the 30-day window, the parties' application and the court's ruling. */
export function ConfirmationSection({ view }: { view: MediationProcessView }) {
  const narrow = useIsNarrow();
  const w = view.confirmationWindow;
  const c = view.confirmation;
  if (view.agreement?.form === 'oral')
    return <Empty description="口头协议不生成调解协议书，不适用司法确认期限" />;
  if (!w && !c)
    return <Empty description="达成书面调解协议后，当事人可在协议生效之日起30日内共同申请司法确认" />;
  return (
    <div>
      {w && (
        <Card size="small" title="申请司法确认期限" style={{ marginBottom: 16 }}>
          <Descriptions column={narrow ? 1 : 2} size="small" bordered>
            <Descriptions.Item label="协议生效日期">{w.startedOn}</Descriptions.Item>
            <Descriptions.Item label="期限届满日">{w.dueOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="剩余">
              {w.daysLeft === null ? (
                <Tag>{w.status === 'met' ? '已在期限内申请' : '已停止计时'}</Tag>
              ) : (
                <Tag color={stateColours[w.state] ?? 'default'}>{w.label}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="依据">{w.rule}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {c && (
        <Card size="small" title="司法确认" style={{ marginBottom: 16 }}>
          {!c.appliedInTime && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="申请日期已超过30日期限" />
          )}
          <Descriptions column={narrow ? 1 : 2} size="small" bordered>
            <Descriptions.Item label="受理法院">{c.court}</Descriptions.Item>
            <Descriptions.Item label="申请日期">{c.appliedOn}</Descriptions.Item>
            <Descriptions.Item label="裁定结果">{c.resultLabel ?? '待法院裁定'}</Descriptions.Item>
            <Descriptions.Item label="裁定日期">{c.ruledOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="裁定书文号">{c.rulingNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="备注">{c.note ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {view.canHandle && view.status === 'settled' && <ConfirmationForm key={c?.version ?? 0} view={view} />}
    </div>
  );
}
