import { z } from 'zod';
import { deliveryMethods } from './corrections.ts';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 解除与终止社区矫正 (社区矫正法第四十四条、第四十五条): at the end of the term the office issues the 解除社区矫正
// 证明书 and notifies the court, procuratorate and police (recorded: to whom, when, how); a term ends early
// by revocation of probation or parole, committal to prison, or death.

export const terminationReasons = ['revocation', 'committal', 'death'] as const;
export type TerminationReason = (typeof terminationReasons)[number];
export const terminationReasonLabels: Record<TerminationReason, string> = {
  revocation: '撤销缓刑、假释',
  committal: '收监执行',
  death: '社区矫正对象死亡',
};

export const endingKinds = ['release', ...terminationReasons] as const;
export type EndingKind = (typeof endingKinds)[number];
export const endingKindLabels: Record<EndingKind, string> = {
  release: '矫正期满解除',
  ...terminationReasonLabels,
};

export const releaseNoticeRecipients = ['court', 'procuratorate', 'police'] as const;
export type ReleaseNoticeRecipient = (typeof releaseNoticeRecipients)[number];
export const releaseNoticeRecipientLabels: Record<ReleaseNoticeRecipient, string> = {
  court: '人民法院',
  procuratorate: '人民检察院',
  police: '公安机关',
};

export const releaseNoticeInputSchema = z.object({
  recipient: z.enum(releaseNoticeRecipients, { error: '请选择通知的机关' }),
  recipientName: correctionsText('通知的机关名称', 100),
  sentOn: correctionsDay('通知日期'),
  method: z.enum(deliveryMethods, { error: '请选择送达方式' }),
});
export type ReleaseNoticeInput = z.input<typeof releaseNoticeInputSchema>;

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();

/** 解除社区矫正 (第四十四条): on or after the period's last day. */
export const releaseInputSchema = z.object({
  version,
  releasedOn: correctionsDay('解除日期'),
  summary: correctionsOptionalText('矫正期间表现', 1000),
  notices: z.array(releaseNoticeInputSchema).max(10).optional().default([]),
});
export type ReleaseInput = z.input<typeof releaseInputSchema>;

/** 终止社区矫正 (第四十五条). */
export const terminateInputSchema = z.object({
  version,
  reason: z.enum(terminationReasons, { error: '请选择终止原因' }),
  endedOn: correctionsDay('终止日期'),
  documentNo: correctionsText('依据文书（裁定书、决定书、死亡证明）编号', 80),
  note: correctionsOptionalText('说明', 500),
  notices: z.array(releaseNoticeInputSchema).max(10).optional().default([]),
});
export type TerminateInput = z.input<typeof terminateInputSchema>;

export const releaseNoticeViewSchema = z.object({
  id: z.number(),
  recipient: z.enum(releaseNoticeRecipients),
  recipientLabel: z.string(),
  recipientName: z.string(),
  sentOn: z.string(),
  method: z.enum(deliveryMethods),
});
export type ReleaseNoticeView = z.infer<typeof releaseNoticeViewSchema>;

export const endingViewSchema = z.object({
  caseId: z.string(),
  kind: z.enum(endingKinds),
  kindLabel: z.string(),
  endedOn: z.string(),
  summary: z.string().nullable(),
  documentNo: z.string().nullable(),
  /** The 解除社区矫正证明书 (a platform document of the case), on release. */
  certificateDocumentId: z.string().nullable(),
  certificateNo: z.string().nullable(),
  notices: z.array(releaseNoticeViewSchema),
  missingNotices: z.array(z.enum(releaseNoticeRecipients)),
  createdAt: z.string(),
});
export type EndingView = z.infer<typeof endingViewSchema>;

/** A supervisee's 解矫 tab: the ending if any. */
export const superviseeEndingViewSchema = z.object({
  caseId: z.string(),
  status: z.string(),
  periodEnd: z.string(),
  version: z.number(),
  ending: endingViewSchema.nullable(),
});
export type SuperviseeEndingView = z.infer<typeof superviseeEndingViewSchema>;

export const endingSoonQuerySchema = z.object({
  officeId: z.coerce.number().int().optional(),
  days: z.coerce.number().int().min(1).max(366).default(30),
});
export const endingSoonItemSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  name: z.string(),
  sentenceKind: z.string(),
  officeName: z.string(),
  periodEnd: z.string(),
  daysRemaining: z.number(),
  status: z.string(),
  version: z.number(),
});
export type EndingSoonItem = z.infer<typeof endingSoonItemSchema>;
export const endingSoonListSchema = z.object({ items: z.array(endingSoonItemSchema) });
