import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readTar, TarFormatError, TarWriter } from './tar.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-tar-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function build(fill: (tar: TarWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const tar = new TarWriter(out);
  await fill(tar);
  await tar.finish();
  await ended;
  return Buffer.concat(parts);
}

async function* chunked(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

const longChinese = `${'调解卷宗/'.repeat(15)}当事人身份证明.pdf`;

describe('tar', () => {
  const big = crypto.randomBytes(70_000);
  const source = path.join(root, 'big.bin');
  fs.writeFileSync(source, big);

  const entries = async (tar: TarWriter) => {
    await tar.addBuffer('manifest.json', Buffer.from('{"a":1}'));
    await tar.addDirectory('uploads/empty');
    await tar.addFile('uploads/big.bin', source);
    await tar.addBuffer(`uploads/${longChinese}`, Buffer.from('扫描件'));
    await tar.addBuffer('uploads/zero.txt', Buffer.alloc(0));
  };

  it('reads back what it wrote, whatever the chunk sizes of the input', async () => {
    const archive = await build(entries);
    expect(archive.length % 512).toBe(0);
    for (const size of [1, 511, 512, 4096, archive.length]) {
      const seen: [string, string, number, string][] = [];
      await readTar(chunked(archive, size), async (entry, body) => {
        const parts: Buffer[] = [];
        for await (const chunk of body) parts.push(chunk);
        const data = Buffer.concat(parts);
        seen.push([
          entry.name,
          entry.type,
          entry.size,
          crypto.createHash('sha256').update(data).digest('hex'),
        ]);
        return true;
      });
      const hash = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
      expect(seen).toEqual([
        ['manifest.json', 'file', 7, hash(Buffer.from('{"a":1}'))],
        ['uploads/empty/', 'directory', 0, hash(Buffer.alloc(0))],
        ['uploads/big.bin', 'file', big.length, hash(big)],
        [`uploads/${longChinese}`, 'file', 9, hash(Buffer.from('扫描件'))],
        ['uploads/zero.txt', 'file', 0, hash(Buffer.alloc(0))],
      ]);
    }
  });

  it('skips what a handler leaves unread, and stops when asked', async () => {
    const archive = await build(entries);
    const names: string[] = [];
    await readTar(chunked(archive, 1000), async (entry) => {
      names.push(entry.name);
      return entry.name !== 'uploads/big.bin';
    });
    expect(names).toEqual(['manifest.json', 'uploads/empty/', 'uploads/big.bin']);
  });

  it('writes archives the system tar extracts, long Chinese names included', () => {
    return build(entries).then((archive) => {
      const file = path.join(root, 'a.tar');
      fs.writeFileSync(file, archive);
      const out = path.join(root, 'extracted');
      fs.mkdirSync(out);
      execFileSync('tar', ['-xf', file, '-C', out]);
      expect(fs.readFileSync(path.join(out, 'uploads', 'big.bin')).equals(big)).toBe(true);
      expect(fs.readFileSync(path.join(out, 'uploads', longChinese), 'utf8')).toBe('扫描件');
      expect(fs.statSync(path.join(out, 'uploads', 'empty')).isDirectory()).toBe(true);
    });
  });

  it('reports a damaged header or a cut-off archive', async () => {
    const archive = await build(entries);
    const damaged = Buffer.from(archive);
    damaged[1024 + 10] = 0x41; // the name field of the second header (after manifest.json and its block)
    const read = (data: Buffer) => readTar(chunked(data, 4096), async () => true);
    await expect(read(damaged)).rejects.toThrow(TarFormatError);
    await expect(read(archive.subarray(0, 2048))).rejects.toThrow('不完整');
  });
});
