import { z } from 'zod';
import {
  agreementForms,
  confirmationResults,
  disputeKinds,
  mediationOutcomes,
  performanceStatuses,
} from './mediation.ts';

// 调解过程 (人民调解法 第二十二条至第三十三条): a committee accepts or declines a dispatched dispute, the
// mediator holds sessions (调解笔录), the mediation ends settled (a written agreement generated as
// 人民调解协议书, or an oral one the mediator records), not settled or terminated; after a settlement the
// committee follows the performance up (回访) and the parties may apply to the court for judicial
// confirmation within 30 days (第三十三条). Also the mediator's queue (我的调解) and the committee's board
// (调委会工作台). Shared by the api (validation, OpenAPI) and the console (forms, labels).

const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`)
    .refine(isRealDay, `${label}不是有效日期`)
    .meta({ title: label });

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .meta({ title: label });

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .meta({ title: label });

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号不正确').positive('版本号不正确');
const fileIds = z.array(z.uuid('材料编号不正确')).max(30, '材料不能超过 30 份').default([]);

/** 回访方式. */
export const followUpMethods = ['visit', 'phone', 'other'] as const;
export type FollowUpMethod = (typeof followUpMethods)[number];
export const followUpMethodLabels: Record<FollowUpMethod, string> = {
  visit: '上门回访',
  phone: '电话回访',
  other: '其他方式',
};

// ---- requests ----------------------------------------------------------------------------------------------

/** 受理: the committee accepts the dispute and names the lead mediator (调解员). */
export const mediationAcceptSchema = z.object({
  version,
  leadMediatorId: z.uuid('请选择主持调解的调解员').meta({ title: '主持调解员' }),
  note: optionalText('受理意见', 500),
});
export type MediationAcceptInput = z.input<typeof mediationAcceptSchema>;

/** 不予受理 (第十八条: e.g. the matter is before a court or an agency, or a party refuses mediation). */
export const mediationDeclineSchema = z.object({
  version,
  reason: text('不予受理的理由', 500),
});
export type MediationDeclineInput = z.input<typeof mediationDeclineSchema>;

/** 调解笔录: one session. `heldAt` is an ISO date-time (with offset). */
export const mediationSessionInputSchema = z.object({
  heldAt: z
    .string({ error: '请填写调解时间' })
    .refine((v) => !Number.isNaN(Date.parse(v)) && /T\d{2}:\d{2}/.test(v), '调解时间格式不正确')
    .meta({ title: '调解时间' }),
  place: text('调解地点', 200),
  mediatorIds: z
    .array(z.uuid('调解员编号不正确'), { error: '请选择参加调解的调解员' })
    .min(1, '请至少选择一名参加调解的调解员')
    .max(10, '调解员不能超过 10 名')
    .meta({ title: '调解员' }),
  attendees: text('参加人员', 500),
  record: text('调解情况（笔录）', 20000),
  fileIds,
});
export type MediationSessionInput = z.input<typeof mediationSessionInputSchema>;

export const mediationAgreementInputSchema = z.object({
  form: z.enum(agreementForms, { error: '请选择书面协议或口头协议' }).meta({ title: '协议形式' }),
  terms: text('协议内容', 10000),
  performanceTerms: optionalText('履行方式和期限', 2000),
  performanceDueOn: day('履行期限').optional(),
  effectiveOn: day('协议生效日期'),
});
export type MediationAgreementInput = z.input<typeof mediationAgreementInputSchema>;

/** 调解成功: the agreement (written → 人民调解协议书 .docx; oral → recorded, no document). */
export const mediationSettleSchema = z.object({ version, agreement: mediationAgreementInputSchema });
export type MediationSettleInput = z.input<typeof mediationSettleSchema>;

/** 调解不成功 / 终止调解: why. */
export const mediationEndSchema = z.object({ version, reason: text('原因', 1000) });
export type MediationEndInput = z.input<typeof mediationEndSchema>;

/** 回访: a visit or call after the agreement and what it found of the performance. */
export const mediationFollowUpInputSchema = z.object({
  visitedOn: day('回访日期'),
  method: z.enum(followUpMethods, { error: '请选择回访方式' }).meta({ title: '回访方式' }),
  visitor: text('回访人', 50),
  note: text('回访情况', 4000),
  performanceStatus: z.enum(performanceStatuses, { error: '请选择协议履行情况' }).meta({ title: '履行情况' }),
  fileIds,
});
export type MediationFollowUpInput = z.input<typeof mediationFollowUpInputSchema>;

/** The agreement's performance and the signed scan, outside a follow-up (version of the agreement). */
export const mediationPerformanceSchema = z.object({
  version,
  performanceStatus: z.enum(performanceStatuses, { error: '请选择协议履行情况' }).optional(),
  signedFileIds: z.array(z.uuid('材料编号不正确')).max(10, '扫描件不能超过 10 份').optional(),
});
export type MediationPerformanceInput = z.input<typeof mediationPerformanceSchema>;

/**
 * 司法确认 (第三十三条): the parties' joint application to the court, then the ruling. The first call records
 * the application; later calls carry `version` (of the confirmation) and add or correct the ruling.
 */
export const mediationConfirmationInputSchema = z.object({
  version: version.optional(),
  court: text('受理法院', 100),
  appliedOn: day('申请日期'),
  result: z.enum(confirmationResults, { error: '裁定结果不正确' }).optional().meta({ title: '裁定结果' }),
  ruledOn: day('裁定日期').optional(),
  rulingNo: optionalText('裁定书文号', 60),
  note: optionalText('备注', 1000),
});
export type MediationConfirmationInput = z.input<typeof mediationConfirmationInputSchema>;

export const mediationBoardQuerySchema = z.object({
  unitId: z.coerce.number({ error: '调委会编号不正确' }).int('调委会编号不正确').positive().optional(),
});

// ---- views -------------------------------------------------------------------------------------------------

const fileRef = z.object({ id: z.string(), name: z.string(), sizeBytes: z.number().nullable() });
export type MediationFileRef = z.infer<typeof fileRef>;
const tone = z.enum(['processing', 'waiting', 'done', 'closed']);

export const mediationSessionViewSchema = z.object({
  id: z.string(),
  heldAt: z.string(),
  place: z.string(),
  mediators: z.array(z.object({ id: z.string(), name: z.string() })),
  attendees: z.string(),
  record: z.string(),
  files: z.array(fileRef),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type MediationSessionView = z.infer<typeof mediationSessionViewSchema>;

export const mediationAgreementViewSchema = z.object({
  form: z.enum(agreementForms),
  formLabel: z.string(),
  terms: z.string(),
  performanceTerms: z.string().nullable(),
  performanceDueOn: z.string().nullable(),
  effectiveOn: z.string(),
  performanceStatus: z.enum(performanceStatuses),
  performanceStatusLabel: z.string(),
  version: z.number().int(),
  /** The generated 人民调解协议书 (written agreements). */
  document: z
    .object({
      id: z.string(),
      docNo: z.string().nullable(),
      name: z.string(),
      downloadUrl: z.string(),
      previewUrl: z.string(),
    })
    .nullable(),
  signedFiles: z.array(fileRef),
});
export type MediationAgreementView = z.infer<typeof mediationAgreementViewSchema>;

export const mediationFollowUpViewSchema = z.object({
  id: z.string(),
  visitedOn: z.string(),
  method: z.enum(followUpMethods),
  methodLabel: z.string(),
  visitor: z.string(),
  note: z.string(),
  performanceStatus: z.enum(performanceStatuses),
  performanceStatusLabel: z.string(),
  files: z.array(fileRef),
  createdByName: z.string().nullable(),
});
export type MediationFollowUpView = z.infer<typeof mediationFollowUpViewSchema>;

export const mediationConfirmationViewSchema = z.object({
  court: z.string(),
  appliedOn: z.string(),
  /** Applied within the 30 days (第三十三条). */
  appliedInTime: z.boolean(),
  result: z.enum(confirmationResults).nullable(),
  resultLabel: z.string().nullable(),
  ruledOn: z.string().nullable(),
  rulingNo: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type MediationConfirmationView = z.infer<typeof mediationConfirmationViewSchema>;

/** The 30-day window for judicial confirmation (written agreements only). */
export const mediationConfirmationWindowSchema = z.object({
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  /** running / met / stopped. */
  status: z.string(),
  /** green / amber / red / … as the deadline badge. */
  state: z.string(),
  /** Calendar days to the due date (negative: overdue); null once met or stopped. */
  daysLeft: z.number().int().nullable(),
  label: z.string(),
  rule: z.string(),
});
export type MediationConfirmationWindow = z.infer<typeof mediationConfirmationWindowSchema>;

export const mediationMediatorOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  hasAccount: z.boolean(),
});
export type MediationMediatorOption = z.infer<typeof mediationMediatorOptionSchema>;

/** The dispute page's mediation tabs read this. */
export const mediationProcessViewSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  tone,
  version: z.number().int(),
  committee: z.object({ unitId: z.number().int(), name: z.string() }),
  leadMediator: z.object({ id: z.string(), name: z.string() }).nullable(),
  acceptedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.enum(mediationOutcomes).nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  /** The caller holds mediation:handle (the forms show). */
  canHandle: z.boolean(),
  /** The committee's serving mediators (for 受理 and 调解笔录). */
  mediators: z.array(mediationMediatorOptionSchema),
  sessions: z.array(mediationSessionViewSchema),
  agreement: mediationAgreementViewSchema.nullable(),
  followUps: z.array(mediationFollowUpViewSchema),
  confirmation: mediationConfirmationViewSchema.nullable(),
  confirmationWindow: mediationConfirmationWindowSchema.nullable(),
});
export type MediationProcessView = z.infer<typeof mediationProcessViewSchema>;

/** One dispute in the mediator's queue or on the committee's board. */
export const mediationQueueItemSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  title: z.string(),
  version: z.number().int(),
  status: z.string(),
  statusLabel: z.string(),
  tone,
  kind: z.enum(disputeKinds),
  kindLabel: z.string(),
  partyNames: z.string(),
  committeeName: z.string(),
  leadMediatorName: z.string().nullable(),
  receivedOn: z.string(),
  acceptedOn: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  performanceStatus: z.enum(performanceStatuses).nullable(),
  /** The judicial-confirmation window's due date while it runs. */
  confirmationDueOn: z.string().nullable(),
});
export type MediationQueueItem = z.infer<typeof mediationQueueItemSchema>;

export const mediationQueueGroups = ['pending', 'mediating', 'followUp', 'confirmation'] as const;
export type MediationQueueGroup = (typeof mediationQueueGroups)[number];
export const mediationQueueGroupLabels: Record<MediationQueueGroup, string> = {
  pending: '待受理',
  mediating: '调解中',
  followUp: '待回访',
  confirmation: '司法确认期限内',
};

export const mediationMyQueueSchema = z.object({
  /** The caller's mediator record, when linked. */
  mediator: z.object({ id: z.string(), name: z.string(), committeeName: z.string() }).nullable(),
  groups: z.array(
    z.object({
      group: z.enum(mediationQueueGroups),
      label: z.string(),
      items: z.array(mediationQueueItemSchema),
    }),
  ),
});
export type MediationMyQueue = z.infer<typeof mediationMyQueueSchema>;

export const mediationBoardStages = [
  'received',
  'mediating',
  'followUp',
  'confirmation',
  'settled',
  'unsettled',
  'terminated',
  'declined',
] as const;
export type MediationBoardStage = (typeof mediationBoardStages)[number];
export const mediationBoardStageLabels: Record<MediationBoardStage, string> = {
  received: '待受理',
  mediating: '调解中',
  followUp: '待回访',
  confirmation: '司法确认期限内',
  settled: '调解成功',
  unsettled: '调解不成功',
  terminated: '终止调解',
  declined: '不予受理',
};

export const mediationBoardSchema = z.object({
  /** The committee shown; null: every dispute in the caller's scope. */
  unitId: z.number().int().nullable(),
  unitName: z.string(),
  /** Committees in the caller's scope, to choose from. */
  committees: z.array(z.object({ unitId: z.number().int(), name: z.string() })),
  stages: z.array(
    z.object({
      stage: z.enum(mediationBoardStages),
      label: z.string(),
      count: z.number().int(),
      /** The latest 50 of the stage. */
      items: z.array(mediationQueueItemSchema),
    }),
  ),
});
export type MediationBoard = z.infer<typeof mediationBoardSchema>;
