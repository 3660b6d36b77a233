import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, Jt808FrameError } from './jt808.frame.ts';
import { decodeMessage, encodeMessage, Jt808HeaderError, type Jt808Message } from './jt808.header.ts';
import {
  alarmKinds,
  decodeAuth,
  decodeLocation,
  decodeLocationBatch,
  decodeRegister,
  encodeAuth,
  encodeLocation,
  encodeLocationBatch,
  encodeRegister,
  MessageId,
  StatusBit,
} from './jt808.messages.ts';
import { PacketAssembler } from './jt808.packets.ts';

// Frames built from the standard's layouts (JT/T 808-2011, -2013, -2019): headers, bodies, escapes, sub-packages.

const roundTrip = (m: Parameters<typeof encodeMessage>[0], body: Buffer): Jt808Message => {
  const content = decodeFrame(encodeFrame(encodeMessage(m, body)));
  if (content instanceof Jt808FrameError) throw content;
  const decoded = decodeMessage(content);
  if (decoded instanceof Jt808HeaderError) throw decoded;
  return decoded;
};

describe('JT/T 808 header', () => {
  it('round-trips the 2013 header: 6-byte BCD phone, no version byte, leading zeros dropped', () => {
    const m = roundTrip(
      { messageId: 0x0200, edition: '2013', phone: '13800138000', serial: 513 },
      Buffer.from([1, 2, 3]),
    );
    expect(m.header).toMatchObject({
      messageId: 0x0200,
      edition: '2013',
      phone: '13800138000',
      serial: 513,
      packet: null,
    });
    expect(m.body).toEqual(Buffer.from([1, 2, 3]));
    // 6 bytes BCD → 12 digits on the wire, "013800138000"
    const raw = encodeMessage(
      { messageId: 0x0200, edition: '2013', phone: '13800138000', serial: 1 },
      Buffer.alloc(0),
    );
    expect(raw.subarray(4, 10).toString('hex')).toBe('013800138000');
  });

  it('round-trips the 2019 header: version flag (bit 14), protocol version byte, 10-byte BCD phone', () => {
    const raw = encodeMessage(
      { messageId: 0x0102, edition: '2019', phone: '12345678901234567890', serial: 7 },
      Buffer.alloc(2),
    );
    expect(raw.readUInt16BE(2) & 0x4000).toBe(0x4000);
    expect(raw.readUInt8(4)).toBe(1);
    expect(raw.subarray(5, 15).toString('hex')).toBe('12345678901234567890');
    const m = roundTrip(
      { messageId: 0x0102, edition: '2019', phone: '12345678901234567890', serial: 7 },
      Buffer.alloc(2),
    );
    expect(m.header).toMatchObject({
      edition: '2019',
      protocolVersion: 1,
      phone: '12345678901234567890',
      serial: 7,
    });
  });

  it('rejects a body whose length does not match the declared length, and encrypted bodies', () => {
    const raw = encodeMessage(
      { messageId: 0x0200, edition: '2013', phone: '1', serial: 1 },
      Buffer.alloc(10),
    );
    const longer = Buffer.concat([raw, Buffer.from([0])]);
    expect(decodeMessage(longer)).toMatchObject({ code: 'badLength' });
    expect(decodeMessage(raw.subarray(0, raw.length - 1))).toMatchObject({ code: 'badLength' });
    const encrypted = Buffer.from(raw);
    encrypted.writeUInt16BE(encrypted.readUInt16BE(2) | 0x0400, 2);
    expect(decodeMessage(encrypted)).toMatchObject({ code: 'encrypted' });
    expect(decodeMessage(Buffer.from([0x02]))).toMatchObject({ code: 'tooShort' });
    // a maker's non-BCD phone is read as hex digits, not refused
    const hexPhone = Buffer.from(raw);
    hexPhone[9] = 0xab;
    expect(decodeMessage(hexPhone)).toMatchObject({ header: { phone: 'ab' } });
  });

  it('escapes 0x7e and 0x7d at every position of a frame and gets the same content back', () => {
    const base = encodeMessage(
      { messageId: 0x0200, edition: '2013', phone: '13912345678', serial: 0x7e7d },
      Buffer.alloc(40, 0x11),
    );
    for (let i = 0; i < base.length; i++) {
      for (const special of [0x7e, 0x7d]) {
        const content = Buffer.from(base);
        content[i] = special;
        const frame = encodeFrame(content);
        // no delimiter inside the frame
        expect(frame.subarray(1, -1).includes(0x7e)).toBe(false);
        expect(decodeFrame(frame)).toEqual(content);
      }
    }
  });
});

