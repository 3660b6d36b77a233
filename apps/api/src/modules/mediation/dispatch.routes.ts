import {
  dispatchCommitteeListSchema,
  permissions as p,
  registerDisputeResultSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DispatchService } from './dispatch.service.ts';

const caseParams = z.object({ caseId: z.uuid('纠纷编号不正确') });

// 改派: the township office or the county moves a dispute waiting for acceptance to another committee.
export function dispatchRoutes(service: DispatchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/mediation/dispatch/committees',
      {
        config: { permission: p.mediation.dispatch },
        schema: {
          tags: ['mediation'],
          summary: '可改派的人民调解委员会（本人管辖范围内）',
          response: { 200: dispatchCommitteeListSchema },
        },
      },
      async (request) => ({ items: await service.committees(request.ctx) }),
    );

    app.post(
      '/api/mediation/disputes/:caseId/redispatch',
      {
        config: { permission: p.mediation.dispatch },
        schema: {
          tags: ['mediation'],
          summary: '改派纠纷到另一个调委会（仅待受理时）',
          params: caseParams,
          body: z.unknown(),
          response: { 200: registerDisputeResultSchema },
        },
      },
      async (request) => service.redispatch(request.ctx, request.params.caseId, request.body),
    );
  };
}
