import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { registerErrorHandler } from '../http/error-handler.ts';
import { enforceRoutePermissions, type RegisteredRoute } from '../http/route-permission.ts';
import { outboxTestRoutes } from './outbox.routes.ts';
import { createNotificationOutbox } from './outbox.ts';

describe('test-only outbox route', () => {
  let database: DatabaseHandle;
  const clock = fixedClock('2026-03-02T01:00:00Z');
  const outbox = createNotificationOutbox({
    clock,
    protect: (phone) => `enc:${phone}`,
    reveal: (stored) => stored.slice(4),
  });

  async function appWith(enabled: boolean): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    const routes = enforceRoutePermissions(app);
    registerErrorHandler(app);
    await app.register(outboxTestRoutes({ enabled, db: database.db, outbox }));
    await app.ready();
    return { app, routes };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await outbox.sendSms(database.db, '13812345678', '您的验证码是 111111，5 分钟内有效。', 'auth.otp');
    clock.advance(60_000);
    await outbox.sendSms(database.db, '13812345678', '您的验证码是 222222，5 分钟内有效。', 'auth.otp');
    await outbox.sendSms(database.db, '13900000000', '您的验证码是 333333，5 分钟内有效。', 'auth.otp');
  });
  afterAll(() => database.close());

  it('answers the newest messages of a recipient, with bodies, when enabled', async () => {
    const { app, routes } = await appWith(true);
    try {
      expect(routes).toEqual([{ method: 'GET', url: '/api/test/outbox', permission: 'public' }]);
      const res = await app.inject({
        method: 'GET',
        url: '/api/test/outbox?recipient=13812345678&template=auth.otp',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().messages).toEqual([
        expect.objectContaining({
          recipient: '13812345678',
          recipientHint: '138****5678',
          template: 'auth.otp',
          body: '您的验证码是 222222，5 分钟内有效。',
          status: 'pending',
          createdAt: '2026-03-02T01:01:00.000Z',
          sentAt: null,
        }),
        expect.objectContaining({ body: '您的验证码是 111111，5 分钟内有效。' }),
      ]);
      const one = await app.inject({ method: 'GET', url: '/api/test/outbox?limit=1' });
      expect(one.json().messages.map((m: { recipient: string }) => m.recipient)).toEqual(['13900000000']);
    } finally {
      await app.close();
    }
  });

  it('does not exist when disabled', async () => {
    const { app, routes } = await appWith(false);
    try {
      expect(routes).toEqual([]);
      const res = await app.inject({ method: 'GET', url: '/api/test/outbox?recipient=13812345678' });
      expect(res.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
