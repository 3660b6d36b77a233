import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { unitId } from '../corrections/corrections.fixture.ts';
import { correctionsModule } from '../corrections/index.ts';
import type { TrackingGateway } from './gateway.ts';
import { trackingModule, trackingServicesOf } from './index.ts';
import { decodeFrame } from './jt808.frame.ts';
import { decodeMessage, Jt808HeaderError } from './jt808.header.ts';
import {
  decodeAuth,
  decodeGeneralReply,
  decodeRegister,
  decodeRegisterReply,
  MessageId,
} from './jt808.messages.ts';
import { Jt808Simulator } from './jt808.simulator.ts';
import { startGateway } from './tracking.fixture.ts';

// Conformance: the 32 frames real terminals of several makers sent (Traccar's test suite, Apache-2.0), kept
// beside the project in ../shared/conformance (read its README; not copied here). Each frame goes through the
// gateway over TCP from a terminal that registered and authenticated first; the check compares what the store
// holds with the file (positions per frame, the first one's latitude, longitude, time, speed and alarm bits)
// and the answers with the standard (0x8100 to 0x0100, 0x8001 to the rest, none to the frame with a bad
// check code, which stores nothing). A fix the terminal itself marks as not located is stored as a filtered
// fix (with its coordinates), so both tables are read.

const file = path.resolve(
  import.meta.dirname,
  '../../../../../../shared/conformance/jt808-device-frames.tsv',
);
const present = fs.existsSync(file);

interface Row {
  line: number;
  frame: Buffer;
  msgId: number;
  checkOk: boolean;
  positions: number;
  first: { lat: number; lon: number; time: string; speed: number; alarm: number } | null;
}

