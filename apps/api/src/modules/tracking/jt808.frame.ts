/**
 * JT/T 808 framing (pure, no I/O): 0x7e delimiters, 0x7d escapes, XOR check code, stream splitter.
 * Part of issue 8. Still to do for part 1: header (2011/2013/2019) and message codecs, sub-package
 * reassembly, TCP gateway, ingest, store, conformance tests, bench.
 */

export type FrameErrorCode = 'tooShort' | 'badDelimiter' | 'badEscape' | 'badCheckCode';

export class Jt808FrameError extends Error {
  constructor(
    readonly code: FrameErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Jt808FrameError';
  }
}

export function xorCheck(bytes: Uint8Array): number {
  let c = 0;
  for (const b of bytes) c ^= b;
  return c;
}

export function escapeBytes(raw: Uint8Array): Buffer {
  const out: number[] = [];
  for (const b of raw) {
    if (b === 0x7e) out.push(0x7d, 0x02);
    else if (b === 0x7d) out.push(0x7d, 0x01);
    else out.push(b);
  }
  return Buffer.from(out);
}

export function unescapeBytes(escaped: Uint8Array): Buffer | Jt808FrameError {
  const out: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const b = escaped[i] as number;
    if (b === 0x7e) return new Jt808FrameError('badEscape', 'unescaped 0x7e inside a frame');
    if (b !== 0x7d) {
      out.push(b);
      continue;
    }
    const n = escaped[++i];
    if (n === 0x01) out.push(0x7d);
    else if (n === 0x02) out.push(0x7e);
    else return new Jt808FrameError('badEscape', 'invalid 0x7d escape');
  }
  return Buffer.from(out);
}

/** Wraps header+body: appends the check code, escapes, adds the 0x7e delimiters. */
export function encodeFrame(content: Uint8Array): Buffer {
  const withCheck = Buffer.concat([Buffer.from(content), Buffer.from([xorCheck(content)])]);
  return Buffer.concat([Buffer.from([0x7e]), escapeBytes(withCheck), Buffer.from([0x7e])]);
}

/** Unwraps one whole frame (with delimiters); returns header+body without the check code, or a typed error. */
export function decodeFrame(frame: Uint8Array): Buffer | Jt808FrameError {
  if (frame.length < 2 || frame[0] !== 0x7e || frame[frame.length - 1] !== 0x7e)
    return new Jt808FrameError('badDelimiter', 'frame must start and end with 0x7e');
  const raw = unescapeBytes(frame.subarray(1, frame.length - 1));
  if (raw instanceof Jt808FrameError) return raw;
  if (raw.length < 2) return new Jt808FrameError('tooShort', 'frame too short');
  const content = raw.subarray(0, raw.length - 1);
  if (xorCheck(content) !== raw[raw.length - 1])
    return new Jt808FrameError('badCheckCode', 'check code mismatch');
  return content;
}

/**
 * Splits a byte stream into whole frames that pass `decodeFrame`; bounded buffer; never throws. A candidate
 * between two delimiters that fails (garbage with a stray 0x7e, a corrupted frame) is counted in `rejected`,
 * its bytes in `droppedBytes`, and its closing 0x7e is kept as the next frame's start, so the stream resyncs
 * at once and the next valid frame is not lost.
 */
export class FrameSplitter {
  private buf: Buffer = Buffer.alloc(0);
  constructor(readonly maxFrameBytes = 4096) {}

  push(chunk: Uint8Array): { frames: Buffer[]; droppedBytes: number; rejected: number } {
    this.buf = Buffer.concat([this.buf, Buffer.from(chunk)]);
    const frames: Buffer[] = [];
    let dropped = 0;
    let rejected = 0;
    for (;;) {
      const start = this.buf.indexOf(0x7e);
      if (start < 0) {
        dropped += this.buf.length;
        this.buf = Buffer.alloc(0);
        break;
      }
      dropped += start;
      this.buf = this.buf.subarray(start);
      let end = this.buf.indexOf(0x7e, 1);
      while (end === 1) {
        // two adjacent delimiters: the first one ends garbage, keep the second as a start
        dropped += 1;
        this.buf = this.buf.subarray(1);
        end = this.buf.indexOf(0x7e, 1);
      }
      if (end < 0) {
        if (this.buf.length > this.maxFrameBytes) {
          dropped += this.buf.length;
          this.buf = Buffer.alloc(0);
        }
        break;
      }
      const frame = this.buf.subarray(0, end + 1);
      if (frame.length <= this.maxFrameBytes && !(decodeFrame(frame) instanceof Jt808FrameError)) {
        frames.push(Buffer.from(frame));
        this.buf = this.buf.subarray(end + 1);
        continue;
      }
      rejected += 1;
      dropped += end;
      this.buf = this.buf.subarray(end);
    }
    return { frames, droppedBytes: dropped, rejected };
  }
}
