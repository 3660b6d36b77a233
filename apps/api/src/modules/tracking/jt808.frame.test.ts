import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameSplitter, Jt808FrameError } from './jt808.frame.ts';

const content = Buffer.from([0x00, 0x02, 0x7e, 0x7d, 0x01, 0x39, 0x12, 0x34, 0x56, 0x78, 0x00, 0x7d]);

describe('jt808 frame', () => {
  it('round-trips escapes in any position', () => {
    const f = encodeFrame(content);
    expect(f.subarray(1, -1).includes(0x7e)).toBe(false);
    expect(decodeFrame(f)).toEqual(content);
  });
  it('rejects a corrupted check code', () => {
    const f = encodeFrame(Buffer.from([1, 2, 3]));
    f.writeUInt8(f.readUInt8(f.length - 2) ^ 0xff, f.length - 2);
    const r = decodeFrame(f);
    expect(r).toBeInstanceOf(Jt808FrameError);
    expect((r as Jt808FrameError).code).toBe('badCheckCode');
  });
  it('splits garbage, split and packed chunks without losing frames', () => {
    const a = encodeFrame(content);
    const b = encodeFrame(Buffer.from([9, 8, 7]));
    const stream = Buffer.concat([Buffer.from([1, 2, 3]), a, Buffer.from([5]), b, a]);
    const s = new FrameSplitter();
    const frames: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 3) frames.push(...s.push(stream.subarray(i, i + 3)).frames);
    expect(frames.map((x) => decodeFrame(x))).toEqual([content, Buffer.from([9, 8, 7]), content]);
  });
  it('resyncs after a stray 0x7e in garbage and after a corrupted frame, losing no valid frame', () => {
    const good = encodeFrame(content);
    const corrupted = encodeFrame(Buffer.from([4, 5, 6]));
    corrupted.writeUInt8(corrupted.readUInt8(corrupted.length - 2) ^ 0x01, corrupted.length - 2);
    const stream = Buffer.concat([Buffer.from([0x11, 0x7e, 0x22]), good, corrupted, good]);
    const out = new FrameSplitter().push(stream);
    expect(out.frames.map((x) => decodeFrame(x))).toEqual([content, content]);
    expect(out.rejected).toBe(2);
  });
  it('never throws on random bytes and keeps its buffer bounded', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    };
    const s = new FrameSplitter(256);
    for (let round = 0; round < 200; round++) {
      const chunk = Buffer.from(
        Array.from({ length: 1 + (round % 97) }, () => (next() < 20 ? 0x7e : next())),
      );
      expect(() => s.push(chunk)).not.toThrow();
    }
    const good = encodeFrame(content);
    // After any garbage, a valid frame preceded by its own delimiter comes through.
    const out = s.push(Buffer.concat([Buffer.from([0x7e]), good]));
    expect(out.frames.map((x) => decodeFrame(x))).toContainEqual(content);
  });
});

describe('FrameSplitter with a terminal that does not escape an inner 0x7e', () => {
  it('takes the longer frame whose header length and check code hold, and still resyncs after a cut frame', () => {
    // header: 0x0002, body length 3, phone 013800138000, serial 1; body 01 7e 02 sent unescaped
    const content = Buffer.from([
      0x00, 0x02, 0x00, 0x03, 0x01, 0x38, 0x00, 0x13, 0x80, 0x00, 0x00, 0x01, 0x01, 0x7e, 0x02,
    ]);
    const check = content.reduce((a, b) => a ^ b, 0);
    const sloppy = Buffer.concat([Buffer.from([0x7e]), content, Buffer.from([check, 0x7e])]);
    const good = encodeFrame(content);
    const s = new FrameSplitter();
    // the sloppy frame in two pieces, split right after its inner 0x7e (the splitter must wait), then a good one
    const first = s.push(sloppy.subarray(0, 15));
    expect(first.frames).toEqual([]);
    const rest = s.push(Buffer.concat([sloppy.subarray(15), good]));
    expect(rest.frames).toEqual([sloppy, good]);
    expect(decodeFrame(sloppy, { innerDelimiter: 'literal' })).toEqual(content);
    expect(decodeFrame(sloppy)).toBeInstanceOf(Jt808FrameError);
    // a frame cut short and followed by a good one: the good one is not lost
    const cut = good.subarray(0, 8);
    const again = new FrameSplitter().push(Buffer.concat([cut, good, good]));
    expect(again.frames).toEqual([good, good]);
  });
});
