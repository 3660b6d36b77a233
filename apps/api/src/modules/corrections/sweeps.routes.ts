import {
  sweepCampaignListSchema,
  sweepCampaignViewSchema,
  sweepItemListSchema,
  sweepItemQuerySchema,
  sweepItemViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { SweepsService } from './sweeps.service.ts';

const params = z.object({ id: z.uuid('排查活动编号不正确') });
const itemParams = params.extend({ itemId: z.uuid('排查事项编号不正确') });

// 安全排查: campaigns, completion by office, the checklist per supervisee.
export function sweepsRoutes(
  sweeps: SweepsService,
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/corrections/sweeps',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '安全排查活动',
          response: { 200: sweepCampaignListSchema },
        },
      },
      async (request) => sweeps.listCampaigns(request.ctx),
    );
    app.post(
      '/api/corrections/sweeps',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags: ['corrections'],
          summary: '发起安全排查',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: sweepCampaignViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          sweeps.createCampaign(request.ctx, request.body, tx),
        ),
    );
    app.get(
      '/api/corrections/sweeps/:id',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '安全排查完成情况（按司法所）',
          params,
          response: { 200: sweepCampaignViewSchema },
        },
      },
      async (request) => sweeps.campaign(request.ctx, request.params.id),
    );
    app.get(
      '/api/corrections/sweeps/:id/items',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags: ['corrections'],
          summary: '排查清单（每名社区矫正对象一项）',
          params,
          querystring: sweepItemQuerySchema,
          response: { 200: sweepItemListSchema },
        },
      },
      async (request) => sweeps.items(request.ctx, request.params.id, request.query),
    );
    app.put(
      '/api/corrections/sweeps/:id/items/:itemId',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags: ['corrections'],
          summary: '登记排查情况',
          params: itemParams,
          body: z.unknown(),
          response: { 200: sweepItemViewSchema },
        },
      },
      async (request) =>
        sweeps.updateItem(request.ctx, request.params.id, request.params.itemId, request.body),
    );
  };
}
