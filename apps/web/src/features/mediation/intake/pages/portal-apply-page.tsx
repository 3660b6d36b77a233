import { AimOutlined } from '@ant-design/icons';
import {
  type DisputeKind,
  disputeKindLabels,
  idNumberProblem,
  type MediationApplicationInput,
  type StoredFile,
} from '@zhucheng/contracts';
import { Alert, Button, Form, Input, InputNumber, Radio, Steps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FileUpload, useMyFiles } from '../../../../components/file-upload/index.ts';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { readStorage, writeStorage } from '../../../../lib/storage.ts';
import { useApply, useTowns } from '../api/intake-api.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import styles from '../components/portal.module.css';
import { TownSelect } from '../components/town-select.tsx';

interface ApplyValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  respondentKind: 'person' | 'organisation';
  respondentName?: string;
  respondentPhone?: string;
  respondentAddress?: string;
  kind?: DisputeKind;
  facts?: string;
  request?: string;
  amount?: number | null;
  townCode?: string;
  village?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  accuracy?: number;
}

const steps = [
  { title: '本人', heading: '您的信息', fields: ['name', 'idNumber', 'phone'] },
  { title: '对方', heading: '纠纷对方', fields: ['respondentKind', 'respondentName', 'respondentPhone'] },
  { title: '经过', heading: '发生了什么', fields: ['kind', 'facts', 'request', 'amount'] },
  { title: '地点', heading: '在哪里发生', fields: ['townCode', 'village', 'address'] },
  { title: '照片', heading: '现场或证据照片', fields: [] },
  { title: '提交', heading: '确认并提交', fields: [] },
] as const;
const LAST = steps.length - 1;
const DRAFT_KEY = 'mediation.applyDraft';

/** The kinds a citizen meets most, first; the rest after. */
const kindChoices: DisputeKind[] = [
  'neighbour',
  'marriageFamily',
  'property',
  'land',
  'contract',
  'consumer',
  'labour',
  'damages',
  'traffic',
  'medical',
  'tourism',
  'production',
  'forest',
  'water',
  'other',
];

/** Short names for the buttons. */
const shortKind: Record<DisputeKind, string> = {
  marriageFamily: '婚姻家庭',
  neighbour: '邻里',
  contract: '合同',
  production: '生产经营',
  labour: '劳动争议',
  consumer: '消费',
  tourism: '旅游',
  damages: '损害赔偿',
  medical: '医疗',
  traffic: '交通事故',
  property: '物业',
  land: '土地',
  forest: '山林',
  water: '水利',
  other: '其他',
};

/** 申请人民调解: six short steps, kept on the phone as they are typed; the citizen is the applicant. */
export default function PortalApplyPage() {
  return (
    <CitizenGate why="申请人民调解">
      <Wizard />
    </CitizenGate>
  );
}

function readDraft(): { values: Partial<ApplyValues>; fileIds: string[] } {
  try {
    const raw = readStorage(DRAFT_KEY);
    if (raw) return JSON.parse(raw) as { values: Partial<ApplyValues>; fileIds: string[] };
  } catch {
    // A broken draft is dropped: the form starts empty.
  }
  return { values: { respondentKind: 'person' }, fileIds: [] };
}

