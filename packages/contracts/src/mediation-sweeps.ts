import { z } from 'zod';
import { disputeKinds, sweepStatuses } from './mediation.ts';

// 矛盾纠纷排查: a justice office or a mediation committee plans a sweep (date, area, who takes part), records it
// as held (with findings and the risks found) or cancels it; the disputes it finds are registered through
// intake with `sweepId`. Also the shapes of the 调解概览 (mediation overview) the console draws from the
// metrics. Shared by the api (validation, OpenAPI) and the console (forms, labels).

const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
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
    .optional();

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号不正确');

/** 计划排查: the unit (a justice office or a committee in the caller's scope), date, area, who takes part. */
export const sweepPlanInputSchema = z.object({
  unitId: z
    .number({ error: '请选择组织排查的单位' })
    .int('组织排查的单位不正确')
    .positive('组织排查的单位不正确'),
  title: text('排查名称', 100),
  plannedOn: day('计划日期'),
  area: text('排查范围', 300),
  participants: optionalText('参加人员', 500),
});
export type SweepPlanInput = z.infer<typeof sweepPlanInputSchema>;

/** 修改排查计划 (only while planned). */
export const sweepPlanUpdateSchema = sweepPlanInputSchema.extend({ version });
export type SweepPlanUpdate = z.infer<typeof sweepPlanUpdateSchema>;

/** 登记排查情况: the day held, who took part and how many, what was found. Again on a held sweep corrects it. */
export const sweepHoldInputSchema = z.object({
  version,
  heldOn: day('排查日期'),
  participants: text('参加人员', 500),
  participantCount: z
    .number({ error: '请填写参加人数' })
    .int('参加人数应为整数')
    .min(1, '参加人数至少为 1 人')
    .max(10_000, '参加人数不能超过 10000 人'),
  findings: text('排查情况', 2000),
  risksFound: z
    .number({ error: '发现风险隐患数应为数字' })
    .int('发现风险隐患数应为整数')
    .min(0, '发现风险隐患数不能为负数')
    .max(10_000, '发现风险隐患数不能超过 10000')
    .default(0),
});
export type SweepHoldInput = z.input<typeof sweepHoldInputSchema>;

/** 登记已开展的排查 (without a plan first): the plan's fields and the record's, in one step. */
export const sweepRecordInputSchema = sweepPlanInputSchema.extend(
  sweepHoldInputSchema.omit({ version: true }).shape,
);
export type SweepRecordInput = z.input<typeof sweepRecordInputSchema>;

/** 取消排查 (only while planned), with the reason. */
export const sweepCancelInputSchema = z.object({ version, reason: text('取消原因', 300) });
export type SweepCancelInput = z.infer<typeof sweepCancelInputSchema>;

export const sweepListQuerySchema = z.object({
  unitId: z.coerce
    .number({ error: '单位应为数字编号' })
    .int('单位应为数字编号')
    .positive('单位应为数字编号')
    .optional(),
  /** The sweep's day (held, else planned) from … to, inclusive. */
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  status: z.enum(sweepStatuses, { error: '排查状态不正确' }).optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int('页码应为整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .default(20),
});
export type SweepListQuery = z.input<typeof sweepListQuerySchema>;

export const sweepViewSchema = z.object({
  id: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  title: z.string(),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  area: z.string(),
  participants: z.string(),
  participantCount: z.number().int().nullable(),
  findings: z.string().nullable().describe('排查情况；已取消的排查为取消原因'),
  risksFound: z.number().int(),
  status: z.enum(sweepStatuses),
  /** Disputes registered from this sweep (mediation_dispute.sweep_id). */
  disputeCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SweepView = z.infer<typeof sweepViewSchema>;

export const sweepListSchema = z.object({
  items: z.array(sweepViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SweepList = z.infer<typeof sweepListSchema>;

/** A dispute the sweep found, as its page lists it (only those in the caller's case scope). */
export const sweepDisputeSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  title: z.string(),
  kind: z.enum(disputeKinds),
  status: z.string(),
  statusLabel: z.string(),
  committeeName: z.string(),
  createdAt: z.string(),
});
export type SweepDispute = z.infer<typeof sweepDisputeSchema>;

export const sweepDetailSchema = sweepViewSchema.extend({ disputes: z.array(sweepDisputeSchema) });
export type SweepDetail = z.infer<typeof sweepDetailSchema>;

/** The units the caller may plan a sweep for: justice offices and committees in their scope. */
export const sweepUnitOptionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['justiceOffice', 'mediationCommittee']),
});
export type SweepUnitOption = z.infer<typeof sweepUnitOptionSchema>;

// ---- 调解概览 (the overview page reads the metrics below) ----------------------------------------------------

/**
 * The metrics of the overview: the seed report's figures and the per-unit breakdowns (object values keyed
 * by org unit id, one metric per figure and level). The console joins them into the county → town →
 * committee table.
 */
export const mediationOverviewMetricNames = {
  sweeps: 'mediation.sweeps',
  accepted: 'mediation.accepted',
  settled: 'mediation.settled',
  successRate: 'mediation.successRate',
  amountInvolved: 'mediation.amountInvolved',
  landForestWater: 'mediation.landForestWater',
  enterpriseDisputesByKind: 'mediation.enterpriseDisputesByKind',
} as const;

/** The levels of the breakdown table: county bureau, justice office (town), committee. */
export const mediationBreakdownLevels = ['county', 'town', 'committee'] as const;
export type MediationBreakdownLevel = (typeof mediationBreakdownLevels)[number];
export const mediationBreakdownLevelLabels: Record<MediationBreakdownLevel, string> = {
  county: '县（区）',
  town: '乡镇（街道）',
  committee: '调委会',
};

/** The figures broken down per unit: `mediation.<figure>By<Level>` (e.g. mediation.acceptedByCommittee). */
export const mediationBreakdownFigures = ['accepted', 'settled', 'amountInvolved', 'sweeps'] as const;
export type MediationBreakdownFigure = (typeof mediationBreakdownFigures)[number];

export function mediationBreakdownMetricName(
  figure: MediationBreakdownFigure,
  level: MediationBreakdownLevel,
): string {
  return `mediation.${figure}By${level.charAt(0).toUpperCase()}${level.slice(1)}`;
}

export const mediationOverviewQuerySchema = z.object({
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type MediationOverviewQuery = z.infer<typeof mediationOverviewQuerySchema>;

const overviewFigures = {
  accepted: z.number().int().describe('受理矛盾纠纷数'),
  settled: z.number().int().describe('调解成功数'),
  successRate: z.number().describe('调解成功率（%），受理为 0 时为 0'),
  amountInvolved: z.number().describe('涉及金额（元）'),
  sweeps: z.number().int().describe('矛盾纠纷排查次数'),
};

/** One row of the overview table: a county bureau, a justice office (town) or a committee. */
export const mediationOverviewRowSchema = z.object({
  unitId: z.number().int(),
  name: z.string(),
  level: z.enum(mediationBreakdownLevels),
  /** The row above it in the table (a committee's office or county; an office's county), or null. */
  parentId: z.number().int().nullable(),
  ...overviewFigures,
});
export type MediationOverviewRow = z.infer<typeof mediationOverviewRowSchema>;

export const mediationOverviewSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({
    ...overviewFigures,
    landForestWater: z.object({ accepted: z.number(), closed: z.number(), closureRate: z.number() }),
    enterpriseDisputesByKind: z.record(z.string(), z.number()),
  }),
  rows: z.array(mediationOverviewRowSchema),
});
export type MediationOverview = z.infer<typeof mediationOverviewSchema>;
