import { endingSoonListSchema, endingSoonQuerySchema, superviseeEndingViewSchema } from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReleaseService } from './release.service.ts';

const params = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });

// 解除与终止 (第四十四条、第四十五条): a supervisee's ending, release, termination, notices; terms ending soon.
export function releaseRoutes(release: ReleaseService): FastifyPluginAsyncZod {
  return async (app) => {
    const view = { 200: superviseeEndingViewSchema };
    const base = '/api/corrections/supervisees/:caseId';

    app.get(
      `${base}/ending`,
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '解矫情况（解除或终止、证明书、通知）',
          params,
          response: view,
        },
      },
      async (request) => release.ending(request.ctx, request.params.caseId),
    );
    app.post(
      `${base}/release`,
      {
        config: { permission: 'corrections:release' },
        schema: {
          tags: ['corrections'],
          summary: '解除社区矫正（期满，出具解除社区矫正证明书）',
          params,
          body: z.unknown(),
          response: view,
        },
      },
      async (request) => release.release(request.ctx, request.params.caseId, request.body),
    );
    app.post(
      `${base}/terminate`,
      {
        config: { permission: 'corrections:release' },
        schema: {
          tags: ['corrections'],
          summary: '终止社区矫正（撤销缓刑假释、收监执行、死亡）',
          params,
          body: z.unknown(),
          response: view,
        },
      },
      async (request) => release.terminate(request.ctx, request.params.caseId, request.body),
    );
    app.post(
      `${base}/ending/notices`,
      {
        config: { permission: 'corrections:release' },
        schema: {
          tags: ['corrections'],
          summary: '登记解矫通知（法院、检察院、公安机关）',
          params,
          body: z.unknown(),
          response: view,
        },
      },
      async (request) => release.addNotice(request.ctx, request.params.caseId, request.body),
    );
    app.get(
      '/api/corrections/ending-soon',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '即将期满的社区矫正对象（含已期满待解除）',
          querystring: endingSoonQuerySchema,
          response: { 200: endingSoonListSchema },
        },
      },
      async (request) => release.endingSoon(request.ctx, request.query),
    );
  };
}
