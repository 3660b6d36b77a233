import { z } from 'zod';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 安全排查 (e.g. 春节前安全大排查): a campaign over some offices' supervisees, one checklist item per supervisee
// on the register when it opens (contact verified, home visit, risk assessed, a note), and completion by office.

export const sweepItemStatuses = ['pending', 'done'] as const;
export type SweepItemStatus = (typeof sweepItemStatuses)[number];
export const sweepItemStatusLabels: Record<SweepItemStatus, string> = { pending: '待排查', done: '已排查' };

export const sweepRisks = ['none', 'low', 'high'] as const;
export type SweepRisk = (typeof sweepRisks)[number];
export const sweepRiskLabels: Record<SweepRisk, string> = {
  none: '未发现风险',
  low: '一般风险',
  high: '重大风险隐患',
};

export const sweepCampaignInputSchema = z
  .object({
    name: correctionsText('排查活动名称', 60),
    startsOn: correctionsDay('开始日期'),
    endsOn: correctionsDay('结束日期'),
    officeIds: z.array(z.number().int()).min(1, '请选择参加排查的司法所').max(200),
    note: correctionsOptionalText('工作要求', 1000),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期' });
export type SweepCampaignInput = z.input<typeof sweepCampaignInputSchema>;

export const sweepItemInputSchema = z.object({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int(),
  contactVerified: z.boolean(),
  homeVisited: z.boolean(),
  riskAssessed: z.boolean(),
  risk: z.enum(sweepRisks).nullable().optional(),
  note: correctionsOptionalText('排查情况', 500),
  /** Marks the item done (all three checks must be ticked). */
  complete: z.boolean().optional().default(false),
});
export type SweepItemInput = z.input<typeof sweepItemInputSchema>;

export const sweepOfficeProgressSchema = z.object({
  officeId: z.number(),
  officeName: z.string(),
  total: z.number(),
  done: z.number(),
  percent: z.number(),
});
export type SweepOfficeProgress = z.infer<typeof sweepOfficeProgressSchema>;

export const sweepCampaignViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  organiserUnitName: z.string(),
  total: z.number(),
  done: z.number(),
  percent: z.number(),
  offices: z.array(sweepOfficeProgressSchema),
  createdAt: z.string(),
});
export type SweepCampaignView = z.infer<typeof sweepCampaignViewSchema>;
export const sweepCampaignListSchema = z.object({ items: z.array(sweepCampaignViewSchema) });

export const sweepItemViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  caseId: z.string(),
  name: z.string(),
  officeId: z.number(),
  officeName: z.string(),
  contactVerified: z.boolean(),
  homeVisited: z.boolean(),
  riskAssessed: z.boolean(),
  risk: z.enum(sweepRisks).nullable(),
  note: z.string().nullable(),
  status: z.enum(sweepItemStatuses),
  completedOn: z.string().nullable(),
  version: z.number(),
});
export type SweepItemView = z.infer<typeof sweepItemViewSchema>;
export const sweepItemListSchema = z.object({ items: z.array(sweepItemViewSchema) });
export const sweepItemQuerySchema = z.object({
  officeId: z.coerce.number().int().optional(),
  status: z.enum(sweepItemStatuses).optional(),
});
