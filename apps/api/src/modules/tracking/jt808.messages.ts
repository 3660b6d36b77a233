import type { Jt808Edition, TerminalAlarmKind } from '@zhucheng/contracts';

// JT/T 808 message bodies the gateway reads (terminal → platform) and writes (platform → terminal).
// Strings are GBK (ASCII for ids), fixed-width fields padded with 0x00 (some makers pad with spaces).

export const MessageId = {
  terminalReply: 0x0001,
  heartbeat: 0x0002,
  logout: 0x0003,
  register: 0x0100,
  authenticate: 0x0102,
  location: 0x0200,
  locationBatch: 0x0704,
  transparent: 0x0900,
  platformReply: 0x8001,
  registerReply: 0x8100,
} as const;

/** 0x8001 results. */
export const ReplyResult = { ok: 0, failure: 1, badMessage: 2, unsupported: 3 } as const;
/** 0x8100 results: 0 ok; 1 vehicle already registered; 2 no such vehicle; 3 terminal already registered; 4 no such terminal. */
export const RegisterResult = {
  ok: 0,
  vehicleTaken: 1,
  noVehicle: 2,
  terminalTaken: 3,
  noTerminal: 4,
} as const;

export class Jt808BodyError extends Error {
  override name = 'Jt808BodyError';
}

const gbk = new TextDecoder('gbk');

function text(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  let start = 0;
  while (start < end && (bytes[start] === 0 || bytes[start] === 0x20)) start++;
  return gbk.decode(bytes.subarray(start, end));
}

// ---- 0x0100 register -------------------------------------------------------------------------------------

export interface RegisterBody {
  /** 2011 (short body), 2013 or 2019, by the layout that fits. */
  edition: Jt808Edition;
  province: number;
  city: number;
  maker: string;
  model: string;
  deviceId: string;
  plateColor: number;
  plate: string;
}

// field widths: maker, model, terminal id
const layouts: Record<Jt808Edition, [number, number, number]> = {
  '2011': [5, 8, 7],
  '2013': [5, 20, 7],
  '2019': [11, 30, 30],
};

function fixedLength(edition: Jt808Edition): number {
  const [maker, model, id] = layouts[edition];
  return 4 + maker + model + id + 1;
}

const plateColors = new Set([0, 1, 2, 3, 4, 5, 9]);
// ids and models are ASCII padded with NUL or space
function plausibleAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0 || (b >= 0x20 && b < 0x7f));
}

function readRegister(body: Buffer, edition: Jt808Edition): RegisterBody {
  const [makerLen, modelLen, idLen] = layouts[edition];
  const modelAt = 4 + makerLen;
  const idAt = modelAt + modelLen;
  const colorAt = idAt + idLen;
  const maker = text(body.subarray(4, modelAt));
  const model = text(body.subarray(modelAt, idAt));
  const deviceId = text(body.subarray(idAt, colorAt));
  const plateColor = body.readUInt8(colorAt);
  const o = colorAt + 1;
  return {
    edition,
    province: body.readUInt16BE(0),
    city: body.readUInt16BE(2),
    maker,
    model,
    deviceId,
    plateColor,
    plate: text(body.subarray(o)),
  };
}

/**
 * A registration body. With the 2019 header flag the layout is 2019; otherwise 2013 when the body is long
 * enough and its model, id and plate colour fit the 2013 widths, else the shorter 2011 body.
 */
export function decodeRegister(body: Buffer, headerEdition: Jt808Edition): RegisterBody {
  if (headerEdition === '2019') {
    if (body.length < fixedLength('2019')) throw new Jt808BodyError('2019 registration too short');
    return readRegister(body, '2019');
  }
  const fits2013 =
    body.length >= fixedLength('2013') &&
    plausibleAscii(body.subarray(9, 36)) &&
    plateColors.has(body.readUInt8(36));
  if (fits2013) return readRegister(body, '2013');
  if (body.length < fixedLength('2011')) throw new Jt808BodyError('registration too short');
  return readRegister(body, '2011');
}

export function encodeRegister(r: Omit<RegisterBody, 'plate'> & { plate: Buffer | string }): Buffer {
  const [makerLen, modelLen, idLen] = layouts[r.edition];
  const fixed = (s: string, n: number) => {
    const out = Buffer.alloc(n);
    Buffer.from(s, 'ascii').copy(out, 0, 0, n);
    return out;
  };
  const head = Buffer.alloc(4);
  head.writeUInt16BE(r.province, 0);
  head.writeUInt16BE(r.city, 2);
  return Buffer.concat([
    head,
    fixed(r.maker, makerLen),
    fixed(r.model, modelLen),
    fixed(r.deviceId, idLen),
    Buffer.from([r.plateColor]),
    typeof r.plate === 'string' ? Buffer.from(r.plate, 'ascii') : r.plate,
  ]);
}

