import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';

// Every registered API route, called as three kinds of caller: anonymous → 401 unless public; a signed-in
// account without the route's permission → 403; one that has it never gets 401 or 403.
describe('permission matrix over every registered route', () => {
  let t: TestApp;
  let nobody: SessionClient;
  let admin: SessionClient;

  const concrete = (url: string) =>
    url
      .replace(/:id\b/g, '00000000-0000-4000-8000-000000000000')
      .replace(/:(\w+)/g, '1')
      .replace('*', 'x');

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const unit = await t.database.executeSql("select id from org_unit where kind = 'cityBureau'");
    const created = await admin.request('POST', '/api/access/users', {
      username: 'noperm',
      displayName: '无权限账号',
      unitId: unit.rows[0]?.id,
    });
    const { user, initialPassword } = created.json();
    // A staff role that holds no permission at all (mediators and lawyers now read their cases).
    await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes: ['supervisee'] });
    const first = await signIn(t.app, 'noperm', initialPassword);
    await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Nobody#2026x',
    });
    nobody = await signIn(t.app, 'noperm', 'Nobody#2026x');
  });
  afterAll(() => t.close());

  it('covers the routes of every platform area', () => {
    const urls = t.app.registeredRoutes.map((r) => r.url);
    for (const prefix of ['/api/auth/', '/api/access/', '/api/org/', '/api/audit/', '/api/health']) {
      expect(
        urls.some((u) => u.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of t.app.registeredRoutes) {
      if (route.permission === 'public') continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('a signed-in account without the permission gets 403 on every permissioned route', async () => {
    const failures: string[] = [];
    for (const route of t.app.registeredRoutes) {
      if (route.permission === 'public' || route.permission === 'authenticated') continue;
      const res = await nobody.request(
        route.method,
        concrete(route.url),
        route.method === 'GET' ? undefined : {},
      );
      if (res.statusCode !== 403) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('an account with the permission passes the gate (whatever the handler then says)', async () => {
    const failures: string[] = [];
    for (const route of t.app.registeredRoutes) {
      if (!['user:read', 'org:read', 'user:create'].includes(route.permission)) continue;
      const res = await admin.request(
        route.method,
        concrete(route.url),
        route.method === 'GET' ? undefined : {},
      );
      if (res.statusCode === 401 || res.statusCode === 403)
        failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('per-IP sign-in limit', () => {
  it('slows down many sign-ins from one address, in Chinese', async () => {
    const t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `u${i}`, password: 'x' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
