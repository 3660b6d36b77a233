import { z } from 'zod';
import { legalAidMatterTypes } from './legal-aid.ts';
import {
  legalAidFundingSources,
  legalAidPledgeCheckResults,
  legalAidQualityRatings,
  legalAidReviewMethods,
} from './legal-aid-casework.ts';

// 质量评估、办案补贴、承诺核查: the centre's rating of a closed aided case and the subsidy it earns (base rate
// of the case type in force on the closing day × the rating's coefficient), payment batches per period, and
// the check of a sampled hardship pledge (法律援助法 第四十一条, 第六十四条). Shared by api and console.

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
const unitRef = z.object({ id: z.number().int(), name: z.string() });

// ---- rating ----------------------------------------------------------------------------------------------

export const legalAidRateInputSchema = z.object({
  rating: z.enum(legalAidQualityRatings, { error: '请选择质量等级' }).meta({ title: '质量等级' }),
  reviewMethods: z
    .array(z.enum(legalAidReviewMethods, { error: '评估方式不正确' }), { error: '请选择评估方式' })
    .min(1, '请至少选择一种评估方式')
    .max(legalAidReviewMethods.length)
    .refine((v) => new Set(v).size === v.length, '评估方式不能重复')
    .meta({ title: '评估方式' }),
  fundingSource: z.enum(legalAidFundingSources, { error: '请选择资金来源' }).meta({ title: '资金来源' }),
  note: z.string().trim().max(1000, '评估意见不能超过 1000 字').optional().meta({ title: '评估意见' }),
  /** The rating's version the caller read; required to change an existing rating. */
  version: z.number().int().min(1).optional(),
});
export type LegalAidRateInput = z.infer<typeof legalAidRateInputSchema>;

export const legalAidRatingSchema = z.object({
  rating: z.enum(legalAidQualityRatings),
  reviewMethods: z.array(z.enum(legalAidReviewMethods)),
  fundingSource: z.enum(legalAidFundingSources),
  note: z.string().nullable(),
  baseYuan: z.number(),
  coefficient: z.number(),
  subsidyYuan: z.number(),
  /** The day the rate used came into force. */
  rateEffectiveFrom: z.string().nullable(),
  batchId: z.uuid().nullable(),
  version: z.number().int(),
  ratedAt: z.string(),
  ratedByName: z.string().nullable(),
});
export type LegalAidRating = z.infer<typeof legalAidRatingSchema>;

/** The 质量评估 tab of a case: the rating (if any) and what a rating would pay now. */
export const legalAidCaseRatingSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  status: z.string(),
  matterType: z.enum(legalAidMatterTypes),
  /** legal_aid_closing.closed_on; null before the case is closed. */
  closedOn: z.string().nullable(),
  /** The rate in force on the closing day, or null (see `problem`). */
  rate: z.object({ id: z.uuid(), baseYuan: z.number(), effectiveFrom: z.string() }).nullable(),
  coefficients: z.record(z.enum(legalAidQualityRatings), z.number()),
  /** Why the case cannot be rated now (not closed, no rate set, already paid), in Chinese; null when it can. */
  problem: z.string().nullable(),
  rating: legalAidRatingSchema.nullable(),
});
export type LegalAidCaseRating = z.infer<typeof legalAidCaseRatingSchema>;

// ---- subsidy rates ---------------------------------------------------------------------------------------

const yuanAmount = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, `${label}不能为负数`)
    .max(1_000_000, `${label}不能超过 1,000,000 元`)
    .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), `${label}最多保留两位小数`)
    .meta({ title: label });

export const legalAidSubsidyRateInputSchema = z.object({
  matterType: z.enum(legalAidMatterTypes, { error: '请选择案件类型' }).meta({ title: '案件类型' }),
  effectiveFrom: day('生效日期'),
  baseYuan: yuanAmount('补贴标准（元）'),
  note: z.string().trim().max(500).optional().meta({ title: '依据或说明' }),
});
export type LegalAidSubsidyRateInput = z.infer<typeof legalAidSubsidyRateInputSchema>;

export const legalAidSubsidyRateUpdateSchema = z.object({
  baseYuan: yuanAmount('补贴标准（元）'),
  note: z.string().trim().max(500).optional().meta({ title: '依据或说明' }),
});

