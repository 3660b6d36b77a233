import { z } from 'zod';

// 统计指标: named figures a module declares over its own records (GET /api/metrics, /api/metrics/:name).
// A value is a number (a count, a sum of money in yuan rounded to the fen, a percentage rounded as the
// report rounds it) or, for a breakdown, an object of numbers keyed by part.

export const metricKinds = ['flow', 'snapshot'] as const;
/** flow: over a period (from–to); snapshot: as of one day (a roster size, cases open on a date). */
export type MetricKind = (typeof metricKinds)[number];

export const metricPartSchema = z.object({
  key: z.string(),
  label: z.string().describe('中文名称，如“上期结转”'),
});
export type MetricPart = z.infer<typeof metricPartSchema>;

export const metricSummarySchema = z.object({
  name: z.string().describe('`<模块>.<指标>`，如 legalAid.casesAccepted'),
  label: z.string().describe('中文名称，如“受理法律援助案件数”'),
  description: z.string().nullable().describe('口径说明'),
  measure: z.string().describe('计量单位：件、元、%、人次…'),
  kind: z.enum(metricKinds),
  recordKind: z.string().nullable().describe('明细记录的类型：case 为案件，明细可打开 /cases/<id>'),
  parts: z.array(metricPartSchema).describe('分项指标的各项（值为对象时），按显示顺序'),
});
export type MetricSummary = z.infer<typeof metricSummarySchema>;

export const metricValueSchema = z.union([z.number(), z.record(z.string(), z.number())]);
export type MetricValue = z.infer<typeof metricValueSchema>;

export const metricRecordsSchema = z.union([z.array(z.string()), z.record(z.string(), z.array(z.string()))]);
export type MetricRecords = z.infer<typeof metricRecordsSchema>;

export const metricResultSchema = z.object({
  name: z.string(),
  value: metricValueSchema,
  from: z.string().describe('开始日期（含），YYYY-MM-DD'),
  to: z.string().describe('结束日期（含），YYYY-MM-DD'),
  asOf: z.string().optional().describe('时点指标的统计日（含当天），YYYY-MM-DD'),
  unit: z
    .object({ id: z.number().int(), name: z.string() })
    .nullable()
    .describe('统计的单位（含下属单位）；null 为调用者数据权限内的全部单位'),
  records: metricRecordsSchema.optional().describe('明细：构成该数值的记录 id（分项指标按项列出）'),
  recordLabels: z
    .record(z.string(), z.string())
    .optional()
    .describe('明细记录的显示名称（id → 名称）：案件为案号，尚无案号的案件不列出'),
});
export type MetricResult = z.infer<typeof metricResultSchema>;

export const metricListSchema = z.object({
  metrics: z.array(metricSummarySchema),
  today: z.string().describe('服务器所在时区的今天，YYYY-MM-DD：期间的默认结束日'),
});
export type MetricList = z.infer<typeof metricListSchema>;
