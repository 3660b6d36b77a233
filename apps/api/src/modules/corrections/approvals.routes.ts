import {
  approvalListQuerySchema,
  approvalListSchema,
  approvalSettingsViewSchema,
  approvalViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { ApprovalsService } from './approvals.service.ts';

const caseParams = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const idParams = z.object({ id: z.uuid('审批事项编号不正确') });
const tags = ['corrections'];

// 审批事项: the officers' routes (list of their scope, a supervisee's, register, forward, decide, 销假) and the
// supervisee's portal routes under /api/corrections/portal/approvals. Bodies are validated by the service.
export function approvalsRoutes(deps: {
  approvals: ApprovalsService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { approvals, idempotency } = deps;
  return async (app) => {
    app.get(
      '/api/corrections/approval-settings',
      {
        config: { permission: 'corrections:read' },
        schema: { tags, summary: '请假审批层级（配置）', response: { 200: approvalSettingsViewSchema } },
      },
      async () => approvals.settings(),
    );
    app.get(
      '/api/corrections/approvals',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '审批事项',
          querystring: approvalListQuerySchema,
          response: { 200: approvalListSchema },
        },
      },
      async (request) => approvals.list(request.ctx, request.query),
    );
    app.get(
      '/api/corrections/approvals/:id',
      {
        config: { permission: 'corrections:read' },
        schema: { tags, summary: '审批事项详情', params: idParams, response: { 200: approvalViewSchema } },
      },
      async (request) => approvals.detail(request.ctx, request.params.id),
    );
    app.get(
      '/api/corrections/supervisees/:caseId/approvals',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '社区矫正对象的审批事项',
          params: caseParams,
          response: { 200: approvalListSchema },
        },
      },
      async (request) => approvals.ofSupervisee(request.ctx, request.params.caseId),
    );
    app.post(
      '/api/corrections/supervisees/:caseId/approvals',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '登记审批申请',
          params: caseParams,
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: approvalViewSchema, 200: approvalViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          approvals.applyAsOfficer(tx, request.ctx, request.params.caseId, request.body),
        ),
    );
    app.post(
      '/api/corrections/approvals/:id/forward',
      {
        config: { permission: 'corrections:approve' },
        schema: {
          tags,
          summary: '报请上级审批',
          params: idParams,
          body: z.unknown(),
          response: { 200: approvalViewSchema },
        },
      },
      async (request) => approvals.forward(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/corrections/approvals/:id/decision',
      {
        config: { permission: 'corrections:approve' },
        schema: {
          tags,
          summary: '审批（批准或不予批准）',
          params: idParams,
          body: z.unknown(),
          response: { 200: approvalViewSchema },
        },
      },
      async (request) => approvals.decide(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/corrections/approvals/:id/return',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '销假',
          params: idParams,
          body: z.unknown(),
          response: { 200: approvalViewSchema },
        },
      },
      async (request) => approvals.returnFromLeave(request.ctx, request.params.id, request.body),
    );

    // ---- portal: the signed-in supervisee ----
    app.get(
      '/api/corrections/portal/approvals',
      {
        config: { permission: 'authenticated' },
        schema: { tags, summary: '我的审批', response: { 200: approvalListSchema } },
      },
      async (request) => approvals.portalList(request.ctx),
    );
    app.post(
      '/api/corrections/portal/approvals',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: '请假等申请（社区矫正对象）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: approvalViewSchema, 200: approvalViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          approvals.applyInPortal(tx, request.ctx, request.body),
        ),
    );
  };
}
