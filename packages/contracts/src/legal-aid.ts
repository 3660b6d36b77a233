import { z } from 'zod';
import { personInputSchema } from './persons.ts';

// 法律援助申请: an application for legal aid, from the portal or the counter, to the centre's decision
// (法律援助法 2022). Shared by the api (validation, OpenAPI) and the console and portal (forms, labels).

// ---- the matter ----------------------------------------------------------------------------------------

export const legalAidMatterTypes = ['civil', 'criminal', 'administrative', 'nonLitigation'] as const;
export type LegalAidMatterType = (typeof legalAidMatterTypes)[number];
export const legalAidMatterTypeLabels: Record<LegalAidMatterType, string> = {
  civil: '民事',
  criminal: '刑事',
  administrative: '行政',
  nonLitigation: '非诉讼',
};

/** What the dispute is about; `matterTypes` are the types a kind belongs to (the form filters by them). */
export const legalAidDisputeKinds = [
  'wageArrears',
  'workInjury',
  'labourDispute',
  'family',
  'maintenance',
  'trafficAccident',
  'medicalDispute',
  'personalInjury',
  'socialInsurance',
  'stateCompensation',
  'criminalDefence',
  'criminalVictim',
  'administrativeAction',
  'other',
] as const;
export type LegalAidDisputeKind = (typeof legalAidDisputeKinds)[number];
export const legalAidDisputeKindLabels: Record<LegalAidDisputeKind, string> = {
  wageArrears: '追索劳动报酬',
  workInjury: '工伤赔偿',
  labourDispute: '其他劳动争议',
  family: '婚姻家庭',
  maintenance: '赡养、抚养、扶养',
  trafficAccident: '交通事故',
  medicalDispute: '医疗纠纷',
  personalInjury: '人身损害赔偿',
  socialInsurance: '社会保险待遇、最低生活保障',
  stateCompensation: '国家赔偿',
  criminalDefence: '刑事辩护',
  criminalVictim: '刑事被害人、自诉人代理',
  administrativeAction: '行政诉讼、行政复议',
  other: '其他',
};
export const legalAidDisputeKindMatterTypes: Record<LegalAidDisputeKind, readonly LegalAidMatterType[]> = {
  wageArrears: ['civil', 'nonLitigation'],
  workInjury: ['civil', 'nonLitigation', 'administrative'],
  labourDispute: ['civil', 'nonLitigation'],
  family: ['civil', 'nonLitigation'],
  maintenance: ['civil', 'nonLitigation'],
  trafficAccident: ['civil', 'nonLitigation'],
  medicalDispute: ['civil', 'nonLitigation'],
  personalInjury: ['civil', 'nonLitigation'],
  socialInsurance: ['civil', 'administrative', 'nonLitigation'],
  stateCompensation: ['administrative', 'nonLitigation'],
  criminalDefence: ['criminal'],
  criminalVictim: ['criminal'],
  administrativeAction: ['administrative'],
  other: ['civil', 'criminal', 'administrative', 'nonLitigation'],
};

// ---- hardship (经济困难) ---------------------------------------------------------------------------------

/** How the applicant shows hardship (法律援助法 第四十一条). */
export const legalAidHardshipProofs = ['pledge', 'documents', 'infoSharing'] as const;
export type LegalAidHardshipProof = (typeof legalAidHardshipProofs)[number];
export const legalAidHardshipProofLabels: Record<LegalAidHardshipProof, string> = {
  pledge: '个人诚信承诺（告知承诺）',
  documents: '上传经济困难证明材料',
  infoSharing: '由法律援助机构通过信息共享查询核实',
};

/**
 * Applicants for whom the law sets no means test, or waives the check: 第二十五条 (mandatory defence, no
 * means test), 第三十二条 (no hardship condition), 第四十二条 (check waived), and the Beihai 2023 policy
 * treating gig-economy workers like migrant workers for pay and work-injury claims.
 */
