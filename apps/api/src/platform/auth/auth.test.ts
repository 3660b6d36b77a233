import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';
import { totpCode } from './totp.ts';

const clock = fixedClock('2026-11-27T01:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('staff sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, extra: object = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...extra } });

  it('logs in with the outside-check contract: user, csrfToken, mustChangePassword and an HttpOnly cookie', async () => {
    const res = await login('admin', testPasswords.admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'admin',
      displayName: '系统管理员',
      unitName: '北海市司法局',
    });
    expect(body.user.roles).toEqual([{ code: 'sysAdmin', name: '系统管理员' }]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.mustChangePassword).toBe(false);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^zj_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
  });

  it('answers wrong credentials 401 with a Chinese message, the same for unknown users', async () => {
    const wrong = await login('secadmin', 'Nope#12345');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const unknown = await login('nobody', 'Nope#12345');
    expect(unknown.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('GET /api/auth/me returns the user and csrfToken, 401 when anonymous', async () => {
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const me = await admin.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'admin' }, csrfToken: admin.csrfToken });
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_REJECTED');
    const ok = await admin.request('POST', '/api/auth/logout');
    expect(ok.statusCode).toBe(204);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failures, then lets it in again', async () => {
    for (let i = 0; i < 4; i++)
      expect((await login('auditor', 'Wrong#pass1')).json().code).toBe('INVALID_CREDENTIALS');
    const fifth = await login('auditor', 'Wrong#pass1');
    expect(fifth.json()).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: '连续 5 次登录失败，账号已锁定 15 分钟',
    });
    const whileLocked = await login('auditor', testPasswords.auditor);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json().message).toMatch(/账号已锁定，请 15 分钟后再试/);
    clock.advance(minutes(15) + 1000);
    expect((await login('auditor', testPasswords.auditor)).statusCode).toBe(200);
    const actions = await t.database.executeSql(
      "select action from audit_log where action in ('auth.locked', 'auth.loginFailed', 'auth.login') order by id",
    );
    expect(actions.rows.map((r) => r.action)).toContain('auth.locked');
  });

  it('ends a session after 30 idle minutes', async () => {
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    clock.advance(minutes(29));
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200);
    clock.advance(minutes(31));
    const expired = await admin.request('GET', '/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '登录已超时或已在别处退出，请重新登录',
    });
  });

  it('ends a busy session after 12 hours all the same', async () => {
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    for (let i = 0; i < 36; i++) {
      clock.advance(minutes(20));
      const res = await admin.request('GET', '/api/auth/me');
      if (i < 35) expect(res.statusCode, `after ${(i + 1) * 20} minutes`).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('sets up two-factor sign-in and then asks for the code', async () => {
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const setup = await secadmin.request('POST', '/api/auth/totp/setup');
    const { secret, uri } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const bad = await secadmin.request('POST', '/api/auth/totp/confirm', { code: '000000' });
    expect(bad.statusCode).toBe(400);
    const ok = await secadmin.request('POST', '/api/auth/totp/confirm', {
      code: totpCode(secret, clock.now()),
    });
    expect(ok.statusCode).toBe(204);

    const withoutCode = await login('secadmin', testPasswords.secadmin);
    expect(withoutCode.json()).toMatchObject({ code: 'TOTP_REQUIRED' });
    const wrongCode = await login('secadmin', testPasswords.secadmin, { totpCode: '123456' });
    expect(wrongCode.json().code).toBe('TOTP_INVALID');
    const withCode = await login('secadmin', testPasswords.secadmin, {
      totpCode: totpCode(secret, clock.now()),
    });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().user.totpEnabled).toBe(true);
  });
});

describe('citizen sign-in by SMS code', () => {
  let t: TestApp;
  const phone = '13907790001';
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  const latestCode = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/test/outbox?recipient=${phone}&template=auth.otp`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const text: string = body.messages[0]?.body ?? '';
    return /(\d{6})/.exec(text)?.[1] ?? '';
  };

  it('sends a 6-digit code through the outbox and signs the citizen in with it', async () => {
    const sent = await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ resendAfterSeconds: 60 });
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toMatch(/请 \d+ 秒后再重新获取/);

    const code = await latestCode();
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID', message: '验证码不正确，还可尝试 4 次' });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ kind: 'citizen', displayName: '139****0001' });
    // A code works once.
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(reuse.json().code).toBe('OTP_EXPIRED');
  });

  it('gives up a code after 5 wrong tries and lets it expire after 5 minutes', async () => {
    clock.advance(61_000);
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    const code = await latestCode();
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/citizen/login',
        payload: { phone, code: wrongCode },
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(locked.json().code).toBe('OTP_LOCKED');

    clock.advance(61_000);
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    const fresh = await latestCode();
    clock.advance(5 * 60_000 + 1000);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code: fresh },
    });
    expect(late.json().code).toBe('OTP_EXPIRED');
  });

  it('rejects a malformed phone number in Chinese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/code',
      payload: { phone: '12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'phone', message: '请输入 11 位手机号码' });
  });
});
