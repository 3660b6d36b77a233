import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import type { NotificationOutbox } from './outbox.ts';

export interface OutboxTestRoutesDeps {
  /** Register the route at all: never in production (the lead decides from the configuration). */
  enabled: boolean;
  db: Executor;
  outbox: Pick<NotificationOutbox, 'latest'>;
}

const messageSchema = z.object({
  id: z.number().int(),
  channel: z.enum(['sms', 'inApp']),
  recipient: z.string(),
  recipientHint: z.string(),
  template: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/**
 * Test-only: the newest outbox messages with their bodies, so tests and outside checks can read a
 * one-time code. Registered only when `enabled`; in production the path does not exist (404).
 */
export function outboxTestRoutes(deps: OutboxTestRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    if (!deps.enabled) return;
    app.get(
      '/api/test/outbox',
      {
        config: { permission: 'public' },
        schema: {
          hide: true,
          querystring: z.object({
            recipient: z.string().trim().min(1).max(64).optional(),
            template: z.string().trim().min(1).max(64).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(10),
          }),
          response: { 200: z.object({ messages: z.array(messageSchema) }) },
        },
      },
      async (request) => {
        const messages = await deps.outbox.latest(deps.db, request.query);
        return {
          messages: messages.map((m) => ({
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            recipientHint: m.recipientHint,
            template: m.template,
            body: m.body,
            status: m.status,
            attempts: m.attempts,
            createdAt: m.createdAt.toISOString(),
            sentAt: m.sentAt?.toISOString() ?? null,
          })),
        };
      },
    );
  };
}
