import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, signInCitizen, staffAccount, unitId } from './corrections.fixture.ts';
// What the tracking module sees: only the module's public surface.
import {
  aboardWindows,
  approvedSeaTrips,
  correctionsModule,
  fishingMoratorium,
  inFishingMoratorium,
  vesselsForTracking,
} from './index.ts';

const bj = (s: string) => new Date(`${s}+08:00`);

// The corrections module's index.ts as the tracking module (issues 8/9) calls it: a maritime supervisee
// registered by the office, a vessel with its satellite terminal, the consent and an aboard window; the
// supervisee files a sea trip in the portal and the office approves it → the caller sees the approved
// trip and the vessel's aboard window as plain objects.
describe('corrections index.ts: vessels, aboard windows and approved sea trips for tracking', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: SessionClient & { id: string };
  let caseId = '';
  let vesselId = '';
  let tripId = '';

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    const office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    const s = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, { flags: ['maritime'] }),
    );
    expect(s.statusCode, s.body).toBe(201);
    caseId = s.json().caseId;
    const v = await officer.request('POST', '/api/corrections/vessels', {
      name: '桂北渔60123',
      registrationNo: 'HY-000123',
      homePort: '北海港',
      gearType: 'gillnet',
      ownerName: '李海明',
      terminalId: 'BD-4505-0001',
    });
    expect(v.statusCode, v.body).toBe(201);
    vesselId = v.json().id;
    // A vessel without a terminal is not tracked.
    await officer.request('POST', '/api/corrections/vessels', {
      name: '桂北运00001',
      registrationNo: 'HY-000001',
      homePort: '北海港',
      gearType: 'transport',
      ownerName: '陈某',
    });
    const form = new FormData();
    form.append('file', new Blob([samples.pdf()], { type: 'application/pdf' }), '书面同意书.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'content-type': request.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const consent = await officer.request('PUT', `/api/corrections/supervisees/${caseId}/tracking-consent`, {
      consentOn: '2026-09-28',
      consentFileId: upload.json().id,
      witness: '网格员 陈敏',
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const w = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId,
      role: 'captain',
      fromAt: bj('2026-09-01T00:00:00').toISOString(),
    });
    expect(w.statusCode, w.body).toBe(200);

    const me = await signInCitizen(t, '13907791011');
    const filed = await me.request('POST', '/api/corrections/portal/sea-trips', {
      vesselId,
      seaArea: '北部湾涠洲岛以南',
      area: { kind: 'box', minLng: 108.9, minLat: 20.4, maxLng: 109.4, maxLat: 20.9 },
      plannedDepartureAt: bj('2026-09-30T06:00:00').toISOString(),
      plannedReturnAt: bj('2026-10-03T18:00:00').toISOString(),
    });
    expect(filed.statusCode, filed.body).toBe(201);
    tripId = filed.json().id;
  });
  afterAll(() => t?.close());

  it('shows no trip before the office approves it', async () => {
    expect(await approvedSeaTrips(t.database.db, { vesselId })).toEqual([]);
  });

  it('shows the approved trip and the vessel’s aboard window to a caller', async () => {
    const ok = await officer.request('POST', `/api/corrections/sea-trips/${tripId}/approve`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const db = t.database.db;

    expect(await vesselsForTracking(db)).toEqual([
      expect.objectContaining({
        vesselId,
        registrationNo: 'HY-000123',
        gearType: 'gillnet',
        terminalId: 'BD-4505-0001',
      }),
    ]);

    const trips = await approvedSeaTrips(db, {
      vesselId,
      from: bj('2026-10-01T00:00:00'),
      to: bj('2026-10-02T00:00:00'),
    });
    expect(trips).toEqual([
      {
        tripId,
        vesselId,
        superviseeCaseId: caseId,
        crewCaseIds: [caseId],
        status: 'approved',
        seaArea: '北部湾涠洲岛以南',
        area: { kind: 'box', minLng: 108.9, minLat: 20.4, maxLng: 109.4, maxLat: 20.9 },
        plannedDeparture: bj('2026-09-30T06:00:00'),
        plannedReturn: bj('2026-10-03T18:00:00'),
        returnDueBy: bj('2026-10-03T20:00:00'),
        approvedAt: new Date('2026-09-29T02:00:00Z'),
        departedAt: null,
        returnedAt: null,
      },
    ]);
    // Outside its time: not there.
    expect(await approvedSeaTrips(db, { vesselId, from: bj('2026-10-10T00:00:00') })).toEqual([]);

    const onBoard = await aboardWindows(db, { vesselId, at: bj('2026-10-01T12:00:00') });
    expect(onBoard).toEqual([
      {
        windowId: expect.any(String),
        vesselId,
        superviseeCaseId: caseId,
        role: 'captain',
        from: bj('2026-09-01T00:00:00'),
        to: null,
        tracked: true,
      },
    ]);
    expect(await aboardWindows(db, { superviseeCaseId: caseId })).toHaveLength(1);
    expect(await aboardWindows(db, { vesselId, at: bj('2026-08-01T00:00:00') })).toEqual([]);
  });

  it('hands tracking the moratorium as configured, with its gear exemptions', async () => {
    const m = await fishingMoratorium(t.database.db);
    expect(m).toEqual({
      start: '05-01T12:00',
      end: '08-16T12:00',
      exemptGearTypes: ['hookAndLine', 'cageCulture', 'transport'],
    });
    expect(inFishingMoratorium(m, 'gillnet', bj('2027-05-01T12:00:00'))).toBe(true);
    expect(inFishingMoratorium(m, 'hookAndLine', bj('2027-05-01T12:00:00'))).toBe(false);
  });
});