export function encodeRegisterReply(replySerial: number, result: number, authCode?: string): Buffer {
  const head = Buffer.alloc(3);
  head.writeUInt16BE(replySerial, 0);
  head.writeUInt8(result, 2);
  return result === RegisterResult.ok && authCode
    ? Buffer.concat([head, Buffer.from(authCode, 'ascii')])
    : head;
}

export function decodeRegisterReply(body: Buffer): { replySerial: number; result: number; authCode: string } {
  return {
    replySerial: body.readUInt16BE(0),
    result: body.readUInt8(2),
    authCode: body.subarray(3).toString('ascii'),
  };
}

// ---- 0x0102 authenticate ----------------------------------------------------------------------------------

export interface AuthBody {
  authCode: string;
  /** 2019 only. */
  imei: string | null;
  softwareVersion: string | null;
}

/** 2011/2013: the whole body is the code. 2019: length BYTE, code, IMEI BYTE[15], software version BYTE[20]. */
export function decodeAuth(body: Buffer, edition: Jt808Edition): AuthBody {
  if (edition !== '2019') return { authCode: text(body), imei: null, softwareVersion: null };
  if (body.length < 1) throw new Jt808BodyError('authentication body empty');
  const n = body.readUInt8(0);
  if (body.length < 1 + n + 15 + 20) throw new Jt808BodyError('2019 authentication body too short');
  return {
    authCode: text(body.subarray(1, 1 + n)),
    imei: text(body.subarray(1 + n, 16 + n)),
    softwareVersion: text(body.subarray(16 + n, 36 + n)),
  };
}

export function encodeAuth(a: AuthBody, edition: Jt808Edition): Buffer {
  const code = Buffer.from(a.authCode, 'ascii');
  if (edition !== '2019') return code;
  const imei = Buffer.alloc(15);
  Buffer.from(a.imei ?? '', 'ascii').copy(imei, 0, 0, 15);
  const sw = Buffer.alloc(20);
  Buffer.from(a.softwareVersion ?? '', 'ascii').copy(sw, 0, 0, 20);
  return Buffer.concat([Buffer.from([code.length]), code, imei, sw]);
}

// ---- 0x8001 / 0x0001 general replies ----------------------------------------------------------------------

export function encodeGeneralReply(replySerial: number, replyId: number, result: number): Buffer {
  const out = Buffer.alloc(5);
  out.writeUInt16BE(replySerial, 0);
  out.writeUInt16BE(replyId, 2);
  out.writeUInt8(result, 4);
  return out;
}

export function decodeGeneralReply(body: Buffer): { replySerial: number; replyId: number; result: number } {
  if (body.length < 5) throw new Jt808BodyError('general reply too short');
  return { replySerial: body.readUInt16BE(0), replyId: body.readUInt16BE(2), result: body.readUInt8(4) };
}

// ---- 0x0200 location ----------------------------------------------------------------------------------------

export const StatusBit = { acc: 1 << 0, located: 1 << 1, south: 1 << 2, west: 1 << 3 } as const;
/** Alarm bits the platform names (JT/T 808 alarm flags): the rest are stored as bits only. */
export const AlarmBit = {
  sos: 1 << 0,
  gnssFault: 1 << 4,
  antennaCut: 1 << 5,
  powerLow: 1 << 7,
  powerCut: 1 << 8,
} as const satisfies Partial<Record<TerminalAlarmKind, number>>;

/** The named alarm kinds set in an alarm word. */
export function alarmKinds(alarmBits: number): TerminalAlarmKind[] {
  return (Object.entries(AlarmBit) as [TerminalAlarmKind, number][])
    .filter(([, bit]) => (alarmBits & bit) !== 0)
    .map(([kind]) => kind);
}

export interface LocationFix {
  alarmBits: number;
  statusBits: number;
  /** Degrees, south negative. */
  lat: number;
  /** Degrees, west negative. */
  lon: number;
  altitudeM: number;
  speedKmh: number;
  course: number;
  /** The terminal's BCD time read as GMT+8; null when the BCD is not a valid date. */
  time: Date | null;
  located: boolean;
  /** Additional items the platform reads; the others are skipped. */
  mileageKm: number | null;
  signal: number | null;
  satellites: number | null;
}

export const LOCATION_BASE_LENGTH = 28;

function bcdTime(bytes: Uint8Array): Date | null {
  const digits: number[] = [];
  for (const b of bytes) {
    const hi = b >> 4;
    const lo = b & 0x0f;
    if (hi > 9 || lo > 9) return null;
    digits.push(hi * 10 + lo);
  }
  const [yy, mo, dd, hh, mi, ss] = digits as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 59) return null;
  const ms = Date.UTC(2000 + yy, mo - 1, dd, hh - 8, mi, ss);
  const check = new Date(Date.UTC(2000 + yy, mo - 1, dd));
  if (check.getUTCDate() !== dd) return null;
  return new Date(ms);
}

function timeBcd(time: Date): Buffer {
  const local = new Date(time.getTime() + 8 * 3600_000);
  const parts = [
    local.getUTCFullYear() % 100,
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  ];
  return Buffer.from(parts.map((n) => ((Math.floor(n / 10) << 4) | (n % 10)) & 0xff));
}

