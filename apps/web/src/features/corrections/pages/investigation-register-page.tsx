import {
  investigationRequesterKindLabels,
  investigationRequesterKinds,
  sentenceKindLabels,
  sentenceKinds,
} from '@zhucheng/contracts';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useRequestInvestigation } from '../api/use-corrections.ts';
import { formFieldOf, type InvestigationValues, toInvestigationInput } from '../components/form-model.ts';
import { IdentityFields } from '../components/identity-fields.tsx';
import { UnitSelect } from '../components/unit-select.tsx';

const requesterOptions = investigationRequesterKinds.map((value) => ({
  value,
  label: investigationRequesterKindLabels[value],
}));
const sentenceKindOptions = sentenceKinds.map((value) => ({ value, label: sentenceKindLabels[value] }));

/**
 * 登记调查评估委托 (第十八条): the requester's letter and the person to investigate. Saving starts the clock
 * (10 working days, 5 in fast-track cases) from the day the letter came.
 */
export default function InvestigationRegisterPage() {
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<InvestigationValues>();
  const request = useRequestInvestigation();
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  const busy = useRef(false);
  const fastTrack = Form.useWatch('fastTrack', form);

  const onFinish = (values: InvestigationValues) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    request.mutate(
      { input: toInvestigationInput(values), idempotencyKey: key.current },
      {
        onSuccess: (saved) => {
          key.current = crypto.randomUUID();
          message.success(`已登记调查评估 ${saved.caseNo ?? ''}`);
          navigate(`/corrections/investigations/${saved.caseId}`);
        },
        onError: (error) => {
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
        title="登记调查评估委托"
        description="人民法院、人民检察院、公安机关、监狱管理机关委托调查被告人、罪犯的社会危险性和对所居住社区的影响。"
      />
      <FormErrorAlert message={problem} />
      <Form<InvestigationValues>
        form={form}
        {...formLayout(narrow, 144)}
        disabled={request.isPending}
        initialValues={{ fastTrack: false, receivedOn: dayjs() }}
        onFinish={onFinish}
        onFinishFailed={() => setProblem('请按提示补全或更正标红的项目')}
        onValuesChange={() => setProblem(null)}
        scrollToFirstError
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title="委托" size="small">
              <Form.Item
                name="requesterKind"
                label="委托机关类别"
                rules={[{ required: true, message: '请选择委托机关类别' }]}
              >
                <Radio.Group options={requesterOptions} />
              </Form.Item>
              <Form.Item
                name="requesterName"
                label="委托机关"
                rules={[{ required: true, whitespace: true, message: '请填写委托机关名称' }]}
              >
                <Input maxLength={100} placeholder="如：北海市海城区人民法院" />
              </Form.Item>
              <Form.Item
                name="letterNo"
                label="委托函文号"
                rules={[{ required: true, whitespace: true, message: '请填写委托函文号' }]}
              >
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item
                name="receivedOn"
                label="收到委托函日期"
                rules={[{ required: true, message: '请选择收到委托函日期' }]}
                extra="期限从收到委托函之日起计算"
              >
                <DatePicker
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  style={{ width: '100%', maxWidth: 220 }}
                />
              </Form.Item>
              <Form.Item
                name="fastTrack"
                label="速裁程序"
                valuePropName="checked"
                extra={fastTrack ? '适用速裁程序：5 个工作日内完成' : '一般案件：10 个工作日内完成'}
              >
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
              <Form.Item
                name="unitId"
                label="承办单位"
                rules={[{ required: true, message: '请选择承办调查评估的单位' }]}
                extra="被调查评估对象居住地的司法所，或县（区）司法局"
              >
                <UnitSelect
                  kinds={['justiceOffice', 'countyBureau']}
                  placeholder="选择司法所或县（区）司法局"
                />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="被调查评估对象" size="small">
              <IdentityFields form={form} />
              <Form.Item
                name="phone"
                label="联系电话"
                rules={[
                  { pattern: /^[\s\d()+\-－（）]*$/, message: '联系电话只能包含数字、空格、括号和连字符' },
                ]}
              >
                <Input maxLength={30} inputMode="tel" autoComplete="off" style={{ maxWidth: 220 }} />
              </Form.Item>
              <Form.Item
                name="offence"
                label="涉嫌罪名"
                rules={[{ required: true, whitespace: true, message: '请填写涉嫌（被指控）罪名' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="proposedSentenceKind" label="拟适用类别">
                <Select
                  allowClear
                  options={sentenceKindOptions}
                  placeholder="委托函写明的，可不填"
                  style={{ maxWidth: 220 }}
                />
              </Form.Item>
              <Form.Item name="note" label="备注">
                <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
          <Button onClick={() => navigate('/corrections/investigations')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={request.isPending}>
            登记委托
          </Button>
        </Flex>
      </Form>
    </>
  );
}
