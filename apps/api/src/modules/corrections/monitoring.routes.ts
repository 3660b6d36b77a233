import {
  type MonitoringView,
  monitoringListQuerySchema,
  monitoringListSchema,
  monitoringViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { MonitoringService } from './monitoring.service.ts';

const caseParams = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const idParams = z.object({ id: z.uuid('电子定位监管编号不正确') });
const tags = ['corrections'];

// 电子定位监管 (第二十九条): orders of the caller's scope, a supervisee's, propose, decide (head), review,
// renew (head), end. Not vessel tracking.
export function monitoringRoutes(deps: {
  monitoring: MonitoringService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { monitoring, idempotency } = deps;
  return async (app) => {
    app.get(
      '/api/corrections/monitoring-orders',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '电子定位监管',
          querystring: monitoringListQuerySchema,
          response: { 200: monitoringListSchema },
        },
      },
      async (request) => monitoring.list(request.ctx, request.query),
    );
    app.get(
      '/api/corrections/monitoring-orders/:id',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '电子定位监管详情',
          params: idParams,
          response: { 200: monitoringViewSchema },
        },
      },
      async (request) => monitoring.detail(request.ctx, request.params.id),
    );
    app.get(
      '/api/corrections/supervisees/:caseId/monitoring-orders',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '社区矫正对象的电子定位监管',
          params: caseParams,
          response: { 200: monitoringListSchema },
        },
      },
      async (request) => monitoring.ofSupervisee(request.ctx, request.params.caseId),
    );
    app.post(
      '/api/corrections/supervisees/:caseId/monitoring-orders',
      {
        config: { permission: 'corrections:sanction' },
        schema: {
          tags,
          summary: '提请电子定位监管',
          params: caseParams,
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: monitoringViewSchema, 200: monitoringViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          monitoring.propose(tx, request.ctx, request.params.caseId, request.body),
        ),
    );
    const post = (
      suffix: string,
      summary: string,
      permission: 'corrections:approveMonitoring' | 'corrections:supervise' | 'corrections:sanction',
      run: (request: {
        ctx: Parameters<MonitoringService['decide']>[0];
        id: string;
        body: unknown;
      }) => Promise<MonitoringView>,
    ) =>
      app.post(
        `/api/corrections/monitoring-orders/:id/${suffix}`,
        {
          config: { permission },
          schema: {
            tags,
            summary,
            params: idParams,
            body: z.unknown(),
            response: { 200: monitoringViewSchema },
          },
        },
        async (request) => run({ ctx: request.ctx, id: request.params.id, body: request.body }),
      );
    post('decision', '审批电子定位监管（县级司法局负责人）', 'corrections:approveMonitoring', (r) =>
      monitoring.decide(r.ctx, r.id, r.body),
    );
    post('review', '复查', 'corrections:supervise', (r) => monitoring.review(r.ctx, r.id, r.body));
    post('renew', '续期（县级司法局负责人）', 'corrections:approveMonitoring', (r) =>
      monitoring.renew(r.ctx, r.id, r.body),
    );
    post('end', '解除', 'corrections:sanction', (r) => monitoring.end(r.ctx, r.id, r.body));
  };
}
