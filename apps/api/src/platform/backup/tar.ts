import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';

// A small streaming tar (POSIX ustar + pax extended headers for long or non-ASCII names and large
// sizes), enough for the backup archive and readable by any `tar`. Written here rather than pulled in as
// a package because the backup must not depend on more than Node and the archive format is simple;
// files stream through in chunks, so uploads of any size never sit in memory.

const BLOCK = 512;
const MAX_USTAR_SIZE = 0o77777777777; // 11 octal digits

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

export interface TarEntry {
  name: string;
  type: 'file' | 'directory' | 'other';
  size: number;
  mode: number;
  mtime: Date;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, type: string, size: number, mode: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(mode & 0o7777, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size > MAX_USTAR_SIZE ? 0 : size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(type, 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function paxRecord(key: string, value: string): string {
  // "<length> key=value\n", where length counts its own digits too.
  const base = Buffer.byteLength(` ${key}=${value}\n`);
  let length = base + String(base).length;
  if (String(length).length !== String(base).length) length = base + String(length).length;
  return `${length} ${key}=${value}\n`;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    // `once` rejects when the stream errors, so a failed disk never leaves this waiting.
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  private async writeHeader(name: string, type: string, size: number, mode: number, mtime: Date) {
    const simple = /^[\x20-\x7e]{1,100}$/.test(name);
    if (!simple || size > MAX_USTAR_SIZE) {
      let records = '';
      if (!simple) records += paxRecord('path', name);
      if (size > MAX_USTAR_SIZE) records += paxRecord('size', String(size));
      const body = Buffer.from(records, 'utf8');
      await this.write(header('PaxHeader', 'x', body.length, 0o644, mtime));
      await this.write(body);
      await this.write(padding(body.length));
    }
    const fallback = simple ? name : name.replace(/[^\x20-\x7e]/g, '_').slice(-100);
    await this.write(header(fallback, type, size, mode, mtime));
  }

  async addDirectory(name: string, mode = 0o755, mtime = new Date()): Promise<void> {
    await this.writeHeader(name.endsWith('/') ? name : `${name}/`, '5', 0, mode, mtime);
  }

  async addBuffer(name: string, data: Buffer, mode = 0o644, mtime = new Date()): Promise<void> {
    await this.writeHeader(name, '0', data.length, mode, mtime);
    await this.write(data);
    await this.write(padding(data.length));
  }

  /** Streams a file from disk. A file that grows or shrinks while it is read is cut or zero-filled to
   * the size it had when it was listed, so the archive stays well-formed. */
  async addFile(name: string, source: string): Promise<{ size: number; changed: boolean }> {
    const stat = fs.statSync(source);
    await this.writeHeader(name, '0', stat.size, stat.mode, stat.mtime);
    let written = 0;
    for await (const chunk of fs.createReadStream(source)) {
      const buf = chunk as Buffer;
      const room = stat.size - written;
      if (room <= 0) break;
      const part = buf.length > room ? buf.subarray(0, room) : buf;
      await this.write(part);
      written += part.length;
    }
    const changed = written !== stat.size;
    if (changed) await this.write(Buffer.alloc(stat.size - written));
    await this.write(padding(stat.size));
    return { size: stat.size, changed };
  }

  /** Writes the end-of-archive marker and ends the output stream. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.out.end();
  }
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  private ended = false;

  constructor(input: AsyncIterable<Buffer>) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? (this.buffered[0] as Buffer) : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** Exactly `n` bytes, or null at a clean end of input. */
  async read(n: number): Promise<Buffer | null> {
    await this.fill(n);
    if (this.length === 0 && this.ended) return null;
    if (this.length < n) throw new TarFormatError('备份文件不完整（在文件中途结束）');
    return this.take(n);
  }

  /** `n` bytes as a stream of chunks. */
  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.length === 0) await this.fill(1);
      if (this.length === 0) throw new TarFormatError('备份文件不完整（在文件中途结束）');
      const chunk = this.take(Math.min(left, this.length));
      left -= chunk.length;
      yield chunk;
    }
  }

  async skip(n: number): Promise<void> {
    for await (const _ of this.stream(n)) {
      // discarded
    }
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function parseOctal(block: Buffer, start: number, length: number): number {
  const text = field(block, start, length).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number.parseInt(body.subarray(at, space).toString('ascii'), 10);
    if (!Number.isInteger(length) || length <= 0) throw new TarFormatError('备份文件中的扩展头格式不正确');
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/**
 * Calls `onEntry` for each entry in order; `body` streams the entry's content. Whatever the handler
 * leaves unread is skipped. Returning `false` stops reading (the rest of the archive is not consumed).
 */
export async function readTar(
  input: AsyncIterable<Buffer>,
  onEntry: (entry: TarEntry, body: AsyncIterable<Buffer>) => Promise<boolean | undefined>,
): Promise<void> {
  const reader = new ByteReader(input);
  let pax: Record<string, string> = {};
  try {
    for (;;) {
      const block = await reader.read(BLOCK);
      if (!block || block.every((b) => b === 0)) return;
      const expected = parseOctal(block, 148, 8);
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number);
      if (sum !== expected) throw new TarFormatError('备份文件已损坏（归档头校验和不符）');

      const type = String.fromCharCode(block[156] as number);
      let size = parseOctal(block, 124, 12);
      if (type === 'x' || type === 'g') {
        const body = await reader.read(size + padding(size).length);
        if (type === 'x') pax = parsePax((body as Buffer).subarray(0, size));
        continue;
      }
      const prefix = field(block, 345, 155);
      const name = pax.path ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
      if (pax.size) size = Number(pax.size);
      pax = {};
      const entry: TarEntry = {
        name,
        type: type === '0' || type === '\0' ? 'file' : type === '5' ? 'directory' : 'other',
        size,
        mode: parseOctal(block, 100, 8),
        mtime: new Date(parseOctal(block, 136, 12) * 1000),
      };
      let consumed = 0;
      const body = (async function* () {
        for await (const chunk of reader.stream(size)) {
          consumed += chunk.length;
          yield chunk;
        }
      })();
      const keepGoing = await onEntry(entry, body);
      if (keepGoing === false) return;
      await reader.skip(size - consumed);
      await reader.skip(padding(size).length);
    }
  } finally {
    await reader.close();
  }
}
