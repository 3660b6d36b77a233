import { z } from 'zod';
import {
  deliveryMethods,
  investigationOpinions,
  investigationRequesterKinds,
  sentenceKinds,
} from './corrections.ts';
import { personInputSchema } from './persons.ts';

// 调查评估 (社区矫正法第十八条): a request from a court, procuratorate, police or prison; the 10-working-day
// clock (5 in fast-track cases); the assessment, its report (调查评估意见书) and its delivery.

const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

export const correctionsDay = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`)
    .refine(isRealDay, `${label}不是有效日期`);

export const correctionsText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const correctionsOptionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** 委托调查评估: what the requester's letter says. */
export const investigationRequestSchema = z.object({
  /** The office or county bureau that investigates (the competent unit; in the caller's scope). */
  unitId: z.number({ error: '请选择承办调查评估的单位' }).int('请选择承办调查评估的单位'),
  requesterKind: z.enum(investigationRequesterKinds, { error: '请选择委托机关类别' }),
  requesterName: correctionsText('委托机关名称', 100),
  letterNo: correctionsText('委托函文号', 60),
  receivedOn: correctionsDay('收到委托函日期'),
  /** 速裁程序: 5 working days instead of 10. */
  fastTrack: z.boolean({ error: '请选择是否适用速裁程序' }).default(false),
  person: personInputSchema,
  offence: correctionsText('涉嫌（被指控）罪名', 100),
  proposedSentenceKind: z.enum(sentenceKinds, { error: '拟适用的社区矫正类别不正确' }).nullable().optional(),
  note: correctionsOptionalText('备注', 1000),
});
export type InvestigationRequestInput = z.input<typeof investigationRequestSchema>;

/** 评估: the findings and the opinion; generates the 调查评估意见书. */
export const investigationAssessSchema = z.object({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int(),
  findings: correctionsText('调查情况', 4000),
  opinion: z.enum(investigationOpinions, { error: '请选择评估意见' }),
  assessedOn: correctionsDay('评估日期'),
});
export type InvestigationAssessInput = z.input<typeof investigationAssessSchema>;

/** 送达: the report reached the requester. */
export const investigationDeliverSchema = z.object({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int(),
  deliveredOn: correctionsDay('送达日期'),
  method: z.enum(deliveryMethods, { error: '请选择送达方式' }),
  recipient: correctionsText('签收人（单位）', 100),
});
export type InvestigationDeliverInput = z.input<typeof investigationDeliverSchema>;

export const investigationListQuerySchema = z.object({
  status: z.string().max(40).optional(),
  requesterKind: z.enum(investigationRequesterKinds, { error: '委托机关类别不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const investigationViewSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** The case version: send it back with assess / deliver. */
  version: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  requesterKind: z.enum(investigationRequesterKinds),
  requesterName: z.string(),
  letterNo: z.string(),
  receivedOn: z.string(),
  fastTrack: z.boolean(),
  personId: z.uuid(),
  /** Masked more for a minor (张某). */
  personName: z.string(),
  idNumberMasked: z.string().nullable(),
  minor: z.boolean(),
  offence: z.string(),
  proposedSentenceKind: z.enum(sentenceKinds).nullable(),
  note: z.string().nullable(),
  findings: z.string().nullable(),
  opinion: z.enum(investigationOpinions).nullable(),
  assessedOn: z.string().nullable(),
  reportDocumentId: z.uuid().nullable(),
  deliveredOn: z.string().nullable(),
  deliveryMethod: z.enum(deliveryMethods).nullable(),
  deliveredTo: z.string().nullable(),
  clock: z
    .object({
      ruleName: z.string(),
      article: z.string(),
      startedOn: z.string(),
      dueOn: z.string().nullable(),
      status: z.string(),
      state: z.string(),
      label: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type InvestigationView = z.infer<typeof investigationViewSchema>;

export const investigationListSchema = z.object({
  items: z.array(investigationViewSchema),
  total: z.number().int(),
});
export type InvestigationList = z.infer<typeof investigationListSchema>;
