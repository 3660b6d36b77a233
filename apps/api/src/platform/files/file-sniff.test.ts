import { describe, expect, it } from 'vitest';
import { bufferSource, sniffFileType, zipEntryNames } from './file-sniff.ts';
import { samples, zipOf } from './files-testing.ts';

const sniff = (bytes: Buffer) => sniffFileType(bufferSource(bytes));

describe('content sniffing', () => {
  it('recognises each allowed type from its content', async () => {
    expect(await sniff(samples.pdf())).toBe('application/pdf');
    expect(await sniff(samples.jpeg())).toBe('image/jpeg');
    expect(await sniff(samples.png())).toBe('image/png');
    expect(await sniff(samples.docx())).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await sniff(samples.xlsx())).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses executables, plain ZIPs, text, empty and truncated content', async () => {
    expect(await sniff(samples.exe())).toBeNull();
    expect(await sniff(samples.zip())).toBeNull();
    expect(await sniff(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(await sniff(Buffer.alloc(0))).toBeNull();
    expect(await sniff(Buffer.from([0xff, 0xd8]))).toBeNull();
    const docx = samples.docx();
    expect(await sniff(docx.subarray(0, docx.length - 30))).toBeNull();
  });

  it('needs the office package’s content-types part, not just a familiar entry name', async () => {
    expect(await sniff(zipOf({ 'word/document.xml': '<w:document/>' }))).toBeNull();
  });

  it('reads the central directory behind an archive comment', async () => {
    const docx = samples.docx();
    const comment = Buffer.from('由办公软件生成', 'utf8');
    const withComment = Buffer.concat([docx, comment]);
    withComment.writeUInt16LE(comment.length, docx.length - 2);
    expect(await zipEntryNames(bufferSource(withComment))).toEqual(
      new Set(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
    );
  });

  it('refuses a directory that points outside the file', async () => {
    const docx = samples.docx();
    docx.writeUInt32LE(docx.length, docx.length - 6);
    expect(await sniff(docx)).toBeNull();
  });
});
