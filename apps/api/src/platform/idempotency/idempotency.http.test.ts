import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, buildApp } from '../../app.ts';
import { bootstrapPlatform } from '../../bootstrap.ts';
import { createServices, type Services } from '../../services.ts';
import { signIn } from '../../testing/session-client.ts';
import { testConfig, testPasswords } from '../../testing/test-app.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { DatabaseHandle, Transaction } from '../db/database.ts';
import { createLogger } from '../runtime/logger.ts';
import { IDEMPOTENT_REPLAYED_HEADER, idempotencyHeaders, idempotentCreate } from './idempotency.http.ts';

// The real app (access hook, error handler, services) with one extra create route that exists only in
// this test, written the way a module's create route uses the helper.
describe('idempotent create routes', () => {
  let app: App;
  let services: Services;
  let database: DatabaseHandle;
  const config = testConfig();

  const createWidget = async (tx: Transaction, name: string) => {
    const result = await tx.execute(sql`insert into example_widget (name) values (${name}) returning id`);
    return { id: Number((result as unknown as { rows: { id: number }[] }).rows[0]?.id), name };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.executeSql('create table example_widget (id serial primary key, name text not null)');
    services = createServices(config, database, createLogger(config));
    await bootstrapPlatform(services);
    app = await buildApp(services);
    const typed = app.withTypeProvider<ZodTypeProvider>();
    for (const permission of ['public', 'authenticated'] as const) {
      typed.post(
        `/api/example/${permission}-widgets`,
        {
          config: { permission },
          schema: {
            headers: idempotencyHeaders,
            body: z.object({ name: z.string().min(1) }),
            response: { 201: z.object({ id: z.number().int(), name: z.string() }) },
          },
        },
        async (request, reply) =>
          idempotentCreate(services.idempotency, request, reply, (tx) => createWidget(tx, request.body.name)),
      );
    }
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await services?.jobs.stop();
    await database?.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  const widgets = async () =>
    Number((await database.executeSql('select count(*)::int as n from example_widget')).rows[0]?.n);

  const post = (name: string, key?: string, url = '/api/example/public-widgets') =>
    app.inject({
      method: 'POST',
      url,
      payload: { name },
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });

  it('answers a repeat with the first response and creates nothing', async () => {
    const first = await post('甲', 'c0ffee00-0000-4000-8000-000000000001');
    expect(first.statusCode).toBe(201);
    expect(first.headers[IDEMPOTENT_REPLAYED_HEADER]).toBeUndefined();
    const again = await post('甲', 'c0ffee00-0000-4000-8000-000000000001');
    expect(again.statusCode).toBe(201);
    expect(again.headers[IDEMPOTENT_REPLAYED_HEADER]).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await widgets()).toBe(1);
  });

  it('answers 422 to the same key with other content, creating nothing', async () => {
    const res = await post('乙', 'c0ffee00-0000-4000-8000-000000000001');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: '同一个 Idempotency-Key 不能用于不同的请求内容',
    });
    expect(await widgets()).toBe(1);
  });

  it('creates on every call without a key', async () => {
    const a = await post('丙');
    const b = await post('丙');
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
    expect(await widgets()).toBe(3);
  });

  it('refuses a malformed key with a Chinese message', async () => {
    const res = await post('丁', 'not a key');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Idempotency-Key 应为 1—100 个可见 ASCII 字符');
    expect(await widgets()).toBe(3);
  });

  it('keeps a signed-in account’s keys apart from anonymous ones', async () => {
    const admin = await signIn(app, 'admin', testPasswords.admin);
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/example/authenticated-widgets',
        payload: { name: '甲' },
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'idempotency-key': 'c0ffee00-0000-4000-8000-000000000001',
        },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    expect(first.json().id).not.toBe((await post('甲', 'c0ffee00-0000-4000-8000-000000000001')).json().id);
    const again = await send();
    expect(again.headers[IDEMPOTENT_REPLAYED_HEADER]).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await widgets()).toBe(4);
    const accounts = await database.executeSql('select account from idempotency_record order by account');
    expect(accounts.rows.map((r) => String(r.account).split(':')[0])).toEqual(['anonymous', 'staff']);
  });

  it('documents the header in the OpenAPI description', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = doc.paths['/api/example/public-widgets'].post.parameters;
    expect(params).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false }),
      ]),
    );
  });

  it('schedules the daily prune job', () => {
    // Defining it twice fails: it is already defined by the composition root.
    expect(() => services.jobs.define({ name: 'idempotency.prune', run: async () => {} })).toThrow(
      /defined twice/,
    );
  });
});