describe('JT/T 808 registration bodies', () => {
  const common = {
    province: 45,
    city: 500,
    maker: 'ZHC01',
    model: 'BD3-SAT',
    deviceId: 'T000123',
    plateColor: 1,
  };

  it('reads the 2011 body (model 8, terminal id 7 bytes) from its shorter length', () => {
    const body = encodeRegister({ ...common, edition: '2011', plate: 'GUI-E123' });
    expect(body.length).toBe(25 + 8);
    expect(decodeRegister(body, '2013')).toMatchObject({ ...common, edition: '2011', plate: 'GUI-E123' });
  });

  it('reads the 2013 body (model 20, terminal id 7 bytes) with a GBK plate', () => {
    const plate = Buffer.from([0xb9, 0xf0, 0x45, 0x31, 0x32, 0x33, 0x34, 0x35]); // 桂E12345 in GBK
    const body = encodeRegister({ ...common, edition: '2013', plate });
    expect(decodeRegister(body, '2013')).toMatchObject({ ...common, edition: '2013', plate: '桂E12345' });
  });

  it('reads the 2019 body (maker 11, model 30, terminal id 30 bytes) when the header says 2019', () => {
    const body = encodeRegister({
      ...common,
      edition: '2019',
      maker: 'ZHUCHENG001',
      model: 'BEIDOU-3-SATCOM-MARINE-TERMINA',
      deviceId: 'BD3-000000000000000000000001',
      plate: '',
      plateColor: 0,
    });
    expect(body.length).toBe(4 + 11 + 30 + 30 + 1);
    expect(decodeRegister(body, '2019')).toMatchObject({
      edition: '2019',
      maker: 'ZHUCHENG001',
      model: 'BEIDOU-3-SATCOM-MARINE-TERMINA',
      deviceId: 'BD3-000000000000000000000001',
    });
  });

  it('refuses a body too short for any layout', () => {
    expect(() => decodeRegister(Buffer.alloc(20), '2013')).toThrow(/too short/);
    expect(() => decodeRegister(Buffer.alloc(60), '2019')).toThrow(/too short/);
  });
});

describe('JT/T 808 authentication bodies', () => {
  it('2013: the whole body is the code; 2019: length, code, IMEI (15) and software version (20)', () => {
    expect(
      decodeAuth(encodeAuth({ authCode: 'abc123', imei: null, softwareVersion: null }, '2013'), '2013'),
    ).toEqual({
      authCode: 'abc123',
      imei: null,
      softwareVersion: null,
    });
    const body = encodeAuth(
      { authCode: 'xyz-789', imei: '861234567890123', softwareVersion: 'V2.1.0' },
      '2019',
    );
    expect(body.length).toBe(1 + 7 + 15 + 20);
    expect(decodeAuth(body, '2019')).toEqual({
      authCode: 'xyz-789',
      imei: '861234567890123',
      softwareVersion: 'V2.1.0',
    });
    expect(() => decodeAuth(body.subarray(0, 20), '2019')).toThrow(/too short/);
  });
});

