import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { staffAccount, unitId } from '../corrections/corrections.fixture.ts';
import { correctionsModule } from '../corrections/index.ts';
import { TrackingGateway } from './gateway.ts';
import { trackingModule, trackingServicesOf } from './index.ts';
import { encodeFrame } from './jt808.frame.ts';
import { encodeMessage } from './jt808.header.ts';
import {
  decodeGeneralReply,
  encodeLocation,
  encodeLocationBatch,
  MessageId,
  RegisterResult,
} from './jt808.messages.ts';
import { Jt808Simulator } from './jt808.simulator.ts';
import { dropExpiredPartitions, listPartitions } from './track.partitions.ts';
import { createTerminal, filteredReasons, startGateway, storedPositions } from './tracking.fixture.ts';

// The JT/T 808 gateway over real TCP against the track store: registration and authentication against the
// terminals staff registered, positions stored once, garbage and split or interleaved input, sub-packages,
// filtered fixes, the per-terminal connection limit and retention by partition.

const minutesAgo = (n: number) => new Date(Math.floor((Date.now() - n * 60_000) / 1000) * 1000);

describe('tracking gateway (JT/T 808 over TCP)', () => {
  let t: TestApp;
  let officer: SessionClient;
  let gateway: TrackingGateway;
  let port = 0;
  const open: Jt808Simulator[] = [];
  const terminal = async (
    phone: string,
    edition: '2011' | '2013' | '2019' = '2013',
    deviceId = `T${phone.slice(-6)}`,
  ) => {
    const sim = new Jt808Simulator({ phone, deviceId, edition, port });
    await sim.connect();
    open.push(sim);
    return sim;
  };
  const online = async (phone: string, edition: '2013' | '2019' = '2013') => {
    const sim = await terminal(phone, edition);
    expect(await sim.register()).toBe(RegisterResult.ok);
    expect(await sim.authenticate()).toBe(0);
    return sim;
  };

  beforeAll(async () => {
    t = await createTestApp({ modules: [correctionsModule, trackingModule] });
    officer = await staffAccount(t, 'bhjz', await unitId(t, '海城区中街司法所'), ['correctionsOfficer']);
    for (const n of [
      '13800000001',
      '13800000002',
      '13800000003',
      '13800000004',
      '13800000005',
      '13800000006',
    ]) {
      await createTerminal(officer, n);
    }
    await createTerminal(officer, '12345678901234567890', { deviceId: 'BD3-2019-0001', edition: '2019' });
    ({ gateway, port } = await startGateway(t, { connectionsPerTerminal: 2 }));
  }, 120_000);

  afterAll(async () => {
    for (const s of open) await s.close();
    await gateway?.close();
    await t?.close();
  });

  it('refuses an unknown terminal (0x8100 result 4) and a position before authentication, storing nothing', async () => {
    const stranger = await terminal('13999999999');
    expect(await stranger.register()).toBe(RegisterResult.noTerminal);
    expect(stranger.authCode).toBe('');
    expect(await stranger.location({ lat: 21.4, lon: 109.1, time: minutesAgo(1) })).toBe(1);
    const known = await terminal('13800000001');
    expect(await known.register({ deviceId: 'WRONG01' })).toBe(RegisterResult.noTerminal);
    expect(await known.location({ lat: 21.4, lon: 109.1, time: minutesAgo(1) })).toBe(1);
    expect(await storedPositions(t)).toEqual([]);
  });

  it('registers (auth code), authenticates, stores a position once however often it is sent', async () => {
    const sim = await terminal('13800000001');
    expect(await sim.register()).toBe(RegisterResult.ok);
    expect(sim.authCode).toMatch(/^\S{8,}$/);
    expect(await sim.authenticate('not-the-code')).toBe(1);
    expect(await sim.authenticate()).toBe(0);
    const time = minutesAgo(5);
    const fix = { lat: 21.481234, lon: 109.120001, speedKmh: 14.6, course: 90, time, alarmBits: 1 };
    expect(await sim.location(fix)).toBe(0);
    expect(await sim.location(fix)).toBe(0);
    expect(await sim.heartbeat()).toBe(0);
    const stored = await storedPositions(t, '13800000001');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ lat: 21.481234, lon: 109.120001, alarm_bits: 1, source: 'jt808' });
    expect(stored[0]?.fixed_at.toISOString()).toBe(time.toISOString());
    expect(stored[0]?.speed_kmh).toBeCloseTo(14.6, 3);
    const alarms = (await t.database.executeSql(`select kind from tracking_alarm`)).rows;
    expect(alarms).toEqual([{ kind: 'sos' }]);
    // an unsupported message is answered "unsupported" (3), the connection stays usable
    const reply = await sim.request(0x0f01, Buffer.alloc(0));
    expect(decodeGeneralReply(reply.body).result).toBe(3);
    expect(await sim.heartbeat()).toBe(0);
  });

  it('speaks 2019 (version flag, 10-byte phone, auth body with IMEI) and answers in 2019', async () => {
    const sim = new Jt808Simulator({
      phone: '12345678901234567890',
      deviceId: 'BD3-2019-0001',
      edition: '2019',
      port,
    });
    await sim.connect();
    open.push(sim);
    expect(await sim.register()).toBe(RegisterResult.ok);
    expect(sim.received[0]?.header).toMatchObject({ edition: '2019', phone: '12345678901234567890' });
    expect(await sim.authenticate()).toBe(0);
    expect(await sim.location({ lat: -33.5, lon: -70.25, time: minutesAgo(3) })).toBe(0);
    expect(await storedPositions(t, '12345678901234567890')).toMatchObject([{ lat: -33.5, lon: -70.25 }]);
    const imei = (
      await t.database.executeSql(`select imei from tracking_terminal where terminal_number = $1`, [
        '12345678901234567890',
      ])
    ).rows;
    expect(imei).toEqual([{ imei: '860000000000001' }]);
  });

  it('survives garbage, corrupted frames and byte-by-byte splits, without losing another terminal’s frames', async () => {
    const a = await online('13800000002');
    const b = await online('13800000003');
    const rejectedBefore = gateway.status().framesRejected;
    const base = minutesAgo(30);
    const at = (i: number) => new Date(base.getTime() + i * 10_000);
    const frameA = (i: number) =>
      a.frame(MessageId.location, encodeLocation({ lat: 21.5 + i / 1000, lon: 109.2, time: at(i) }));
    const frameB = (i: number) =>
      b.frame(MessageId.location, encodeLocation({ lat: 21.6 + i / 1000, lon: 109.3, time: at(i) }));
    const corrupted = Buffer.from(frameA(99));
    corrupted.writeUInt8(corrupted.readUInt8(corrupted.length - 2) ^ 0x0f, corrupted.length - 2); // wrong check code
    // A: garbage, a stray delimiter, a corrupted frame, then ten valid frames split one byte per write
    a.socket.write(Buffer.from([0x00, 0x7e, 0x55, 0x66, 0x7e, 0x7e]));
    a.socket.write(corrupted);
    const streamA = Buffer.concat(Array.from({ length: 10 }, (_, i) => frameA(i)));
    // B: ten valid frames in odd chunks, interleaved with A's bytes
    const streamB = Buffer.concat(Array.from({ length: 10 }, (_, i) => frameB(i)));
    for (let i = 0; i < Math.max(streamA.length, streamB.length); i += 1) {
      if (i < streamA.length) a.socket.write(streamA.subarray(i, i + 1));
      if (i % 7 === 0 && i < streamB.length) b.socket.write(streamB.subarray(i, i + 7));
    }
    await expect
      .poll(async () => (await storedPositions(t, '13800000002')).length, { timeout: 10_000 })
      .toBe(10);
    await expect
      .poll(async () => (await storedPositions(t, '13800000003')).length, { timeout: 10_000 })
      .toBe(10);
    expect(gateway.status().framesRejected).toBeGreaterThan(rejectedBefore);
    // the corrupted frame's position (i = 99) is not stored; both connections are still open
    expect((await storedPositions(t, '13800000002')).some((p) => p.lat === 21.599)).toBe(false);
    expect(await a.heartbeat()).toBe(0);
    expect(await b.heartbeat()).toBe(0);
  });

  it('rejects a frame whose declared body length is wrong and stores nothing from it', async () => {
    const sim = await online('13800000004');
    const content = encodeMessage(
      { messageId: MessageId.location, edition: '2013', phone: '13800000004', serial: 900 },
      encodeLocation({ lat: 21.7, lon: 109.4, time: minutesAgo(2) }),
    );
    content.writeUInt16BE(content.readUInt16BE(2) + 4, 2); // declares 4 bytes more than it carries
    sim.socket.write(encodeFrame(content));
    expect(await sim.heartbeat()).toBe(0);
    expect(await storedPositions(t, '13800000004')).toEqual([]);
  });

  it('reassembles a sub-packaged 0x0704 blind-area upload and stores every position', async () => {
    const sim = await online('13800000005');
    const base = minutesAgo(120);
    const items = Array.from({ length: 60 }, (_, i) =>
      encodeLocation({
        lat: 21 + i / 100,
        lon: 109.5,
        time: new Date(base.getTime() + i * 60_000),
        satellites: 9,
      }),
    );
    const body = encodeLocationBatch(1, items);
    const size = 700;
    const total = Math.ceil(body.length / size);
    expect(total).toBeGreaterThan(2);
    const first = sim.nextSerial();
    for (let i = 1; i < total; i++) sim.nextSerial();
    const lastAnswer = sim.answerTo((first + total - 1) & 0xffff);
    // sent last-first: order must not matter
    for (let i = total; i >= 1; i--) {
      sim.socket.write(
        sim.frame(
          MessageId.locationBatch,
          body.subarray((i - 1) * size, i * size),
          (first + i - 1) & 0xffff,
          { total, index: i },
        ),
      );
    }
    await lastAnswer;
    await expect
      .poll(async () => (await storedPositions(t, '13800000005')).length, { timeout: 10_000 })
      .toBe(60);
    // the same upload again (a terminal that missed the answer) adds nothing
    expect(
      await sim.batch(
        Array.from({ length: 3 }, (_, i) => ({
          lat: 21 + i / 100,
          lon: 109.5,
          time: new Date(base.getTime() + i * 60_000),
        })),
      ),
    ).toBe(0);
    expect(await storedPositions(t, '13800000005')).toHaveLength(60);
  });

  it('records not-located, zero, future-dated and impossible-speed fixes as filtered, outside the track', async () => {
    const sim = await online('13800000006');
    expect(await sim.location({ lat: 21.8, lon: 109.6, time: minutesAgo(50), statusBits: 0 })).toBe(0);
    expect(await sim.location({ lat: 0, lon: 0, time: minutesAgo(49) })).toBe(0);
    expect(await sim.location({ lat: 21.8, lon: 109.6, time: new Date(Date.now() + 86_400_000) })).toBe(0);
    expect(await sim.location({ lat: 21.8, lon: 109.6, time: minutesAgo(48), speedKmh: 400 })).toBe(0);
    expect(await sim.location({ lat: 21.8, lon: 109.6, time: minutesAgo(47) })).toBe(0);
    // 200 km a minute later: impossible for a fishing boat
    expect(await sim.location({ lat: 23.6, lon: 109.6, time: minutesAgo(46) })).toBe(0);
    expect(await storedPositions(t, '13800000006')).toHaveLength(1);
    expect(await filteredReasons(t, '13800000006')).toEqual([
      'notLocated',
      'zero',
      'impossibleSpeed',
      'impossibleSpeed',
      'future',
    ]);
  });

  it('keeps at most two connections per terminal: a third authentication closes the oldest', async () => {
    const first = await online('13800000001');
    await online('13800000001');
    const closed = new Promise<void>((resolve) => first.socket.once('close', () => resolve()));
    await online('13800000001');
    await closed;
    expect(first.socket.destroyed).toBe(true);
  });

  it('drops a whole month by retention and keeps the months still within it', async () => {
    const before = await listPartitions(t.database.db);
    expect(before.length).toBeGreaterThan(0);
    const total = (await storedPositions(t)).length;
    expect(total).toBeGreaterThan(0);
    // A month of old positions straight into its own partition (the writer would filter them as beyond retention).
    await t.database.executeSql(
      `create table tracking_position_p202001 partition of tracking_position for values from ('2020-01-01T00:00:00Z') to ('2020-02-01T00:00:00Z')`,
    );
    const terminalId = (await t.database.executeSql(`select id from tracking_terminal limit 1`)).rows[0]?.id;
    await t.database.executeSql(
      `insert into tracking_position (terminal_id, fixed_at, received_at, lat, lon, altitude_m, speed_kmh, course, alarm_bits, status_bits, source)
       select $1, '2020-01-15T00:00:00Z'::timestamptz + g * interval '1 minute', now(), 21, 109, 0, 0, 0, 0, 2, 'jt808' from generate_series(1, 50) g`,
      [terminalId],
    );
    expect((await storedPositions(t)).length).toBe(total + 50);
    const dropped = await dropExpiredPartitions(t.database.db, new Date(), 36);
    expect(dropped).toEqual(['tracking_position_p202001']);
    expect(await listPartitions(t.database.db)).toEqual(before);
    expect((await storedPositions(t)).length).toBe(total);
  });

  it('closes a connection idle longer than the limit', async () => {
    const services = trackingServicesOf(t.services);
    const quiet = new TrackingGateway({
      directory: services.terminals,
      sink: services.writer,
      limits: { idleSeconds: 0.3 },
    });
    const quietPort = await quiet.listen(0, '127.0.0.1');
    const socket = net.connect({ port: quietPort, host: '127.0.0.1' });
    await new Promise((resolve) => socket.once('connect', resolve));
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect.poll(() => quiet.status().connections).toBe(0);
    await quiet.close();
  });

  it('answers garbage-only connections without crashing and reports its counters', async () => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(Buffer.alloc(10_000, 0x41));
    socket.write(Buffer.from([0x7e, ...Buffer.alloc(5000, 0x42)]));
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    const s = gateway.status();
    expect(s.listening).toBe(true);
    expect(s.bytesDropped).toBeGreaterThanOrEqual(15_000);
    expect(s.positionsStored).toBeGreaterThan(0);
  });
});
