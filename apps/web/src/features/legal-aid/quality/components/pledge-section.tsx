import { type LegalAidPledgeCheckResult, legalAidPledgeCheckResultLabels } from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Skeleton,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useCasePledge, useCheckPledge, useMarkRecovered, yuan } from '../api/quality-api.ts';

interface CheckForm {
  result: LegalAidPledgeCheckResult;
  note: string;
  costRecoveryYuan?: number | null;
}

const fineNote =
  '承诺不实的，依照《法律援助法》第六十四条由法律援助机构追缴已支出的法律援助费用；是否处三千元以下罚款，由司法行政部门决定，不在本页处理。';

/** 承诺核查 tab: the result of checking the applicant's hardship pledge (第四十一条). */
export function PledgeSection({ caseId }: { caseId: string }) {
  const narrow = useIsNarrow();
  const { message, modal } = App.useApp();
  const view = useCasePledge(caseId, true);
  const check = useCheckPledge(caseId);
  const recovered = useMarkRecovered(caseId);
  const [form] = Form.useForm<CheckForm>();
  const result = Form.useWatch('result', form);
  const [error, setError] = useState<string | null>(null);
  const [recoveredOn, setRecoveredOn] = useState<Dayjs | null>(null);

  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <Alert type="error" showIcon message={errorMessage(view.error)} />;
  const v = view.data;
  const c = v.check;

  const send = async (values: CheckForm) => {
    setError(null);
    try {
      await check.mutateAsync({
        result: values.result,
        note: values.note,
        ...(values.result === 'false' && values.costRecoveryYuan != null
          ? { costRecoveryYuan: values.costRecoveryYuan }
          : {}),
      });
      message.success('核查结论已记录');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const submit = (values: CheckForm) => {
    if (values.result !== 'false') return send(values);
    modal.confirm({
      title: '确认承诺不实？',
      content: v.falseEffect,
      okText: '确认记录',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => send(values),
    });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Alert
        type={v.sampled ? 'warning' : 'info'}
        showIcon
        message={
          v.sampled
            ? '该申请人以个人诚信承诺证明经济困难状况，已被随机抽中，需要核查（第四十一条）。'
            : '该申请人以个人诚信承诺证明经济困难状况，未被抽中核查；如有线索也可核查。'
        }
      />
      {c && (
        <Card size="small" title="核查结论">
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'r', label: '核查结论', children: legalAidPledgeCheckResultLabels[c.result] },
              { key: 'n', label: '核查情况', children: c.note },
              ...(c.result === 'false'
                ? [
                    {
                      key: 'cost',
                      label: '追缴法律援助费用',
                      children: c.costRecoveryYuan != null ? yuan(c.costRecoveryYuan) : '未追缴',
                    },
                    {
                      key: 'rec',
                      label: '退还情况',
                      children: c.recoveredOn ? `已于 ${c.recoveredOn} 退还` : '尚未退还',
                    },
                  ]
                : []),
              { key: 'at', label: '核查时间', children: dayjs(c.checkedAt).format('YYYY-MM-DD HH:mm') },
              { key: 'by', label: '核查人', children: c.checkedByName ?? '—' },
            ]}
          />
          {c.result === 'false' && (
            <Alert style={{ marginTop: 12 }} type="info" showIcon message={fineNote} />
          )}
          {c.result === 'false' && c.costRecoveryYuan != null && !c.recoveredOn && (
            <Space wrap style={{ marginTop: 12 }}>
              <DatePicker
                aria-label="退还日期"
                placeholder="退还日期"
                value={recoveredOn}
                onChange={setRecoveredOn}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
              <Button
                disabled={!recoveredOn}
                loading={recovered.isPending}
                onClick={async () => {
                  if (!recoveredOn) return;
                  try {
                    await recovered.mutateAsync({ recoveredOn: recoveredOn.format('YYYY-MM-DD') });
                    message.success('已登记退还');
                  } catch (e) {
                    message.error(errorMessage(e));
                  }
                }}
              >
                登记费用已退还
              </Button>
            </Space>
          )}
        </Card>
      )}
      {!c && v.problem && <Alert type="warning" showIcon message={v.problem} />}
      {!c && !v.problem && (
        <Card size="small" title="记录核查结论">
          <FormErrorAlert message={error} />
          <Form<CheckForm> form={form} {...formLayout(narrow, 110)} onFinish={submit}>
            <Form.Item name="result" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
              <Radio.Group
                aria-label="核查结论"
                options={(['confirmed', 'false'] as const).map((k) => ({
                  value: k,
                  label: legalAidPledgeCheckResultLabels[k],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="note"
              label="核查情况"
              rules={[{ required: true, whitespace: true, message: '请填写核查情况' }]}
            >
              <Input.TextArea aria-label="核查情况" rows={3} maxLength={2000} showCount />
            </Form.Item>
            {result === 'false' && (
              <>
                <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={v.falseEffect} />
                <Form.Item name="costRecoveryYuan" label="追缴费用（元）" extra={fineNote}>
                  <InputNumber<number>
                    aria-label="追缴法律援助费用（元）"
                    min={0}
                    max={1_000_000}
                    precision={2}
                    style={{ width: '100%', maxWidth: 240 }}
                    formatter={(x) => `${x ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
                    parser={(x) => Number((x ?? '').replace(/,/g, ''))}
                  />
                </Form.Item>
              </>
            )}
            <Form.Item label={narrow ? undefined : ' '} colon={false}>
              <Button type="primary" htmlType="submit" loading={check.isPending} danger={result === 'false'}>
                记录核查结论
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
    </div>
  );
}
