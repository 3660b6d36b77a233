import { z } from 'zod';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 教育帮扶：职业技能培训、证书、就业指导 (社区矫正法第三十六条、第三十七条、第四十条): the office records the
// vocational training a supervisee took, the certificates earned (海员证 among them: the seed report's 14
// supervisees with seafarer certificates), and the employment guidance given — also during the fishing
// moratorium (休渔期), when supervisees who fish have no work at sea.

/** Certificate kinds; `seafarer` (海员证 / 船员适任证书) is what `corrections.seafarerCertificates` counts. */
export const certificateKinds = [
  'seafarer',
  'vocationalSkill',
  'driving',
  'specialOperation',
  'other',
] as const;
export type CertificateKind = (typeof certificateKinds)[number];
export const certificateKindLabels: Record<CertificateKind, string> = {
  seafarer: '海员证（船员证书）',
  vocationalSkill: '职业技能等级证书',
  driving: '机动车驾驶证',
  specialOperation: '特种作业操作证',
  other: '其他证书',
};

export const guidanceKinds = ['jobReferral', 'skillAdvice', 'policy', 'startup', 'other'] as const;
export type GuidanceKind = (typeof guidanceKinds)[number];
export const guidanceKindLabels: Record<GuidanceKind, string> = {
  jobReferral: '推荐就业岗位',
  skillAdvice: '技能与择业指导',
  policy: '就业政策咨询',
  startup: '创业扶持',
  other: '其他帮扶',
};

export const trainingRecordInputSchema = z
  .object({
    course: correctionsText('培训项目', 100),
    provider: correctionsText('培训机构', 100),
    hours: z
      .number({ error: '请填写培训学时' })
      .int('培训学时应为整数')
      .min(1, '培训学时至少为 1')
      .max(2000, '培训学时不能超过 2000'),
    fromOn: correctionsDay('培训开始日期'),
    toOn: correctionsDay('培训结束日期'),
    note: correctionsOptionalText('备注', 500),
  })
  .refine((v) => v.toOn >= v.fromOn, { path: ['toOn'], message: '培训结束日期不能早于开始日期' });
export type TrainingRecordInput = z.input<typeof trainingRecordInputSchema>;

export const certificateInputSchema = z.object({
  kind: z.enum(certificateKinds, { error: '请选择证书类别' }),
  name: correctionsOptionalText('证书名称', 100),
  number: correctionsText('证书编号', 60),
  issuedOn: correctionsDay('发证日期'),
  issuer: correctionsText('发证机关', 100),
  trainingId: z.uuid('培训记录编号不正确').nullable().optional(),
});
export type CertificateInput = z.input<typeof certificateInputSchema>;

export const guidanceInputSchema = z.object({
  kind: z.enum(guidanceKinds, { error: '请选择帮扶类别' }),
  givenOn: correctionsDay('帮扶日期'),
  note: correctionsText('帮扶情况', 500),
  /** Given during the fishing moratorium (休渔期就业帮扶). */
  duringMoratorium: z.boolean().optional().default(false),
});
export type GuidanceInput = z.input<typeof guidanceInputSchema>;

export const trainingRecordViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  course: z.string(),
  provider: z.string(),
  hours: z.number(),
  fromOn: z.string(),
  toOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TrainingRecordView = z.infer<typeof trainingRecordViewSchema>;

export const certificateViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(certificateKinds),
  kindLabel: z.string(),
  name: z.string().nullable(),
  number: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  trainingId: z.string().nullable(),
  createdAt: z.string(),
});
export type CertificateView = z.infer<typeof certificateViewSchema>;

export const guidanceViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(guidanceKinds),
  kindLabel: z.string(),
  givenOn: z.string(),
  note: z.string(),
  duringMoratorium: z.boolean(),
  createdAt: z.string(),
});
export type GuidanceView = z.infer<typeof guidanceViewSchema>;

/** A supervisee's 培训就业 tab. */
export const superviseeTrainingViewSchema = z.object({
  caseId: z.string(),
  trainings: z.array(trainingRecordViewSchema),
  certificates: z.array(certificateViewSchema),
  guidance: z.array(guidanceViewSchema),
});
export type SuperviseeTrainingView = z.infer<typeof superviseeTrainingViewSchema>;

/** The office's certificates list (教育培训与就业 page). */
export const certificateListItemSchema = certificateViewSchema.extend({
  superviseeName: z.string(),
  officeName: z.string(),
});
export type CertificateListItem = z.infer<typeof certificateListItemSchema>;
export const certificateListSchema = z.object({
  items: z.array(certificateListItemSchema),
  total: z.number(),
});
export const certificateListQuerySchema = z.object({
  kind: z.enum(certificateKinds).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
