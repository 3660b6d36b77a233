import zlib from 'node:zlib';
import { defineDocumentTemplate } from './document-template.ts';

// A worked example of a module's default template, next to the example case type of platform/workflow
// (`example.application`) and the decision series of platform/numbering (`example.decision`). Tests only.

export const exampleDecisionTemplate = defineDocumentTemplate({
  code: 'decision',
  caseType: 'example.application',
  name: '示例给予法律援助决定书',
  numberSeries: 'example.decision',
  title: '给予法律援助决定书',
  body: [
    '申请人：{{applicantNames}}',
    '你（单位）于本机构申请法律援助一案（案号：{{caseNo}}），经审查，符合《中华人民共和国法律援助法》规定的法律援助条件，本机构决定给予法律援助。',
    '本机构将指派律师为你（单位）提供法律援助，请与承办律师联系。',
  ],
});

/**
 * The files of a .zip (a .docx) by name: a small central-directory reader over node:zlib, enough for the
 * stored and deflated entries Word files use.
 */
export function readZip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  // End of central directory: signature 0x06054b50, at least 22 bytes before the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeader = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart =
      localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    files.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The text of `word/document.xml` (or another part) of a .docx. */
export function docxPart(bytes: Buffer, part = 'word/document.xml'): string {
  const content = readZip(bytes).get(part);
  if (!content) throw new Error(`${part} missing from the .docx`);
  return content.toString('utf8');
}