function Wizard() {
  const [form] = Form.useForm<ApplyValues>();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const initial = useMemo(readDraft, []);
  const [fileIds, setFileIds] = useState<string[]>(initial.fileIds);
  const [problem, setProblem] = useState<string | null>(null);
  const apply = useApply();
  // One key per application: a double tap or a retry after a lost answer submits once.
  const key = useRef(readStorage(`${DRAFT_KEY}.key`) ?? crypto.randomUUID());
  const step = Math.min(Math.max(Number(search.get('step') ?? 0) || 0, 0), LAST);
  const myFiles = useMyFiles({ unattached: true });
  const files = (myFiles.data?.items ?? []).filter((f) => fileIds.includes(f.id));

  const saveDraft = (ids = fileIds) => {
    writeStorage(DRAFT_KEY, JSON.stringify({ values: form.getFieldsValue(true), fileIds: ids }));
    writeStorage(`${DRAFT_KEY}.key`, key.current);
  };

  const go = async (to: number) => {
    setProblem(null);
    if (to > step) {
      const fields = steps[step]?.fields ?? [];
      const ok = await form
        .validateFields([...fields])
        .then(() => true)
        .catch(() => false);
      if (!ok) return;
    }
    saveDraft();
    setSearch({ step: String(to) });
    window.scrollTo?.(0, 0);
  };

  const onUploaded = (file: StoredFile) => {
    const ids = [...fileIds, file.id];
    setFileIds(ids);
    saveDraft(ids);
  };

  const submit = async () => {
    setProblem(null);
    const ok = await form
      .validateFields()
      .then(() => true)
      .catch(() => false);
    if (!ok) {
      setProblem('有的内容还没有填写完整，请返回上一步按提示补全');
      return;
    }
    const v = form.getFieldsValue(true) as ApplyValues;
    const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
    const input: MediationApplicationInput = {
      applicant: {
        name: v.name?.trim() ?? '',
        idType: 'residentIdCard',
        idNumber: v.idNumber?.trim() ?? '',
        ...(text(v.phone) ? { phone: text(v.phone) } : {}),
      },
      respondent: {
        kind: v.respondentKind,
        name: v.respondentName?.trim() ?? '',
        ...(text(v.respondentPhone) ? { phone: text(v.respondentPhone) } : {}),
        ...(text(v.respondentAddress) ? { address: text(v.respondentAddress) } : {}),
      },
      kind: v.kind as DisputeKind,
      involvesEnterprise: v.respondentKind === 'organisation',
      ...(v.amount !== undefined && v.amount !== null ? { amountInvolvedYuan: v.amount } : {}),
      facts: v.facts?.trim() ?? '',
      ...(text(v.request) ? { request: text(v.request) } : {}),
      place: {
        townCode: v.townCode ?? '',
        ...(text(v.village) ? { village: text(v.village) } : {}),
        ...(text(v.address) ? { address: text(v.address) } : {}),
        ...(v.latitude !== undefined && v.longitude !== undefined
          ? { latitude: v.latitude, longitude: v.longitude }
          : {}),
      },
      fileIds,
    };
    apply.mutate(
      { input, idempotencyKey: key.current },
      {
        onSuccess: (result) => {
          writeStorage(DRAFT_KEY, null);
          writeStorage(`${DRAFT_KEY}.key`, null);
          navigate(`/mediation/disputes/${result.caseId}?submitted=1`, { replace: true });
        },
        onError: (error) => {
          const fields = error instanceof ApiRequestError ? error.fields : [];
          setProblem(
            fields.length > 0
              ? `请返回修改：${fields.map((f) => f.message).join('；')}`
              : errorMessage(error),
          );
        },
      },
    );
  };

  return (
    <>
      <div className={styles.stepsCard}>
        <p className={styles.stepNow}>
          {steps[step]?.heading}{' '}
          <span className={styles.stepCount}>
            （第 {step + 1} 步，共 {steps.length} 步）
          </span>
        </p>
        <Steps
          size="small"
          current={step}
          responsive={false}
          titlePlacement="vertical"
          items={steps.map((s) => ({ title: s.title }))}
          style={{ marginTop: 8 }}
        />
      </div>
      <Form form={form} layout="vertical" initialValues={initial.values} onValuesChange={() => saveDraft()}>
        <section className="portal-card">
          <div hidden={step !== 0}>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="人民调解实行实名申请：您本人就是申请人。身份证号码只用于核实身份，不会告诉对方。"
            />
            <Form.Item
              name="name"
              label="您的姓名"
              rules={[{ required: true, whitespace: true, message: '请填写您的姓名' }]}
            >
              <Input size="large" maxLength={60} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="身份证号码"
              rules={[
                { required: true, message: '请填写身份证号码' },
                {
                  validator: async (_rule, value: string | undefined) => {
                    const problem = value ? idNumberProblem(value.trim().toUpperCase()) : null;
                    if (problem) throw new Error(problem);
                  },
                },
              ]}
            >
              <Input size="large" maxLength={18} inputMode="text" />
            </Form.Item>
            <Form.Item
              name="phone"
              label="联系电话"
              rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}
              extra="调解员会打这个电话与您联系"
            >
              <Input size="large" maxLength={20} inputMode="tel" autoComplete="tel" />
            </Form.Item>
          </div>
          <div hidden={step !== 1}>
            <Form.Item name="respondentKind" label="对方是">
              <Radio.Group
                size="large"
                optionType="button"
                options={[
                  { value: 'person', label: '个人' },
                  { value: 'organisation', label: '单位或商家' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="respondentName"
              label="对方姓名或单位名称"
              rules={[{ required: true, whitespace: true, message: '请填写对方的姓名或单位名称' }]}
              extra="调委会要通知对方来参加调解"
            >
              <Input size="large" maxLength={100} />
            </Form.Item>
            <Form.Item name="respondentPhone" label="对方联系电话（知道的话）">
              <Input size="large" maxLength={20} inputMode="tel" />
            </Form.Item>
            <Form.Item name="respondentAddress" label="对方住址（知道的话）">
              <Input size="large" maxLength={200} />
            </Form.Item>
          </div>
          <div hidden={step !== 2}>
            <Form.Item
              name="kind"
              label="纠纷类型"
              rules={[{ required: true, message: '请选择最接近的一类' }]}
            >
              <Radio.Group className={styles.kinds} optionType="button" size="large">
                {kindChoices.map((k) => (
                  <Radio.Button key={k} value={k}>
                    {shortKind[k]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="facts"
              label="发生了什么"
              rules={[{ required: true, whitespace: true, message: '请简单说说发生了什么' }]}
              extra="什么时候、因为什么事、现在怎样了"
            >
              <Input.TextArea rows={5} maxLength={4000} />
            </Form.Item>
            <Form.Item name="request" label="您希望怎样解决">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="amount" label="涉及金额（元，没有可不填）">
              <InputNumber size="large" min={0} precision={2} style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
          </div>
          <div hidden={step !== 3}>
            <PlaceFields form={form} onChange={() => saveDraft()} />
          </div>
          <div hidden={step !== 4}>
            <p className={styles.lead}>可以拍下现场、欠条、聊天记录等，最多 9 张；没有可以跳过。</p>
            <FileUpload
              category="photo"
              camera
              files={files}
              onUploaded={onUploaded}
              buttonText="选择照片或文件"
            />
          </div>
          {step === LAST && <Summary form={form} fileCount={fileIds.length} />}
        </section>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <div className={styles.nav}>
        <Button size="large" disabled={step === 0} onClick={() => void go(step - 1)}>
          上一步
        </Button>
        {step < LAST ? (
          <Button type="primary" size="large" onClick={() => void go(step + 1)}>
            下一步
          </Button>
        ) : (
          <Button type="primary" size="large" loading={apply.isPending} onClick={() => void submit()}>
            提交申请
          </Button>
        )}
      </div>
    </>
  );
}

/** 使用当前位置 (with its accuracy) plus the town, village and address. */
function PlaceFields({
  form,
  onChange,
}: {
  form: ReturnType<typeof Form.useForm<ApplyValues>>[0];
  onChange: () => void;
}) {
  const [locating, setLocating] = useState(false);
  const [locateProblem, setLocateProblem] = useState<string | null>(null);
  const accuracy = Form.useWatch('accuracy', form);
  const latitude = Form.useWatch('latitude', form);
  const locate = () => {
    setLocateProblem(null);
    if (!navigator.geolocation) {
      setLocateProblem('这台手机或浏览器不能定位，请直接选择乡镇并填写地址');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        form.setFieldsValue({
          latitude: Number(position.coords.latitude.toFixed(6)),
          longitude: Number(position.coords.longitude.toFixed(6)),
          accuracy: Math.round(position.coords.accuracy),
        });
        onChange();
      },
      (error) => {
        setLocating(false);
        setLocateProblem(
          error.code === error.PERMISSION_DENIED
            ? '没有定位权限。可以在设置里允许定位，或直接选择乡镇并填写地址'
            : '暂时无法定位，请直接选择乡镇并填写地址',
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <>
      <Form.Item label="当前位置" extra="在纠纷发生的地方可以用手机定位，帮助分派到最近的调委会">
        <Button size="large" block icon={<AimOutlined />} loading={locating} onClick={locate}>
          使用当前位置
        </Button>
        {latitude !== undefined && (
          <p className={styles.located} role="status">
            已定位（精度约 {accuracy ?? '—'} 米）
            <Button
              type="link"
              size="small"
              onClick={() => {
                form.setFieldsValue({ latitude: undefined, longitude: undefined, accuracy: undefined });
                onChange();
              }}
            >
              清除
            </Button>
          </p>
        )}
        {locateProblem && <p className={styles.located}>{locateProblem}</p>}
      </Form.Item>
      <Form.Item name="latitude" hidden>
        <InputNumber />
      </Form.Item>
      <Form.Item name="longitude" hidden>
        <InputNumber />
      </Form.Item>
      <Form.Item name="accuracy" hidden>
        <InputNumber />
      </Form.Item>
      <Form.Item
        name="townCode"
        label="乡镇（街道）"
        rules={[{ required: true, message: '请选择纠纷发生的乡镇（街道）' }]}
      >
        <TownSelect size="large" />
      </Form.Item>
      <Form.Item name="village" label="村（社区）" extra="填了村或社区，可以分派到本村的调委会">
        <Input size="large" maxLength={60} placeholder="如 西门村" />
      </Form.Item>
      <Form.Item name="address" label="详细地址">
        <Input size="large" maxLength={200} />
      </Form.Item>
    </>
  );
}

function Summary({
  form,
  fileCount,
}: {
  form: ReturnType<typeof Form.useForm<ApplyValues>>[0];
  fileCount: number;
}) {
  const v = form.getFieldsValue(true) as ApplyValues;
  const towns = useTowns();
  const town = towns.data?.find((t) => t.code === v.townCode);
  return (
    <dl className={styles.summary}>
      <dt>申请人</dt>
      <dd>{v.name}</dd>
      <dt>对方</dt>
      <dd>{v.respondentName}</dd>
      <dt>纠纷类型</dt>
      <dd>{v.kind ? disputeKindLabels[v.kind] : '未选择'}</dd>
      <dt>发生了什么</dt>
      <dd>{v.facts}</dd>
      <dt>地点</dt>
      <dd>
        {[town ? `${town.countyName}${town.name}` : '', v.village, v.address].filter(Boolean).join(' ') ||
          '未填写'}
      </dd>
      <dt>照片和材料</dt>
      <dd>{fileCount > 0 ? `${fileCount} 个` : '没有上传'}</dd>
    </dl>
  );
}