function rows(): Row[] {
  const [, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  return lines.map((l, i) => {
    const [hex, msgId, ok, positions, lat, lon, time, speed, alarm] = l.split('\t');
    return {
      line: i + 2,
      frame: Buffer.from(hex ?? '', 'hex'),
      msgId: Number(msgId),
      checkOk: ok === 'true',
      positions: Number(positions),
      first: lat
        ? { lat: Number(lat), lon: Number(lon), time: time ?? '', speed: Number(speed), alarm: Number(alarm) }
        : null,
    };
  });
}

describe.runIf(!present)('JT/T 808 conformance frames', () => {
  it('says the file is absent and runs nothing else', () => {
    console.warn(
      `JT/T 808 conformance: ${file} is absent (a plain clone); the check runs where the file is (CI).`,
    );
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe.runIf(present)('JT/T 808 conformance frames (../shared/conformance/jt808-device-frames.tsv)', () => {
  let t: TestApp;
  let gateway: TrackingGateway;
  let port = 0;
  let unit = 0;
  const data = present ? rows() : [];

  beforeAll(async () => {
    // The recorded frames are from 2013–2022: keep every month of them.
    t = await createTestApp({
      modules: [correctionsModule, trackingModule],
      env: { TRACKING_RETENTION_MONTHS: '240' },
    });
    unit = await unitId(t, '海城区中街司法所');
    ({ gateway, port } = await startGateway(t));
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await t?.close();
  });

  /** The frame's header (the valid ones) and a staff-registered terminal of its number. */
  async function terminalFor(row: Row): Promise<{ phone: string; serial: number; deviceId: string }> {
    const content = decodeFrame(row.frame, { innerDelimiter: 'literal' });
    if (content instanceof Error) throw content;
    const m = decodeMessage(content);
    if (m instanceof Jt808HeaderError) throw m;
    const deviceId =
      m.header.messageId === MessageId.register
        ? decodeRegister(m.body, m.header.edition).deviceId
        : 'SIM0001';
    await t.database.executeSql(
      `insert into tracking_terminal (id, terminal_number, device_id, model, sim, edition, unit_id, created_by, created_at, updated_at)
       values ($1, $2, $3, 'recorded', '0', '2013', $4, 'test', now(), now())
       on conflict (terminal_number) do update set device_id = excluded.device_id`,
      [crypto.randomUUID(), m.header.phone, deviceId, unit],
    );
    return { phone: m.header.phone, serial: m.header.serial, deviceId };
  }

  async function storedCount(phone: string): Promise<number> {
    const r = await t.database.executeSql(
      `select (select count(*) from tracking_position p where p.terminal_id = t.id)
            + (select count(*) from tracking_filtered_fix f where f.terminal_id = t.id) as n
         from tracking_terminal t where t.terminal_number = $1`,
      [phone],
    );
    return Number((r.rows[0] as { n?: unknown } | undefined)?.n ?? 0);
  }

  async function storedAt(phone: string, time: string) {
    const r = await t.database.executeSql(
      `select lat, lon, speed_kmh, alarm_bits::int as alarm from tracking_position p join tracking_terminal t on t.id = p.terminal_id
        where t.terminal_number = $1 and p.fixed_at = $2
       union all
       select lat, lon, speed_kmh, alarm_bits::int from tracking_filtered_fix f join tracking_terminal t on t.id = f.terminal_id
        where t.terminal_number = $1 and f.fixed_at = $2`,
      [phone, time],
    );
    return r.rows as { lat: number; lon: number; speed_kmh: number; alarm: number }[];
  }

  it('holds 32 frames, one of them with a wrong check code', () => {
    expect(data).toHaveLength(32);
    expect(data.filter((r) => !r.checkOk)).toHaveLength(1);
  });

  it('stores every valid position frame as the file says and answers each frame as the standard says', async () => {
    const services = trackingServicesOf(t.services);
    for (const row of data.filter((r) => r.checkOk)) {
      const { phone, serial } = await terminalFor(row);
      const sim = new Jt808Simulator({ phone, deviceId: 'SIM0001', edition: '2013', port });
      await sim.connect();
      try {
        if (row.msgId !== MessageId.register && row.msgId !== MessageId.authenticate) {
          expect(await sim.register(), `line ${row.line}`).toBe(0);
          expect(await sim.authenticate(), `line ${row.line}`).toBe(0);
        }
        if (row.msgId === MessageId.authenticate) {
          // the recorded code becomes the one this terminal was issued
          const content = decodeFrame(row.frame) as Buffer;
          const m = decodeMessage(content) as { body: Buffer };
          const code = decodeAuth(m.body, '2013').authCode;
          await t.database.executeSql(
            `update tracking_terminal set auth_code_hash = $2 where terminal_number = $1`,
            [phone, crypto.createHash('sha256').update(code).digest('hex')],
          );
        }
        services.writer.forget([]);
        const before = await storedCount(phone);
        const answer = sim.answerTo(serial);
        sim.socket.write(row.frame);
        const reply = await answer;
        if (row.msgId === MessageId.register) {
          expect(reply.header.messageId, `line ${row.line}`).toBe(MessageId.registerReply);
          const r = decodeRegisterReply(reply.body);
          expect(r.result, `line ${row.line}`).toBe(0);
          expect(r.authCode.length, `line ${row.line}`).toBeGreaterThan(0);
        } else {
          expect(reply.header.messageId, `line ${row.line}`).toBe(MessageId.platformReply);
          expect(decodeGeneralReply(reply.body), `line ${row.line}`).toEqual({
            replySerial: serial,
            replyId: row.msgId,
            result: 0,
          });
        }
        expect(reply.header.phone, `line ${row.line}`).toBe(phone);
        expect((await storedCount(phone)) - before, `line ${row.line}: positions stored`).toBe(row.positions);
        if (row.first) {
          const [stored] = await storedAt(phone, row.first.time);
          expect(stored, `line ${row.line}: first position`).toBeDefined();
          expect(Number(stored?.lat)).toBeCloseTo(row.first.lat, 6);
          expect(Number(stored?.lon)).toBeCloseTo(row.first.lon, 6);
          expect(Number(stored?.speed_kmh)).toBeCloseTo(row.first.speed, 3);
          expect(stored?.alarm, `line ${row.line}: alarm bits`).toBe(row.first.alarm);
        }
      } finally {
        await sim.close();
      }
    }
  }, 120_000);

  it('rejects the frame with the wrong check code: no answer, nothing stored, the connection stays open', async () => {
    const bad = data.find((r) => !r.checkOk);
    if (!bad) throw new Error('no bad frame in the file');
    // Its header is not trusted: the terminal number is read only to look for rows afterwards.
    const content = decodeFrame(bad.frame, { innerDelimiter: 'literal' });
    expect(content).toBeInstanceOf(Error);
    const phone = bad.frame.subarray(5, 11).toString('hex').replace(/^0+/, '');
    await t.database.executeSql(
      `insert into tracking_terminal (id, terminal_number, device_id, model, sim, edition, unit_id, created_by, created_at, updated_at)
       values ($1, $2, 'SIM0001', 'recorded', '0', '2013', $3, 'test', now(), now()) on conflict do nothing`,
      [crypto.randomUUID(), phone, unit],
    );
    const sim = new Jt808Simulator({ phone, deviceId: 'SIM0001', edition: '2013', port });
    await sim.connect();
    expect(await sim.register()).toBe(0);
    expect(await sim.authenticate()).toBe(0);
    const rejectedBefore = gateway.status().framesRejected;
    const received = sim.received.length;
    sim.socket.write(bad.frame);
    expect(await sim.heartbeat()).toBe(0);
    expect(sim.received.length).toBe(received + 1);
    expect(gateway.status().framesRejected).toBeGreaterThan(rejectedBefore);
    expect(await storedCount(phone)).toBe(0);
    await sim.close();
  });
});