export const legalAidExemptions = [
  'art25Minor',
  'art25SensoryDisability',
  'art25MentalCapacity',
  'art25LifeOrDeath',
  'art25DeathReview',
  'art25Absentia',
  'art32HeroRelative',
  'art32Bravery',
  'art32RetrialCompensation',
  'art32AbuseVictim',
  'art42VulnerableNoIncome',
  'art42AssistanceRecipient',
  'art42MigrantWorker',
  'beihaiGigWorker',
] as const;
export type LegalAidExemption = (typeof legalAidExemptions)[number];
export const legalAidExemptionLabels: Record<LegalAidExemption, string> = {
  art25Minor: '未成年人（刑事案件，应当指派辩护）',
  art25SensoryDisability: '视力、听力、言语残疾人（刑事案件）',
  art25MentalCapacity: '不能完全辨认自己行为的成年人（刑事案件）',
  art25LifeOrDeath: '可能被判处无期徒刑、死刑的人',
  art25DeathReview: '死刑复核案件的被告人',
  art25Absentia: '缺席审判案件的被告人',
  art32HeroRelative: '英雄烈士近亲属维护英雄烈士的人格权益',
  art32Bravery: '因见义勇为行为主张相关民事权益',
  art32RetrialCompensation: '再审改判无罪请求国家赔偿',
  art32AbuseVictim: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
  art42VulnerableNoIncome: '无固定生活来源的未成年人、老年人、残疾人',
  art42AssistanceRecipient: '社会救助、司法救助或者优抚对象',
  art42MigrantWorker: '进城务工人员申请支付劳动报酬或者工伤事故人身损害赔偿',
  beihaiGigWorker: '新就业形态劳动者申请支付劳动报酬或者工伤赔偿（北海市 2023 年政策）',
};
/** The article (or policy) each exemption rests on, for labels and explanations. */
export const legalAidExemptionCitations: Record<LegalAidExemption, string> = {
  art25Minor: '《法律援助法》第二十五条',
  art25SensoryDisability: '《法律援助法》第二十五条',
  art25MentalCapacity: '《法律援助法》第二十五条',
  art25LifeOrDeath: '《法律援助法》第二十五条',
  art25DeathReview: '《法律援助法》第二十五条',
  art25Absentia: '《法律援助法》第二十五条',
  art32HeroRelative: '《法律援助法》第三十二条',
  art32Bravery: '《法律援助法》第三十二条',
  art32RetrialCompensation: '《法律援助法》第三十二条',
  art32AbuseVictim: '《法律援助法》第三十二条',
  art42VulnerableNoIncome: '《法律援助法》第四十二条',
  art42AssistanceRecipient: '《法律援助法》第四十二条',
  art42MigrantWorker: '《法律援助法》第四十二条',
  beihaiGigWorker: '北海市 2023 年新就业形态劳动者法律援助政策',
};

/** Which basis made the applicant eligible (or not), as the means test reports it. */
export const legalAidEligibilityBases = [
  'mandatoryDefence',
  'noHardshipCondition',
  'checkWaived',
  'pledge',
  'meansTest',
  'notEligible',
] as const;
export type LegalAidEligibilityBasis = (typeof legalAidEligibilityBases)[number];
export const legalAidEligibilityBasisLabels: Record<LegalAidEligibilityBasis, string> = {
  mandatoryDefence: '应当通知辩护（第二十五条，不审查经济状况）',
  noHardshipCondition: '不受经济困难条件限制（第三十二条）',
  checkWaived: '免予核查经济困难状况（第四十二条）',
  pledge: '个人诚信承诺（第四十一条）',
  meansTest: '经济困难标准审查',
  notEligible: '不符合经济困难标准',
};

export const meansTestResultSchema = z.object({
  eligible: z.boolean(),
  basis: z.enum(legalAidEligibilityBases),
  /** In Chinese, citing the article. */
  explanation: z.string(),
  /** A pledge drawn in the random sample: the centre verifies it (第四十一条). */
  needsVerification: z.boolean(),
});
export type MeansTestResult = z.infer<typeof meansTestResultSchema>;

// ---- the application input -----------------------------------------------------------------------------

const TEXT_MAX = 2000;
const yuan = (label: string) =>
  z
    .number({ error: `${label}应为数字（元）` })
    .min(0, `${label}不能为负数`)
    .max(1_000_000_000, `${label}过大`);

export const legalAidMatterInputSchema = z.object({
  matterType: z.enum(legalAidMatterTypes, { error: '请选择案件类型' }).meta({ title: '案件类型' }),
  disputeKind: z.enum(legalAidDisputeKinds, { error: '请选择事项类别' }).meta({ title: '事项类别' }),
  opposingParty: z
    .string()
    .trim()
    .max(100, '对方当事人不能超过 100 个字')
    .nullable()
    .optional()
    .meta({ title: '对方当事人' }),
  /** The county (county bureau unit) or the city (city bureau unit) where the matter arose. */
  placeUnitId: z.number({ error: '请选择事项发生地' }).int().positive().meta({ title: '事项发生地' }),
  facts: z
    .string({ error: '请填写案情' })
    .trim()
    .min(1, '请填写案情')
    .max(TEXT_MAX, `案情不能超过 ${TEXT_MAX} 个字`)
    .meta({ title: '案情' }),
  request: z
    .string({ error: '请填写申请事项' })
    .trim()
    .min(1, '请填写申请事项（希望得到什么帮助）')
    .max(TEXT_MAX, `申请事项不能超过 ${TEXT_MAX} 个字`)
    .meta({ title: '申请事项' }),
  amountClaimed: yuan('请求金额').nullable().optional().meta({ title: '请求金额（元）' }),
});
export type LegalAidMatterInput = z.input<typeof legalAidMatterInputSchema>;

