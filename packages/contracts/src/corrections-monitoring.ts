import { z } from 'zod';
import { correctionsDay, correctionsText } from './corrections-investigation.ts';

// 电子定位监管 (社区矫正法第二十九条): only on one of five conditions, evidenced by a recorded sanction or an
// approval breach; approved by the county bureau's head; at most 3 months, renewable by at most 3 months each
// after a recorded review; ended early when no longer needed; the data serves supervision only. Separate from
// the whole-term vessel tracking of maritime supervisees (local rules + written consent).

export const monitoringConditions = [
  'prohibitionBreach',
  'leftWithoutApproval',
  'warningRefusedReport',
  'publicSecurityPenalty',
  'pendingRevocation',
] as const;
export type MonitoringCondition = (typeof monitoringConditions)[number];
export const monitoringConditionLabels: Record<MonitoringCondition, string> = {
  prohibitionBreach: '违反人民法院禁止令',
  leftWithoutApproval: '无正当理由，未经批准离开所居住的市、县',
  warningRefusedReport: '拒不按照规定报告自己的活动情况，被给予警告',
  publicSecurityPenalty: '违反监督管理规定，被给予治安管理处罚',
  pendingRevocation: '拟提请撤销缓刑、假释或者暂予监外执行收监执行',
};

export const monitoringStatuses = ['proposed', 'active', 'refused', 'ended'] as const;
export type MonitoringStatus = (typeof monitoringStatuses)[number];
export const monitoringStatusLabels: Record<MonitoringStatus, string> = {
  proposed: '待审批',
  active: '监管中',
  refused: '不予批准',
  ended: '已解除',
};

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();

export const monitoringProposeSchema = z.object({
  condition: z.enum(monitoringConditions, { error: '请选择适用的法定情形' }),
  /** The recorded sanction (奖惩记录) that evidences the condition … */
  evidenceSanctionId: z.uuid('证据编号不正确').nullable().optional(),
  /** … or the leave (请假审批) that was overstayed. */
  evidenceApprovalId: z.uuid('证据编号不正确').nullable().optional(),
  reason: correctionsText('理由', 1000),
  startsOn: correctionsDay('开始日期'),
  endsOn: correctionsDay('结束日期'),
});
export type MonitoringProposeInput = z.input<typeof monitoringProposeSchema>;

export const monitoringDecisionSchema = z.object({
  version,
  decision: z.enum(['approve', 'refuse'], { error: '请选择审批意见' }),
  opinion: correctionsText('审批意见', 500),
});
export const monitoringReviewSchema = z.object({
  reviewedOn: correctionsDay('复查日期'),
  conclusion: z.enum(['renew', 'end'], { error: '请选择复查结论' }),
  note: correctionsText('复查情况', 1000),
});
export const monitoringRenewSchema = z.object({ version, endsOn: correctionsDay('续期结束日期') });
export const monitoringEndSchema = z.object({
  version,
  endedOn: correctionsDay('解除日期'),
  reason: correctionsText('解除原因', 500),
});

export const monitoringViewSchema = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  superviseeCaseId: z.uuid(),
  superviseeName: z.string(),
  officeName: z.string(),
  condition: z.enum(monitoringConditions),
  conditionLabel: z.string(),
  evidence: z.string(),
  reason: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(monitoringStatuses),
  statusLabel: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  opinion: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Active and ending within 7 days: a review and renewal (or ending) is due. */
  renewalDue: z.boolean(),
  documentId: z.uuid().nullable(),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      reviewedOn: z.string(),
      conclusion: z.enum(['renew', 'end']),
      note: z.string(),
      reviewedBy: z.string(),
      renewedUntil: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
});
export type MonitoringView = z.infer<typeof monitoringViewSchema>;
export const monitoringListSchema = z.object({
  items: z.array(monitoringViewSchema),
  total: z.number().int(),
});
export type MonitoringList = z.infer<typeof monitoringListSchema>;
export const monitoringListQuerySchema = z.object({
  status: z.enum(monitoringStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
