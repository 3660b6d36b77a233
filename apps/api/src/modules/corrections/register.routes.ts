import {
  type SuperviseeView,
  superviseeListQuerySchema,
  superviseeListSchema,
  superviseeViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access/principal.ts';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { IntakeService } from './intake.service.ts';
import type { RegisterService } from './register.service.ts';

const params = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const searchParams = params.extend({ lostContactId: z.uuid('失联查找编号不正确') });

// 社区矫正对象台账 and 入矫. Bodies are validated by the services so a bad field answers in Chinese with its
// path; the view schemas document the answers.
export function registerRoutes(deps: {
  register: RegisterService;
  intake: IntakeService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { register, intake, idempotency } = deps;
  return async (app) => {
    const view = { 200: superviseeViewSchema };

    app.post(
      '/api/corrections/supervisees',
      {
        config: { permission: 'corrections:register' },
        schema: {
          tags: ['corrections'],
          summary: '入矫登记（依执行通知书登记社区矫正对象，开始计算报到期限）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: superviseeViewSchema, 200: superviseeViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          register.register(tx, request.ctx, request.body),
        ),
    );

    app.get(
      '/api/corrections/supervisees',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '社区矫正对象台账',
          querystring: superviseeListQuerySchema,
          response: { 200: superviseeListSchema },
        },
      },
      async (request) => register.list(request.ctx, request.query),
    );

    app.get(
      '/api/corrections/supervisees/:caseId',
      {
        config: { permission: 'corrections:read' },
        schema: { tags: ['corrections'], summary: '社区矫正对象档案', params, response: view },
      },
      async (request) => register.detail(request.ctx, request.params.caseId),
    );

    app.patch(
      '/api/corrections/supervisees/:caseId',
      {
        config: { permission: 'corrections:register' },
        schema: {
          tags: ['corrections'],
          summary: '修改台账信息',
          params,
          body: z.unknown(),
          response: view,
        },
      },
      async (request) => register.update(request.ctx, request.params.caseId, request.body),
    );

    const step = (
      path: string,
      permission: 'corrections:intake' | 'corrections:supervise',
      summary: string,
      run: (ctx: RequestContext, caseId: string, body: unknown) => Promise<SuperviseeView>,
    ) =>
      app.post(
        `/api/corrections/supervisees/:caseId/${path}`,
        {
          config: { permission },
          schema: { tags: ['corrections'], summary, params, body: z.unknown(), response: view },
        },
        async (request) => run(request.ctx, request.params.caseId, request.body),
      );

    step('report-in', 'corrections:intake', '报到（社区矫正法第二十一条）', (c, id, b) =>
      intake.reportIn(c, id, b),
    );
    step('team', 'corrections:intake', '保存矫正小组（第二十五条）', (c, id, b) => intake.saveTeam(c, id, b));
    step('classification', 'corrections:intake', '分类管理（第二十四条）', (c, id, b) =>
      intake.classify(c, id, b),
    );
    step('plan', 'corrections:intake', '保存矫正方案（第二十四条）', (c, id, b) => intake.savePlan(c, id, b));
    step('announcement', 'corrections:intake', '记录入矫宣告', (c, id, b) => intake.announce(c, id, b));
    step('lost-contacts', 'corrections:supervise', '启动失联查找（第三十条）', (c, id, b) =>
      intake.openLostContact(c, id, b),
    );

    app.post(
      '/api/corrections/supervisees/:caseId/lost-contacts/:lostContactId/steps',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags: ['corrections'],
          summary: '记录一次查找情况',
          params: searchParams,
          body: z.unknown(),
          response: view,
        },
      },
      async (request) =>
        intake.addSearchStep(request.ctx, request.params.caseId, request.params.lostContactId, request.body),
    );

    app.post(
      '/api/corrections/supervisees/:caseId/lost-contacts/:lostContactId/close',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags: ['corrections'],
          summary: '结束失联查找',
          params: searchParams,
          body: z.unknown(),
          response: view,
        },
      },
      async (request) =>
        intake.closeLostContact(
          request.ctx,
          request.params.caseId,
          request.params.lostContactId,
          request.body,
        ),
    );
  };
}
