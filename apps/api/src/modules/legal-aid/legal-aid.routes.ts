import {
  legalAidApplicationSchema,
  legalAidDraftDataSchema,
  legalAidDraftListSchema,
  legalAidDraftSaveSchema,
  legalAidDraftSchema,
  legalAidSubmitResultSchema,
  myLegalAidApplicationListSchema,
  myLegalAidApplicationSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { LegalAidService } from './legal-aid.service.ts';

const caseParams = z.object({ caseId: z.uuid('申请编号不正确') });
const draftParams = z.object({ id: z.uuid('草稿编号不正确') });

// 法律援助申请: the counter's entry and the application page (staff), the portal's drafts, submission and
// progress (citizens). Decisions go through the generic /api/cases/:id/transitions.
export function legalAidRoutes(
  service: LegalAidService,
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/legal-aid/applications',
      {
        config: { permission: 'legalAid:intake' },
        schema: {
          tags: ['legalAid'],
          summary: '窗口受理法律援助申请（全城通办）',
          headers: idempotencyHeaders,
          // Validated by the service so a bad field answers in Chinese with its path; the schema documents it.
          body: z.unknown(),
          response: { 201: legalAidSubmitResultSchema, 200: legalAidSubmitResultSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          service.createAtCounter(tx, request.ctx, request.body),
        ),
    );

    app.get(
      '/api/legal-aid/applications/:caseId',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['legalAid'],
          summary: '法律援助申请详情（含经济困难审查说明）',
          params: caseParams,
          response: { 200: legalAidApplicationSchema },
        },
      },
      async (request) => service.detail(request.ctx, request.params.caseId),
    );

    app.get(
      '/api/legal-aid/places',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '事项发生地（本市及各县区）',
          response: {
            200: z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string() })) }),
          },
        },
      },
      async () => ({ items: await service.places() }),
    );

    // ---- portal --------------------------------------------------------------------------------------

    app.get(
      '/api/legal-aid/drafts',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['legalAid'], summary: '我的申请草稿', response: { 200: legalAidDraftListSchema } },
      },
      async (request) => ({ items: await service.listDrafts(request.ctx) }),
    );

    app.post(
      '/api/legal-aid/drafts',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '新建申请草稿',
          body: z.object({ data: legalAidDraftDataSchema }),
          response: { 201: legalAidDraftSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return service.createDraft(request.ctx, request.body.data);
      },
    );

    app.get(
      '/api/legal-aid/drafts/:id',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '申请草稿',
          params: draftParams,
          response: { 200: legalAidDraftSchema },
        },
      },
      async (request) => service.getDraft(request.ctx, request.params.id),
    );

    app.put(
      '/api/legal-aid/drafts/:id',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '保存申请草稿',
          params: draftParams,
          body: legalAidDraftSaveSchema.required({ version: true }),
          response: { 200: legalAidDraftSchema },
        },
      },
      async (request) =>
        service.saveDraft(request.ctx, request.params.id, request.body.data, request.body.version),
    );

    app.post(
      '/api/legal-aid/drafts/:id/submit',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '提交法律援助申请（同一草稿重复提交只生成一件申请）',
          params: draftParams,
          response: { 200: legalAidSubmitResultSchema },
        },
      },
      async (request) => service.submitDraft(request.ctx, request.params.id),
    );

    app.get(
      '/api/legal-aid/applications/mine',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '我的法律援助申请及进度',
          response: { 200: myLegalAidApplicationListSchema },
        },
      },
      async (request) => ({ items: await service.myApplications(request.ctx) }),
    );

    app.get(
      '/api/legal-aid/applications/mine/:caseId',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '法律援助申请进度',
          params: caseParams,
          response: { 200: myLegalAidApplicationSchema },
        },
      },
      async (request) => service.myApplication(request.ctx, request.params.caseId),
    );

    app.post(
      '/api/legal-aid/applications/mine/:caseId/correction',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '申请人补充材料（第四十三条）',
          params: caseParams,
          body: z.unknown(),
          response: { 200: myLegalAidApplicationSchema },
        },
      },
      async (request) => service.supplyCorrection(request.ctx, request.params.caseId, request.body),
    );

    app.post(
      '/api/legal-aid/applications/mine/:caseId/objection',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['legalAid'],
          summary: '申请人对不予法律援助决定提出异议（第四十九条）',
          params: caseParams,
          body: z.unknown(),
          response: { 200: myLegalAidApplicationSchema },
        },
      },
      async (request) => service.object(request.ctx, request.params.caseId, request.body),
    );
  };
}
