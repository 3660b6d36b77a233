import {
  sanctionListQuerySchema,
  sanctionListSchema,
  sanctionSuggestionSchema,
  sanctionViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { SanctionsService } from './sanctions.service.ts';

const caseParams = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const idParams = z.object({ id: z.uuid('奖惩记录编号不正确') });
const tags = ['corrections'];

// 奖惩: list of the caller's scope, a supervisee's records and the suggestion for a breach, record, withdraw.
export function sanctionsRoutes(deps: {
  sanctions: SanctionsService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { sanctions, idempotency } = deps;
  return async (app) => {
    app.get(
      '/api/corrections/sanctions',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '奖惩',
          querystring: sanctionListQuerySchema,
          response: { 200: sanctionListSchema },
        },
      },
      async (request) => sanctions.list(request.ctx, request.query),
    );
    app.get(
      '/api/corrections/supervisees/:caseId/sanctions',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '社区矫正对象的奖惩',
          params: caseParams,
          response: { 200: sanctionListSchema },
        },
      },
      async (request) => sanctions.ofSupervisee(request.ctx, request.params.caseId),
    );
    app.get(
      '/api/corrections/supervisees/:caseId/sanction-suggestion',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '奖惩建议（按实施办法的情形与既往记录）',
          params: caseParams,
          querystring: z.unknown(),
          response: { 200: sanctionSuggestionSchema },
        },
      },
      async (request) => sanctions.suggestion(request.ctx, request.params.caseId, request.query),
    );
    app.post(
      '/api/corrections/supervisees/:caseId/sanctions',
      {
        config: { permission: 'corrections:sanction' },
        schema: {
          tags,
          summary: '记录奖惩',
          params: caseParams,
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: sanctionViewSchema, 200: sanctionViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          sanctions.record(tx, request.ctx, request.params.caseId, request.body),
        ),
    );
    app.post(
      '/api/corrections/sanctions/:id/withdraw',
      {
        config: { permission: 'corrections:sanction' },
        schema: {
          tags,
          summary: '撤销奖惩记录',
          params: idParams,
          body: z.unknown(),
          response: { 200: sanctionViewSchema },
        },
      },
      async (request) => sanctions.withdraw(request.ctx, request.params.id, request.body),
    );
  };
}