export const legalAidHardshipInputSchema = z
  .object({
    /** Set when the applicant claims an exemption; then the figures are not needed. */
    exemption: z.enum(legalAidExemptions, { error: '请选择免予审查的情形' }).nullable().optional(),
    proof: z.enum(legalAidHardshipProofs, { error: '请选择经济困难的证明方式' }).nullable().optional(),
    /** The pledge's box is ticked (告知承诺书). */
    pledgeSigned: z.boolean().optional(),
    householdSize: z
      .number({ error: '家庭人口应为整数' })
      .int('家庭人口应为整数')
      .min(1, '家庭人口至少 1 人')
      .max(30, '家庭人口不能超过 30 人')
      .nullable()
      .optional(),
    householdMonthlyIncome: yuan('家庭月收入').nullable().optional(),
    householdAssets: yuan('家庭资产').nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.exemption) return;
    if (!value.proof) {
      ctx.addIssue({ code: 'custom', path: ['proof'], message: '请选择经济困难的证明方式或免予审查的情形' });
      return;
    }
    if (value.proof === 'pledge' && value.pledgeSigned !== true) {
      ctx.addIssue({ code: 'custom', path: ['pledgeSigned'], message: '请阅读并签署经济困难状况承诺' });
    }
    if (value.householdSize == null) {
      ctx.addIssue({ code: 'custom', path: ['householdSize'], message: '请填写家庭人口' });
    }
    if (value.householdMonthlyIncome == null) {
      ctx.addIssue({ code: 'custom', path: ['householdMonthlyIncome'], message: '请填写家庭月收入' });
    }
  });
export type LegalAidHardshipInput = z.input<typeof legalAidHardshipInputSchema>;

export const legalAidApplicationInputSchema = z
  .object({
    applicant: personInputSchema,
    matter: legalAidMatterInputSchema,
    hardship: legalAidHardshipInputSchema,
    /** Files uploaded first through /api/files; attached to the case on create. */
    fileIds: z.array(z.uuid('材料编号不正确')).max(30, '材料不能超过 30 份').default([]),
    /** 第四十四条: aid before the formalities. */
    urgent: z.boolean().default(false),
    urgentReason: z.string().trim().max(500, '紧急情况说明不能超过 500 个字').nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.urgent && !value.urgentReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['urgentReason'],
        message: '请说明紧急情况（如诉讼时效或期限不足七日、需要紧急申请财产保全等）',
      });
    }
    const allowed = legalAidDisputeKindMatterTypes[value.matter.disputeKind];
    if (!allowed.includes(value.matter.matterType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['matter', 'disputeKind'],
        message: `“${legalAidDisputeKindLabels[value.matter.disputeKind]}”不属于${legalAidMatterTypeLabels[value.matter.matterType]}案件`,
      });
    }
  });
export type LegalAidApplicationInput = z.input<typeof legalAidApplicationInputSchema>;

// ---- drafts (the portal's resumable application) -------------------------------------------------------

/** A draft holds whatever the citizen typed so far; it is validated in full on submit. */
export interface LegalAidDraftData {
  applicant?: Partial<z.input<typeof personInputSchema>>;
  matter?: Partial<LegalAidMatterInput>;
  hardship?: Partial<z.input<typeof legalAidHardshipInputSchema>>;
  fileIds?: string[];
  urgent?: boolean;
  urgentReason?: string | null;
  /** The step the citizen was on (0-based), to resume there. */
  step?: number;
}
const section = z.record(z.string(), z.unknown());
export const legalAidDraftDataSchema: z.ZodType<LegalAidDraftData> = z.object({
  applicant: section.optional(),
  matter: section.optional(),
  hardship: section.optional(),
  fileIds: z.array(z.uuid('材料编号不正确')).max(30, '材料不能超过 30 份').optional(),
  urgent: z.boolean().optional(),
  urgentReason: z.string().max(500).nullable().optional(),
  step: z.number().int().min(0).max(20).optional(),
}) as z.ZodType<LegalAidDraftData>;

