import { healthSchema, readySchema } from '@zhucheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from './platform/clock/clock.ts';
import { createTestApp, type TestApp } from './testing/test-app.ts';
import { testDatabaseKind } from './testing/test-database.ts';

describe('the platform API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2023-06-30T16:30:00Z') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/health answers ok after pinging the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = healthSchema.parse(res.json());
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ kind: testDatabaseKind(), ok: true });
    // The platform's clock, in Beihai time: already 1 July there.
    expect(body.time).toBe('2023-06-30T16:30:00.000Z');
    expect(body.today).toBe('2023-07-01');
    expect(body.timeZone).toBe('Asia/Shanghai');
  });

  it('GET /api/health answers 503 degraded when the database is gone', async () => {
    const other = await createTestApp();
    await other.database.close();
    const res = await other.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: { ok: false } });
    await other.app.close();
  });

  it('GET /api/ready reports each check and turns 503 while shutting down', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    // Jobs are started by main.ts after listen; the test app has not started them.
    expect(readySchema.parse(ready.json()).checks).toEqual({ accepting: true, database: true, jobs: false });
    expect(ready.statusCode).toBe(503);
    await t.services.jobs.start();
    const after = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ ready: true, checks: { accepting: true, database: true, jobs: true } });
  });

  it('GET /api/platform/info names the platform and the city', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/platform/info' });
    expect(res.json()).toMatchObject({
      name: '珠城智慧司法平台',
      cityName: '北海市',
      cityDivisionCode: '450500',
    });
  });

  it('serves OpenAPI 3 and the Swagger UI', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ready']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
  });

  it('an unknown API path answers 404 with a Chinese message, as JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '请求的接口或文件不存在' });
  });

  it('tags every response with a request id and keeps a well-formed one from the proxy', async () => {
    const own = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const passed = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'nginx-abc12345' },
    });
    expect(passed.headers['x-request-id']).toBe('nginx-abc12345');
    expect(passed.json().requestId).toBe('nginx-abc12345');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });
    expect(forged.headers['x-request-id']).not.toContain('<');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('every API route declares its permission', () => {
    expect(t.app.registeredRoutes.length).toBeGreaterThan(0);
    for (const route of t.app.registeredRoutes) expect(route.permission, route.url).toBeTruthy();
    expect(t.app.registeredRoutes).toContainEqual({
      method: 'GET',
      url: '/api/health',
      permission: 'public',
    });
  });
});
