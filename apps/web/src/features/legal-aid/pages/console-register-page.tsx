import type { LegalAidApplicationInput } from '@zhucheng/contracts';
import { App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  PersonFields,
  type PersonFormValues,
  personFormDefaults,
  toPersonInput,
} from '../../../components/party/index.ts';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useRegisterApplication } from '../api/legal-aid-api.ts';
import { HardshipFields, MatterFields, UrgentFields } from '../components/application-fields.tsx';
import { type ApplicationFormValues, draftDataOf } from '../components/application-form-model.ts';

/**
 * 窗口登记: staff at any service point enter a walk-in application (全城通办); the API routes it to the
 * centre of the matter's place. The same sections as the portal, on one page.
 */
export default function ConsoleRegisterPage() {
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [applicantForm] = Form.useForm<PersonFormValues>();
  const [form] = Form.useForm<ApplicationFormValues>();
  const register = useRegisterApplication();
  const [problem, setProblem] = useState<string | null>(null);
  // One key per application being entered: a double click or a retry after a lost answer registers once.
  const key = useRef(crypto.randomUUID());
  const layout = formLayout(narrow, 112);

  // Set at the first press, before anything async: a double click must not send twice (a second request
  // with the same key while the first runs is refused, and only the last call's callbacks would run).
  const busy = useRef(false);
  const onSubmit = async () => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    const results = await Promise.allSettled([applicantForm.validateFields(), form.validateFields()]);
    if (results.some((r) => r.status === 'rejected')) {
      setProblem('请按提示补全或更正标红的项目');
      busy.current = false;
      return;
    }
    const values = form.getFieldsValue(true) as ApplicationFormValues;
    const data = draftDataOf(values, [], 0);
    const input = {
      applicant: toPersonInput(applicantForm.getFieldsValue(true) as PersonFormValues),
      matter: data.matter,
      hardship: data.hardship,
      fileIds: [],
      urgent: data.urgent ?? false,
      urgentReason: data.urgentReason ?? null,
    } as LegalAidApplicationInput;
    register.mutate(
      { input, idempotencyKey: key.current },
      {
        onSuccess: (result) => {
          key.current = crypto.randomUUID();
          message.success(`已登记，编号 ${result.caseNo ?? '生成中'}`);
          navigate(`/legal-aid/applications/${result.caseId}`);
        },
        onSettled: () => {
          busy.current = false;
        },
        onError: (error) => {
          const fields = error instanceof ApiRequestError ? error.fields : [];
          const toApplicant = fields.filter((f) => f.path.startsWith('applicant.'));
          const toForm = fields.filter((f) => !f.path.startsWith('applicant.'));
          applicantForm.setFields(
            toApplicant.map((f) => ({ name: f.path.split('.').slice(1), errors: [f.message] }) as never),
          );
          form.setFields(toForm.map((f) => ({ name: f.path.split('.'), errors: [f.message] }) as never));
          setProblem(fields.length > 0 ? '请按提示更正标红的项目' : errorMessage(error));
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title="窗口登记"
        description="来访群众当面申请法律援助。任何窗口都可登记（全城通办），系统按事项发生地转至有管辖权的法律援助中心办理，本单位也能查看。"
      />
      <FormErrorAlert message={problem} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="申请人" size="small">
            <Form form={applicantForm} {...layout} initialValues={personFormDefaults}>
              <PersonFields form={applicantForm} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Form form={form} {...layout} initialValues={{ urgent: false }}>
            <Flex vertical gap={16}>
              <Card title="申请事项" size="small">
                <MatterFields form={form} />
                <UrgentFields form={form} />
              </Card>
              <Card title="经济状况" size="small">
                <HardshipFields form={form} />
              </Card>
              <Card title="材料" size="small">
                <Typography.Text type="secondary">
                  登记后在申请的“材料”页上传申请人带来的证件和证据的扫描件或照片。
                </Typography.Text>
              </Card>
            </Flex>
          </Form>
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('/legal-aid/applications')}>取消</Button>
        <Button
          type="primary"
          loading={register.isPending}
          disabled={register.isPending}
          onClick={() => void onSubmit()}
        >
          登记申请
        </Button>
      </Flex>
    </>
  );
}
