import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';

// The calendar administration through the whole app: the access hook, Zod validation in Chinese, the
// real audit writer and the deadline engine behind it.
describe('calendar routes', () => {
  let t: TestApp;
  let admin: SessionClient;
  let auditor: SessionClient;
  const clock = fixedClock('2026-11-20T02:00:00Z');

  const auditRows = async (action: string) =>
    (
      await t.database.executeSql(
        `select a.action, a.entity_id, a.before, a.after, a.actor_id, u.username
           from audit_log a left join staff_user u on u.id::text = a.actor_id
          where a.action = $1 order by a.id`,
        [action],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    auditor = await signIn(t.app, 'auditor', testPasswords.auditor);
  });
  afterAll(() => t?.close());

  it('declares calendar permissions on every route', () => {
    expect(t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/calendar/'))).toEqual([
      { method: 'GET', url: '/api/calendar/days', permission: 'calendar:read' },
      { method: 'GET', url: '/api/calendar/overrides', permission: 'calendar:manage' },
      { method: 'PUT', url: '/api/calendar/overrides', permission: 'calendar:manage' },
      { method: 'PUT', url: '/api/calendar/overrides/:date', permission: 'calendar:manage' },
      { method: 'DELETE', url: '/api/calendar/overrides/:date', permission: 'calendar:manage' },
      { method: 'GET', url: '/api/calendar/status', permission: 'calendar:read' },
    ]);
  });

  it('answers 401 to anonymous callers and 403 to an account without the permission', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/calendar/status' });
    expect(anonymous.statusCode).toBe(401);
    // 安全审计员 sees the audit log only (三员分立).
    const read = await auditor.request('GET', '/api/calendar/days?from=2026-10-01&to=2026-10-02');
    expect(read.statusCode).toBe(403);
    const write = await auditor.request('PUT', '/api/calendar/overrides/2027-01-01', {
      kind: 'holiday',
      name: '元旦',
    });
    expect(write.statusCode).toBe(403);
    expect(await t.database.executeSql('select * from calendar_override')).toMatchObject({ rows: [] });
  });

  it('GET /api/calendar/days lists kinds and holiday names, and says when a year is unknown', async () => {
    const res = await admin.request('GET', '/api/calendar/days?from=2026-09-30&to=2026-10-11');
    expect(res.statusCode).toBe(200);
    const days: Array<{ date: string; kind: string; name: string | null; weekday: number }> = res.json().days;
    expect(days).toHaveLength(12);
    expect(days[0]).toEqual({
      date: '2026-09-30',
      weekday: 3,
      kind: 'workday',
      working: true,
      name: null,
      source: 'default',
      yearKnown: true,
    });
    expect(days[1]).toMatchObject({ date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'package' });
    expect(days.find((d) => d.date === '2026-10-10')).toMatchObject({
      kind: 'makeUpWorkday',
      name: '国庆节',
      weekday: 6,
    });
    expect(days.at(-1)).toMatchObject({ date: '2026-10-11', kind: 'weekend', weekday: 7 });

    const unknown = await admin.request('GET', '/api/calendar/days?from=2026-12-31&to=2027-01-01');
    expect(unknown.json().days).toEqual([
      expect.objectContaining({ date: '2026-12-31', kind: 'workday', yearKnown: true }),
      {
        date: '2027-01-01',
        weekday: 5,
        kind: null,
        working: null,
        name: null,
        source: null,
        yearKnown: false,
      },
    ]);
  });

  it('validates dates and ranges with Chinese messages', async () => {
    const badDate = await admin.request('GET', '/api/calendar/days?from=2026-02-30&to=2026-03-01');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields).toEqual([
      { path: '查询参数 from', message: '开始日期应为 YYYY-MM-DD 格式的有效日期' },
    ]);

    const missing = await admin.request('GET', '/api/calendar/days?from=2026-02-01');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0]).toMatchObject({ path: '查询参数 to', message: '请填写结束日期' });

    const reversed = await admin.request('GET', '/api/calendar/days?from=2026-03-02&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toBe('结束日期不能早于开始日期');

    const tooLong = await admin.request('GET', '/api/calendar/days?from=2026-01-01&to=2027-01-02');
    expect(tooLong.json()).toMatchObject({ code: 'BAD_REQUEST', message: '一次最多查询 366 天' });

    const badBody = await admin.request('PUT', '/api/calendar/overrides/2027-01-01', {
      kind: 'bank',
      name: '  ',
    });
    expect(badBody.statusCode).toBe(400);
    expect(
      badBody
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['kind', 'name']);
    expect(badBody.json().fields.find((f: { path: string }) => f.path === 'name').message).toBe(
      '请填写名称，如“元旦”或“春节调休上班”',
    );

    const badPath = await admin.request('PUT', '/api/calendar/overrides/2027-13-01', {
      kind: 'holiday',
      name: '元旦',
    });
    expect(badPath.statusCode).toBe(400);
    expect(badPath.json().fields).toEqual([
      { path: '路径参数 date', message: '日期应为 YYYY-MM-DD 格式的有效日期' },
    ]);

    const outOfRange = await admin.request('PUT', '/api/calendar/overrides/1999-10-01', {
      kind: 'holiday',
      name: '国庆节',
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().message).toBe('只能设置 2000—2099 年的日期');
    expect(await t.database.executeSql('select * from calendar_override')).toMatchObject({ rows: [] });
  });

  it('PUT and DELETE an override: the day changes, each change writes its audit row', async () => {
    const put = await admin.request('PUT', '/api/calendar/overrides/2026-10-08', {
      kind: 'holiday',
      name: '地方补充假日',
      note: '市政府通知',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      date: '2026-10-08',
      kind: 'holiday',
      name: '地方补充假日',
      note: '市政府通知',
      packageKind: 'workday',
    });
    const day = await admin.request('GET', '/api/calendar/days?from=2026-10-08&to=2026-10-08');
    expect(day.json().days[0]).toMatchObject({ kind: 'holiday', name: '地方补充假日', source: 'override' });

    const again = await admin.request('PUT', '/api/calendar/overrides/2026-10-08', {
      kind: 'holiday',
      name: '补充假日',
    });
    expect(again.json()).toMatchObject({ name: '补充假日', note: null });

    expect(await auditRows('calendar.override.create')).toEqual([
      expect.objectContaining({
        entity_id: '2026-10-08',
        before: null,
        after: { kind: 'holiday', name: '地方补充假日', note: '市政府通知' },
        username: 'admin',
      }),
    ]);
    expect(await auditRows('calendar.override.update')).toEqual([
      expect.objectContaining({
        before: { kind: 'holiday', name: '地方补充假日', note: '市政府通知' },
        after: { kind: 'holiday', name: '补充假日', note: null },
      }),
    ]);

    const list = await admin.request('GET', '/api/calendar/overrides?year=2026');
    expect(list.json().overrides.map((o: { date: string }) => o.date)).toEqual(['2026-10-08']);

    const del = await admin.request('DELETE', '/api/calendar/overrides/2026-10-08');
    expect(del.statusCode).toBe(204);
    expect(await auditRows('calendar.override.delete')).toEqual([
      expect.objectContaining({
        entity_id: '2026-10-08',
        before: { kind: 'holiday', name: '补充假日', note: null },
      }),
    ]);
    const back = await admin.request('GET', '/api/calendar/days?from=2026-10-08&to=2026-10-08');
    expect(back.json().days[0]).toMatchObject({ kind: 'workday', source: 'default' });

    const gone = await admin.request('DELETE', '/api/calendar/overrides/2026-10-08');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toBe('该日期的节假日设置不存在或您无权查看');
  });

  it('GET /api/calendar/status warns about 2027 until its arrangement is entered in one batch', async () => {
    // A reconsideration reply clock started on 2026-12-21 runs into 2027.
    const clockRow = await t.services.deadlines.start(t.database.db, {
      caseType: 'reconsideration',
      caseId: 'R-2027',
      ruleCode: 'reconsideration.reply',
      startedOn: '2026-12-21',
    });
    expect(clockRow.needsCalendarYear).toBe(2027);

    const before = await admin.request('GET', '/api/calendar/status');
    expect(before.statusCode).toBe(200);
    const message = '2027 年节假日安排尚未录入，涉及该年度的 1 个期限暂无法计算，请在“节假日设置”中补录';
    expect(before.json()).toMatchObject({
      today: '2026-11-20',
      nextYear: { year: 2027, known: false },
      missingYears: [{ year: 2027, deadlines: 1, message }],
      warnings: [message],
    });
    expect(before.json().coverage).toContainEqual({ year: 2026, fromPackage: true, overrideDays: 0 });

    const batch = await admin.request('PUT', '/api/calendar/overrides', {
      items: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().overrides).toHaveLength(3);
    expect(await auditRows('calendar.override.create')).toHaveLength(4);

    const after = (await admin.request('GET', '/api/calendar/status')).json();
    expect(after).toMatchObject({ nextYear: { year: 2027, known: true }, missingYears: [], warnings: [] });
    expect(after.coverage).toContainEqual({ year: 2027, fromPackage: false, overrideDays: 3 });
    const recomputed = await t.database.executeSql(
      `select due_on::text, needs_calendar_year from case_deadline where id = $1`,
      [clockRow.id],
    );
    expect(recomputed.rows[0]).toEqual({ due_on: '2027-01-05', needs_calendar_year: null });

    const duplicate = await admin.request('PUT', '/api/calendar/overrides', {
      items: [
        { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
        { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
      ],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json()).toMatchObject({
      message: '日期 2027-02-06 重复',
      fields: [{ path: 'items.1.date' }],
    });
  });
});
