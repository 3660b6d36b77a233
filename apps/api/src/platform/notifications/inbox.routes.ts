import {
  inboxMessageSchema,
  inboxQuerySchema,
  inboxSchema,
  markAllReadResultSchema,
  unreadCountSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import type { InboxService } from './inbox.ts';

export interface InboxRoutesDeps {
  inbox: Pick<InboxService, 'list' | 'unreadCount' | 'markRead' | 'markAllRead'>;
}

const messageSchema = inboxMessageSchema.meta({ id: 'InboxMessage', description: '消息中心的一条消息' });
const idParams = z.object({
  id: z.coerce.number({ error: '消息编号应为数字' }).int('消息编号应为整数').min(1, '消息编号应为正整数'),
});

/** 消息中心: the caller's own in-app messages, for staff in the console and citizens in the portal. */
export function inboxRoutes(deps: InboxRoutesDeps): FastifyPluginAsyncZod {
  const { inbox } = deps;
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '我的消息（最新在前），可只看未读',
          querystring: inboxQuerySchema,
          response: { 200: inboxSchema.extend({ items: z.array(messageSchema) }) },
        },
      },
      async (request) => inbox.list(request.ctx, request.query),
    );

    app.get(
      '/api/notifications/unread-count',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '未读消息数（页头铃铛和门户“消息”角标）',
          response: { 200: unreadCountSchema },
        },
      },
      async (request) => ({ unread: await inbox.unreadCount(request.ctx) }),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '将一条消息标为已读',
          params: idParams,
          response: { 200: messageSchema },
        },
      },
      async (request) => inbox.markRead(request.ctx, request.params.id),
    );

    app.post(
      '/api/notifications/read-all',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '全部标为已读',
          response: { 200: markAllReadResultSchema },
        },
      },
      async (request) => ({ marked: await inbox.markAllRead(request.ctx) }),
    );
  };
}
