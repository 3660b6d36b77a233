import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, staffAccount, unitId } from '../corrections/corrections.fixture.ts';
import { correctionsModule } from '../corrections/index.ts';
import { type TrackingServices, trackingModule, trackingServicesOf } from './index.ts';
import { createTerminal, createVessel } from './tracking.fixture.ts';

// Fences, the alert evaluator and the triage queue as officers meet them: the county head draws a port, a
// permitted fishing area and a prohibited zone; a supervisee's boat leaves port without an approved sea trip,
// crosses the prohibited zone between two sparse fixes and leaves the permitted area; the office's officer sees
// the alerts (another office does not), acknowledges, assigns and resolves them; overdue alerts escalate to the
// head; a silent boat at sea raises "no signal".

const bj = (s: string) => new Date(`${s}+08:00`);

describe('tracking alerts', () => {
  let t: TestApp;
  let tracking: TrackingServices;
  const clock = fixedClock('2026-09-28T02:00:00Z');
  let officer: SessionClient & { id: string };
  let head: SessionClient & { id: string };
  let hepu: SessionClient & { id: string };
  let caseId = '';
  let vesselId = '';
  let terminalId = '';
  let prohibitedId = '';

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

  /** Fixes of the boat's terminal through the track store, then the evaluator's verdicts. */
  async function sail(points: [time: string, lon: number, lat: number][]) {
    for (const [time, lon, lat] of points) {
      await tracking.writer.submit([
        {
          terminalId,
          time: bj(time),
          lat,
          lon,
          altitudeM: 0,
          speedKmh: 12,
          course: 90,
          alarmBits: 0,
          statusBits: 3,
          satellites: 12,
          signal: 20,
          mileageKm: null,
          located: true,
          source: 'jt808',
        },
      ]);
    }
    await tracking.evaluator.idle();
  }

  const openAlerts = async (client: SessionClient = officer) => {
    const r = await client.request('GET', '/api/tracking/alerts');
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Record<string, unknown>[]; total: number; counts: Record<string, number> };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule, trackingModule] });
    tracking = trackingServicesOf(t.services);
    const office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    head = await staffAccount(t, 'hcfz', await unitId(t, '海城区司法局'), ['correctionsHead']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
    const s = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, { flags: ['maritime'] }),
    );
    expect(s.statusCode, s.body).toBe(201);
    caseId = s.json().caseId;
    vesselId = await createVessel(officer, 'HY-000777', '桂北渔60777号');
    terminalId = (await createTerminal(officer, '13800777000')).id;
    const installed = await officer.request('POST', `/api/tracking/terminals/${terminalId}/installations`, {
      vesselId,
      from: bj('2026-09-27T00:00:00').toISOString(),
    });
    expect(installed.statusCode, installed.body).toBe(200);
    const consent = await officer.request('PUT', `/api/corrections/supervisees/${caseId}/tracking-consent`, {
      consentOn: '2026-09-27',
      consentFileId: await uploadPdf(officer),
      witness: '网格员 陈敏',
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const w = await officer.request('POST', `/api/corrections/supervisees/${caseId}/aboard-windows`, {
      vesselId,
      role: 'captain',
      fromAt: bj('2026-09-27T00:00:00').toISOString(),
      tracked: true,
    });
    expect(w.statusCode, w.body).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  it('lets the county head draw fences (versioned, idempotent, in scope) and refuses bad shapes in Chinese', async () => {
    const port = await head.request('POST', '/api/tracking/fences', {
      name: '北海港',
      purpose: 'port',
      shape: { kind: 'circle', center: [109.085, 21.478], radiusM: 3000 },
    });
    expect(port.statusCode, port.body).toBe(201);
    expect(port.json()).toMatchObject({
      version: 1,
      unitName: '海城区司法局',
      dwellMinutes: 5,
      active: true,
    });
    const permitted = await head.request('POST', '/api/tracking/fences', {
      name: '北部湾近岸作业区',
      purpose: 'permitted',
      shape: {
        kind: 'polygon',
        ring: [
          [108.9, 21.0],
          [109.3, 21.0],
          [109.3, 21.45],
          [108.9, 21.45],
        ],
      },
    });
    expect(permitted.statusCode, permitted.body).toBe(201);
    const body = {
      name: '涠洲岛军事管理区',
      purpose: 'prohibited',
      shape: { kind: 'circle', center: [109.2, 21.2], radiusM: 2000 },
      dwellMinutes: 0,
    };
    const headers = {
      cookie: head.cookie,
      'x-csrf-token': head.csrfToken,
      'idempotency-key': 'fence-weizhou',
    };
    const first = await t.app.inject({ method: 'POST', url: '/api/tracking/fences', headers, payload: body });
    const retry = await t.app.inject({ method: 'POST', url: '/api/tracking/fences', headers, payload: body });
    expect(first.statusCode, first.body).toBe(201);
    prohibitedId = first.json().id;
    expect(retry.json().id).toBe(prohibitedId);

    const bad = await head.request('POST', '/api/tracking/fences', {
      name: '',
      purpose: 'prohibited',
      shape: {
        kind: 'polygon',
        ring: [
          [109, 21],
          [200, 21],
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining(['请填写围栏名称', '多边形至少需要 3 个顶点']),
    );
    // An office officer sees the county's fences but may not draw; another county sees none of them.
    expect((await officer.request('GET', '/api/tracking/fences')).json().items).toHaveLength(3);
    expect((await officer.request('POST', '/api/tracking/fences', body)).statusCode).toBe(403);
    expect((await hepu.request('GET', '/api/tracking/fences')).json().items).toHaveLength(0);
    expect((await hepu.request('GET', `/api/tracking/fences/${prohibitedId}`)).statusCode).toBe(404);
    const count = await t.database.executeSql('select count(*)::int as n from tracking_fence_version');
    expect(count.rows).toEqual([{ n: 3 }]);
  });

  it('raises alerts as the boat sails: no sea trip, a prohibited zone crossed between fixes, the permitted area left', async () => {
    await sail([
      ['2026-09-28T06:00:00', 109.085, 21.478], // in port
      ['2026-09-28T06:30:00', 109.1, 21.35], // at sea, no approved trip (grace starts)
      ['2026-09-28T06:45:00', 109.15, 21.2], // 15 min at sea: no trip → alert
      ['2026-09-28T07:00:00', 109.25, 21.2], // the line from the last fix crosses the prohibited circle
      ['2026-09-28T07:10:00', 109.32, 21.2], // just outside the permitted area…
      ['2026-09-28T07:13:00', 109.29, 21.2], // …back inside before the 5-minute dwell: GPS jitter, nothing
      ['2026-09-28T07:20:00', 109.33, 21.2],
      ['2026-09-28T07:30:00', 109.34, 21.2], // outside for 10 min → alert
    ]);
    const list = await openAlerts();
    expect(list.items.map((a) => a.kind).sort()).toEqual([
      'atSeaWithoutTrip',
      'enteredProhibitedZone',
      'leftPermittedArea',
    ]);
    const prohibited = list.items.find((a) => a.kind === 'enteredProhibitedZone') as Record<string, unknown>;
    expect(prohibited).toMatchObject({
      severity: 'high',
      state: 'new',
      vessel: { id: vesselId, name: '桂北渔60777号' },
      fence: { id: prohibitedId, name: '涠洲岛军事管理区', version: 1 },
      firstAt: bj('2026-09-28T07:00:00').toISOString(),
      rule: expect.stringContaining('航迹穿越禁止区域「涠洲岛军事管理区」'),
      supervisees: [{ caseId, caseNo: expect.any(String) }],
    });
    expect(list.items[0]?.kind).toBe('enteredProhibitedZone'); // severe first
    expect(list.counts).toEqual({ new: 3 });
    expect(list.items.find((a) => a.kind === 'leftPermittedArea')).toMatchObject({
      firstAt: bj('2026-09-28T07:30:00').toISOString(),
      occurrences: 1,
    });
    expect((await openAlerts(hepu)).items).toEqual([]);
    expect((await hepu.request('GET', `/api/tracking/alerts/${prohibited.id}`)).statusCode).toBe(404);

    // Back into the area and out again: folded into the open alert, not a second one.
    await sail([
      ['2026-09-28T07:40:00', 109.28, 21.25],
      ['2026-09-28T07:50:00', 109.33, 21.3],
      ['2026-09-28T08:00:00', 109.34, 21.3],
    ]);
    const again = await openAlerts();
    expect(again.total).toBe(3);
    expect(again.items.find((a) => a.kind === 'leftPermittedArea')).toMatchObject({
      occurrences: 2,
      lastAt: bj('2026-09-28T08:00:00').toISOString(),
    });

    // The officer and the head are told of the severe one; the officer of each.
    const messages = (
      await t.database.executeSql(
        "select recipient, body from notification_outbox where template = 'tracking.alertRaised' order by id",
      )
    ).rows as { recipient: string; body: string }[];
    expect(messages.filter((m) => m.recipient === `staff:${officer.id}`)).toHaveLength(3);
    expect(messages.filter((m) => m.recipient === `staff:${head.id}`).map((m) => m.body)).toEqual([
      expect.stringContaining('桂北渔60777号'),
    ]);
    expect(messages.some((m) => m.recipient === `staff:${hepu.id}`)).toBe(false);
  });

  it('walks an alert through the triage queue with optimistic locking, Chinese refusals and an audit trail', async () => {
    const alert = (await openAlerts()).items.find((a) => a.kind === 'enteredProhibitedZone') as {
      id: string;
    };
    const url = `/api/tracking/alerts/${alert.id}`;
    const detail = await officer.request('GET', url);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().events).toEqual([expect.objectContaining({ action: 'raise', toState: 'new' })]);

    const ack = await officer.request('POST', `${url}/triage`, { action: 'acknowledge', version: 1 });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', version: 2 });
    const stale = await officer.request('POST', `${url}/triage`, { action: 'acknowledge', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该告警已被他人处理，请刷新后重试');

    const people = await officer.request('GET', `${url}/assignees`);
    expect(people.json().items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([officer.id, head.id]),
    );
    const wrong = await officer.request('POST', `${url}/triage`, {
      action: 'assign',
      version: 2,
      assigneeId: hepu.id,
    });
    expect(wrong.statusCode).toBe(400);
    const assigned = await head.request('POST', `${url}/triage`, {
      action: 'assign',
      version: 2,
      assigneeId: officer.id,
      note: '请立即电话联系船长核实',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', assignee: { id: officer.id } });

    const noDisposition = await officer.request('POST', `${url}/triage`, { action: 'resolve', version: 3 });
    expect(noDisposition.statusCode).toBe(400);
    const noReason = await officer.request('POST', `${url}/triage`, {
      action: 'resolve',
      version: 3,
      disposition: 'falseAlarm',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('误报或其他处置结果须说明理由');
    expect(
      (await hepu.request('POST', `${url}/triage`, { action: 'acknowledge', version: 3 })).statusCode,
    ).toBe(404);
    const resolved = await officer.request('POST', `${url}/triage`, {
      action: 'resolve',
      version: 3,
      disposition: 'verifiedHandled',
      note: '已电话核实，船舶已驶离并返港接受训诫',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ state: 'resolved', disposition: 'verifiedHandled' });
    expect(resolved.json().events.map((e: { action: string }) => e.action)).toEqual([
      'raise',
      'acknowledge',
      'assign',
      'resolve',
    ]);
    const again = await officer.request('POST', `${url}/triage`, { action: 'acknowledge', version: 4 });
    expect(again.statusCode).toBe(409);
    const audits = await t.database.executeSql(
      "select action from audit_log where entity_id = $1 and action like 'tracking.alert.%' order by id",
      [alert.id],
    );
    expect((audits.rows as { action: string }[]).map((r) => r.action)).toEqual([
      'tracking.alert.read',
      'tracking.alert.acknowledge',
      'tracking.alert.assign',
      'tracking.alert.resolve',
    ]);
    const assignedNote = await t.database.executeSql(
      "select recipient from notification_outbox where template = 'tracking.alertAssigned'",
    );
    expect(assignedNote.rows).toEqual([{ recipient: `staff:${officer.id}` }]);
    expect((await openAlerts()).counts).toEqual({ new: 2 });
  });

  it('saves a fence edit as a new version that later alerts name', async () => {
    const current = (await head.request('GET', `/api/tracking/fences/${prohibitedId}`)).json();
    const edited = await head.request('PATCH', `/api/tracking/fences/${prohibitedId}`, {
      name: current.name,
      purpose: current.purpose,
      shape: { kind: 'circle', center: [109.2, 21.2], radiusM: 5000 },
      dwellMinutes: 0,
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    expect(edited.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(edited.json().versions[1].fence.shape.radiusM).toBe(2000);
    const stale = await head.request('PATCH', `/api/tracking/fences/${prohibitedId}`, {
      ...current,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await officer.request('PATCH', `/api/tracking/fences/${prohibitedId}`, { ...current })).statusCode,
    ).toBe(403);
    await sail([['2026-09-28T08:20:00', 109.21, 21.21]]); // inside the wider circle
    const raised = (await openAlerts()).items.find((a) => a.kind === 'enteredProhibitedZone');
    expect(raised).toMatchObject({ fence: { version: 2 }, rule: expect.stringContaining('第 2 版') });
  });

  it('escalates alerts past their SLA to the head once, and raises no signal for a silent boat at sea', async () => {
    clock.set(bj('2026-09-28T11:00:00')); // raised at 10:00 (clock time): past the 15-minute acknowledge time
    const escalated = await tracking.alerts.escalateOverdue();
    expect(escalated).toBeGreaterThanOrEqual(1);
    expect(await tracking.alerts.escalateOverdue()).toBe(0);
    const ups = await t.database.executeSql(
      "select distinct recipient from notification_outbox where template = 'tracking.alertEscalated'",
    );
    expect(ups.rows).toEqual([{ recipient: `staff:${head.id}` }]);

    // Last fix 08:20 at sea; an ordinary-level supervisee's boat may be silent 6 hours.
    clock.set(bj('2026-09-28T13:00:00'));
    expect(await tracking.evaluator.sweepNoSignal()).toBe(0);
    clock.set(bj('2026-09-28T14:40:00'));
    expect(await tracking.evaluator.sweepNoSignal()).toBe(1);
    // (the sessions have expired by this clock: read the queue's table)
    const silent = await t.database.executeSql(
      "select severity, state, rule from tracking_alert where kind = 'noSignal'",
    );
    expect(silent.rows).toEqual([
      { severity: 'low', state: 'new', rule: expect.stringContaining('6 小时没有定位') },
    ]);
  });
});
