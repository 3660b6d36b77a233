import { z } from 'zod';
import { disputeKinds, disputeSourceLabels, disputeSources, referralSources } from './mediation.ts';
import { organisationInputSchema, personInputSchema } from './persons.ts';

// 纠纷受理与分派: disputes from every door (the portal, a walk-in at a committee or office, referrals from a
// court, the police, the petition office or the 12345 hotline, a sweep), duplicate detection, dispatch to the
// competent committee and re-dispatch, the citizen's application and progress, the ledger import.

const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const day = (label: string) =>
  z
    .string({ error: `${label}应为日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`)
    .refine(isRealDay, `${label}不是有效日期`);

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** Yuan with at most two decimals (fen), never negative. */
export const amountYuanSchema = z
  .number({ error: '涉及金额应为数字（元）' })
  .min(0, '涉及金额不能为负数')
  .max(9_999_999_999.99, '涉及金额过大')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '涉及金额最多保留两位小数（分）');

/** The place of the dispute: the town (12-digit statistical code), village or community, address, phone fix. */
export const disputePlaceSchema = z.object({
  townCode: z
    .string({ error: '请选择纠纷发生的乡镇（街道）' })
    .regex(/^\d{12}$/, '请选择纠纷发生的乡镇（街道）'),
  village: optionalText('村（社区）', 60),
  address: optionalText('详细地址', 200),
  latitude: z.number({ error: '纬度应为数字' }).min(-90, '纬度不正确').max(90, '纬度不正确').optional(),
  longitude: z.number({ error: '经度应为数字' }).min(-180, '经度不正确').max(180, '经度不正确').optional(),
});
export type DisputePlace = z.input<typeof disputePlaceSchema>;

export const disputePartyRoles = ['applicant', 'respondent', 'thirdParty', 'agent'] as const;
export type DisputePartyRole = (typeof disputePartyRoles)[number];
export const disputePartyRoleLabels: Record<DisputePartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  thirdParty: '第三人',
  agent: '代理人',
};

/** One party: a person (found again by ID number) or an organisation (by credit code). */
export const disputePartyInputSchema = z
  .object({
    role: z.enum(disputePartyRoles, { error: '请选择当事人身份' }),
    person: personInputSchema.optional(),
    organisation: organisationInputSchema.optional(),
  })
  .check((ctx) => {
    if (!ctx.value.person === !ctx.value.organisation) {
      ctx.issues.push({
        code: 'custom',
        message: '每名当事人应为一个人或一个单位',
        input: ctx.value,
        path: ['person'],
      });
    }
  });
export type DisputePartyInput = z.input<typeof disputePartyInputSchema>;

const partiesSchema = z
  .array(disputePartyInputSchema, { error: '请填写当事人' })
  .max(30, '当事人不能超过 30 名')
  .check((ctx) => {
    const roles = ctx.value.map((p) => p.role);
    if (!roles.includes('applicant'))
      ctx.issues.push({ code: 'custom', message: '至少应有一名申请人', input: ctx.value });
    if (!roles.includes('respondent'))
      ctx.issues.push({ code: 'custom', message: '至少应有一名被申请人（纠纷对方）', input: ctx.value });
  });

/** The fields of a dispute every door shares. */
const disputeFields = {
  kind: z.enum(disputeKinds, { error: '请选择纠纷类型' }),
  involvesEnterprise: z.boolean({ error: '是否涉企应为是或否' }).default(false),
  amountInvolvedYuan: amountYuanSchema.optional(),
  facts: text('纠纷事实', 4000),
  request: optionalText('申请事项', 2000),
  occurredOn: day('发生日期').optional(),
  place: disputePlaceSchema,
};

/**
 * A dispute as staff register it (walk-in, referral, sweep), and as the other parts (the demo, sweeps, the
 * ledger import) hand it to `IntakeService.register`.
 */
export const registerDisputeInputSchema = z
  .object({
    source: z.enum(disputeSources, { error: '请选择纠纷来源' }),
    /** 法院委派函号、警情号、信访件号、12345工单号: required for referrals. */
    sourceRef: optionalText('来源文号（工单号）', 60),
    sweepId: z.uuid('排查编号不正确').optional(),
    ...disputeFields,
    parties: partiesSchema,
    /** Register straight at this committee (a walk-in at the committee itself); otherwise dispatch decides. */
    committeeUnitId: z.number().int().positive('调委会不正确').optional(),
    /** The unit that received it; default the caller's unit. */
    receivingUnitId: z.number().int().positive('受理单位不正确').optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    if ((referralSources as readonly string[]).includes(v.source) && !v.sourceRef) {
      ctx.issues.push({
        code: 'custom',
        message: `${disputeSourceLabels[v.source]}的纠纷应填写来源文号（委派函号、警情号、信访件号或工单号）`,
        input: v.sourceRef,
        path: ['sourceRef'],
      });
    }
    if (v.sweepId && v.source !== 'sweep') {
      ctx.issues.push({
        code: 'custom',
        message: '只有排查发现的纠纷可以关联排查记录',
        input: v.sweepId,
        path: ['sweepId'],
      });
    }
  });
export type RegisterDisputeInput = z.input<typeof registerDisputeInputSchema>;
export type RegisterDisputeParsed = z.output<typeof registerDisputeInputSchema>;

export const disputeRefSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  committeeName: z.string(),
  statusLabel: z.string(),
  registeredAt: z.string(),
});
export type DisputeRef = z.infer<typeof disputeRefSchema>;

export const registerDisputeResultSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  committeeUnitId: z.number().int(),
  committeeName: z.string(),
  dispatchReason: z.string(),
  duplicateOf: z.string().nullable(),
  duplicate: disputeRefSchema.nullable(),
});
export type RegisterDisputeResult = z.infer<typeof registerDisputeResultSchema>;

