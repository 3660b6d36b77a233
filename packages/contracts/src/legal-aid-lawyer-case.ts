import { z } from 'zod';
import { type LegalAidDisputeKind, legalAidDisputeKinds } from './legal-aid.ts';
import { legalAidCaseOutcomes, legalAidProgressKinds } from './legal-aid-casework.ts';

// 律师办案: the assigned lawyer's cases, the progress log (办案记录) and the closing (结案), and the
// centre's read-only view of them.

/** Pay and work-injury claims: the closing must say what the aided person recovered (挽回损失). */
export const legalAidRecoveryDisputeKinds = [
  'wageArrears',
  'workInjury',
  'labourDispute',
] as const satisfies readonly LegalAidDisputeKind[];

export function legalAidNeedsAmountRecovered(kind: LegalAidDisputeKind | string | null | undefined): boolean {
  return (legalAidRecoveryDisputeKinds as readonly string[]).includes(kind ?? '');
}

const day = (title: string) =>
  z
    .string({ error: `请选择${title}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${title}格式应为 YYYY-MM-DD`)
    .meta({ title });

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int().positive();
const fileIds = z.array(z.uuid('材料编号不正确')).max(30, '材料不能超过 30 份').default([]);

/** Filter of 我的援助案件. */
export const legalAidMyCaseStatuses = ['assigned', 'inProgress', 'closed'] as const;
export const legalAidMyCasesQuerySchema = z.object({
  status: z.enum(legalAidMyCaseStatuses, { error: '状态不正确' }).optional(),
});

export const legalAidMyCaseSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  version: z.number().int(),
  applicantName: z.string(),
  matterSummary: z.string(),
  disputeKind: z.enum(legalAidDisputeKinds),
  status: z.string(),
  statusLabel: z.string(),
  tone: z.enum(['processing', 'waiting', 'done', 'closed']),
  assignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** The earliest running clock of the case (YYYY-MM-DD) and its rule's name. */
  nextDeadline: z.object({ dueOn: z.string(), label: z.string() }).nullable(),
});
export type LegalAidMyCase = z.infer<typeof legalAidMyCaseSchema>;
export const legalAidMyCaseListSchema = z.object({ items: z.array(legalAidMyCaseSchema) });

export const legalAidAcceptSchema = z.object({ version });
export type LegalAidAcceptInput = z.input<typeof legalAidAcceptSchema>;

export const legalAidDeclineSchema = z.object({
  reason: z
    .string({ error: '请说明退回的原因' })
    .trim()
    .min(1, '请说明退回的原因（如存在利益冲突、身体原因等）')
    .max(500, '原因不能超过 500 个字')
    .meta({ title: '退回原因' }),
  version,
});
export type LegalAidDeclineInput = z.input<typeof legalAidDeclineSchema>;

export const legalAidProgressInputSchema = z.object({
  kind: z.enum(legalAidProgressKinds, { error: '请选择办案环节' }).meta({ title: '办案环节' }),
  occurredOn: day('日期'),
  note: z
    .string({ error: '请填写办理情况' })
    .trim()
    .min(1, '请填写办理情况')
    .max(2000, '办理情况不能超过 2000 个字')
    .meta({ title: '办理情况' }),
  fileIds,
});
export type LegalAidProgressInput = z.input<typeof legalAidProgressInputSchema>;

export const legalAidCloseSchema = z.object({
  outcome: z.enum(legalAidCaseOutcomes, { error: '请选择办理结果' }).meta({ title: '办理结果' }),
  summary: z
    .string({ error: '请填写结案小结' })
    .trim()
    .min(1, '请填写结案小结')
    .max(4000, '结案小结不能超过 4000 个字')
    .meta({ title: '结案小结' }),
  amountRecoveredYuan: z
    .number({ error: '挽回损失应为数字（元）' })
    .min(0, '挽回损失不能为负数')
    .max(1_000_000_000, '挽回损失金额过大，请核对')
    .refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)), '挽回损失最多保留两位小数（到分）')
    .nullish()
    .meta({ title: '挽回损失（元）' }),
  closedOn: day('结案日期'),
  fileIds,
  version,
});
export type LegalAidCloseInput = z.input<typeof legalAidCloseSchema>;

const fileRef = z.object({ id: z.uuid(), name: z.string(), sizeBytes: z.number().int().nullable() });

export const legalAidProgressEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(legalAidProgressKinds),
  kindLabel: z.string(),
  occurredOn: z.string(),
  note: z.string(),
  files: z.array(fileRef),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type LegalAidProgressEntry = z.infer<typeof legalAidProgressEntrySchema>;

export const legalAidClosingSchema = z.object({
  outcome: z.enum(legalAidCaseOutcomes),
  outcomeLabel: z.string(),
  summary: z.string(),
  amountRecoveredYuan: z.number().nullable(),
  closedOn: z.string(),
  files: z.array(fileRef),
  closedByName: z.string().nullable(),
  closedAt: z.string(),
});
export type LegalAidClosing = z.infer<typeof legalAidClosingSchema>;

/** 承办情况: the progress log and the closing; `canHandle` when the caller is the lawyer who may act now. */
export const legalAidCaseworkSchema = z.object({
  caseId: z.uuid(),
  status: z.string(),
  version: z.number().int(),
  disputeKind: z.enum(legalAidDisputeKinds),
  /** The grant's day: progress and closing dates may not be before it. */
  grantedOn: z.string().nullable(),
  amountRecoveredRequired: z.boolean(),
  /** The caller is the current assigned lawyer (accept / decline when assigned, log and close when in progress). */
  canHandle: z.boolean(),
  accepted: z.boolean(),
  progress: z.array(legalAidProgressEntrySchema),
  closing: legalAidClosingSchema.nullable(),
});
export type LegalAidCasework = z.infer<typeof legalAidCaseworkSchema>;
