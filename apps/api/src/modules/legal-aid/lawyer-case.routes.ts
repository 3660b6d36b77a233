import {
  legalAidAcceptSchema,
  legalAidCaseworkSchema,
  legalAidCloseSchema,
  legalAidDeclineSchema,
  legalAidMyCaseListSchema,
  legalAidMyCasesQuerySchema,
  legalAidProgressEntrySchema,
  legalAidProgressInputSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LawyerCaseService } from './lawyer-case.service.ts';

const caseParams = z.object({ caseId: z.uuid('案件编号不正确') });

// 律师办案: the assigned lawyer's cases and steps (legalAid:handleCase, scope self), and the centre's
// read-only 承办情况 (case:read, in scope).
export function lawyerCaseRoutes(service: LawyerCaseService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/legal-aid/my-cases',
      {
        config: { permission: 'legalAid:handleCase' },
        schema: {
          tags: ['legalAid'],
          summary: '我的援助案件（承办律师）',
          querystring: legalAidMyCasesQuerySchema,
          response: { 200: legalAidMyCaseListSchema },
        },
      },
      async (request) => ({ items: await service.myCases(request.ctx, request.query) }),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/accept',
      {
        config: { permission: 'legalAid:handleCase' },
        schema: {
          tags: ['legalAid'],
          summary: '接受指派',
          params: caseParams,
          body: legalAidAcceptSchema,
          response: { 200: legalAidCaseworkSchema },
        },
      },
      async (request) => service.accept(request.ctx, request.params.caseId, request.body),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/decline',
      {
        config: { permission: 'legalAid:handleCase' },
        schema: {
          tags: ['legalAid'],
          summary: '退回指派',
          params: caseParams,
          body: legalAidDeclineSchema,
          response: { 200: legalAidCaseworkSchema },
        },
      },
      async (request) => service.decline(request.ctx, request.params.caseId, request.body),
    );

    app.get(
      '/api/legal-aid/cases/:caseId/progress',
      {
        config: { permission: 'legalAid:handleCase' },
        schema: {
          tags: ['legalAid'],
          summary: '办案记录',
          params: caseParams,
          response: { 200: z.object({ items: z.array(legalAidProgressEntrySchema) }) },
        },
      },
      async (request) => ({ items: await service.progress(request.ctx, request.params.caseId) }),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/progress',
      {
        config: { permission: 'legalAid:handleCase' },
        schema: {
          tags: ['legalAid'],
          summary: '新增办案记录',
          params: caseParams,
          body: legalAidProgressInputSchema,
          response: { 201: legalAidCaseworkSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return service.addProgress(request.ctx, request.params.caseId, request.body);
      },
    );

    app.post(
      '/api/legal-aid/cases/:caseId/close',
      {
        config: { permission: 'legalAid:handleCase' },
        schema: {
          tags: ['legalAid'],
          summary: '结案',
          params: caseParams,
          body: legalAidCloseSchema,
          response: { 200: legalAidCaseworkSchema },
        },
      },
      async (request) => service.close(request.ctx, request.params.caseId, request.body),
    );

    app.get(
      '/api/legal-aid/cases/:caseId/casework',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['legalAid'],
          summary: '承办情况（办案记录与结案）',
          params: caseParams,
          response: { 200: legalAidCaseworkSchema },
        },
      },
      async (request) => service.casework(request.ctx, request.params.caseId),
    );
  };
}