export const legalAidDraftSaveSchema = z.object({
  data: legalAidDraftDataSchema,
  /** The version the citizen last loaded; omit to create. A stale version → 409. */
  version: z.number().int().min(1).optional(),
});
export type LegalAidDraftSave = z.input<typeof legalAidDraftSaveSchema>;

export const legalAidDraftSchema = z.object({
  id: z.uuid(),
  data: legalAidDraftDataSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set once submitted: the application it became. */
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
});
export type LegalAidDraft = z.infer<typeof legalAidDraftSchema>;
export const legalAidDraftListSchema = z.object({ items: z.array(legalAidDraftSchema) });
export type LegalAidDraftList = z.infer<typeof legalAidDraftListSchema>;

/** The answer to a submit (the first and every repeat): the application's number. */
export const legalAidSubmitResultSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  /** The portal's progress page for this application. */
  portalPath: z.string(),
});
export type LegalAidSubmitResult = z.infer<typeof legalAidSubmitResultSchema>;

// ---- decisions (inputs of the workflow transitions, via /api/cases/:id/transitions) ---------------------

/** Items a correction notice (补充材料通知书) can list; free text items may be added. */
export const legalAidCorrectionItems = [
  'identity',
  'hardshipStatement',
  'hardshipProof',
  'matterEvidence',
  'agentAuthority',
  'other',
] as const;
export type LegalAidCorrectionItem = (typeof legalAidCorrectionItems)[number];
export const legalAidCorrectionItemLabels: Record<LegalAidCorrectionItem, string> = {
  identity: '申请人身份证明',
  hardshipStatement: '经济困难状况说明表',
  hardshipProof: '经济困难证明材料',
  matterEvidence: '与所申请法律援助事项有关的证据材料',
  agentAuthority: '代理申请人的代理权限证明',
  other: '其他材料',
};

export const legalAidRequestCorrectionSchema = z.object({
  items: z
    .array(z.string().trim().min(1).max(200), { error: '请列出需要补充的材料' })
    .min(1, '请列出需要补充的材料（一次性告知）')
    .max(20)
    .meta({ title: '需要补充的材料（一次性告知）' }),
});
export const legalAidGrantSchema = z.object({
  opinion: z.string().trim().max(1000).optional().meta({ title: '审查意见' }),
});
export const legalAidRefusalReasons = [
  'notInScope',
  'notInHardship',
  'notCompetent',
  'falseInformation',
  'other',
] as const;
export type LegalAidRefusalReason = (typeof legalAidRefusalReasons)[number];
export const legalAidRefusalReasonLabels: Record<LegalAidRefusalReason, string> = {
  notInScope: '申请事项不属于法律援助范围',
  notInHardship: '经济状况不符合法律援助条件',
  notCompetent: '不属于本机构管辖',
  falseInformation: '申请人提供虚假材料',
  other: '其他理由',
};
export const legalAidRefuseSchema = z.object({
  reasonCode: z
    .enum(legalAidRefusalReasons, { error: '请选择不予援助的理由' })
    .meta({ title: '不予援助的理由' }),
  reasons: z
    .string({ error: '请写明不予援助的具体理由' })
    .trim()
    .min(1, '请写明不予援助的具体理由（第四十三条：书面告知并说明理由）')
    .max(2000)
    .meta({ title: '具体理由' }),
});
export const legalAidObjectSchema = z.object({
  reason: z
    .string({ error: '请填写异议理由' })
    .trim()
    .min(1, '请填写异议理由')
    .max(2000)
    .meta({ title: '异议理由' }),
});
export const legalAidDecideObjectionSchema = z.object({
  opinion: z
    .string({ error: '请填写审查意见' })
    .trim()
    .min(1, '请填写司法行政机关的审查意见')
    .max(2000)
    .meta({ title: '审查意见' }),
});
/** 法律援助法 第四十八条. */
export const legalAidTerminationReasons = [
  'fraud',
  'concealedFacts',
  'illegalUse',
  'noLongerInHardship',
  'caseEnded',
  'ownLawyer',
  'applicantRequest',
  'other',
] as const;
export type LegalAidTerminationReason = (typeof legalAidTerminationReasons)[number];
export const legalAidTerminationReasonLabels: Record<LegalAidTerminationReason, string> = {
  fraud: '受援人以欺骗或者其他不正当手段获得法律援助',
  concealedFacts: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  illegalUse: '受援人利用法律援助从事违法活动',
  noLongerInHardship: '受援人的经济状况发生变化，不再符合法律援助条件',
  caseEnded: '案件终止审理或者已经被撤销',
  ownLawyer: '受援人自行委托律师或者其他代理人',
  applicantRequest: '受援人有正当理由要求终止法律援助',
  other: '法律法规规定的其他情形',
};
export const legalAidTerminateSchema = z.object({
  reasonCode: z
    .enum(legalAidTerminationReasons, { error: '请选择终止的情形' })
    .meta({ title: '终止法律援助的情形（第四十八条）' }),
  explanation: z.string().trim().min(1, '请写明终止的具体情况').max(2000).meta({ title: '具体情况' }),
  /** Art. 64: a false pledge → the costs are recovered. */
  costRecoveryYuan: z.number().min(0).max(1_000_000).optional().meta({ title: '追缴法律援助费用（元）' }),
});

