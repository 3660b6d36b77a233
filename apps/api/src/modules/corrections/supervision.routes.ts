import {
  checkInBoardQuerySchema,
  checkInBoardSchema,
  checkInViewSchema,
  missedCheckInViewSchema,
  periodicReportViewSchema,
  portalHomeSchema,
  portalRecordsSchema,
  supervisionContactViewSchema,
  supervisionHoursViewSchema,
  supervisionRecordSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { SupervisionService } from './supervision.service.ts';

const params = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const missedParams = params.extend({
  missedId: z.coerce
    .number({ error: '未打卡记录编号不正确' })
    .int('未打卡记录编号不正确')
    .positive('未打卡记录编号不正确'),
});
const tags = ['corrections'];

// 日常监管. Portal routes (/api/corrections/portal/...) are for any signed-in account and start from the
// portal's current term (a staff account or a citizen without a running term → 404); console routes carry
// the corrections permissions and the supervisee's scope. Creates take an Idempotency-Key.
export function supervisionRoutes(deps: {
  supervision: SupervisionService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { supervision, idempotency } = deps;
  return async (app) => {
    // ---- portal ----
    app.get(
      '/api/corrections/portal/me',
      {
        config: { permission: 'authenticated' },
        schema: { tags, summary: '我的矫正（社区矫正对象本人）', response: { 200: portalHomeSchema } },
      },
      async (request) => supervision.home(request.ctx),
    );

    app.get(
      '/api/corrections/portal/records',
      {
        config: { permission: 'authenticated' },
        schema: { tags, summary: '我的打卡和思想汇报记录', response: { 200: portalRecordsSchema } },
      },
      async (request) => supervision.records(request.ctx),
    );

    app.post(
      '/api/corrections/portal/check-ins',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: '打卡（位置、照片；窗口外记为迟到）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: checkInViewSchema, 200: checkInViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          supervision.checkIn(tx, request.ctx, request.body),
        ),
    );

    app.post(
      '/api/corrections/portal/reports',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: '提交思想汇报（每月一次）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: periodicReportViewSchema, 200: periodicReportViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          supervision.submitReport(tx, request.ctx, request.body),
        ),
    );

    app.post(
      '/api/corrections/portal/report-in',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: '网上报到（本人照片和位置，社区矫正法第二十一条）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 200: portalHomeSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(
          idempotency,
          request,
          reply,
          (tx) => supervision.reportIn(tx, request.ctx, request.body),
          { status: 200 },
        ),
    );

    // ---- console ----
    app.get(
      '/api/corrections/supervisees/:caseId/supervision',
      {
        config: { permission: 'corrections:read' },
        schema: { tags, summary: '日常监管记录', params, response: { 200: supervisionRecordSchema } },
      },
      async (request) => supervision.record(request.ctx, request.params.caseId),
    );

    app.post(
      '/api/corrections/supervisees/:caseId/contacts',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '记录走访或电话核查',
          params,
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: supervisionContactViewSchema, 200: supervisionContactViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          supervision.addContact(tx, request.ctx, request.params.caseId, request.body),
        ),
    );

    app.post(
      '/api/corrections/supervisees/:caseId/hours',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '记录教育学习或公益活动时长',
          params,
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: supervisionHoursViewSchema, 200: supervisionHoursViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          supervision.addHours(tx, request.ctx, request.params.caseId, request.body),
        ),
    );

    app.post(
      '/api/corrections/supervisees/:caseId/missed-check-ins/:missedId/resolve',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '核实未打卡',
          params: missedParams,
          body: z.unknown(),
          response: { 200: missedCheckInViewSchema },
        },
      },
      async (request) =>
        supervision.resolveMissed(request.ctx, request.params.caseId, request.params.missedId, request.body),
    );

    app.get(
      '/api/corrections/check-ins/board',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '今日打卡 / 未打卡',
          querystring: checkInBoardQuerySchema,
          response: { 200: checkInBoardSchema },
        },
      },
      async (request) => supervision.board(request.ctx, request.query),
    );
  };
}
