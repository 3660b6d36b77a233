import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { courtNotice, staffAccount, unitId } from '../corrections/corrections.fixture.ts';
import { correctionsModule } from '../corrections/index.ts';
import { trackingModule } from './index.ts';
import { createTerminal, createVessel, storedPositions } from './tracking.fixture.ts';

// The tracking routes as officers and vendor platforms use them: terminals in scope, installation on vessels,
// vendor keys and idempotent batch ingest, vessel and supervisee tracks (scope, tracked windows only, audited).

const bj = (s: string) => new Date(`${s}+08:00`);

describe('tracking routes', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: SessionClient & { id: string };
  let hepu: SessionClient & { id: string };
  let admin: SessionClient;
  let caseId = '';
  let vesselId = '';
  let terminalId = '';
  let key = '';
  let vendorId = '';

  async function uploadPdf(client: SessionClient): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([samples.pdf()], { type: 'application/pdf' }), '书面同意书.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': request.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    return upload.json().id;
  }

  const ingest = (batch: unknown, withKey: string | null = key) =>
    t.app.inject({
      method: 'POST',
      url: '/api/tracking/ingest',
      headers: withKey === null ? {} : { 'x-vendor-key': withKey },
      payload: batch as Record<string, unknown>,
    });

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule, trackingModule] });
    const office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    const s = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, { flags: ['maritime'] }),
    );
    expect(s.statusCode, s.body).toBe(201);
    caseId = s.json().caseId;
    vesselId = await createVessel(officer, 'HY-000123', '桂北渔60123号远洋捕捞作业船');
  }, 120_000);
  afterAll(() => t?.close());

  it('registers a terminal once (idempotent retry, duplicate number refused) and hides it from another office', async () => {
    const body = {
      terminalNumber: '013800138000',
      deviceId: 'T138000',
      model: 'BD3-SAT',
      sim: '89860000000000000001',
    };
    const headers = { 'idempotency-key': 'terminal-1' };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/tracking/terminals',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken, ...headers },
      payload: body,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      terminalNumber: '13800138000',
      status: 'awaiting',
      edition: '2019',
      installation: null,
    });
    terminalId = first.json().id;
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/tracking/terminals',
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken, ...headers },
      payload: body,
    });
    expect(retry.json().id).toBe(terminalId);
    const again = await officer.request('POST', '/api/tracking/terminals', {
      ...body,
      terminalNumber: '13800138000',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('已登记');
    const bad = await officer.request('POST', '/api/tracking/terminals', {
      ...body,
      terminalNumber: '138-0013',
      sim: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['terminalNumber', 'sim']),
    );

    expect((await hepu.request('GET', `/api/tracking/terminals/${terminalId}`)).statusCode).toBe(404);
    expect((await hepu.request('GET', '/api/tracking/terminals')).json()).toEqual({ items: [], total: 0 });
    const patch = await hepu.request('PATCH', `/api/tracking/terminals/${terminalId}`, {
      version: 1,
      model: 'X',
    });
    expect(patch.statusCode).toBe(404);
    expect((await officer.request('GET', '/api/tracking/terminals?q=138001')).json().total).toBe(1);
  });

  it('installs the terminal on a vessel in scope, refuses overlaps and other offices’ vessels', async () => {
    const from = bj('2026-09-01T00:00:00').toISOString();
    const installed = await officer.request('POST', `/api/tracking/terminals/${terminalId}/installations`, {
      vesselId,
      from,
    });
    expect(installed.statusCode, installed.body).toBe(200);
    expect(installed.json().installation).toMatchObject({
      vessel: { id: vesselId, registrationNo: 'HY-000123' },
      to: null,
    });
    expect(installed.json().installations).toHaveLength(1);

    const other = await createTerminal(officer, '13800138001');
    const clash = await officer.request('POST', `/api/tracking/terminals/${other.id}/installations`, {
      vesselId,
      from,
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().message).toContain('已安装了其他终端');
    const hepuVessel = await createVessel(hepu, 'HY-999001', '桂合渔00001');
    const foreign = await officer.request('POST', `/api/tracking/terminals/${other.id}/installations`, {
      vesselId: hepuVessel,
      from,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不在您的管辖范围内');
    // stale version → 409
    const stale = await officer.request('PATCH', `/api/tracking/terminals/${other.id}`, {
      version: 7,
      model: 'Y',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('issues a vendor key once; ingest stores a batch once, names bad items, refuses missing or revoked keys', async () => {
    const v = await admin.request('POST', '/api/tracking/vendors', {
      name: '北斗海聊终端平台',
      code: 'bdhl',
    });
    expect(v.statusCode, v.body).toBe(201);
    vendorId = v.json().id;
    const issued = await admin.request('POST', `/api/tracking/vendors/${vendorId}/key`);
    expect(issued.statusCode, issued.body).toBe(200);
    key = issued.json().key;
    expect(issued.json().vendor.keyHint).toBe(key.slice(-4));
    expect((await officer.request('GET', '/api/tracking/vendors')).statusCode).toBe(403);

    const positions = [21.3, 21.31, 21.32, 21.33].map((lat, i) => ({
      terminal: '13800138000',
      time: bj(`2026-09-28T0${i}:00:00`).toISOString(),
      lat,
      lon: 109.1,
      speedKmh: 12.5,
    }));
    const batch = {
      positions: [
        ...positions,
        { terminal: '13800138000', time: 'yesterday', lat: 21, lon: 109 },
        { terminal: '13999999999', time: bj('2026-09-28T05:00:00').toISOString(), lat: 21, lon: 109 },
        { terminal: '13800138000', time: bj('2026-09-28T06:00:00').toISOString(), lat: 0, lon: 0 },
      ],
      alarms: [{ terminal: '13800138000', time: bj('2026-09-28T03:30:00').toISOString(), kind: 'tamper' }],
    };
    const first = await ingest(batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ stored: 5, filtered: 1, duplicates: 0, alarmsStored: 1 });
    expect(first.json().rejected).toEqual([
      { list: 'positions', index: 4, message: '定位时间应为带时区的日期时间' },
      { list: 'positions', index: 5, message: '终端 13999999999 未登记或已停用' },
    ]);
    const retried = await ingest(batch);
    expect(retried.json()).toMatchObject({
      stored: 0,
      filtered: 0,
      duplicates: 5,
      alarmsStored: 0,
      alarmDuplicates: 1,
    });
    expect(await storedPositions(t, '13800138000')).toHaveLength(4);

    expect((await ingest(batch, null)).statusCode).toBe(401);
    expect((await ingest(batch, 'zcv_bdhl_guess')).statusCode).toBe(401);
    const tooMany = await ingest({ positions: Array.from({ length: 5001 }, () => positions[0]) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('一批最多 5000 条');
    expect((await admin.request('DELETE', `/api/tracking/vendors/${vendorId}/key`)).statusCode).toBe(200);
    expect((await ingest(batch)).statusCode).toBe(401);
  });

  it('shows the vessel’s last position and track in scope, audits every view, and 404s another office', async () => {
    const positionsView = await officer.request('GET', '/api/tracking/vessels/positions');
    expect(positionsView.json().items).toEqual([
      expect.objectContaining({
        vessel: expect.objectContaining({ id: vesselId }),
        terminalNumber: '13800138000',
        position: expect.objectContaining({ lat: 21.33, lon: 109.1, speedKmh: 12.5, source: 'http' }),
      }),
    ]);
    expect((await hepu.request('GET', '/api/tracking/vessels/positions')).json().items).toEqual([]);

    const q = `from=${encodeURIComponent(bj('2026-09-27T00:00:00').toISOString())}&to=${encodeURIComponent(bj('2026-09-29T00:00:00').toISOString())}`;
    const track = await officer.request('GET', `/api/tracking/vessels/${vesselId}/track?${q}`);
    expect(track.statusCode, track.body).toBe(200);
    const [segment] = track.json().segments;
    expect(segment).toMatchObject({ terminalNumber: '13800138000', filteredCount: 1, truncated: false });
    expect(segment.points.map((p: { lat: number }) => p.lat)).toEqual([21.3, 21.31, 21.32, 21.33]);
    expect((await hepu.request('GET', `/api/tracking/vessels/${vesselId}/track?${q}`)).statusCode).toBe(404);
    const tooLong = await officer.request(
      'GET',
      `/api/tracking/vessels/${vesselId}/track?from=2026-01-01T00:00:00Z&to=2026-09-01T00:00:00Z`,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toContain('31 天');

    const audits = (
      await t.database.executeSql(
        `select action, entity_id from audit_log where action like 'tracking.track%' or action = 'tracking.positions.read'`,
      )
    ).rows;
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'tracking.positions.read', entity_id: null },
        { action: 'tracking.track.read', entity_id: vesselId },
      ]),
    );
  });

  it('shows a supervisee’s track only inside tracked aboard windows (consent on record)', async () => {
    const q = `from=${encodeURIComponent(bj('2026-09-27T00:00:00').toISOString())}&to=${encodeURIComponent(bj('2026-09-29T00:00:00').toISOString())}`;
    // No consent, no tracked window → nothing to show.
    const w = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId,
      role: 'captain',
      fromAt: bj('2026-09-28T01:30:00').toISOString(),
      tracked: false,
    });
    expect(w.statusCode, w.body).toBe(200);
    const [window] = w.json().windows;
    const before = await officer.request('GET', `/api/tracking/supervisees/${caseId}/track?${q}`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().segments).toEqual([]);

    const consent = await officer.request('PUT', `/api/corrections/supervisees/${caseId}/tracking-consent`, {
      consentOn: '2026-09-28',
      consentFileId: await uploadPdf(officer),
      witness: '网格员 陈敏',
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const tracked = await officer.request(
      'PATCH',
      `/api/corrections/supervisees/${caseId}/aboard-windows/${window.id}`,
      { version: window.version, tracked: true },
    );
    expect(tracked.statusCode, tracked.body).toBe(200);
    const after = await officer.request('GET', `/api/tracking/supervisees/${caseId}/track?${q}`);
    const segments = after.json().segments;
    expect(segments).toHaveLength(1);
    // aboard from 01:30: the 00:00 and 01:00 fixes are not the supervisee's
    expect(segments[0].points.map((p: { lat: number }) => p.lat)).toEqual([21.32, 21.33]);
    expect((await hepu.request('GET', `/api/tracking/supervisees/${caseId}/track?${q}`)).statusCode).toBe(
      404,
    );
    const audits = (
      await t.database.executeSql(
        `select count(*)::int as n from audit_log where action = 'tracking.track.read' and entity_id = $1`,
        [caseId],
      )
    ).rows;
    expect(audits).toEqual([{ n: 2 }]);
  });
});
