import {
  disputeFactsSchema,
  disputeKinds,
  disputeSources,
  disputeTownListSchema,
  duplicateCheckResultSchema,
  mediationApplicationResultSchema,
  myMediationApplicationListSchema,
  myMediationApplicationSchema,
  permissions as p,
  registerDisputeResultSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { IntakeService } from './intake.service.ts';

const caseParams = z.object({ caseId: z.uuid('纠纷编号不正确') });

const summarySchema = z.object({
  caseId: z.string(),
  kind: z.enum(disputeKinds),
  source: z.enum(disputeSources),
  involvesEnterprise: z.boolean(),
  amountInvolvedYuan: z.number().nullable(),
  duplicateOf: z.string().nullable(),
});

// 纠纷登记与进度: staff register disputes from every door (with the duplicate check first), read a dispute's
// mediation facts; citizens apply in the portal and follow their progress.
export function intakeRoutes(
  service: IntakeService,
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/mediation/disputes',
      {
        config: { permission: p.mediation.intake },
        schema: {
          tags: ['mediation'],
          summary: '登记纠纷（来访、法院/公安/信访/12345 转来、排查发现），按类型和地点分派调委会',
          headers: idempotencyHeaders,
          // Validated by the service, so a bad field answers in Chinese with its path.
          body: z.unknown(),
          response: { 201: registerDisputeResultSchema, 200: registerDisputeResultSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          service.registerAtConsole(tx, request.ctx, request.body),
        ),
    );

    app.post(
      '/api/mediation/disputes/duplicates',
      {
        config: { permission: p.mediation.intake },
        schema: {
          tags: ['mediation'],
          summary: '查重：同类纠纷、同一当事人、尚在办理的纠纷',
          body: z.unknown(),
          response: { 200: duplicateCheckResultSchema },
        },
      },
      async (request) => service.checkDuplicates(request.ctx, request.body),
    );

    app.get(
      '/api/mediation/disputes/summaries',
      {
        config: { permission: p.case.read },
        schema: {
          tags: ['mediation'],
          summary: '纠纷列表的调解信息（类型、来源、金额），仅本人范围内的',
          querystring: z.object({ ids: z.string().max(4000).default('') }),
          response: { 200: z.object({ items: z.array(summarySchema) }) },
        },
      },
      async (request) => {
        const ids = request.query.ids
          .split(',')
          .map((s) => s.trim())
          .filter((s) => z.uuid().safeParse(s).success);
        return { items: await service.summaries(request.ctx, ids) };
      },
    );

    app.get(
      '/api/mediation/disputes/:caseId/facts',
      {
        config: { permission: p.case.read },
        schema: {
          tags: ['mediation'],
          summary: '纠纷的调解信息（来源、类型、地点、分派理由、可能重复）',
          params: caseParams,
          response: { 200: disputeFactsSchema },
        },
      },
      async (request) => service.facts(request.ctx, request.params.caseId),
    );

    app.get(
      '/api/mediation/towns',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['mediation'],
          summary: '纠纷发生地可选的乡镇（街道）',
          response: { 200: disputeTownListSchema },
        },
      },
      async () => ({ items: await service.towns() }),
    );

    // ---- portal --------------------------------------------------------------------------------------

    app.post(
      '/api/mediation/applications',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['mediation'],
          summary: '群众申请人民调解（实名：申请人为登录的本人）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: mediationApplicationResultSchema, 200: mediationApplicationResultSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) => service.apply(tx, request.ctx, request.body)),
    );

    app.get(
      '/api/mediation/applications/mine',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['mediation'],
          summary: '我的调解申请及进度',
          response: { 200: myMediationApplicationListSchema },
        },
      },
      async (request) => ({ items: await service.myApplications(request.ctx) }),
    );

    app.get(
      '/api/mediation/applications/mine/:caseId',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['mediation'],
          summary: '调解申请进度',
          params: caseParams,
          response: { 200: myMediationApplicationSchema },
        },
      },
      async (request) => service.myApplication(request.ctx, request.params.caseId),
    );
  };
}