export const legalAidSubsidyRateSchema = z.object({
  id: z.uuid(),
  matterType: z.enum(legalAidMatterTypes),
  effectiveFrom: z.string(),
  baseYuan: z.number(),
  note: z.string().nullable(),
  /** Ratings that used it: such a rate is not edited, a new one is added from a later day. */
  usedBy: z.number().int(),
  createdAt: z.string(),
});
export type LegalAidSubsidyRate = z.infer<typeof legalAidSubsidyRateSchema>;

export const legalAidSubsidyRateListSchema = z.object({
  items: z.array(legalAidSubsidyRateSchema),
  coefficients: z.record(z.enum(legalAidQualityRatings), z.number()),
});

// ---- payment batches -------------------------------------------------------------------------------------

export const legalAidPaymentBatchInputSchema = z
  .object({
    unitId: z.number({ error: '请选择法律援助中心' }).int().positive().meta({ title: '法律援助中心' }),
    periodFrom: day('起始日期'),
    periodTo: day('截止日期'),
  })
  .refine((v) => v.periodFrom <= v.periodTo, { path: ['periodTo'], message: '截止日期不能早于起始日期' });
export type LegalAidPaymentBatchInput = z.infer<typeof legalAidPaymentBatchInputSchema>;

export const legalAidPaymentBatchSchema = z.object({
  id: z.uuid(),
  unit: unitRef,
  periodFrom: z.string(),
  periodTo: z.string(),
  itemCount: z.number().int(),
  totalYuan: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type LegalAidPaymentBatch = z.infer<typeof legalAidPaymentBatchSchema>;
export const legalAidPaymentBatchListSchema = z.object({ items: z.array(legalAidPaymentBatchSchema) });

// ---- pledge checks ---------------------------------------------------------------------------------------

export const legalAidPledgeCheckInputSchema = z
  .object({
    result: z.enum(legalAidPledgeCheckResults, { error: '请选择核查结论' }).meta({ title: '核查结论' }),
    note: z
      .string({ error: '请填写核查情况' })
      .trim()
      .min(1, '请填写核查情况')
      .max(2000, '核查情况不能超过 2000 字')
      .meta({ title: '核查情况' }),
    costRecoveryYuan: yuanAmount('追缴法律援助费用（元）').optional(),
  })
  .refine((v) => v.result === 'false' || v.costRecoveryYuan === undefined, {
    path: ['costRecoveryYuan'],
    message: '承诺属实时不追缴费用',
  });
export type LegalAidPledgeCheckInput = z.infer<typeof legalAidPledgeCheckInputSchema>;

export const legalAidPledgeRecoveredSchema = z.object({ recoveredOn: day('退还日期') });

export const legalAidPledgeCheckSchema = z.object({
  result: z.enum(legalAidPledgeCheckResults),
  note: z.string(),
  costRecoveryYuan: z.number().nullable(),
  recoveredOn: z.string().nullable(),
  checkedAt: z.string(),
  checkedByName: z.string().nullable(),
});

/** The 承诺核查 tab of a case. */
export const legalAidCasePledgeSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** The applicant chose the pledge (告知承诺) as hardship proof. */
  pledged: z.boolean(),
  /** Drawn in the random sample for verification (第四十一条). */
  sampled: z.boolean(),
  /** What a finding of `false` would do now, in Chinese; null when a check cannot be recorded now. */
  falseEffect: z.string().nullable(),
  /** Why a check cannot be recorded now; null when it can. */
  problem: z.string().nullable(),
  check: legalAidPledgeCheckSchema.nullable(),
});
export type LegalAidCasePledge = z.infer<typeof legalAidCasePledgeSchema>;

export const legalAidPledgeCheckStatuses = ['pending', 'checked'] as const;
export type LegalAidPledgeCheckStatus = (typeof legalAidPledgeCheckStatuses)[number];

export const legalAidPledgeListItemSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  applicantName: z.string(),
  competentUnit: unitRef,
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  sampled: z.boolean(),
  result: z.enum(legalAidPledgeCheckResults).nullable(),
  costRecoveryYuan: z.number().nullable(),
  recoveredOn: z.string().nullable(),
});
export type LegalAidPledgeListItem = z.infer<typeof legalAidPledgeListItemSchema>;
export const legalAidPledgeListSchema = z.object({ items: z.array(legalAidPledgeListItemSchema) });
