import {
  investigationListQuerySchema,
  investigationListSchema,
  investigationViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { InvestigationService } from './investigation.service.ts';

const params = z.object({ caseId: z.uuid('调查评估编号不正确') });

// 调查评估: bodies are validated by the service so a bad field answers in Chinese with its path.
export function investigationRoutes(
  service: InvestigationService,
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/corrections/investigations',
      {
        config: { permission: 'corrections:investigate' },
        schema: {
          tags: ['corrections'],
          summary: '登记调查评估委托（社区矫正法第十八条）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: investigationViewSchema, 200: investigationViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) => service.request(tx, request.ctx, request.body)),
    );

    app.get(
      '/api/corrections/investigations',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '调查评估列表',
          querystring: investigationListQuerySchema,
          response: { 200: investigationListSchema },
        },
      },
      async (request) => service.list(request.ctx, request.query),
    );

    app.get(
      '/api/corrections/investigations/:caseId',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '调查评估详情',
          params,
          response: { 200: investigationViewSchema },
        },
      },
      async (request) => service.detail(request.ctx, request.params.caseId),
    );

    app.post(
      '/api/corrections/investigations/:caseId/assess',
      {
        config: { permission: 'corrections:investigate' },
        schema: {
          tags: ['corrections'],
          summary: '评估并出具调查评估意见书',
          params,
          body: z.unknown(),
          response: { 200: investigationViewSchema },
        },
      },
      async (request) => service.assess(request.ctx, request.params.caseId, request.body),
    );

    app.post(
      '/api/corrections/investigations/:caseId/deliver',
      {
        config: { permission: 'corrections:investigate' },
        schema: {
          tags: ['corrections'],
          summary: '送达调查评估意见书',
          params,
          body: z.unknown(),
          response: { 200: investigationViewSchema },
        },
      },
      async (request) => service.deliver(request.ctx, request.params.caseId, request.body),
    );
  };
}
