import {
  caseDetailSchema,
  caseHistorySchema,
  caseListQuerySchema,
  caseListSchema,
  caseParticipantBodySchema,
  caseTransitionBodySchema,
  myDeadlinesQuerySchema,
  myDeadlinesSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import type { CaseService } from './cases.service.ts';

export interface CaseRoutesDeps {
  cases: Pick<
    CaseService,
    'list' | 'detail' | 'history' | 'transition' | 'addParticipant' | 'removeParticipant' | 'myDeadlines'
  >;
}

const caseId = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    '案件编号格式不正确',
  )
  .describe('案件 ID');
const caseParams = z.object({ id: caseId });
const participantParams = z.object({
  id: caseId,
  role: z.string().min(1).max(64).describe('参与角色，如 handler'),
  accountId: z.string().min(1).max(64).describe('工作人员账号 ID'),
});

const detail = caseDetailSchema.meta({
  id: 'CaseDetail',
  description: '案件页：案件、参与人员、期限与可办理操作',
});

/** 案件: the shared case list, the case page, its timeline, its buttons and participants; 我的期限. */
export function caseRoutes(deps: CaseRoutesDeps): FastifyPluginAsyncZod {
  const { cases } = deps;
  return async (app) => {
    app.get(
      '/api/cases',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['cases'],
          summary: '案件列表（本人数据范围内的各类案件），可按类型、状态、单位、案号、登记日期、期限筛选',
          querystring: caseListQuerySchema,
          response: { 200: caseListSchema },
        },
      },
      async (request) => cases.list(request.ctx, request.query),
    );

    app.get(
      '/api/cases/:id',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['cases'],
          summary: '案件详情：参与人员、全部办理期限、当前可办理的操作',
          params: caseParams,
          response: { 200: detail },
        },
      },
      async (request) => cases.detail(request.ctx, request.params.id),
    );

    app.get(
      '/api/cases/:id/history',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['cases'],
          summary: '办理记录（时间先后）',
          params: caseParams,
          response: { 200: caseHistorySchema },
        },
      },
      async (request) => cases.history(request.ctx, request.params.id),
    );

    app.post(
      '/api/cases/:id/transitions',
      {
        // The transition's own permission is checked by the workflow engine.
        config: { permission: 'case:read' },
        schema: {
          tags: ['cases'],
          summary: '办理案件（受理、补正、作出决定……）；版本过期时答 409，不作任何改动',
          params: caseParams,
          body: caseTransitionBodySchema,
          response: { 200: detail },
        },
      },
      async (request) => cases.transition(request.ctx, request.params.id, request.body),
    );

    app.post(
      '/api/cases/:id/participants',
      {
        config: { permission: 'case:assign' },
        schema: {
          tags: ['cases'],
          summary: '增加承办人或协办人（本人数据范围内的在用工作人员账号）',
          params: caseParams,
          body: caseParticipantBodySchema,
          response: { 200: detail },
        },
      },
      async (request) => cases.addParticipant(request.ctx, request.params.id, request.body),
    );

    app.delete(
      '/api/cases/:id/participants/:role/:accountId',
      {
        config: { permission: 'case:assign' },
        schema: {
          tags: ['cases'],
          summary: '移除案件的承办人或协办人',
          params: participantParams,
          response: { 200: detail },
        },
      },
      async (request) =>
        cases.removeParticipant(request.ctx, request.params.id, {
          role: request.params.role,
          accountId: request.params.accountId,
        }),
    );

    app.get(
      '/api/deadlines/mine',
      {
        // Every staff member may see the clocks of the cases they take part in; citizens get 403.
        config: { permission: 'authenticated' },
        schema: {
          tags: ['cases'],
          summary: '我的期限：本人参与案件的进行中期限，临近者在前',
          querystring: myDeadlinesQuerySchema,
          response: { 200: myDeadlinesSchema },
        },
      },
      async (request) => cases.myDeadlines(request.ctx, request.query),
    );
  };
}
