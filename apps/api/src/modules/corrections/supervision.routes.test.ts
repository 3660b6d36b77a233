import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, idNumber, signInCitizen, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule, moduleServicesOf } from './index.ts';

// 日常监管 over HTTP: the supervisee reports in on the portal with photo and location (the report-in clock is
// met), checks in on time or late (Idempotency-Key), writes the monthly 思想汇报; a window closed without a
// check-in becomes a missed check-in and a message to the office; officers record visits, calls and hours
// against the plan. Portal routes see only the caller's own term; staff get 404 there; other offices 404.
describe('corrections supervision', () => {
  let t: TestApp;
  // Wednesday 2026-11-25, 10:00 in Beihai.
  const clock = fixedClock('2026-11-25T02:00:00Z');
  let office: number;
  let officer: SessionClient & { id: string };
  let hepu: SessionClient & { id: string };
  let a: SessionClient & { id: string }; // supervisee A (reports in on the portal)
  let b: SessionClient & { id: string }; // supervisee B (reported in at the office)
  let aCase = '';
  let bCase = '';
  const here = { latitude: 21.48126, longitude: 109.12008, accuracy: 15 };

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const count = async (table: string, caseId: string) =>
    Number(
      ((await q(`select count(*)::int as n from ${table} where case_id = $1`, [caseId]))[0] as { n: number })
        .n,
    );

  const send = (who: SessionClient, url: string, payload: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: payload as object,
    });

  const photo = async (who: SessionClient): Promise<string> => {
    const form = new FormData();
    form.append('category', 'photo');
    form.append('file', new Blob([samples.jpeg()], { type: 'image/jpeg' }), '打卡照片.jpg');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': request.headers.get('content-type') ?? '',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };

  const version = async (caseId: string) => {
    const view = (await officer.request('GET', `/api/corrections/supervisees/${caseId}`)).json();
    return { version: view.version as number, caseVersion: view.caseVersion as number };
  };

  const classify = async (caseId: string, level: string) => {
    const res = await officer.request('POST', `/api/corrections/supervisees/${caseId}/classification`, {
      version: (await version(caseId)).version,
      level,
      factors: ['psychology'],
      reasons: '初次入矫，从严管理',
      decidedOn: clock.today(),
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      modules: [correctionsModule],
      // The test walks through a day and a half: sessions outlast it.
      env: { SESSION_IDLE_MINUTES: '1440', SESSION_MAX_HOURS: '72' },
    });
    office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
    const first = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, {
        judgmentEffectiveOn: '2026-11-20',
        periodStart: '2026-11-20',
        phone: '13907795001',
      }),
    );
    expect(first.statusCode, first.body).toBe(201);
    aCase = first.json().caseId;
    const second = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, {
        person: { name: '周建国', idType: 'residentIdCard', idNumber: idNumber('1979-02-02', '051') },
        judgmentEffectiveOn: '2026-11-20',
        periodStart: '2026-11-20',
        phone: '13907795002',
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    bCase = second.json().caseId;
    a = await signInCitizen(t, '13907795001');
    b = await signInCitizen(t, '13907795002');
  });
  afterAll(() => t?.close());

  it('shows the supervisee their term before the report-in, and refuses check-ins until then', async () => {
    const me = await a.request('GET', '/api/corrections/portal/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      name: '李海明',
      status: 'awaitingReportIn',
      statusLabel: '待报到',
      officeName: '海城区中街司法所',
      // 11-20 + 10 days = 11-30 (a Monday).
      reportInDueOn: '2026-11-30',
      today: [],
      scheduleLabel: null,
    });
    const early = await send(a, '/api/corrections/portal/check-ins', { location: here });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('请先完成报到，再进行打卡和思想汇报');
  });

  it('portal routes answer 404 to staff and to a citizen without a term', async () => {
    const stranger = await signInCitizen(t, '13907795099');
    for (const who of [officer, stranger]) {
      const me = await who.request('GET', '/api/corrections/portal/me');
      expect(me.statusCode).toBe(404);
      expect(me.json().message).toBe('未找到您的社区矫正档案');
      expect((await who.request('GET', '/api/corrections/portal/records')).statusCode).toBe(404);
      expect((await send(who, '/api/corrections/portal/check-ins', { location: here })).statusCode).toBe(404);
      expect((await send(who, '/api/corrections/portal/reports', { content: '汇报' })).statusCode).toBe(404);
    }
    expect(await count('corrections_check_in', aCase)).toBe(0);
  });

  it('reports in on the portal with photo and location: the intake report-in, the clock met, the evidence kept', async () => {
    const noPhoto = await send(a, '/api/corrections/portal/report-in', { location: here });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().fields).toContainEqual({ path: 'photoFileId', message: '请拍摄本人照片' });
    const noPlace = await send(a, '/api/corrections/portal/report-in', { photoFileId: await photo(a) });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().fields).toContainEqual({ path: 'location', message: '请允许获取位置后再提交' });

    const body = { photoFileId: await photo(a), location: here, note: '已到中街司法所附近' };
    const res = await send(a, '/api/corrections/portal/report-in', body, 'report-in-a');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'underSupervision',
      statusLabel: '在矫',
      reportedInOn: '2026-11-25',
      reportInDueOn: null,
      scheduleLabel: '每日 1 次：08:00–20:00',
    });
    const again = await send(a, '/api/corrections/portal/report-in', body, 'report-in-a');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const twice = await send(a, '/api/corrections/portal/report-in', {
      ...body,
      photoFileId: await photo(a),
    });
    expect(twice.statusCode).toBe(409);

    const view = (await officer.request('GET', `/api/corrections/supervisees/${aCase}`)).json();
    expect(view).toMatchObject({
      status: 'underSupervision',
      reportedInOn: '2026-11-25',
      reportIn: { status: 'met' },
      // Registered without a photo: the report-in photo becomes the archive's.
      photoFileId: body.photoFileId,
    });
    expect(
      await q('select transition, actor_name from case_history where case_id = $1 and transition = $2', [
        aCase,
        'reportIn',
      ]),
    ).toEqual([{ transition: 'reportIn', actor_name: '社区矫正对象本人（网上报到）' }]);
    const record = (await officer.request('GET', `/api/corrections/supervisees/${aCase}/supervision`)).json();
    expect(record.reportIn).toMatchObject({
      photoFileId: body.photoFileId,
      location: { accuracy: 15, text: '北纬 21.4813°，东经 109.1201°（精度约 15 米）' },
      note: '已到中街司法所附近',
    });
    // The photo is the case's now, and the officer may open it.
    expect((await officer.request('GET', `/api/files/${body.photoFileId}`)).statusCode).toBe(200);
  });

  it('checks in on time inside a window and late outside it, once per Idempotency-Key', async () => {
    // B reports in at the office; both are classified strict (three windows a day).
    const bv = await version(bCase);
    const reported = await officer.request('POST', `/api/corrections/supervisees/${bCase}/report-in`, {
      version: bv.caseVersion,
      reportedOn: '2026-11-25',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    await classify(aCase, 'strict');
    await classify(bCase, 'strict');

    clock.set('2026-11-26T00:30:00Z'); // Thursday 08:30
    // Keep every session alive across the night (idle limit 24 h in this test).
    for (const who of [officer, hepu, a, b]) await who.request('GET', '/api/auth/me');
    const body = { location: here, photoFileId: await photo(a), note: '在家' };
    const first = await send(a, '/api/corrections/portal/check-ins', body, 'ci-a-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'onTime',
      windowKey: '2026-11-26#1',
      windowLabel: '11月26日 08:00–09:00',
      note: '在家',
      location: { latitude: 21.48126, accuracy: 15 },
    });
    const retry = await send(a, '/api/corrections/portal/check-ins', body, 'ci-a-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await count('corrections_check_in', aCase)).toBe(1);

    clock.set('2026-11-26T02:00:00Z'); // 10:00, between windows
    const late = await send(a, '/api/corrections/portal/check-ins', { location: here }, 'ci-a-2');
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ status: 'late', windowKey: null });

    const me = (await a.request('GET', '/api/corrections/portal/me')).json();
    expect(me.today.map((w: { label: string; state: string }) => [w.label, w.state])).toEqual([
      ['08:00–09:00', 'done'],
      ['12:00–13:00', 'upcoming'],
      ['18:00–19:00', 'upcoming'],
    ]);
  });

  it('refuses a bad check-in in Chinese, writing nothing', async () => {
    const before = await count('corrections_check_in', aCase);
    const cases: [unknown, string, string][] = [
      [{}, 'location', '请允许获取位置后再提交'],
      [{ location: { ...here, latitude: 200 } }, 'location.latitude', '位置信息不正确，请重新定位'],
      [{ location: { latitude: 21, longitude: 109 } }, 'location.accuracy', '缺少定位精度，请重新定位'],
      [
        { location: here, photoFileId: crypto.randomUUID() },
        'photoFileId',
        '照片找不到或已经用过，请重新拍照',
      ],
    ];
    for (const [body, path, message] of cases) {
      const res = await send(a, '/api/corrections/portal/check-ins', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields).toContainEqual({ path, message });
    }
    // B's photo cannot be used by A.
    const others = await send(a, '/api/corrections/portal/check-ins', {
      location: here,
      photoFileId: await photo(b),
    });
    expect(others.statusCode).toBe(400);
    expect(await count('corrections_check_in', aCase)).toBe(before);
  });

  it('shows each supervisee only their own records', async () => {
    const bCheck = await send(b, '/api/corrections/portal/check-ins', {
      location: { ...here, accuracy: 40 },
    });
    expect(bCheck.statusCode).toBe(201);
    const mine = (await a.request('GET', '/api/corrections/portal/records')).json();
    const theirs = (await b.request('GET', '/api/corrections/portal/records')).json();
    expect(mine.checkIns).toHaveLength(2);
    expect(theirs.checkIns).toHaveLength(1);
    expect(theirs.checkIns[0].id).toBe(bCheck.json().id);
    expect(mine.checkIns.map((c: { id: string }) => c.id)).not.toContain(bCheck.json().id);
  });

  it('writes the monthly 思想汇报 once a month', async () => {
    const res = await send(
      a,
      '/api/corrections/portal/reports',
      { content: '本月遵纪守法，按时报到。' },
      'rep-a-11',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ month: '2026-11', photoFileId: null });
    const second = await send(a, '/api/corrections/portal/reports', { content: '再交一次' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('11月的思想汇报已经提交，下月再来');
    const empty = await send(b, '/api/corrections/portal/reports', { content: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toContainEqual({ path: 'content', message: '请填写思想汇报内容' });
    expect((await a.request('GET', '/api/corrections/portal/me')).json().reportSubmittedThisMonth).toBe(true);
    expect((await b.request('GET', '/api/corrections/portal/me')).json().reportSubmittedThisMonth).toBe(
      false,
    );
  });

  it('the job records each closed window without a check-in once and tells the office, without names', async () => {
    clock.set('2026-11-26T11:30:00Z'); // Thursday 19:30: all three windows closed
    const services = moduleServicesOf(t.services);
    // A met 08:00–09:00; B checked in at 10:00 (late): A misses two windows, B three.
    expect(await services.supervision.recordMissedCheckIns()).toBe(5);
    expect(await services.supervision.recordMissedCheckIns()).toBe(0);
    expect(
      await q(
        'select window_key, status from corrections_missed_check_in where case_id = $1 order by window_key',
        [aCase],
      ),
    ).toEqual([
      { window_key: '2026-11-26#2', status: 'open' },
      { window_key: '2026-11-26#3', status: 'open' },
    ]);
    const messages = (await q(
      "select recipient, body from notification_outbox where template = 'corrections.missedCheckIn' order by id",
    )) as { recipient: string; body: string }[];
    expect(messages).toHaveLength(5);
    expect(new Set(messages.map((m) => m.recipient))).toEqual(new Set([`staff:${officer.id}`]));
    const caseNo = (await officer.request('GET', `/api/corrections/supervisees/${aCase}`)).json().caseNo;
    expect(messages.filter((m) => m.body.includes(`（${caseNo}）`))[0]?.body).toBe(
      `【未按时打卡】社区矫正对象（${caseNo}）未在 11月26日 12:00–13:00 打卡，请及时核实并记录核实情况。`,
    );
    for (const m of messages) {
      expect(m.body).not.toContain('李海明');
      expect(m.body).not.toContain('周建国');
    }
    // The supervisee sees the missed windows too.
    const mine = (await a.request('GET', '/api/corrections/portal/records')).json();
    expect(mine.missed.map((m: { windowLabel: string }) => m.windowLabel)).toEqual([
      '11月26日 18:00–19:00',
      '11月26日 12:00–13:00',
    ]);
  });

  it('the officer sees the 日常监管 record and resolves a missed check-in; another office gets 404', async () => {
    const record = await officer.request('GET', `/api/corrections/supervisees/${aCase}/supervision`);
    expect(record.statusCode, record.body).toBe(200);
    const r = record.json();
    expect(r).toMatchObject({
      supervisionLevel: 'strict',
      scheduleLabel: '每日 3 次：08:00–09:00、12:00–13:00、18:00–19:00',
    });
    expect(r.checkIns.map((c: { status: string }) => c.status)).toEqual(['late', 'onTime']);
    expect(r.today.map((w: { state: string }) => w.state)).toEqual(['done', 'missed', 'missed']);
    expect(r.missed).toHaveLength(2);
    expect(r.reports).toHaveLength(1);
    expect((await hepu.request('GET', `/api/corrections/supervisees/${aCase}/supervision`)).statusCode).toBe(
      404,
    );

    const missedId = r.missed[0].id;
    const url = `/api/corrections/supervisees/${aCase}/missed-check-ins/${missedId}/resolve`;
    expect((await hepu.request('POST', url, { note: '已电话联系' })).statusCode).toBe(404);
    const empty = await officer.request('POST', url, { note: '' });
    expect(empty.statusCode).toBe(400);
    const ok = await officer.request('POST', url, { note: '电话联系本人，手机没电，已补打卡' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', resolvedBy: 'zjjz' });
    expect((await officer.request('POST', url, { note: '再次' })).statusCode).toBe(409);
  });

  it('records visits and calls; bad input and another office write nothing', async () => {
    const url = `/api/corrections/supervisees/${aCase}/contacts`;
    const visit = {
      kind: 'visit',
      occurredOn: '2026-11-26',
      place: '海城区中街某小区',
      content: '入户走访，与其母亲交谈，了解近期就业情况',
      finding: '表现正常',
    };
    expect((await send(hepu, url, visit)).statusCode).toBe(404);
    const bad = await send(officer, url, { ...visit, kind: 'letter', occurredOn: '2026-12-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toContainEqual({ path: 'kind', message: '请选择走访或电话核查' });
    const future = await send(officer, url, { ...visit, occurredOn: '2026-11-27' });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('走访（核查）日期不能晚于今天');
    expect(await count('corrections_supervision_contact', aCase)).toBe(0);

    const res = await send(officer, url, visit, 'visit-a-1');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'visit', finding: '表现正常', recordedBy: 'zjjz' });
    const call = await send(officer, url, {
      kind: 'call',
      occurredOn: '2026-11-26',
      content: '电话核查，本人在家',
    });
    expect(call.statusCode).toBe(201);
    const record = (await officer.request('GET', `/api/corrections/supervisees/${aCase}/supervision`)).json();
    expect(record.contacts.map((c: { kind: string }) => c.kind).sort()).toEqual(['call', 'visit']);
  });

  it('logs education and public-service hours against the plan’s monthly targets', async () => {
    const plan = await officer.request('POST', `/api/corrections/supervisees/${aCase}/plan`, {
      version: (await version(aCase)).version,
      content: '每月参加集中教育和社区服务',
      educationHoursMonthly: 8,
      publicServiceHoursMonthly: 6,
      setOn: '2026-11-26',
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const url = `/api/corrections/supervisees/${aCase}/hours`;
    const half = await send(officer, url, {
      kind: 'education',
      occurredOn: '2026-11-26',
      hours: 0.3,
      activity: '法治教育',
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().fields).toContainEqual({ path: 'hours', message: '时长以 0.5 小时为单位' });
    expect(
      (await send(hepu, url, { kind: 'education', occurredOn: '2026-11-26', hours: 2, activity: 'x' }))
        .statusCode,
    ).toBe(404);
    for (const [kind, hours] of [
      ['education', 2.5],
      ['education', 2],
      ['publicService', 3],
    ] as const) {
      const res = await send(officer, url, {
        kind,
        occurredOn: '2026-11-26',
        hours,
        activity: '社区集中活动',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await count('corrections_supervision_hours', aCase)).toBe(3);
    const record = (await officer.request('GET', `/api/corrections/supervisees/${aCase}/supervision`)).json();
    expect(record.progress[0]).toEqual({
      month: '2026-11',
      education: { done: 4.5, target: 8 },
      publicService: { done: 3, target: 6 },
    });
    expect((await a.request('GET', '/api/corrections/portal/me')).json().progress).toEqual(
      record.progress[0],
    );
  });

  it('the office board lists today’s check-ins and who missed one', async () => {
    const board = await officer.request('GET', `/api/corrections/check-ins/board?officeId=${office}`);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json().totals).toEqual({ supervisees: 2, windows: 6, done: 1, missed: 5 });
    const missed = (await officer.request('GET', '/api/corrections/check-ins/board?show=missed')).json();
    expect(missed.rows.map((r: { name: string }) => r.name).sort()).toEqual(['周建国', '李海明']);
    expect((await hepu.request('GET', '/api/corrections/check-ins/board')).json().totals.supervisees).toBe(0);
  });
});
