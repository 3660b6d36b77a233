import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';
import { inboxRecipient } from './inbox.ts';

// The notification centre through HTTP: staff and citizens each see only their own in-app messages.
describe('notification centre routes', () => {
  let t: TestApp;
  const clock = fixedClock('2026-03-02T02:00:00Z');
  let admin: SessionClient;
  let secadmin: SessionClient;
  let citizen: SessionClient;
  let adminId: string;
  let citizenId: string;
  const phone = '13900000077';

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const json = (res: LightMyRequestResponse) => {
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json();
  };
  const send = async (recipient: string, body: string, payload: Record<string, unknown> = {}) => {
    clock.advance(60_000);
    return (
      await t.services.outbox.enqueue(t.database.db, {
        channel: 'inApp',
        recipient,
        template: 'deadline.dueSoon',
        body,
        payload,
      })
    ).id;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    adminId = String((await q("select id from staff_user where username = 'admin'"))[0]?.id);

    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    const [otp] = await t.services.outbox.latest(t.database.db, { recipient: phone, template: 'auth.otp' });
    const code = /(\d{6})/.exec(otp?.body ?? '')?.[1] ?? '';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const csrfToken: string = login.json().csrfToken;
    citizen = {
      cookie,
      csrfToken,
      request: (method, url, payload) =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': csrfToken },
          ...(payload !== undefined ? { payload: payload as object } : {}),
        }),
    };
    citizenId = String((await q('select id from citizen_account'))[0]?.id);
  });
  afterAll(() => t?.close());

  it('asks who is calling', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
  });

  it('lists only the caller’s own messages, newest first, with links and read state', async () => {
    const caseId = '11111111-1111-4111-8111-111111111111';
    const first = await send(inboxRecipient('staff', adminId), '第一条', { caseId });
    await send(inboxRecipient('staff', 'someone-else'), '别人的消息');
    const second = await send(inboxRecipient('staff', adminId), '第二条');
    // The same id as a citizen is a different account.
    await send(inboxRecipient('citizen', adminId), '同号的群众');
    // An SMS is not an in-app message, even to the same text.
    await t.services.outbox.sendSms(t.database.db, '13800000000', '短信', 'test.sms');

    const inbox = json(await admin.request('GET', '/api/notifications'));
    expect(inbox).toMatchObject({ total: 2, unread: 2 });
    expect(inbox.items).toEqual([
      {
        id: second,
        template: 'deadline.dueSoon',
        body: '第二条',
        payload: {},
        link: null,
        createdAt: expect.any(String),
        readAt: null,
      },
      expect.objectContaining({ id: first, body: '第一条', payload: { caseId }, link: `/cases/${caseId}` }),
    ]);
    expect(json(await secadmin.request('GET', '/api/notifications'))).toEqual({
      items: [],
      total: 0,
      unread: 0,
    });
  });

  it('marks one read; another account’s message is not found; unread counts follow', async () => {
    const mine = await send(inboxRecipient('staff', adminId), '第三条');
    expect(json(await admin.request('GET', '/api/notifications/unread-count'))).toEqual({ unread: 3 });

    expect((await secadmin.request('POST', `/api/notifications/${mine}/read`)).statusCode).toBe(404);
    expect((await citizen.request('POST', `/api/notifications/${mine}/read`)).statusCode).toBe(404);
    expect((await admin.request('POST', '/api/notifications/999999/read')).statusCode).toBe(404);
    expect((await admin.request('POST', '/api/notifications/abc/read')).statusCode).toBe(400);

    const read = json(await admin.request('POST', `/api/notifications/${mine}/read`));
    expect(read).toMatchObject({ id: mine, readAt: clock.now().toISOString() });
    // Reading again keeps the first reading time.
    clock.advance(60_000);
    expect(json(await admin.request('POST', `/api/notifications/${mine}/read`)).readAt).toBe(read.readAt);
    expect(json(await admin.request('GET', '/api/notifications/unread-count'))).toEqual({ unread: 2 });

    const unreadOnly = json(await admin.request('GET', '/api/notifications?unread=true'));
    expect(unreadOnly).toMatchObject({ total: 2, unread: 2 });
    expect(unreadOnly.items.map((m: { body: string }) => m.body)).toEqual(['第二条', '第一条']);
    const all = json(await admin.request('GET', '/api/notifications?page=1&pageSize=1'));
    expect(all).toMatchObject({ total: 3, unread: 2 });
    expect(all.items.map((m: { body: string }) => m.body)).toEqual(['第三条']);
  });

  it('marks all read for the caller only', async () => {
    const other = await send(inboxRecipient('staff', 'someone-else'), '仍未读');
    expect(json(await admin.request('POST', '/api/notifications/read-all'))).toEqual({ marked: 2 });
    expect(json(await admin.request('GET', '/api/notifications/unread-count'))).toEqual({ unread: 0 });
    expect(json(await admin.request('POST', '/api/notifications/read-all'))).toEqual({ marked: 0 });
    expect(await q('select read_at from notification_outbox where id = $1', [other])).toEqual([
      { read_at: null },
    ]);
  });

  it('gives citizens their own messages, linking only to portal paths', async () => {
    await send(inboxRecipient('citizen', citizenId), '您的申请已受理', {
      caseId: '11111111-1111-4111-8111-111111111111',
    });
    await send(inboxRecipient('citizen', citizenId), '请补充材料', { portalPath: '/portal/cases/1' });
    const inbox = json(await citizen.request('GET', '/api/notifications'));
    expect(inbox).toMatchObject({ total: 2, unread: 2 });
    expect(inbox.items.map((m: { body: string; link: string | null }) => [m.body, m.link])).toEqual([
      ['请补充材料', '/portal/cases/1'],
      ['您的申请已受理', null],
    ]);
    expect(json(await citizen.request('POST', '/api/notifications/read-all'))).toEqual({ marked: 2 });
    expect(json(await citizen.request('GET', '/api/notifications/unread-count'))).toEqual({ unread: 0 });
  });

  it('writes no audit row for reading or marking', async () => {
    const before = await q('select count(*)::int as n from audit_log');
    await admin.request('GET', '/api/notifications');
    await admin.request('POST', '/api/notifications/read-all');
    expect(await q('select count(*)::int as n from audit_log')).toEqual(before);
  });
});
