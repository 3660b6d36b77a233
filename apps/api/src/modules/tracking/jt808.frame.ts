/**
 * JT/T 808 framing (pure, no I/O): 0x7e delimiters, 0x7d escapes, XOR check code, stream splitter.
 * Some terminals send a 0x7e inside a frame unescaped (one of the recorded conformance frames does): the
 * splitter then finds a frame shorter than its header declares and tries the longer candidate up to the next
 * 0x7e, with the inner 0x7e read as a literal byte; it is taken only if its check code and length hold.
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

/** `literal`: an unescaped 0x7e inside is read as a byte (the splitter's second try), else it is refused. */
export interface UnescapeOptions {
  innerDelimiter?: 'reject' | 'literal';
}

export function unescapeBytes(escaped: Uint8Array, options: UnescapeOptions = {}): Buffer | Jt808FrameError {
  const out: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const b = escaped[i] as number;
    if (b === 0x7e && options.innerDelimiter !== 'literal') {
      return new Jt808FrameError('badEscape', 'unescaped 0x7e inside a frame');
    }
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
export function decodeFrame(frame: Uint8Array, options: UnescapeOptions = {}): Buffer | Jt808FrameError {
  if (frame.length < 2 || frame[0] !== 0x7e || frame[frame.length - 1] !== 0x7e)
    return new Jt808FrameError('badDelimiter', 'frame must start and end with 0x7e');
  const raw = unescapeBytes(frame.subarray(1, frame.length - 1), options);
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
      const longer = this.#withInnerDelimiter(end);
      if (longer === 'wait') break;
      if (longer) {
        frames.push(longer);
        this.buf = this.buf.subarray(longer.length);
        continue;
      }
      rejected += 1;
      dropped += end;
      this.buf = this.buf.subarray(end);
    }
    return { frames, droppedBytes: dropped, rejected };
  }

  /**
   * The candidate closing at `end` failed. If its header declares more content than it carries, the 0x7e at
   * `end` may be an unescaped byte of the frame: try the candidates up to the following delimiters (inner 0x7e
   * literal) until one is valid or longer than declared. 'wait': the buffer may still complete it.
   */
  #withInnerDelimiter(end: number): Buffer | 'wait' | null {
    const expected = declaredLength(this.buf.subarray(1, end));
    if (expected === null) return null;
    // A valid frame right after: the candidate was cut short or corrupted, not a frame with an inner 0x7e.
    let from = end;
    while (this.buf[from + 1] === 0x7e) from += 1;
    const following = this.buf.indexOf(0x7e, from + 1);
    if (following < 0 && this.buf.length - from > this.maxFrameBytes) return null;
    if (following > 0 && !(decodeFrame(this.buf.subarray(from, following + 1)) instanceof Jt808FrameError)) {
      return null;
    }
    let close = end;
    for (;;) {
      const next = this.buf.indexOf(0x7e, close + 1);
      if (next < 0) return this.buf.length <= this.maxFrameBytes ? 'wait' : null;
      if (next + 1 > this.maxFrameBytes) return null;
      const candidate = this.buf.subarray(0, next + 1);
      const content = decodeFrame(candidate, { innerDelimiter: 'literal' });
      if (!(content instanceof Jt808FrameError) && content.length + 1 === expected)
        return Buffer.from(candidate);
      const raw = unescapeBytes(candidate.subarray(1, -1), { innerDelimiter: 'literal' });
      if (raw instanceof Jt808FrameError || raw.length >= expected) return null;
      close = next;
    }
  }
}

/**
 * Unescaped bytes (header + body + check code) a frame's header declares, from the escaped bytes after its
 * opening 0x7e; null when they hold no readable header or already as many bytes as declared.
 */
function declaredLength(escaped: Uint8Array): number | null {
  const raw = unescapeBytes(escaped);
  if (raw instanceof Jt808FrameError || raw.length < 4) return null;
  const props = raw.readUInt16BE(2);
  const header = 4 + (props & 0x4000 ? 11 : 6) + 2 + (props & 0x2000 ? 4 : 0);
  const expected = header + (props & 0x3ff) + 1;
  return raw.length < expected ? expected : null;
}
