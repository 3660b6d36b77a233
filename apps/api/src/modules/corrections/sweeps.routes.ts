import {
  sweepCampaignListSchema,
  sweepCampaignViewSchema,
  sweepItemListSchema,
  sweepItemQuerySchema,
  sweepItemViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SweepsService } from './sweeps.service.ts';

const params = z.object({ id: z.uuid('排查活动编号不正确') });
const itemParams = params.extend({ itemId: z.uuid('排查事项编号不正确') });

// 安全排查: campaigns, completion by office, the checklist per supervisee.
export function sweepsRoutes(sweeps: SweepsService): FastifyPluginAsyncZod {
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
          body: z.unknown(),
          response: { 201: sweepCampaignViewSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await sweeps.createCampaign(request.ctx, request.body)),
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
