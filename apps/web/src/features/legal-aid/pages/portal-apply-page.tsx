import { useQueryClient } from '@tanstack/react-query';
import {
  type LegalAidDraft,
  legalAidDisputeKindLabels,
  legalAidExemptionLabels,
  legalAidMatterTypeLabels,
  type StoredFile,
} from '@zhucheng/contracts';
import { Alert, Button, Form, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FileUpload, useMyFiles } from '../../../components/file-upload/index.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { legalAidKey, saveDraft, useOpenDraft, usePlaces, useSubmitDraft } from '../api/legal-aid-api.ts';
import {
  ApplicantFields,
  HardshipFields,
  MatterFields,
  UrgentFields,
} from '../components/application-fields.tsx';
import {
  type ApplicationFormValues,
  draftDataOf,
  formValuesOf,
} from '../components/application-form-model.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import styles from '../components/portal.module.css';

const steps = [
  { title: '申请人', heading: '申请人信息' },
  { title: '事项', heading: '申请事项' },
  { title: '经济', heading: '经济状况' },
  { title: '材料', heading: '上传材料' },
  { title: '提交', heading: '确认并提交' },
] as const;
const LAST = steps.length - 1;
const AUTOSAVE_MS = 1500;

/** 申请法律援助: five steps, each saved on the server; leaving and coming back resumes where one was. */
export default function PortalApplyPage() {
  return (
    <CitizenGate why="申请法律援助">
      <Resume />
    </CitizenGate>
  );
}

function Resume() {
  const draft = useOpenDraft(true);
  if (draft.isPending) return <PageLoading label="正在读取您未提交的申请…" />;
  if (draft.isError) return <LoadError error={draft.error} onRetry={() => draft.refetch()} />;
  return <Wizard initial={draft.data} />;
}

function clampStep(value: number): number {
  return Number.isInteger(value) ? Math.min(Math.max(value, 0), LAST) : 0;
}

function Wizard({ initial }: { initial: LegalAidDraft | null }) {
  const [form] = Form.useForm<ApplicationFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const draft = useRef<LegalAidDraft | null>(initial);
  const [fileIds, setFileIds] = useState<string[]>(initial?.data.fileIds ?? []);
  const [savedAt, setSavedAt] = useState<string | null>(initial?.updatedAt ?? null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const submit = useSubmitDraft();
  const initialValues = useMemo(() => formValuesOf(initial?.data ?? {}), [initial]);

  const fromUrl = search.get('step');
  const step = clampStep(fromUrl === null ? (initial?.data.step ?? 0) : Number(fromUrl));
  // Resuming: the address shows the step the draft was left on (replace: no extra history entry).
  useEffect(() => {
    if (fromUrl === null && step > 0) setSearch({ step: String(step) }, { replace: true });
  }, [fromUrl, step, setSearch]);

  // Saves run one after another, so the first one's new draft id is used by the next.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const save = useCallback(
    (atStep: number, ids: string[] = fileIds) => {
      const values = form.getFieldsValue(true) as ApplicationFormValues;
      const data = draftDataOf(values, ids, atStep);
      const run = chain.current.then(async () => {
        const saved = await saveDraft(draft.current, data);
        draft.current = saved;
        queryClient.setQueryData([...legalAidKey, 'drafts'], saved);
        setSavedAt(saved.updatedAt);
        setSaveError(null);
        return saved;
      });
      chain.current = run.catch(() => undefined);
      return run.catch((error: unknown) => {
        setSaveError(errorMessage(error));
        throw error;
      });
    },
    [fileIds, form, queryClient],
  );

  // Typing is saved a moment after it stops, so a closed tab or a lost connection loses little.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useRef<(() => void) | null>(null);
  const scheduleSave = () => {
    clearTimeout(timer.current);
    flush.current = () => void save(step).catch(() => undefined);
    timer.current = setTimeout(() => {
      flush.current = null;
      void save(step).catch(() => undefined);
    }, AUTOSAVE_MS);
  };
  const cancelAutosave = () => {
    clearTimeout(timer.current);
    flush.current = null;
  };
  // Leaving the page (a link, the tab bar) with typing not yet saved: save it now.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      flush.current?.();
    },
    [],
  );

  const goTo = async (next: number) => {
    cancelAutosave();
    setMoving(true);
    try {
      if (next > step) await form.validateFields();
      await save(next);
      setSearch({ step: String(next) });
      window.scrollTo(0, 0);
    } catch {
      // A field message or the save error is shown in place.
    } finally {
      setMoving(false);
    }
  };

  // Set at the first tap, before anything async: a double tap sends one request.
  const submitting = useRef(false);
  const onSubmit = async () => {
    if (submitting.current) return;
    submitting.current = true;
    cancelAutosave();
    try {
      const saved = await save(LAST);
      const result = await submit.mutateAsync(saved);
      queryClient.setQueryData([...legalAidKey, 'drafts'], null);
      navigate(`/legal-aid/submitted/${result.caseId}`, { replace: true });
    } catch {
      // Shown below the button.
      submitting.current = false;
    }
  };

  const onUploaded = (file: StoredFile) => {
    setFileIds((ids) => {
      const next = ids.includes(file.id) ? ids : [...ids, file.id];
      void save(step, next).catch(() => undefined);
      return next;
    });
  };

  const current = steps[step] ?? steps[0];
  const submitError = submit.error;

  return (
    <>
      <div className={styles.stepsCard}>
        <Steps
          current={step}
          size="small"
          responsive={false}
          titlePlacement="vertical"
          items={steps.map((s) => ({ title: s.title }))}
          aria-label="申请步骤"
        />
      </div>
      <section className="portal-card" aria-labelledby="la-step-title">
        <h2 id="la-step-title" className={styles.stepNow}>
          {current.heading}{' '}
          <span className={styles.stepCount}>
            第 {step + 1} 步，共 {steps.length} 步
          </span>
        </h2>
        <p className={styles.saved} role="status">
          {saveError
            ? `未能保存：${saveError}`
            : savedAt
              ? `已自动保存 ${formatDateTime(savedAt)}`
              : '填写的内容会自动保存'}
        </p>
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={initialValues}
          onValuesChange={scheduleSave}
          style={{ marginTop: 12 }}
          scrollToFirstError
        >
          {step === 0 && <ApplicantFields form={form} />}
          {step === 1 && (
            <>
              <MatterFields form={form} />
              <UrgentFields form={form} />
            </>
          )}
          {step === 2 && <HardshipFields form={form} />}
          {step === 3 && <FilesStep form={form} fileIds={fileIds} onUploaded={onUploaded} />}
          {step === 4 && <Summary form={form} fileCount={fileIds.length} />}
        </Form>
      </section>
      {saveError && (
        <Alert type="error" showIcon title={saveError} description="请检查网络后再试，填写的内容仍在本页。" />
      )}
      {step === LAST && submitError && <SubmitProblem error={submitError} />}
      <div className={styles.nav}>
        <Button
          size="large"
          disabled={step === 0 || moving || submit.isPending}
          onClick={() => void goTo(step - 1)}
        >
          上一步
        </Button>
        {step < LAST ? (
          <Button type="primary" size="large" loading={moving} onClick={() => void goTo(step + 1)}>
            下一步
          </Button>
        ) : (
          <Button
            type="primary"
            size="large"
            loading={submit.isPending}
            disabled={submit.isPending || submit.isSuccess}
            onClick={() => void onSubmit()}
          >
            提交申请
          </Button>
        )}
      </div>
    </>
  );
}

