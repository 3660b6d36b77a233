import {
  certificateListQuerySchema,
  certificateListSchema,
  superviseeTrainingViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { TrainingService } from './training.service.ts';

const params = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });

// 教育培训与就业: a supervisee's training, certificates and guidance, and the certificates of the caller's units.
export function trainingRoutes(
  training: TrainingService,
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    const view = { 200: superviseeTrainingViewSchema };
    const base = '/api/corrections/supervisees/:caseId';

    app.get(
      `${base}/training`,
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '培训就业（职业技能培训、证书、就业指导）',
          params,
          response: view,
        },
      },
      async (request) => training.superviseeTraining(request.ctx, request.params.caseId),
    );

    const writes = [
      ['trainings', '登记职业技能培训', 'addTraining'],
      ['certificates', '登记证书（含海员证）', 'addCertificate'],
      ['guidance', '登记就业指导', 'addGuidance'],
    ] as const;
    for (const [path, summary, method] of writes) {
      app.post(
        `${base}/${path}`,
        {
          config: { permission: 'corrections:supervise' },
          schema: {
            tags: ['corrections'],
            summary,
            params,
            headers: idempotencyHeaders,
            body: z.unknown(),
            response: { 201: superviseeTrainingViewSchema },
          },
        },
        async (request, reply) =>
          idempotentCreate(idempotency, request, reply, (tx) =>
            training[method](request.ctx, request.params.caseId, request.body, tx),
          ),
      );
    }

    app.get(
      '/api/corrections/certificates',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '证书登记（本单位及下属司法所）',
          querystring: certificateListQuerySchema,
          response: { 200: certificateListSchema },
        },
      },
      async (request) => training.listCertificates(request.ctx, request.query),
    );
  };
}
