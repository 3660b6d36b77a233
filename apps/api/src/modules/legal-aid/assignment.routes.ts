import {
  legalAidAssignmentViewSchema,
  legalAidAssignSchema,
  legalAidChangeLawyerSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AssignmentService } from './assignment.service.ts';

const caseParams = z.object({ caseId: z.uuid('案件编号不正确') });

// 指派律师: the case's assignment page, 指派 and 更换律师. The workflow steps `assign` and `changeLawyer`
// are the module's own (viaModule): only these endpoints apply them, with the assignment row.
export function assignmentRoutes(service: AssignmentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/legal-aid/cases/:caseId/assignment',
      {
        config: { permission: 'case:read' },
        schema: {
          tags: ['legalAid'],
          summary: '法律援助案件的指派情况（现承办律师、指派记录、候选律师）',
          params: caseParams,
          response: { 200: legalAidAssignmentViewSchema },
        },
      },
      async (request) => service.view(request.ctx, request.params.caseId),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/assignment',
      {
        config: { permission: 'legalAid:assign' },
        schema: {
          tags: ['legalAid'],
          summary: '指派法律援助律师（第四十三条：三日内）',
          params: caseParams,
          body: legalAidAssignSchema,
          response: { 200: legalAidAssignmentViewSchema },
        },
      },
      async (request) => service.assign(request.ctx, request.params.caseId, request.body),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/assignment/change',
      {
        config: { permission: 'legalAid:assign' },
        schema: {
          tags: ['legalAid'],
          summary: '更换法律援助律师',
          params: caseParams,
          body: legalAidChangeLawyerSchema,
          response: { 200: legalAidAssignmentViewSchema },
        },
      },
      async (request) => service.changeLawyer(request.ctx, request.params.caseId, request.body),
    );
  };
}
