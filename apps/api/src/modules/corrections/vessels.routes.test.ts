import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  courtNotice,
  idNumber,
  STAFF_PASSWORD,
  signInCitizen,
  staffAccount,
  unitId,
} from './corrections.fixture.ts';
import { correctionsModule } from './index.ts';

async function multipart(file: { name: string; bytes: Buffer; type: string }) {
  const form = new FormData();
  form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

const bj = (s: string) => new Date(`${s}+08:00`).toISOString();

// 船舶与出海报备 over HTTP: vessels by office, aboard windows (no overlap; tracked only with the written
// consent on record — the basis is the local rule plus consent, never 第二十九条), sea trips filed by the
// supervisee in the portal (idempotent), decided by the office, logged at sea and closed by the return
// report; the fishing moratorium; the overdue flag; another office sees none of it.
describe('corrections vessels and sea trips', () => {
  let t: TestApp;
  // 10:00 in Beihai on Tuesday 2026-09-29.
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: SessionClient & { id: string }; // 海城区中街司法所
  let hepu: SessionClient & { id: string }; // 合浦县廉州司法所
  let office: number;
  let caseId = '';
  let vesselId = '';
  let trawlerId = '';
  let tripId = '';
  const phone = '13907791011';

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const send = (who: SessionClient, method: string, url: string, body?: unknown, key?: string) =>
    t.app.inject({
      method: method as 'POST',
      url,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });

  const vessel = (over: Record<string, unknown> = {}) => ({
    name: '桂北渔60123',
    registrationNo: '(桂北)船登(籍)(2019)HY-000123号',
    homePort: '北海港',
    gearType: 'hookAndLine',
    ownerName: '李海明',
    lengthM: 18.5,
    tonnage: 42,
    terminalId: 'BD-4505-0001',
    ...over,
  });

  const trip = (over: Record<string, unknown> = {}) => ({
    vesselId,
    seaArea: '北部湾涠洲岛以南 20 海里',
    area: { kind: 'circle', lng: 109.1, lat: 20.8, radiusKm: 40 },
    plannedDepartureAt: bj('2026-09-30T06:00:00'),
    plannedReturnAt: bj('2026-10-03T18:00:00'),
    ...over,
  });

  /** A fresh portal session (the fixture keeps one per phone; a moved clock expires it). */
  async function citizen(p: string): Promise<SessionClient & { id: string }> {
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone: p } });
    const outbox = await t.app.inject({
      method: 'GET',
      url: `/api/test/outbox?recipient=${p}&template=auth.otp`,
    });
    const code = /(\d{6})/.exec(outbox.json().messages[0]?.body ?? '')?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone: p, code },
    });
    expect(res.statusCode, res.body).toBe(200);
    const raw = res.headers['set-cookie'];
    const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
    const csrfToken: string = res.json().csrfToken;
    return {
      id: res.json().user.id,
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
  }

  /** Moves the clock and signs in again (sessions time out while idle). */
  async function moveClock(at: string): Promise<SessionClient & { id: string }> {
    clock.set(at);
    officer = { ...(await signIn(t.app, 'zjjz', STAFF_PASSWORD)), id: officer.id };
    return citizen(phone);
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
    const res = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, { flags: ['maritime'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
  });
  afterAll(() => t?.close());

  it('registers vessels by office, one registration number once; another office finds none of them', async () => {
    const created = await send(officer, 'POST', '/api/corrections/vessels', vessel(), 'vessel-1');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: '桂北渔60123',
      gearType: 'hookAndLine',
      unit: { id: office, name: '海城区中街司法所' },
      terminalId: 'BD-4505-0001',
      aboardNow: 0,
      version: 1,
    });
    vesselId = created.json().id;
    const trawler = await officer.request(
      'POST',
      '/api/corrections/vessels',
      vessel({ name: '桂北渔60888', registrationNo: 'HY-000888', gearType: 'trawl', terminalId: null }),
    );
    expect(trawler.statusCode, trawler.body).toBe(201);
    trawlerId = trawler.json().id;

    const dup = await officer.request('POST', '/api/corrections/vessels', vessel({ name: '别的船' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('已登记，不能重复登记');
    const bad = await officer.request(
      'POST',
      '/api/corrections/vessels',
      vessel({ gearType: 'dynamite', name: ' ' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '请填写船名' },
        { path: 'gearType', message: '请选择作业类型' },
      ]),
    );

    expect((await hepu.request('GET', `/api/corrections/vessels/${vesselId}`)).statusCode).toBe(404);
    expect(
      (await hepu.request('PATCH', `/api/corrections/vessels/${vesselId}`, { version: 1, homePort: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await hepu.request('GET', '/api/corrections/vessels')).json()).toEqual({ items: [], total: 0 });
    const mine = await officer.request('GET', '/api/corrections/vessels?q=60123');
    expect(mine.json().items.map((v: { id: string }) => v.id)).toEqual([vesselId]);
    expect(await q('select count(*)::int as n from corrections_vessel')).toEqual([{ n: 2 }]);
  });

  it('edits a vessel over its version; a stale edit answers 409', async () => {
    const edit = await officer.request('PATCH', `/api/corrections/vessels/${vesselId}`, {
      version: 1,
      homePort: '北海侨港',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ homePort: '北海侨港', version: 2 });
    const stale = await officer.request('PATCH', `/api/corrections/vessels/${vesselId}`, {
      version: 1,
      homePort: '铁山港',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a tracked aboard window without the written consent, in Chinese', async () => {
    const res = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId,
      role: 'captain',
      fromAt: bj('2026-09-01T00:00:00'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('未取得书面同意，不能纳入船舶定位');
    expect(await q('select count(*)::int as n from corrections_aboard_window')).toEqual([{ n: 0 }]);
  });

  it('records the consent (scan, date, witness) under the local rule, then the windows; overlaps refused', async () => {
    const body = await multipart({
      name: '船舶定位书面同意书.pdf',
      bytes: samples.pdf(),
      type: 'application/pdf',
    });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const consent = await officer.request('PUT', `/api/corrections/supervisees/${caseId}/tracking-consent`, {
      consentOn: '2026-09-28',
      consentFileId: upload.json().id,
      witness: '中街社区网格员 陈敏',
    });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().basis).toMatchObject({
      localRule: '北海市关于加强涉海涉渔社区矫正对象监督管理的实施意见（2023年）',
      consentOn: '2026-09-28',
      witness: '中街社区网格员 陈敏',
    });
    expect(JSON.stringify(consent.json().basis)).not.toContain('第二十九条');

    const first = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId,
      role: 'captain',
      fromAt: bj('2026-09-01T00:00:00'),
      toAt: bj('2026-12-31T00:00:00'),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().windows).toEqual([
      expect.objectContaining({
        role: 'captain',
        tracked: true,
        vessel: expect.objectContaining({ id: vesselId }),
      }),
    ]);
    const overlap = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId: trawlerId,
      role: 'crew',
      fromAt: bj('2026-12-01T00:00:00'),
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().message).toContain('同一时间只能在一艘船上');
    const after = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId: trawlerId,
      role: 'crew',
      fromAt: bj('2026-12-31T00:00:00'),
    });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().windows).toHaveLength(2);

    // Another office: the supervisee is not found, on reads and writes.
    expect((await hepu.request('GET', `/api/corrections/supervisees/${caseId}/vessels`)).statusCode).toBe(
      404,
    );
    const foreign = await hepu.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId,
      role: 'crew',
      fromAt: bj('2027-06-01T00:00:00'),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('lets the supervisee file a sea trip in the portal; a retry with the same key files once', async () => {
    const me = await signInCitizen(t, phone);
    const view = await me.request('GET', '/api/corrections/portal/sea-trips');
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().vessels.map((v: { id: string }) => v.id)).toEqual([vesselId, trawlerId]);

    const first = await send(me, 'POST', '/api/corrections/portal/sea-trips', trip(), 'trip-0930');
    const again = await send(me, 'POST', '/api/corrections/portal/sea-trips', trip(), 'trip-0930');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    tripId = first.json().id;
    expect(first.json()).toMatchObject({
      status: 'filed',
      statusLabel: '待审批',
      filedBy: 'supervisee',
      superviseeName: '李海明',
      crew: [{ caseId, role: 'captain', name: '李海明' }],
      overdue: false,
    });
    expect(await q('select count(*)::int as n from corrections_sea_trip')).toEqual([{ n: 1 }]);
    // The office hears of it.
    expect(
      await q("select recipient from notification_outbox where template = 'corrections.seaTripFiled'"),
    ).toEqual([{ recipient: `staff:${officer.id}` }]);
    // A second filing for the same vessel and days is refused.
    const dup = await send(me, 'POST', '/api/corrections/portal/sea-trips', trip(), 'trip-0930-b');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('已有出海报备');
  });

  it('refuses in Chinese: a trawler in the moratorium, a vessel I am not aboard, a past departure', async () => {
    const me = await signInCitizen(t, phone);
    const moratorium = await me.request(
      'POST',
      '/api/corrections/portal/sea-trips',
      trip({
        vesselId: trawlerId,
        plannedDepartureAt: bj('2027-04-30T06:00:00'),
        plannedReturnAt: bj('2027-05-02T18:00:00'),
      }),
    );
    expect(moratorium.statusCode).toBe(400);
    expect(moratorium.json().message).toBe(
      '计划出海时间与休渔期（2027年5月1日12:00至2027年8月16日12:00）重叠，该船舶的作业类型不在豁免范围内，不能出海',
    );
    // Back at 12:00 sharp on 1 May is allowed (a hook-and-line vessel would be exempt anyway).
    const boundary = await me.request(
      'POST',
      '/api/corrections/portal/sea-trips',
      trip({
        vesselId: trawlerId,
        plannedDepartureAt: bj('2027-04-28T06:00:00'),
        plannedReturnAt: bj('2027-05-01T12:00:00'),
      }),
    );
    expect(boundary.statusCode, boundary.body).toBe(201);
    const notAboard = await me.request(
      'POST',
      '/api/corrections/portal/sea-trips',
      trip({
        vesselId: trawlerId,
        plannedDepartureAt: bj('2026-10-10T06:00:00'),
        plannedReturnAt: bj('2026-10-11T06:00:00'),
      }),
    );
    expect(notAboard.statusCode).toBe(400);
    expect(notAboard.json().message).toBe('您在计划出海时间没有登记在这艘船上，请联系司法所登记在船记录');
    const past = await me.request(
      'POST',
      '/api/corrections/portal/sea-trips',
      trip({ plannedDepartureAt: bj('2026-09-29T08:00:00') }),
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toContain('出海报备应在出海前提交');
    const bad = await me.request(
      'POST',
      '/api/corrections/portal/sea-trips',
      trip({ plannedReturnAt: bj('2026-09-30T05:00:00') }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toContainEqual({
      path: 'plannedReturnAt',
      message: '计划返港时间应晚于计划出海时间',
    });
  });

  it('is approved by the office only (another office → 404); the supervisee is told', async () => {
    expect((await hepu.request('GET', `/api/corrections/sea-trips/${tripId}`)).statusCode).toBe(404);
    expect(
      (await hepu.request('POST', `/api/corrections/sea-trips/${tripId}/approve`, { version: 1 })).statusCode,
    ).toBe(404);
    expect((await hepu.request('GET', '/api/corrections/sea-trips')).json().total).toBe(0);

    const list = await officer.request('GET', '/api/corrections/sea-trips?status=filed');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(tripId);
    const approved = await officer.request('POST', `/api/corrections/sea-trips/${tripId}/approve`, {
      version: 1,
      reason: '注意天气，按时返港',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decisionReason: '注意天气，按时返港',
      version: 2,
    });
    const me = await signInCitizen(t, phone);
    expect(
      await q(
        "select recipient, body from notification_outbox where template = 'corrections.seaTripDecided'",
      ),
    ).toEqual([{ recipient: `citizen:${me.id}`, body: expect.stringContaining('司法所已同意') }]);
    const twice = await officer.request('POST', `/api/corrections/sea-trips/${tripId}/reject`, {
      version: 2,
      reason: '重复',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('只有待审批的出海报备可以审批');
  });

  it('goes to sea, keeps a log and closes with the return report in the portal', async () => {
    let me = await moveClock('2026-09-29T22:30:00Z'); // 06:30 on 30 September in Beihai
    const out = await me.request('POST', `/api/corrections/portal/sea-trips/${tripId}/depart`, {
      version: 2,
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().status).toBe('atSea');
    const log = await me.request('POST', `/api/corrections/portal/sea-trips/${tripId}/logs`, {
      note: '抵达作业海域，天气良好',
      lat: 20.7,
      lng: 109.2,
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().logs).toEqual([
      expect.objectContaining({ note: '抵达作业海域，天气良好', recordedBy: '本人' }),
    ]);

    // Past the planned return (10-03 18:00) plus the 2-hour grace: flagged in the office's list.
    me = await moveClock('2026-10-03T12:30:00Z'); // 20:30 in Beihai
    const overdue = await officer.request('GET', '/api/corrections/sea-trips?overdue=true');
    expect(overdue.json().items).toEqual([expect.objectContaining({ id: tripId, overdue: true })]);

    const back = await me.request('POST', `/api/corrections/portal/sea-trips/${tripId}/return`, {
      version: 3,
      returnedAt: bj('2026-10-03T20:10:00'),
      note: '因风浪推迟返港，已电话告知司法所',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'returned', statusLabel: '已返港', overdue: false });
    expect((await officer.request('GET', '/api/corrections/sea-trips?overdue=true')).json().total).toBe(0);
    expect(
      (
        await q(
          "select action from audit_log where entity_id = $1 and action like 'corrections.seaTrip.%' order by id",
          [caseId],
        )
      ).map((r) => (r as { action: string }).action),
    ).toEqual([
      'corrections.seaTrip.file',
      'corrections.seaTrip.file',
      'corrections.seaTrip.approve',
      'corrections.seaTrip.depart',
      'corrections.seaTrip.log',
      'corrections.seaTrip.return',
    ]);
  });

  it('keeps the portal to the signed-in supervisee: staff and strangers get 404, not another term', async () => {
    expect((await officer.request('GET', '/api/corrections/portal/sea-trips')).statusCode).toBe(404);
    const stranger = await citizen('13800001111');
    const res = await stranger.request('GET', '/api/corrections/portal/sea-trips');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('未找到您的社区矫正档案');
    // A second supervisee's portal never reaches the first one's trip.
    const other = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, {
        person: { name: '王强', idType: 'residentIdCard', idNumber: idNumber('1991-07-07', '031') },
        phone: '13907792022',
        flags: ['maritime'],
      }),
    );
    expect(other.statusCode, other.body).toBe(201);
    const wang = await citizen('13907792022');
    expect((await wang.request('GET', '/api/corrections/portal/sea-trips')).json().trips).toEqual([]);
    expect(
      (await wang.request('POST', `/api/corrections/portal/sea-trips/${tripId}/cancel`, { version: 4 }))
        .statusCode,
    ).toBe(404);
  });

  it('lets an officer file for a supervisee and reject it with a reason', async () => {
    await moveClock('2026-10-04T02:00:00Z');
    const filed = await send(
      officer,
      'POST',
      '/api/corrections/sea-trips',
      {
        ...trip({
          plannedDepartureAt: bj('2026-10-06T06:00:00'),
          plannedReturnAt: bj('2026-10-07T18:00:00'),
        }),
        caseId,
      },
      'officer-trip-1',
    );
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ filedBy: 'staff', status: 'filed' });
    const noReason = await officer.request('POST', `/api/corrections/sea-trips/${filed.json().id}/reject`, {
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await officer.request('POST', `/api/corrections/sea-trips/${filed.json().id}/reject`, {
      version: 1,
      reason: '台风预警期间不宜出海',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      statusLabel: '不同意',
      decisionReason: '台风预警期间不宜出海',
    });
    const tab = await officer.request('GET', `/api/corrections/supervisees/${caseId}/vessels`);
    expect(tab.statusCode).toBe(200);
    expect(tab.json().trips).toHaveLength(3);
    expect(tab.json().settings.moratorium).toMatchObject({ start: '05-01T12:00', end: '08-16T12:00' });
  });
  it('ends an aboard window over its version; a window a trip used is never deleted; a stale decision is 409', async () => {
    const tab = (await officer.request('GET', `/api/corrections/supervisees/${caseId}/vessels`)).json();
    const used = tab.windows.find((w: { vessel: { id: string } }) => w.vessel.id === vesselId);
    const del = await officer.request(
      'DELETE',
      `/api/corrections/supervisees/${caseId}/aboard-windows/${used.id}?version=${used.version}`,
    );
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toContain('已用于出海报备，不能删除');
    const ended = await officer.request(
      'PATCH',
      `/api/corrections/supervisees/${caseId}/aboard-windows/${used.id}`,
      {
        version: used.version,
        toAt: bj('2026-12-20T00:00:00'),
      },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    const stale = await officer.request(
      'PATCH',
      `/api/corrections/supervisees/${caseId}/aboard-windows/${used.id}`,
      {
        version: used.version,
        toAt: bj('2026-12-25T00:00:00'),
      },
    );
    expect(stale.statusCode).toBe(409);
    expect(await q('select to_at from corrections_aboard_window where id = $1', [used.id])).toEqual([
      { to_at: new Date(bj('2026-12-20T00:00:00')) },
    ]);

    const filed = await send(
      officer,
      'POST',
      '/api/corrections/sea-trips',
      {
        ...trip({
          plannedDepartureAt: bj('2026-10-08T06:00:00'),
          plannedReturnAt: bj('2026-10-09T18:00:00'),
        }),
        caseId,
      },
      'officer-trip-2',
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const late = await officer.request('POST', `/api/corrections/sea-trips/${filed.json().id}/approve`, {
      version: 0,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('该出海报备已被他人修改，请刷新后重试');
  });
});
