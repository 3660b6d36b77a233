import { metricListSchema, metricResultSchema, metricSummarySchema } from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import type { MetricsService } from './metrics.service.ts';

export interface MetricsRoutesDeps {
  metrics: Pick<MetricsService, 'list' | 'compute'>;
}

const dateSchema = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine(isIsoDate, `${label}应为 YYYY-MM-DD 格式的有效日期`)
    .describe(`${label}，YYYY-MM-DD`);

const summarySchema = metricSummarySchema.meta({ id: 'MetricSummary', description: '可查看的统计指标' });
const resultSchema = metricResultSchema.meta({ id: 'MetricResult', description: '统计指标的数值' });

/** 统计指标: the figures the modules declare, computed for a period and a unit within the caller's scope. */
export function metricsRoutes(deps: MetricsRoutesDeps): FastifyPluginAsyncZod {
  const { metrics } = deps;
  return async (app) => {
    app.get(
      '/api/metrics',
      {
        config: { permission: 'metric:read' },
        schema: {
          tags: ['metrics'],
          summary: '可查看的统计指标（本人具有相应业务权限的指标）',
          response: { 200: metricListSchema.extend({ metrics: z.array(summarySchema) }) },
        },
      },
      async (request) => metrics.list(request.ctx),
    );

    app.get(
      '/api/metrics/:name',
      {
        config: { permission: 'metric:read' },
        schema: {
          tags: ['metrics'],
          summary: '计算一项统计指标：期间默认本年初至今天，单位默认本人数据权限内的全部单位',
          params: z.object({
            name: z.string().max(100, '指标名称过长').describe('如 legalAid.casesAccepted'),
          }),
          querystring: z.object({
            from: dateSchema('开始日期').optional(),
            to: dateSchema('结束日期').optional(),
            asOf: dateSchema('统计日').optional(),
            unit: z.coerce
              .number({ error: '单位应为数字编号' })
              .int('单位应为数字编号')
              .positive('单位应为数字编号')
              .optional()
              .describe('统计的单位（含下属单位）'),
            records: z
              .enum(['0', '1', 'true', 'false'], { error: 'records 应为 1 或 0' })
              .optional()
              .describe('1：同时返回构成该数值的记录 id'),
          }),
          response: { 200: resultSchema },
        },
      },
      async (request) => {
        const { records, ...query } = request.query;
        return metrics.compute(request.ctx, request.params.name, {
          ...query,
          records: records === '1' || records === 'true',
        });
      },
    );
  };
}
