import { z } from 'zod';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 奖惩 (社区矫正法第二十八条): the ladder, and the breaches of the implementing measures whose triggers give a
// suggested step the officer confirms (the suggestion and the choice are both recorded).

export const sanctionKinds = [
  'praise',
  'admonition',
  'warning',
  'requestPenalty',
  'requestRevocation',
  'requestCommittal',
] as const;
export type SanctionKind = (typeof sanctionKinds)[number];
export const sanctionKindLabels: Record<SanctionKind, string> = {
  praise: '表扬',
  admonition: '训诫',
  warning: '警告',
  requestPenalty: '提请治安管理处罚',
  requestRevocation: '提请撤销缓刑、假释',
  requestCommittal: '提请收监执行',
};

/** What happened (the trigger the suggestion is computed from). */
export const sanctionBreaches = [
  'merit',
  'lateReport',
  'absence',
  'reportingRules',
  'missedEducation',
  'refusedReport',
  'prohibitionMinor',
  'prohibitionSerious',
  'medicalRecheck',
  'publicSecurityOffence',
  'afterPenalty',
  'other',
] as const;
export type SanctionBreach = (typeof sanctionBreaches)[number];
export const sanctionBreachLabels: Record<SanctionBreach, string> = {
  merit: '表现突出、有立功表现',
  lateReport: '未按规定时间报到',
  absence: '未经批准离开所居住市县或逾期未归（脱离监管）',
  reportingRules: '违反报告、会客、外出、迁居规定，情节轻微',
  missedEducation: '不按规定参加教育学习、社区服务',
  refusedReport: '拒不按规定报告（报到）',
  prohibitionMinor: '违反禁止令，情节轻微',
  prohibitionSerious: '违反禁止令，情节严重',
  medicalRecheck: '暂予监外执行不按规定提交病情复查情况',
  publicSecurityOffence: '违反治安管理',
  afterPenalty: '受到治安管理处罚后仍不改正',
  other: '其他',
};

export const sanctionStatuses = ['recorded', 'withdrawn'] as const;
export type SanctionStatus = (typeof sanctionStatuses)[number];

export const sanctionSuggestionQuerySchema = z.object({
  breach: z.enum(sanctionBreaches, { error: '请选择违规或表现情形' }),
  absenceDays: z.coerce.number().int().min(0).max(3650).optional(),
});

export const sanctionSuggestionSchema = z.object({
  kind: z.enum(sanctionKinds).nullable(),
  kindLabel: z.string().nullable(),
  reasons: z.array(z.string()),
  admonitions: z.number().int(),
  warnings: z.number().int(),
});
export type SanctionSuggestion = z.infer<typeof sanctionSuggestionSchema>;

export const sanctionInputSchema = z.object({
  kind: z.enum(sanctionKinds, { error: '请选择奖惩种类' }),
  breach: z.enum(sanctionBreaches, { error: '请选择违规或表现情形' }),
  absenceDays: z.number().int().min(0).max(3650).nullable().optional(),
  facts: correctionsText('事实', 2000),
  basis: correctionsText('依据', 500),
  decidedOn: correctionsDay('决定日期'),
  /** Required when the chosen step is not the suggested one. */
  deviationNote: correctionsOptionalText('未采纳建议的理由', 500).optional(),
});
export type SanctionInput = z.input<typeof sanctionInputSchema>;

export const sanctionWithdrawSchema = z.object({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int(),
  reason: correctionsText('撤销原因', 500),
});

export const sanctionViewSchema = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  superviseeCaseId: z.uuid(),
  superviseeName: z.string(),
  kind: z.enum(sanctionKinds),
  kindLabel: z.string(),
  breach: z.enum(sanctionBreaches),
  breachLabel: z.string(),
  absenceDays: z.number().int().nullable(),
  suggestedKind: z.enum(sanctionKinds).nullable(),
  suggestionReasons: z.array(z.string()),
  deviationNote: z.string().nullable(),
  facts: z.string(),
  basis: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  documentId: z.uuid().nullable(),
  status: z.enum(sanctionStatuses),
  withdrawReason: z.string().nullable(),
  version: z.number().int(),
});
export type SanctionView = z.infer<typeof sanctionViewSchema>;
export const sanctionListSchema = z.object({ items: z.array(sanctionViewSchema), total: z.number().int() });
export type SanctionList = z.infer<typeof sanctionListSchema>;
export const sanctionListQuerySchema = z.object({
  kind: z.enum(sanctionKinds).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
