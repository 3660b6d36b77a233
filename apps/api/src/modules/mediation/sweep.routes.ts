import {
  mediationOverviewQuerySchema,
  mediationOverviewSchema,
  sweepCancelInputSchema,
  sweepDetailSchema,
  sweepHoldInputSchema,
  sweepListQuerySchema,
  sweepListSchema,
  sweepPlanInputSchema,
  sweepPlanUpdateSchema,
  sweepRecordInputSchema,
  sweepUnitOptionSchema,
  sweepViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../platform/http/request-context.ts';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { MediationOverviewService } from './sweep.overview.ts';
import type { SweepService } from './sweep.service.ts';

const sweepView = sweepViewSchema.meta({ id: 'MediationSweep', description: '矛盾纠纷排查' });
const sweepDetail = sweepDetailSchema.meta({
  id: 'MediationSweepDetail',
  description: '矛盾纠纷排查及其发现并登记的纠纷',
});
const idParams = z.object({ id: z.uuid({ error: '排查记录编号不正确' }) });
const tags = ['mediation sweeps'];

// Reading sweeps needs `mediation:readRegistry`, not `case:read`: the people of mediation hold it (bureaus,
// offices, committees, the leader) and nobody else — a legal-aid centre holds case:read but has no business
// with sweeps, and a sweep carries no party's personal data (its list of disputes applies the case scope
// again). Writing needs `mediation:sweep`.
const read = { permission: 'mediation:readRegistry' as const };
const write = { permission: 'mediation:sweep' as const };

/** 矛盾纠纷排查 and 调解概览. */
export function sweepRoutes(deps: {
  sweeps: SweepService;
  overview: MediationOverviewService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { sweeps, overview, idempotency } = deps;
  return async (app) => {
    app.get(
      '/api/mediation/sweeps',
      {
        config: read,
        schema: {
          tags,
          summary: '矛盾纠纷排查（可按单位、期间、状态筛选）',
          querystring: sweepListQuerySchema,
          response: { 200: sweepListSchema.extend({ items: z.array(sweepView) }) },
        },
      },
      async (request) => sweeps.list(request.ctx, request.query),
    );
    app.get(
      '/api/mediation/sweeps/units',
      {
        config: read,
        schema: {
          tags,
          summary: '可组织排查的单位（数据范围内的司法所和人民调解委员会）',
          response: { 200: z.object({ items: z.array(sweepUnitOptionSchema) }) },
        },
      },
      async (request) => ({ items: await sweeps.unitOptions(request.ctx) }),
    );
    app.get(
      '/api/mediation/sweeps/:id',
      {
        config: read,
        schema: {
          tags,
          summary: '一次排查及其发现并登记的纠纷',
          params: idParams,
          response: { 200: sweepDetail },
        },
      },
      async (request) => sweeps.get(request.ctx, request.params.id),
    );
    app.post(
      '/api/mediation/sweeps',
      {
        config: write,
        schema: {
          tags,
          summary: '计划排查',
          headers: idempotencyHeaders,
          body: sweepPlanInputSchema,
          response: { 201: sweepView, 200: sweepView },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) => sweeps.plan(request.ctx, request.body, { tx })),
    );
    app.post(
      '/api/mediation/sweeps/held',
      {
        config: write,
        schema: {
          tags,
          summary: '登记已开展的排查（不经计划）',
          headers: idempotencyHeaders,
          body: sweepRecordInputSchema,
          response: { 201: sweepView, 200: sweepView },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          sweeps.record(request.ctx, request.body, { tx }),
        ),
    );
    app.put(
      '/api/mediation/sweeps/:id',
      {
        config: write,
        schema: {
          tags,
          summary: '修改排查计划（计划中）',
          params: idParams,
          body: sweepPlanUpdateSchema,
          response: { 200: sweepView },
        },
      },
      async (request) => sweeps.update(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/mediation/sweeps/:id/hold',
      {
        config: write,
        schema: {
          tags,
          summary: '登记排查情况（计划中 → 已开展；已开展的可更正）',
          params: idParams,
          body: sweepHoldInputSchema,
          response: { 200: sweepView },
        },
      },
      async (request) => sweeps.hold(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/mediation/sweeps/:id/cancel',
      {
        config: write,
        schema: {
          tags,
          summary: '取消排查（计划中）',
          params: idParams,
          body: sweepCancelInputSchema,
          response: { 200: sweepView },
        },
      },
      async (request) => sweeps.cancel(request.ctx, request.params.id, request.body),
    );
    app.get(
      '/api/mediation/overview',
      {
        config: read,
        schema: {
          tags,
          summary: '调解概览：本人数据范围内的人民调解指标，及按县区、乡镇、调委会分列（期间默认本半年）',
          querystring: mediationOverviewQuerySchema,
          response: { 200: mediationOverviewSchema },
        },
      },
      async (request) => overview.overview(request.ctx, request.query),
    );
  };
}