function SubmitProblem({ error }: { error: unknown }) {
  const fields = error instanceof ApiRequestError ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      description={
        fields.length > 0 ? (
          <ul className={styles.list}>
            {fields.map((f) => (
              <li key={`${f.path}:${f.message}`}>{f.message}</li>
            ))}
          </ul>
        ) : (
          '请返回相应步骤修改后再提交；填写的内容已保存。'
        )
      }
    />
  );
}

function FilesStep({
  form,
  fileIds,
  onUploaded,
}: {
  form: ReturnType<typeof Form.useForm<ApplicationFormValues>>[0];
  fileIds: string[];
  onUploaded: (file: StoredFile) => void;
}) {
  const mine = useMyFiles({ unattached: true });
  const files = (mine.data?.items ?? []).filter((f) => fileIds.includes(f.id));
  const way = form.getFieldValue('hardshipWay');
  return (
    <>
      <p className={styles.lead}>
        请拍照或选择文件上传身份证、与事情有关的证据（合同、欠条、工资单、聊天记录、病历等）
        {way === 'documents' ? '，以及经济困难证明' : ''}
        。材料越全，审查越快；暂时没有的，可以先提交，中心会一次性告诉您还需要补充什么。
      </p>
      <Form.Item label="申请材料" extra="材料只用于审查您的申请，由法律援助中心保管">
        <FileUpload category="evidence" camera files={files} onUploaded={onUploaded} buttonText="选择文件" />
      </Form.Item>
    </>
  );
}

function Summary({
  form,
  fileCount,
}: {
  form: ReturnType<typeof Form.useForm<ApplicationFormValues>>[0];
  fileCount: number;
}) {
  const places = usePlaces();
  const v = form.getFieldsValue(true) as ApplicationFormValues;
  const place = places.data?.find((p) => p.id === v.matter?.placeUnitId)?.name;
  const way =
    v.hardshipWay === 'exemption'
      ? `免予审查：${v.hardship?.exemption ? legalAidExemptionLabels[v.hardship.exemption] : '未选择情形'}`
      : v.hardshipWay === 'pledge'
        ? `告知承诺${v.hardship?.pledgeSigned ? '（已签署）' : '（未签署）'}`
        : v.hardshipWay === 'documents'
          ? '上传经济困难证明'
          : '未选择';
  const rows: [string, string][] = [
    ['申请人', v.applicant?.name ?? ''],
    ['身份证号码', v.applicant?.idNumber ?? ''],
    ['联系电话', v.applicant?.phone ?? ''],
    ['住址', v.applicant?.address ?? ''],
    [
      '事项',
      [
        v.matter?.matterType ? legalAidMatterTypeLabels[v.matter.matterType] : '',
        v.matter?.disputeKind ? legalAidDisputeKindLabels[v.matter.disputeKind] : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ],
    ['对方当事人', v.matter?.opposingParty || '未填写'],
    ['事项发生地', place ?? ''],
    ['事情经过', v.matter?.facts ?? ''],
    ['希望得到的帮助', v.matter?.request ?? ''],
    [
      '涉及金额',
      v.matter?.amountClaimed != null ? `${v.matter.amountClaimed.toLocaleString('zh-CN')} 元` : '未填写',
    ],
    ['情况紧急', v.urgent ? `是：${v.urgentReason ?? ''}` : '否'],
    ['经济状况', way],
    ['材料', fileCount > 0 ? `已上传 ${fileCount} 份` : '暂未上传'],
  ];
  return (
    <>
      <p className={styles.lead}>请核对以下内容。需要修改的，点“上一步”回去改，已填的内容不会丢失。</p>
      <dl className={styles.summary}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '未填写'}</dd>
          </div>
        ))}
      </dl>
      <Alert
        type="info"
        showIcon
        title="提交后 7 日内作出决定"
        description="法律援助中心收到申请后 7 日内决定是否给予法律援助（《法律援助法》第四十三条），结果会以短信和消息通知您。"
      />
    </>
  );
}
