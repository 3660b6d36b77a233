import type { Jt808Edition } from '@zhucheng/contracts';

// JT/T 808 message header (the content between the 0x7e delimiters, after unescaping, before the check code):
//   message id (WORD) · properties (WORD: body length bits 0–9, encryption bits 10–12, sub-package bit 13,
//   version flag bit 14 — 2019) · [2019: protocol version (BYTE)] · terminal phone (BCD[6], 2019: BCD[10]) ·
//   serial (WORD) · [sub-package: total (WORD), index (WORD), both from 1].
// 2011 and 2013 share the header; they differ in the registration body (see jt808.messages.ts).

export interface Jt808Header {
  messageId: number;
  /** 2019 when the version flag is set; otherwise 2013 (2011 is told apart by the registration body). */
  edition: Jt808Edition;
  /** The 2019 protocol version byte (1 for JT/T 808-2019); 0 before 2019. */
  protocolVersion: number;
  /** 终端手机号 without the BCD's leading zeros (lower-case hex digits if a maker used nibbles above 9). */
  phone: string;
  serial: number;
  encrypted: boolean;
  /** Present when the message is split into sub-packages. */
  packet: { total: number; index: number } | null;
}

export interface Jt808Message {
  header: Jt808Header;
  body: Buffer;
}

export type HeaderErrorCode = 'tooShort' | 'badLength' | 'badPacket' | 'encrypted';

export class Jt808HeaderError extends Error {
  override name = 'Jt808HeaderError';
  constructor(
    readonly code: HeaderErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_BODY_LENGTH = 0x3ff;

/** Digits (hex digits for the makers that use them) → BCD of `length` bytes, left-padded with zeros. */
export function digitsToBcd(digits: string, length: number): Buffer {
  if (!/^[0-9a-f]*$/i.test(digits) || digits.length > length * 2) {
    throw new RangeError(`cannot write ${digits} as BCD[${length}]`);
  }
  return Buffer.from(digits.padStart(length * 2, '0'), 'hex');
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=[0-9a-f])/, '');
}

/** Splits unescaped, check-code-free content into header and body; the declared length must match. */
export function decodeMessage(content: Uint8Array): Jt808Message | Jt808HeaderError {
  const buf = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (buf.length < 4) return new Jt808HeaderError('tooShort', 'header shorter than 4 bytes');
  const messageId = buf.readUInt16BE(0);
  const props = buf.readUInt16BE(2);
  const bodyLength = props & MAX_BODY_LENGTH;
  const encrypted = (props & 0x1c00) !== 0;
  const split = (props & 0x2000) !== 0;
  const v2019 = (props & 0x4000) !== 0;
  const phoneLength = v2019 ? 10 : 6;
  let offset = 4;
  let protocolVersion = 0;
  if (v2019) {
    if (buf.length < offset + 1) return new Jt808HeaderError('tooShort', 'no protocol version');
    protocolVersion = buf.readUInt8(offset);
    offset += 1;
  }
  const headerLength = offset + phoneLength + 2 + (split ? 4 : 0);
  if (buf.length < headerLength) return new Jt808HeaderError('tooShort', 'header cut short');
  // BCD by the standard; some makers put other nibbles there (a recorded 0x0900 does), so read it as hex digits.
  const digits = buf.subarray(offset, offset + phoneLength).toString('hex');
  offset += phoneLength;
  const serial = buf.readUInt16BE(offset);
  offset += 2;
  let packet: Jt808Header['packet'] = null;
  if (split) {
    const total = buf.readUInt16BE(offset);
    const index = buf.readUInt16BE(offset + 2);
    offset += 4;
    if (total < 1 || index < 1 || index > total) {
      return new Jt808HeaderError('badPacket', `sub-package ${index} of ${total}`);
    }
    packet = { total, index };
  }
  if (buf.length - offset !== bodyLength) {
    return new Jt808HeaderError(
      'badLength',
      `body declares ${bodyLength} bytes, carries ${buf.length - offset}`,
    );
  }
  if (encrypted) return new Jt808HeaderError('encrypted', 'encrypted bodies are not supported');
  return {
    header: {
      messageId,
      edition: v2019 ? '2019' : '2013',
      protocolVersion,
      phone: stripZeros(digits),
      serial,
      encrypted,
      packet,
    },
    body: Buffer.from(buf.subarray(offset)),
  };
}

export interface EncodeHeader {
  messageId: number;
  edition: Jt808Edition;
  phone: string;
  serial: number;
  /** 2019 protocol version byte; 1 by default. */
  protocolVersion?: number;
  packet?: { total: number; index: number } | null;
}

/** Header + body (unescaped, no check code): what `encodeFrame` wraps. */
export function encodeMessage(header: EncodeHeader, body: Uint8Array): Buffer {
  if (body.length > MAX_BODY_LENGTH) throw new RangeError(`body of ${body.length} bytes needs sub-packages`);
  const v2019 = header.edition === '2019';
  const split = !!header.packet;
  const props = body.length | (split ? 0x2000 : 0) | (v2019 ? 0x4000 : 0);
  const parts: Buffer[] = [];
  const head = Buffer.alloc(4);
  head.writeUInt16BE(header.messageId, 0);
  head.writeUInt16BE(props, 2);
  parts.push(head);
  if (v2019) parts.push(Buffer.from([header.protocolVersion ?? 1]));
  parts.push(digitsToBcd(header.phone, v2019 ? 10 : 6));
  const serial = Buffer.alloc(2);
  serial.writeUInt16BE(header.serial & 0xffff, 0);
  parts.push(serial);
  if (header.packet) {
    const p = Buffer.alloc(4);
    p.writeUInt16BE(header.packet.total, 0);
    p.writeUInt16BE(header.packet.index, 2);
    parts.push(p);
  }
  parts.push(Buffer.from(body));
  return Buffer.concat(parts);
}
