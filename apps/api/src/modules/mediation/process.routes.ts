import {
  type MediationProcessView,
  mediationAcceptSchema,
  mediationBoardQuerySchema,
  mediationBoardSchema,
  mediationConfirmationInputSchema,
  mediationDeclineSchema,
  mediationEndSchema,
  mediationFollowUpInputSchema,
  mediationMyQueueSchema,
  mediationPerformanceSchema,
  mediationProcessViewSchema,
  mediationSessionInputSchema,
  mediationSettleSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProcessService } from './process.service.ts';

const caseParams = z.object({ caseId: z.uuid('纠纷编号不正确') });
const tags = ['mediation'];

// 调解过程: the writes need mediation:handle (committee staff, township offices, the mediator on their own
// disputes); the reads case:read; every dispute outside the caller's scope answers 404.
export function processRoutes(service: ProcessService): FastifyPluginAsyncZod {
  return async (app) => {
    const write = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (
        ctx: Parameters<ProcessService['accept']>[0],
        caseId: string,
        body: z.output<B>,
      ) => Promise<MediationProcessView>,
      status: 200 | 201 = 200,
    ) =>
      app.post(
        `/api/mediation/disputes/:caseId/${path}`,
        {
          config: { permission: 'mediation:handle' },
          schema: {
            tags,
            summary,
            params: caseParams,
            body,
            response: { [status]: mediationProcessViewSchema },
          },
        },
        async (request, reply) => {
          reply.code(status);
          return run(request.ctx, request.params.caseId, request.body as z.output<B>);
        },
      );

    write('accept', '受理纠纷', mediationAcceptSchema, (ctx, id, b) => service.accept(ctx, id, b));
    write('decline', '不予受理', mediationDeclineSchema, (ctx, id, b) => service.decline(ctx, id, b));
    write(
      'sessions',
      '记录调解笔录',
      mediationSessionInputSchema,
      (ctx, id, b) => service.recordSession(ctx, id, b),
      201,
    );
    write('settle', '调解成功（达成协议）', mediationSettleSchema, (ctx, id, b) =>
      service.settle(ctx, id, b),
    );
    write('unsettle', '调解不成功', mediationEndSchema, (ctx, id, b) => service.unsettle(ctx, id, b));
    write('terminate', '终止调解', mediationEndSchema, (ctx, id, b) => service.terminate(ctx, id, b));
    write(
      'follow-ups',
      '记录回访',
      mediationFollowUpInputSchema,
      (ctx, id, b) => service.recordFollowUp(ctx, id, b),
      201,
    );
    write('performance', '协议履行情况', mediationPerformanceSchema, (ctx, id, b) =>
      service.updatePerformance(ctx, id, b),
    );
    write('confirmation', '司法确认（申请与裁定）', mediationConfirmationInputSchema, (ctx, id, b) =>
      service.recordConfirmation(ctx, id, b),
    );

    app.get(
      '/api/mediation/disputes/:caseId/process',
      {
        config: { permission: 'case:read' },
        schema: {
          tags,
          summary: '调解过程（笔录、协议、回访、司法确认）',
          params: caseParams,
          response: { 200: mediationProcessViewSchema },
        },
      },
      async (request) => service.processView(request.ctx, request.params.caseId),
    );

    app.get(
      '/api/mediation/my-queue',
      {
        config: { permission: 'mediation:handle' },
        schema: { tags, summary: '我的调解（调解员）', response: { 200: mediationMyQueueSchema } },
      },
      async (request) => service.myQueue(request.ctx),
    );

    app.get(
      '/api/mediation/board',
      {
        config: { permission: 'case:read' },
        schema: {
          tags,
          summary: '调委会工作台',
          querystring: mediationBoardQuerySchema,
          response: { 200: mediationBoardSchema },
        },
      },
      async (request) => service.committeeBoard(request.ctx, request.query),
    );
  };
}