/** The check before registering: the same kind and the same parties as an open dispute. */
export const duplicateCheckInputSchema = z.object({
  kind: z.enum(disputeKinds, { error: '请选择纠纷类型' }),
  parties: z.array(disputePartyInputSchema).max(30, '当事人不能超过 30 名'),
});
export type DuplicateCheckInput = z.input<typeof duplicateCheckInputSchema>;
export const duplicateCheckResultSchema = z.object({ duplicates: z.array(disputeRefSchema) });
export type DuplicateCheckResult = z.infer<typeof duplicateCheckResultSchema>;

/** 改派: another committee in the dispatcher's scope, with the reason; against the case version read. */
export const redispatchInputSchema = z.object({
  committeeUnitId: z.number({ error: '请选择调委会' }).int().positive('请选择调委会'),
  reason: text('改派理由', 500),
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int(),
});
export type RedispatchInput = z.input<typeof redispatchInputSchema>;

/** The mediation facts of a dispute for its case page. */
export const disputeFactsSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  source: z.enum(disputeSources),
  sourceRef: z.string().nullable(),
  sweepId: z.string().nullable(),
  kind: z.enum(disputeKinds),
  involvesEnterprise: z.boolean(),
  amountInvolvedYuan: z.number().nullable(),
  facts: z.string(),
  request: z.string().nullable(),
  occurredOn: z.string().nullable(),
  place: z.object({
    townCode: z.string().nullable(),
    townName: z.string().nullable(),
    village: z.string().nullable(),
    address: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    officeName: z.string().nullable(),
  }),
  committee: z.object({ id: z.number().int(), name: z.string() }),
  receivingUnit: z.object({ id: z.number().int(), name: z.string() }),
  dispatchedAt: z.string().nullable(),
  dispatchReason: z.string().nullable(),
  duplicate: disputeRefSchema.nullable(),
  acceptedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  registeredAt: z.string(),
  /** The caller may re-dispatch it (mediation:dispatch, still 待受理). */
  canRedispatch: z.boolean(),
});
export type DisputeFacts = z.infer<typeof disputeFactsSchema>;

/** A town the dispute may have happened in (a town with a justice office). */
export const disputeTownSchema = z.object({
  code: z.string(),
  name: z.string(),
  countyName: z.string(),
  officeId: z.number().int(),
});
export type DisputeTown = z.infer<typeof disputeTownSchema>;
export const disputeTownListSchema = z.object({ items: z.array(disputeTownSchema) });

/** A committee a dispatcher may pick when re-dispatching. */
export const dispatchCommitteeSchema = z.object({
  unitId: z.number().int(),
  name: z.string(),
  kind: z.string(),
  townCode: z.string().nullable(),
});
export const dispatchCommitteeListSchema = z.object({ items: z.array(dispatchCommitteeSchema) });
export type DispatchCommittee = z.infer<typeof dispatchCommitteeSchema>;

// ---- the portal ------------------------------------------------------------------------------------------

/** The other side as a citizen knows it: a name, maybe a phone, an ID number or a credit code. */
export const applicationRespondentSchema = z
  .object({
    kind: z.enum(['person', 'organisation'], { error: '请选择对方是个人还是单位' }),
    name: text('对方姓名或单位名称', 100),
    phone: optionalText('对方联系电话', 30),
    idNumber: optionalText('对方身份证号码', 30),
    creditCode: optionalText('统一社会信用代码', 30),
    address: optionalText('对方住址', 200),
  })
  .check((ctx) => {
    if (ctx.value.kind === 'person' && ctx.value.name.length > 60) {
      ctx.issues.push({
        code: 'custom',
        message: '对方姓名不能超过 60 个字',
        input: ctx.value,
        path: ['name'],
      });
    }
  });
export type ApplicationRespondent = z.input<typeof applicationRespondentSchema>;

/** The citizen's application (real name: the signed-in citizen is the applicant). */
export const mediationApplicationInputSchema = z.object({
  applicant: personInputSchema,
  respondent: applicationRespondentSchema,
  ...disputeFields,
  /** Photos and papers uploaded first through /api/files (the citizen's own). */
  fileIds: z.array(z.uuid('材料编号不正确')).max(9, '最多上传 9 个文件').default([]),
});
export type MediationApplicationInput = z.input<typeof mediationApplicationInputSchema>;

export const mediationApplicationResultSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  committeeName: z.string(),
  portalPath: z.string(),
});
export type MediationApplicationResult = z.infer<typeof mediationApplicationResultSchema>;

export const mediationProgressStepSchema = z.object({
  key: z.enum(['submitted', 'dispatched', 'accepted', 'mediating', 'result']),
  label: z.string(),
  status: z.enum(['done', 'current', 'pending', 'failed']),
  at: z.string().nullable(),
  note: z.string().nullable(),
});
export type MediationProgressStep = z.infer<typeof mediationProgressStepSchema>;

export const myMediationApplicationSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  kind: z.enum(disputeKinds),
  statusLabel: z.string(),
  tone: z.string(),
  committeeName: z.string(),
  committeePhone: z.string().nullable(),
  committeeAddress: z.string().nullable(),
  respondentName: z.string().nullable(),
  submittedAt: z.string(),
  steps: z.array(mediationProgressStepSchema),
});
export type MyMediationApplication = z.infer<typeof myMediationApplicationSchema>;
export const myMediationApplicationListSchema = z.object({ items: z.array(myMediationApplicationSchema) });

// ---- the ledger import ------------------------------------------------------------------------------------

/** The ledger's outcome column (调解结果). */
export const ledgerOutcomeLabels = {
  settled: '调解成功',
  unsettled: '调解不成功',
  terminated: '终止调解',
} as const;