export function decodeLocation(body: Buffer): LocationFix {
  if (body.length < LOCATION_BASE_LENGTH) throw new Jt808BodyError('location body too short');
  const alarmBits = body.readUInt32BE(0);
  const statusBits = body.readUInt32BE(4);
  const latRaw = body.readUInt32BE(8) / 1e6;
  const lonRaw = body.readUInt32BE(12) / 1e6;
  const fix: LocationFix = {
    alarmBits,
    statusBits,
    lat: statusBits & StatusBit.south ? -latRaw : latRaw,
    lon: statusBits & StatusBit.west ? -lonRaw : lonRaw,
    altitudeM: body.readInt16BE(16),
    speedKmh: body.readUInt16BE(18) / 10,
    course: body.readUInt16BE(20),
    time: bcdTime(body.subarray(22, 28)),
    located: (statusBits & StatusBit.located) !== 0,
    mileageKm: null,
    signal: null,
    satellites: null,
  };
  // Additional items: id BYTE, length BYTE, value. Unknown ids are skipped; a cut-short item ends the list.
  let o = LOCATION_BASE_LENGTH;
  while (o + 2 <= body.length) {
    const id = body.readUInt8(o);
    const len = body.readUInt8(o + 1);
    const value = body.subarray(o + 2, o + 2 + len);
    if (value.length < len) break;
    if (id === 0x01 && len === 4) fix.mileageKm = value.readUInt32BE(0) / 10;
    else if (id === 0x30 && len === 1) fix.signal = value.readUInt8(0);
    else if (id === 0x31 && len === 1) fix.satellites = value.readUInt8(0);
    o += 2 + len;
  }
  return fix;
}

export interface LocationInput {
  alarmBits?: number;
  statusBits?: number;
  lat: number;
  lon: number;
  altitudeM?: number;
  speedKmh?: number;
  course?: number;
  time: Date;
  mileageKm?: number;
  signal?: number;
  satellites?: number;
  /** Raw additional items appended as they are (to test skipping). */
  extra?: Buffer;
}

/** Sets the located, south and west bits from the input unless statusBits is given. */
export function encodeLocation(p: LocationInput): Buffer {
  const body = Buffer.alloc(LOCATION_BASE_LENGTH);
  const status =
    p.statusBits ?? StatusBit.located | (p.lat < 0 ? StatusBit.south : 0) | (p.lon < 0 ? StatusBit.west : 0);
  body.writeUInt32BE(p.alarmBits ?? 0, 0);
  body.writeUInt32BE(status >>> 0, 4);
  body.writeUInt32BE(Math.round(Math.abs(p.lat) * 1e6), 8);
  body.writeUInt32BE(Math.round(Math.abs(p.lon) * 1e6), 12);
  body.writeInt16BE(p.altitudeM ?? 0, 16);
  body.writeUInt16BE(Math.round((p.speedKmh ?? 0) * 10), 18);
  body.writeUInt16BE(p.course ?? 0, 20);
  timeBcd(p.time).copy(body, 22);
  const items: Buffer[] = [body];
  if (p.mileageKm !== undefined) {
    const v = Buffer.alloc(4);
    v.writeUInt32BE(Math.round(p.mileageKm * 10), 0);
    items.push(Buffer.from([0x01, 4]), v);
  }
  if (p.signal !== undefined) items.push(Buffer.from([0x30, 1, p.signal]));
  if (p.satellites !== undefined) items.push(Buffer.from([0x31, 1, p.satellites]));
  if (p.extra) items.push(p.extra);
  return Buffer.concat(items);
}

// ---- 0x0704 batch / blind-area upload ------------------------------------------------------------------------

export interface LocationBatch {
  /** 0 normal batch, 1 blind-area (补传). */
  type: number;
  fixes: LocationFix[];
}

export function decodeLocationBatch(body: Buffer): LocationBatch {
  if (body.length < 3) throw new Jt808BodyError('batch body too short');
  const count = body.readUInt16BE(0);
  const type = body.readUInt8(2);
  const fixes: LocationFix[] = [];
  let o = 3;
  for (let i = 0; i < count; i++) {
    if (o + 2 > body.length) throw new Jt808BodyError(`batch item ${i + 1} of ${count} missing`);
    const len = body.readUInt16BE(o);
    const item = body.subarray(o + 2, o + 2 + len);
    if (item.length < len) throw new Jt808BodyError(`batch item ${i + 1} cut short`);
    fixes.push(decodeLocation(item));
    o += 2 + len;
  }
  return { type, fixes };
}

export function encodeLocationBatch(type: number, items: Buffer[]): Buffer {
  const head = Buffer.alloc(3);
  head.writeUInt16BE(items.length, 0);
  head.writeUInt8(type, 2);
  return Buffer.concat([
    head,
    ...items.flatMap((item) => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(item.length, 0);
      return [len, item];
    }),
  ]);
}
