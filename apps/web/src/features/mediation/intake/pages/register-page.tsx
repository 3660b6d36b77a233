import {
  type DisputeRef,
  type DisputeSource,
  disputeKindLabels,
  disputeKinds,
  disputeSourceLabels,
  disputeSources,
  permissions,
  type RegisterDisputeInput,
  referralSources,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import type { OrganisationFormValues, PersonFormValues } from '../../../../components/party/index.ts';
import { useCan } from '../../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useSessionUser } from '../../../../lib/session.ts';
import { checkDuplicates, useRegisterDispute } from '../api/intake-api.ts';
import { PartyCard, type PartyForms, partyInput, validateParty } from '../components/party-card.tsx';
import { TownSelect } from '../components/town-select.tsx';

interface DisputeFormValues {
  source: DisputeSource;
  sourceRef?: string;
  kind?: (typeof disputeKinds)[number];
  involvesEnterprise: boolean;
  amountInvolvedYuan?: number | null;
  occurredOn?: Dayjs | null;
  townCode?: string;
  village?: string;
  address?: string;
  facts?: string;
  request?: string;
  atOwnCommittee?: boolean;
}

const sourceOptions = disputeSources
  .filter((s) => s !== 'portal' && s !== 'sweep')
  .map((value) => ({ value, label: disputeSourceLabels[value] }));
const kindOptions = disputeKinds.map((value) => ({ value, label: disputeKindLabels[value] }));
const refLabel: Partial<Record<DisputeSource, string>> = {
  court: '委派函号',
  police: '警情号',
  petition: '信访件号',
  hotline: '12345 工单号',
};

function useParty(): [PartyForms, (kind: PartyForms['kind']) => void] {
  const [person] = Form.useForm<PersonFormValues>();
  const [organisation] = Form.useForm<OrganisationFormValues>();
  const [kind, setKind] = useState<PartyForms['kind']>('person');
  return [{ kind, person, organisation }, setKind];
}

/**
 * 纠纷登记: a walk-in at a committee or office, or a referral from the court, the police, the petition office or
 * 12345. The API dispatches it to the competent committee (or registers it at the clerk's own committee); the
 * same parties and matter still open elsewhere are shown first as 可能重复.
 */
export default function RegisterPage() {
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const can = useCan();
  const user = useSessionUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<DisputeFormValues>();
  const [applicant, setApplicantKind] = useParty();
  const [respondent, setRespondentKind] = useParty();
  const register = useRegisterDispute();
  const [problem, setProblem] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DisputeRef[] | null>(null);
  const key = useRef(crypto.randomUUID());
  const busy = useRef(false);
  // 登记发现的纠纷 on a sweep's page opens this form with the sweep named.
  const [search] = useSearchParams();
  const sweepId = search.get('sweepId');
  const watchedSource = Form.useWatch('source', form);
  const source = sweepId ? 'sweep' : watchedSource;
  const isReferral = source !== undefined && referralSources.includes(source);
  // Committee staff (no dispatch permission) register walk-ins at their own committee by default.
  const atCommittee = !can(permissions.mediation.dispatch);
  const layout = formLayout(narrow, 112);

  const build = (): RegisterDisputeInput => {
    const v = form.getFieldsValue(true) as DisputeFormValues;
    const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
    return {
      ...(sweepId ? { source: 'sweep', sweepId } : { source: v.source }),
      ...(isReferral && text(v.sourceRef) ? { sourceRef: text(v.sourceRef) } : {}),
      kind: v.kind as RegisterDisputeInput['kind'],
      involvesEnterprise: v.involvesEnterprise,
      ...(v.amountInvolvedYuan !== undefined && v.amountInvolvedYuan !== null
        ? { amountInvolvedYuan: v.amountInvolvedYuan }
        : {}),
      facts: v.facts ?? '',
      ...(text(v.request) ? { request: text(v.request) } : {}),
      ...(v.occurredOn ? { occurredOn: v.occurredOn.format('YYYY-MM-DD') } : {}),
      place: {
        townCode: v.townCode ?? '',
        ...(text(v.village) ? { village: text(v.village) } : {}),
        ...(text(v.address) ? { address: text(v.address) } : {}),
      },
      parties: [partyInput('applicant', applicant), partyInput('respondent', respondent)],
      ...(atCommittee && v.atOwnCommittee && user.unitId ? { committeeUnitId: user.unitId } : {}),
    } as RegisterDisputeInput;
  };

  const send = (input: RegisterDisputeInput) => {
    register.mutate(
      { input, idempotencyKey: key.current },
      {
        onSuccess: (result) => {
          key.current = crypto.randomUUID();
          message.success(
            `已登记，编号 ${result.caseNo ?? '生成中'}，分派至${result.committeeName}${result.duplicate ? '（已标记可能重复）' : ''}`,
          );
          navigate(`/mediation/disputes/${result.caseId}`);
        },
        onSettled: () => {
          busy.current = false;
        },
        onError: (error) => {
          const fields = error instanceof ApiRequestError ? error.fields : [];
          form.setFields(
            fields
              .filter((f) => !f.path.startsWith('parties'))
              .map(
                (f) => ({ name: f.path.replace(/^place\./, '').split('.'), errors: [f.message] }) as never,
              ),
          );
          const partyProblems = fields.filter((f) => f.path.startsWith('parties')).map((f) => f.message);
          setProblem(
            partyProblems.length > 0
              ? `当事人信息有误：${partyProblems.join('；')}`
              : fields.length > 0
                ? '请按提示更正标红的项目'
                : errorMessage(error),
          );
        },
      },
    );
  };

  const onSubmit = async (confirmedDuplicate = false) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    const checks = await Promise.all([
      form
        .validateFields()
        .then(() => true)
        .catch(() => false),
      validateParty(applicant),
      validateParty(respondent),
    ]);
    if (checks.includes(false)) {
      setProblem('请按提示补全或更正标红的项目');
      busy.current = false;
      return;
    }
    const input = build();
    if (!confirmedDuplicate) {
      try {
        const found = await checkDuplicates({ kind: input.kind, parties: input.parties });
        if (found.duplicates.length > 0) {
          setDuplicates(found.duplicates);
          busy.current = false;
          return;
        }
      } catch {
        // The check is a help, not a gate: registration goes on and the API flags a duplicate itself.
      }
    }
    setDuplicates(null);
    send(input);
  };

  return (
    <>
      <PageHeader
        title="纠纷登记"
        description="登记当事人来访和法院、公安、信访、12345 转来的纠纷。系统按纠纷类型和地点分派到有管辖的人民调解委员会，并告知纠纷发生地的司法所。"
      />
      <FormErrorAlert message={problem} />
      {duplicates && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="可能重复：同样的当事人、同类纠纷正在办理"
          description={
            <Flex vertical gap={8}>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {duplicates.map((d) => (
                  <li key={d.caseId}>
                    <Link to={`/mediation/disputes/${d.caseId}`} target="_blank">
                      {d.caseNo ?? '未编号'}
                    </Link>
                    ，{d.committeeName}，{d.statusLabel}，登记于 {d.registeredAt.slice(0, 10)}
                  </li>
                ))}
              </ul>
              <span>请先打开核实。确属另一纠纷的，可以继续登记（系统会标记为可能重复）。</span>
              <Flex gap={8} wrap>
                <Button onClick={() => setDuplicates(null)}>不登记，返回修改</Button>
                <Button danger onClick={() => void onSubmit(true)} loading={register.isPending}>
                  仍然登记
                </Button>
              </Flex>
            </Flex>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <PartyCard name="applicant" title="申请人" value={applicant} onKindChange={setApplicantKind} />
            <PartyCard
              name="respondent"
              title="被申请人（纠纷对方）"
              value={respondent}
              onKindChange={setRespondentKind}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Form
            form={form}
            name="dispute"
            {...layout}
            initialValues={{ source: 'walkIn', involvesEnterprise: false, atOwnCommittee: true }}
          >
            <Flex vertical gap={16}>
              <Card title="来源" size="small">
                {sweepId ? (
                  <Form.Item label="纠纷来源">
                    {disputeSourceLabels.sweep}（<Link to={`/mediation/sweeps/${sweepId}`}>查看该次排查</Link>
                    ）
                  </Form.Item>
                ) : (
                  <Form.Item
                    name="source"
                    label="纠纷来源"
                    rules={[{ required: true, message: '请选择纠纷来源' }]}
                  >
                    <Select options={sourceOptions} />
                  </Form.Item>
                )}
                {isReferral && (
                  <Form.Item
                    name="sourceRef"
                    label={refLabel[source] ?? '来源文号'}
                    rules={[{ required: true, whitespace: true, message: '转来的纠纷请填写来源文号' }]}
                    extra="转办单位的函号、警情号、件号或工单号，便于回复和对账"
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                )}
                {atCommittee && (
                  <Form.Item name="atOwnCommittee" valuePropName="checked" label="登记到">
                    <Checkbox>本调委会（{user.unitName ?? '本单位'}）直接受理</Checkbox>
                  </Form.Item>
                )}
              </Card>
              <Card title="纠纷" size="small">
                <Form.Item
                  name="kind"
                  label="纠纷类型"
                  rules={[{ required: true, message: '请选择纠纷类型' }]}
                >
                  <Select
                    options={kindOptions}
                    placeholder="选择纠纷类型"
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
                <Form.Item name="involvesEnterprise" label="涉企纠纷" valuePropName="checked">
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
                <Form.Item name="amountInvolvedYuan" label="涉及金额" extra="不涉及金额的留空">
                  <InputNumber min={0} precision={2} step={100} suffix="元" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="occurredOn" label="发生日期">
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name="facts"
                  label="纠纷事实"
                  rules={[{ required: true, whitespace: true, message: '请填写纠纷事实' }]}
                >
                  <Input.TextArea rows={4} maxLength={4000} showCount />
                </Form.Item>
                <Form.Item name="request" label="申请事项">
                  <Input.TextArea rows={2} maxLength={2000} placeholder="当事人希望怎样解决" />
                </Form.Item>
              </Card>
              <Card title="纠纷地点" size="small">
                <Form.Item
                  name="townCode"
                  label="乡镇（街道）"
                  rules={[{ required: true, message: '请选择纠纷发生的乡镇（街道）' }]}
                >
                  <TownSelect />
                </Form.Item>
                <Form.Item name="village" label="村（社区）" extra="按村（社区）分派到服务该村的调委会">
                  <Input maxLength={60} placeholder="如 西门村" />
                </Form.Item>
                <Form.Item name="address" label="详细地址">
                  <Input maxLength={200} />
                </Form.Item>
              </Card>
            </Flex>
          </Form>
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={() => navigate('/mediation/disputes')}>取消</Button>
        <Button
          type="primary"
          loading={register.isPending}
          disabled={register.isPending}
          onClick={() => void onSubmit()}
        >
          登记纠纷
        </Button>
      </Flex>
    </>
  );
}