describe('JT/T 808 location', () => {
  const time = new Date('2026-07-01T02:03:04Z'); // 10:03:04 GMT+8

  it('reads 1e-6° coordinates with the south and west bits, altitude, speed in 0.1 km/h, direction and BCD GMT+8 time', () => {
    const body = encodeLocation({
      lat: -21.123456,
      lon: -109.654321,
      altitudeM: -5,
      speedKmh: 12.3,
      course: 271,
      time,
    });
    expect(body.subarray(22, 28).toString('hex')).toBe('260701100304');
    const fix = decodeLocation(body);
    expect(fix).toMatchObject({
      lat: -21.123456,
      lon: -109.654321,
      altitudeM: -5,
      speedKmh: 12.3,
      course: 271,
      located: true,
    });
    expect(fix.time?.toISOString()).toBe(time.toISOString());
    expect(fix.statusBits & (StatusBit.south | StatusBit.west)).toBe(StatusBit.south | StatusBit.west);
  });

  it('reads mileage (0x01), signal (0x30) and satellites (0x31) and skips unknown and vendor items', () => {
    const vendor = Buffer.from([0xe1, 3, 9, 9, 9, 0x25, 4, 0, 0, 0, 0]);
    const body = encodeLocation({
      lat: 21.4,
      lon: 109.1,
      time,
      mileageKm: 1234.5,
      signal: 23,
      satellites: 11,
      extra: vendor,
    });
    expect(decodeLocation(body)).toMatchObject({ mileageKm: 1234.5, signal: 23, satellites: 11 });
    // a cut-short last item ends the list without failing the fix
    expect(decodeLocation(Buffer.concat([body, Buffer.from([0x31, 5, 1])]))).toMatchObject({
      satellites: 11,
    });
  });

  it('names the alarm bits it knows and marks an invalid BCD time as null', () => {
    expect(alarmKinds(0b1_1000_0001)).toEqual(['sos', 'powerLow', 'powerCut']);
    const body = encodeLocation({ lat: 21, lon: 109, time });
    body[23] = 0x13; // month 13
    expect(decodeLocation(body).time).toBeNull();
    expect(() => decodeLocation(body.subarray(0, 27))).toThrow(/too short/);
  });

  it('reads a 0x0704 blind-area batch item by item', () => {
    const items = [0, 1, 2].map((i) =>
      encodeLocation({ lat: 21 + i / 100, lon: 109, time: new Date(time.getTime() + i * 60_000) }),
    );
    const batch = decodeLocationBatch(encodeLocationBatch(1, items));
    expect(batch.type).toBe(1);
    expect(batch.fixes.map((f) => f.lat)).toEqual([21, 21.01, 21.02]);
    expect(() => decodeLocationBatch(encodeLocationBatch(1, items).subarray(0, 40))).toThrow(
      /cut short|missing/,
    );
  });
});

describe('sub-packages', () => {
  const body = Buffer.from(Array.from({ length: 2500 }, (_, i) => i % 251));
  const split = (edition: '2013' | '2019', firstSerial: number) => {
    const parts = [body.subarray(0, 1000), body.subarray(1000, 2000), body.subarray(2000)];
    return parts.map((part, i) =>
      roundTrip(
        {
          messageId: MessageId.locationBatch,
          edition,
          phone: '13900000001',
          serial: (firstSerial + i) & 0xffff,
          packet: { total: 3, index: i + 1 },
        },
        part,
      ),
    );
  };

  it('carries total and index in the header, both layouts', () => {
    for (const edition of ['2013', '2019'] as const) {
      const [first] = split(edition, 10);
      expect(first?.header.packet).toEqual({ total: 3, index: 1 });
      expect(first?.header.edition).toBe(edition);
    }
  });

  it('reassembles packages in any order, ignores a repeated one, and wraps the serial', () => {
    const assembler = new PacketAssembler();
    const [a, b, c] = split('2019', 0xffff);
    if (!a || !b || !c) throw new Error('split');
    expect(assembler.push(c).kind).toBe('partial');
    expect(assembler.push(a).kind).toBe('partial');
    expect(assembler.push(a).kind).toBe('partial');
    const done = assembler.push(b);
    expect(done.kind).toBe('complete');
    if (done.kind !== 'complete') return;
    expect(done.message.body).toEqual(body);
    expect(done.message.header).toMatchObject({ serial: 0xffff, packet: null, edition: '2019' });
    expect(assembler.pending).toBe(0);
  });

  it('drops an incomplete message after the timeout and bounds the pending messages', () => {
    const assembler = new PacketAssembler({ timeoutMs: 1000, maxPending: 2 });
    const [a] = split('2013', 100);
    if (!a) throw new Error('split');
    assembler.push(a, 0);
    expect(assembler.pending).toBe(1);
    const [other] = split('2013', 200);
    if (!other) throw new Error('split');
    assembler.push(other, 5000);
    expect(assembler.pending).toBe(1);
    for (const s of [300, 400, 500]) {
      const [p] = split('2013', s);
      if (p) assembler.push(p, 5001);
    }
    expect(assembler.pending).toBe(2);
    const tooMany = new PacketAssembler({ maxParts: 2 });
    expect(tooMany.push(a).kind).toBe('dropped');
  });
});
