import type { AllowedFileMime } from '@zhucheng/contracts';

// Recognises the accepted file types from their content, never from the name or the client's claim.
// PDF, JPEG and PNG by their leading bytes; DOCX and XLSX are ZIP archives, told apart (and from any other
// ZIP) by the entries their central directory lists.

/** Random access to the bytes being checked (a temporary file, later perhaps an object store range read). */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

const PDF = Buffer.from('%PDF-', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
/** The end record may be followed by a comment of up to 65 535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;
/** A central directory larger than this is not a plausible office document (it would list ~100 000 parts). */
const CENTRAL_MAX = 8 * 1024 * 1024;

export async function sniffFileType(source: ByteSource): Promise<AllowedFileMime | null> {
  if (source.size === 0) return null;
  const head = await source.read(0, Math.min(source.size, 16));
  const startsWith = (sig: Buffer) => head.length >= sig.length && head.subarray(0, sig.length).equals(sig);
  if (startsWith(PDF)) return 'application/pdf';
  if (startsWith(JPEG)) return 'image/jpeg';
  if (startsWith(PNG)) return 'image/png';
  if (startsWith(ZIP_LOCAL)) {
    const names = await zipEntryNames(source);
    if (!names) return null;
    if (names.has('word/document.xml') && names.has('[Content_Types].xml')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
    if (names.has('xl/workbook.xml') && names.has('[Content_Types].xml')) {
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    }
  }
  return null;
}

/** The entry names of a ZIP's central directory, or null when it is not a well-formed (non-ZIP64) ZIP. */
export async function zipEntryNames(source: ByteSource): Promise<Set<string> | null> {
  if (source.size < EOCD_MIN) return null;
  const tailLength = Math.min(source.size, EOCD_SEARCH);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_MIN + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const centralSize = tail.readUInt32LE(eocd + 12);
  const centralOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 markers or a directory that does not fit before the end record: refused, not guessed.
  if (entries === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) return null;
  if (centralSize > CENTRAL_MAX || centralOffset + centralSize > tailStart + eocd) return null;
  const central = await source.read(centralOffset, centralSize);
  const names = new Set<string>();
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > central.length || central.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = central.readUInt16LE(at + 28);
    const extraLength = central.readUInt16LE(at + 30);
    const commentLength = central.readUInt16LE(at + 32);
    const end = at + 46 + nameLength;
    if (end > central.length) return null;
    names.add(central.subarray(at + 46, end).toString('utf8'));
    at = end + extraLength + commentLength;
  }
  return names;
}

/** A ByteSource over a buffer (tests, generated documents). */
export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}
