import { sentenceKindLabels, sentenceKinds } from '@zhucheng/contracts';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useRegisterSupervisee } from '../api/use-corrections.ts';
import { formFieldOf, type RegisterValues, toRegisterInput } from '../components/form-model.ts';
import { IdentityFields } from '../components/identity-fields.tsx';
import { PhotoField } from '../components/photo-field.tsx';
import {
  FlagsField,
  PeriodField,
  PhoneField,
  ProhibitionOrdersField,
} from '../components/register-fields.tsx';
import { UnitSelect } from '../components/unit-select.tsx';

const sentenceKindOptions = sentenceKinds.map((value) => ({ value, label: sentenceKindLabels[value] }));
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/**
 * 入矫登记: from the court's (or prison's) notice of execution. Saving starts the 10-day report-in clock
 * (第二十一条) and opens the supervisee's record.
 */
export default function SuperviseeRegisterPage() {
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterSupervisee();
  const [problem, setProblem] = useState<string | null>(null);
  // One key per supervisee being entered: a double click or a retry after a lost answer registers once.
  const key = useRef(crypto.randomUUID());
  const busy = useRef(false);
  const layout = formLayout(narrow, 144);

  const onFinish = (values: RegisterValues) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    register.mutate(
      { input: toRegisterInput(values), idempotencyKey: key.current },
      {
        onSuccess: (saved) => {
          key.current = crypto.randomUUID();
          message.success(`已登记 ${saved.name}，请在 10 日内督促其报到`);
          navigate(`/corrections/supervisees/${saved.caseId}`);
        },
        onError: (error) => {
          // A refusal is final for this key; a lost answer keeps it, so the retry returns the first result.
          if (!(error instanceof ApiRequestError && error.isNetworkError)) key.current = crypto.randomUUID();
          const fields = error instanceof ApiRequestError ? error.fields : [];
          form.setFields(fields.map((f) => ({ name: formFieldOf(f.path), errors: [f.message] }) as never));
          setProblem(fields.length > 0 ? '请按提示更正标红的项目' : errorMessage(error));
          // The message sits above the form; the first named field may be further down.
          const first = fields[0];
          if (first) form.scrollToField(formFieldOf(first.path), { block: 'center' });
          else window.scrollTo({ top: 0, behavior: 'smooth' });
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title="登记社区矫正对象"
        description="依人民法院判决（裁定）或监狱管理机关、公安机关的决定及执行通知书登记；登记后开始计算 10 日报到期限。"
      />
      <FormErrorAlert message={problem} />
      <Form<RegisterValues>
        form={form}
        {...layout}
        disabled={register.isPending}
        initialValues={{ flags: [], prohibitionOrders: [] }}
        onFinish={onFinish}
        onFinishFailed={() => setProblem('请按提示补全或更正标红的项目')}
        onValuesChange={() => setProblem(null)}
        scrollToFirstError
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title="社区矫正对象" size="small">
              <IdentityFields form={form} />
              <PhoneField required placeholder="11 位手机号码" />
              <Form.Item name="photoFileId" label="照片">
                <PhotoField />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="判决与执行通知" size="small">
              <Form.Item
                name="sentenceKind"
                label="矫正类别"
                rules={[{ required: true, message: '请选择社区矫正类别' }]}
              >
                <Radio.Group options={sentenceKindOptions} />
              </Form.Item>
              <Form.Item
                name="offence"
                label="罪名"
                rules={[{ required: true, whitespace: true, message: '请填写罪名' }]}
              >
                <Input maxLength={100} placeholder="如：危险驾驶罪" />
              </Form.Item>
              <Form.Item
                name="courtName"
                label="判决（决定）机关"
                rules={[{ required: true, whitespace: true, message: '请填写判决（决定）机关' }]}
              >
                <Input maxLength={100} placeholder="如：北海市海城区人民法院" />
              </Form.Item>
              <Form.Item
                name="judgmentNo"
                label="判决书文号"
                rules={[{ required: true, whitespace: true, message: '请填写判决书（裁定书、决定书）文号' }]}
              >
                <Input maxLength={80} placeholder="如：（2026）桂0502刑初123号" />
              </Form.Item>
              <Form.Item
                name="judgmentEffectiveOn"
                label="生效日期"
                rules={[{ required: true, message: '请选择判决（裁定、决定）生效日期' }]}
              >
                <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
              </Form.Item>
              <Form.Item name="noticeNo" label="执行通知书文号">
                <Input maxLength={80} />
              </Form.Item>
              <Form.Item name="noticeReceivedOn" label="收到通知书日期">
                <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
              </Form.Item>
              <PeriodField />
              <Form.Item
                name="supervisingOfficeId"
                label="执行地司法所"
                rules={[{ required: true, message: '请选择执行地司法所' }]}
                extra="社区矫正对象居住地的司法所，负责日常监督管理"
              >
                <UnitSelect kinds={['justiceOffice']} placeholder="选择司法所（可输入名称查找）" />
              </Form.Item>
              <ProhibitionOrdersField />
              <FlagsField />
            </Card>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
          <Button onClick={() => navigate('/corrections/supervisees')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            登记
          </Button>
        </Flex>
      </Form>
    </>
  );
}
