import { z } from 'zod';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 审批事项 (社区矫正法第二十七条 and the implementing measures): leave (请假外出), change of residence (变更居住地),
// change of supervising place (变更执行地), visitors (会客). Each application is a case of type
// `corrections.approval` linked to the supervisee's term; the level that must decide a leave follows its
// length (configurable: up to 7 days the township office, up to 30 the county bureau, more — or more than 30
// in total within two months — the level above).

export const approvalKinds = ['leave', 'residenceChange', 'placeChange', 'visitor'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
export const approvalKindLabels: Record<ApprovalKind, string> = {
  leave: '请假外出',
  residenceChange: '变更居住地',
  placeChange: '变更执行地',
  visitor: '会客',
};

/** Who decides: the level of the deciding unit (司法所 / 县（区）司法局 / 市司法局). */
export const approvalLevels = ['office', 'county', 'city'] as const;
export type ApprovalLevel = (typeof approvalLevels)[number];
export const approvalLevelLabels: Record<ApprovalLevel, string> = {
  office: '司法所',
  county: '县（区）司法局',
  city: '市司法局',
};

export const approvalStatuses = ['pending', 'forwarded', 'approved', 'refused', 'returned'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
export const approvalStatusLabels: Record<ApprovalStatus, string> = {
  pending: '待审批',
  forwarded: '已报请上级',
  approved: '已批准',
  refused: '不予批准',
  returned: '已销假',
};

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();

/** An application (by the supervisee in the portal, or registered by an officer). */
export const approvalApplySchema = z
  .object({
    kind: z.enum(approvalKinds, { error: '请选择审批事项' }),
    /** 外出目的地 / 新居住地址 / 新执行地 / 来访人员（姓名与关系）. */
    destination: correctionsText('目的地、地址或来访人员', 200),
    reason: correctionsText('事由', 500),
    fromDate: correctionsDay('开始日期'),
    toDate: correctionsDay('结束日期').nullable().optional(),
  })
  .superRefine((v, c) => {
    if (v.kind === 'leave' && !v.toDate)
      c.addIssue({ code: 'custom', path: ['toDate'], message: '请填写返回日期' });
    if (v.toDate && v.toDate < v.fromDate)
      c.addIssue({ code: 'custom', path: ['toDate'], message: '结束日期不能早于开始日期' });
  });
export type ApprovalApplyInput = z.input<typeof approvalApplySchema>;

export const approvalDecisionSchema = z.object({
  version,
  decision: z.enum(['approve', 'refuse'], { error: '请选择审批意见' }),
  opinion: correctionsText('审批意见', 500),
});
export type ApprovalDecisionInput = z.input<typeof approvalDecisionSchema>;

export const approvalForwardSchema = z.object({ version, opinion: correctionsText('报请意见', 500) });
export const approvalReturnSchema = z.object({
  version,
  returnedOn: correctionsDay('销假日期'),
  note: correctionsOptionalText('销假情况', 300).optional(),
});

export const approvalListQuerySchema = z.object({
  status: z.enum(approvalStatuses).optional(),
  kind: z.enum(approvalKinds).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const approvalViewSchema = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  superviseeCaseId: z.uuid(),
  superviseeName: z.string(),
  officeName: z.string(),
  kind: z.enum(approvalKinds),
  destination: z.string(),
  reason: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  days: z.number().int().nullable(),
  /** Leave days already approved within the two months before (counted for the level). */
  priorDaysInWindow: z.number().int(),
  requiredLevel: z.enum(approvalLevels),
  /** Why this level (Chinese, e.g. 请假 20 天，超过 7 天). */
  levelReason: z.string(),
  status: z.enum(approvalStatuses),
  statusLabel: z.string(),
  appliedBy: z.enum(['supervisee', 'staff']),
  appliedAt: z.string(),
  forwardOpinion: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedLevel: z.enum(approvalLevels).nullable(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
  documentId: z.uuid().nullable(),
  returnedOn: z.string().nullable(),
  /** A leave returned after its end date, or not returned and past it. */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type ApprovalView = z.infer<typeof approvalViewSchema>;
export const approvalListSchema = z.object({ items: z.array(approvalViewSchema), total: z.number().int() });
export type ApprovalList = z.infer<typeof approvalListSchema>;

export const approvalSettingsViewSchema = z.object({
  officeMaxDays: z.number().int(),
  countyMaxDays: z.number().int(),
  windowMonths: z.number().int(),
  windowMaxDays: z.number().int(),
});
export type ApprovalSettingsView = z.infer<typeof approvalSettingsViewSchema>;
