import crypto from 'node:crypto';
import type { Keyring } from './keyring.ts';
import { normalizeIdNumber, normalizePhone } from './personal-data.ts';

// Field-level encryption of personal data with the national algorithms (GM/T): SM4-CBC with a random IV,
// then HMAC-SM3 over version, IV and ciphertext (encrypt-then-MAC). The MAC is checked in constant time
// before anything is decrypted, so a changed byte is reported as tampering and never reaches the cipher.
//
// Stored form: `v1.<iv>.<ciphertext>.<mac>` (base64url), compact enough for a `text` column and
// self-describing: the version says which key wrote it, so rotation can find what is still old.
//
// The blind index is HMAC-SM3 over the normalised value under the one index key, for exact lookups
// (`where id_number_bidx = $1`) without decrypting. The purpose is part of the input, so a phone number
// and an ID number that happen to share digits never share an index.

const IV_BYTES = 16;
const MAC_BYTES = 32;

export type FieldCipherProblem = 'malformed' | 'unknownVersion' | 'tampered';

export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
  readonly reason: FieldCipherProblem;
  constructor(reason: FieldCipherProblem, message: string) {
    super(message);
    this.reason = reason;
  }
}

export type BlindIndexPurpose = 'idNumber' | 'phone' | (string & {});

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Exact-match lookup key of `value` for `purpose`; the value is normalised first. */
  blindIndex(value: string, purpose: BlindIndexPurpose): string;
  /** True when `stored` was written with an older key version than the current one. */
  needsReencryption(stored: string): boolean;
}

/** Trims, folds full-width characters (NFKC) and applies the purpose's own rules. */
export function normalizeForIndex(value: string, purpose: BlindIndexPurpose): string {
  if (purpose === 'idNumber') return normalizeIdNumber(value);
  if (purpose === 'phone') return normalizePhone(value);
  return value.normalize('NFKC').trim();
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function macInput(version: string, iv: Buffer, ciphertext: Buffer): Buffer {
  // The IV has a fixed length, so `version.` + iv + ciphertext cannot be split two ways.
  return Buffer.concat([Buffer.from(`${version}.`, 'utf8'), iv, ciphertext]);
}

interface Parsed {
  version: string;
  iv: Buffer;
  ciphertext: Buffer;
  mac: Buffer;
}

const storedPattern = /^(v[1-9]\d{0,5})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

function parse(stored: string): Parsed {
  const match = storedPattern.exec(stored);
  if (!match) throw new FieldCipherError('malformed', '加密字段的格式不正确，无法解密');
  const [, version, iv, ciphertext, mac] = match as unknown as [string, string, string, string, string];
  const parsed = {
    version,
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    mac: Buffer.from(mac, 'base64url'),
  };
  if (
    parsed.iv.length !== IV_BYTES ||
    parsed.ciphertext.length % 16 !== 0 ||
    parsed.ciphertext.length === 0
  ) {
    throw new FieldCipherError('malformed', '加密字段的格式不正确，无法解密');
  }
  return parsed;
}

export function createFieldCipher(keyring: Keyring): FieldCipher {
  return {
    encrypt(plain) {
      const key = keyring.current;
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('sm4-cbc', key.encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const mac = crypto
        .createHmac('sm3', key.macKey)
        .update(macInput(key.id, iv, ciphertext))
        .digest();
      return `${key.id}.${b64url(iv)}.${b64url(ciphertext)}.${b64url(mac)}`;
    },

    decrypt(stored) {
      const parsed = parse(stored);
      const key = keyring.version(parsed.version);
      if (!key) {
        throw new FieldCipherError(
          'unknownVersion',
          `加密字段使用的密钥版本 ${parsed.version} 不在当前密钥中（DATA_KEYS 或密钥文件缺少该版本）`,
        );
      }
      const expected = crypto
        .createHmac('sm3', key.macKey)
        .update(macInput(parsed.version, parsed.iv, parsed.ciphertext))
        .digest();
      if (parsed.mac.length !== MAC_BYTES || !crypto.timingSafeEqual(parsed.mac, expected)) {
        throw new FieldCipherError('tampered', '加密字段完整性校验失败：数据可能被篡改，或密钥与数据不匹配');
      }
      const decipher = crypto.createDecipheriv('sm4-cbc', key.encryptionKey, parsed.iv);
      return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString('utf8');
    },

    blindIndex(value, purpose) {
      return crypto
        .createHmac('sm3', keyring.indexKey)
        .update(`${purpose}\u0000${normalizeForIndex(value, purpose)}`, 'utf8')
        .digest('base64url');
    },

    needsReencryption(stored) {
      return parse(stored).version !== keyring.current.id;
    },
  };
}