// ---- views ----------------------------------------------------------------------------------------------

export const legalAidChannels = ['counter', 'portal'] as const;
export type LegalAidChannel = (typeof legalAidChannels)[number];
export const legalAidChannelLabels: Record<LegalAidChannel, string> = {
  counter: '窗口申请',
  portal: '网上申请',
};

const unitRef = z.object({ id: z.number().int(), name: z.string() });

export const legalAidApplicationSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  channel: z.enum(legalAidChannels),
  applicant: z.object({
    personId: z.string(),
    name: z.string(),
    idNumberMasked: z.string().nullable(),
    phone: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  matter: z.object({
    matterType: z.enum(legalAidMatterTypes),
    disputeKind: z.enum(legalAidDisputeKinds),
    opposingParty: z.string().nullable(),
    place: unitRef,
    facts: z.string(),
    request: z.string(),
    amountClaimed: z.number().nullable(),
  }),
  hardship: z.object({
    exemption: z.enum(legalAidExemptions).nullable(),
    proof: z.enum(legalAidHardshipProofs).nullable(),
    householdSize: z.number().int().nullable(),
    householdMonthlyIncome: z.number().nullable(),
    householdAssets: z.number().nullable(),
  }),
  meansTest: meansTestResultSchema,
  urgent: z.boolean(),
  urgentReason: z.string().nullable(),
  competentUnit: unitRef,
  receivingUnit: unitRef,
  receivedAt: z.string(),
  correctionItems: z.array(z.string()),
  /** Last day (`YYYY-MM-DD`) to supply the missing items; past it the application counts as withdrawn. */
  correctionDueOn: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  terminationReason: z.string().nullable(),
});
export type LegalAidApplication = z.infer<typeof legalAidApplicationSchema>;

export const legalAidProgressStepStatuses = ['done', 'current', 'pending'] as const;
export const legalAidProgressStepSchema = z.object({
  key: z.string(),
  /** Chinese: 提交申请, 补充材料, 审查决定, … */
  label: z.string(),
  status: z.enum(legalAidProgressStepStatuses),
  /** When it happened (ISO); null while pending. */
  at: z.string().nullable(),
  /** Chinese, for the citizen: what happened or what to do. */
  note: z.string().nullable(),
});
export type LegalAidProgressStep = z.infer<typeof legalAidProgressStepSchema>;

export const myLegalAidApplicationSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  statusLabel: z.string(),
  tone: z.enum(['processing', 'waiting', 'done', 'closed']),
  matterSummary: z.string(),
  competentUnitName: z.string(),
  submittedAt: z.string(),
  steps: z.array(legalAidProgressStepSchema),
  /** What the citizen must do now (补充材料 …), null when nothing. */
  actionNeeded: z.string().nullable(),
  correctionItems: z.array(z.string()),
  correctionDueOn: z.string().nullable(),
});
export type MyLegalAidApplication = z.infer<typeof myLegalAidApplicationSchema>;
export const myLegalAidApplicationListSchema = z.object({ items: z.array(myLegalAidApplicationSchema) });
export type MyLegalAidApplicationList = z.infer<typeof myLegalAidApplicationListSchema>;

/** The citizen supplies the missing items from the portal: new files and a note. */
export const legalAidSupplyCorrectionSchema = z.object({
  fileIds: z.array(z.uuid('材料编号不正确')).max(30, '材料不能超过 30 份').default([]),
  note: z.string().trim().max(1000, '说明不能超过 1000 个字').optional().meta({ title: '补正说明' }),
});
export type LegalAidSupplyCorrection = z.input<typeof legalAidSupplyCorrectionSchema>;
