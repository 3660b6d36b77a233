import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Keys for personal data (ID numbers, phones, addresses) encrypted at rest.
//
// Each key *version* is one 32-byte master secret; an SM4 key and an HMAC-SM3 MAC key are derived from it
// with HKDF over HMAC-SM3 (RFC 5869), each under its own label, so one secret never serves two purposes.
// New values are encrypted with the current version; every older version stays to decrypt what it wrote
// until `npm run keys:rotate` has re-encrypted it (and for old backups, which carry old versions).
//
// The blind-index key (for exact lookups by ID number or phone) is NOT versioned: an index is compared
// with the index of the searched value, so a second index key would make every existing index unfindable
// until all were recomputed. It therefore lives apart from the versions (`index` in the key file,
// `DATA_INDEX_KEY` in the environment) and changes only through `keys:rotate -- --rotate-index-key`,
// which recomputes every registered index.
//
// Sources: production reads `DATA_KEYS` (`v2:<base64>,v1:<base64>`, the first is current) and
// `DATA_INDEX_KEY`; elsewhere, when `DATA_KEYS` is unset, the key file `DATA_DIR/keys/data-keys.json`
// (mode 0600) is created on first use.

export const MASTER_SECRET_BYTES = 32;
const KDF_SALT = Buffer.from('zhucheng-justice-platform/personal-data-keys/1');
const versionIdPattern = /^v([1-9]\d{0,5})$/;

export class KeyringError extends Error {
  override name = 'KeyringError';
}

export interface KeyVersion {
  /** `v1`, `v2`… — written in front of every value it encrypts. */
  readonly id: string;
  /** SM4 key, 16 bytes. */
  readonly encryptionKey: Buffer;
  /** HMAC-SM3 key, 32 bytes. */
  readonly macKey: Buffer;
  /** A short public check value: tells which secret is meant without revealing it (manifest, status). */
  readonly fingerprint: string;
  readonly createdAt: string | undefined;
}

export interface KeyringDescription {
  source: 'file' | 'env' | 'memory';
  current: string;
  versions: { id: string; fingerprint: string; createdAt: string | undefined }[];
  indexKeyFingerprint: string;
}

export interface Keyring {
  readonly source: 'file' | 'env' | 'memory';
  /** The key file, when the keys come from one. */
  readonly keyFile: string | undefined;
  readonly current: KeyVersion;
  /** HMAC-SM3 key of the blind index, 32 bytes; one for the life of the data. */
  readonly indexKey: Buffer;
  /** A version by id; a file-backed keyring re-reads its file once for an id it does not know yet. */
  version(id: string): KeyVersion | undefined;
  versionIds(): string[];
  describe(): KeyringDescription;
}

export interface SecretEntry {
  id: string;
  /** 32 random bytes. */
  secret: Buffer;
  createdAt?: string | undefined;
}

export interface KeyMaterial {
  /** Newest first: the first entry is the current version. */
  versions: SecretEntry[];
  indexSecret: Buffer;
  indexCreatedAt?: string | undefined;
}

function derive(secret: Buffer, label: string, length: number): Buffer {
  return Buffer.from(crypto.hkdfSync('sm3', secret, KDF_SALT, label, length));
}

function fingerprintOf(secret: Buffer): string {
  return derive(secret, 'key-check-value', 8).toString('hex');
}

function deriveVersion(entry: SecretEntry): KeyVersion {
  if (!versionIdPattern.test(entry.id)) throw new KeyringError(`密钥版本号「${entry.id}」无效，应为 v1、v2…`);
  if (entry.secret.length !== MASTER_SECRET_BYTES) {
    throw new KeyringError(
      `密钥 ${entry.id} 长度应为 ${MASTER_SECRET_BYTES} 字节，实际 ${entry.secret.length} 字节`,
    );
  }
  return {
    id: entry.id,
    encryptionKey: derive(entry.secret, 'field-encryption/sm4-cbc', 16),
    macKey: derive(entry.secret, 'field-integrity/hmac-sm3', 32),
    fingerprint: fingerprintOf(entry.secret),
    createdAt: entry.createdAt,
  };
}

export function versionNumber(id: string): number {
  const match = versionIdPattern.exec(id);
  if (!match?.[1]) throw new KeyringError(`密钥版本号「${id}」无效，应为 v1、v2…`);
  return Number(match[1]);
}

export function generateSecret(): Buffer {
  return crypto.randomBytes(MASTER_SECRET_BYTES);
}

/** Builds a keyring from secrets held in memory (tests; also the common path of the two sources). */
export function createKeyring(
  material: KeyMaterial,
  source: Keyring['source'] = 'memory',
  reload?: () => KeyMaterial,
  keyFile?: string,
): Keyring {
  if (material.versions.length === 0) throw new KeyringError('至少需要一个数据密钥版本');
  if (material.indexSecret.length !== MASTER_SECRET_BYTES) {
    throw new KeyringError(
      `盲索引密钥长度应为 ${MASTER_SECRET_BYTES} 字节，实际 ${material.indexSecret.length} 字节`,
    );
  }
  const build = (m: KeyMaterial) => {
    const map = new Map<string, KeyVersion>();
    for (const entry of m.versions) {
      if (map.has(entry.id)) throw new KeyringError(`密钥版本 ${entry.id} 出现了两次`);
      map.set(entry.id, deriveVersion(entry));
    }
    return map;
  };
  let versions = build(material);
  const current = versions.get(material.versions[0]?.id ?? '') as KeyVersion;
  const indexKey = derive(material.indexSecret, 'blind-index/hmac-sm3', 32);
  const indexKeyFingerprint = fingerprintOf(material.indexSecret);
  return {
    source,
    keyFile,
    current,
    indexKey,
    version(id) {
      const found = versions.get(id);
      if (found || !reload) return found;
      // Another process (keys:rotate) may have added a version since this keyring was read.
      // Versions already known win, so a replaced file cannot change a key under a running process.
      versions = new Map([...build(reload()), ...versions]);
      return versions.get(id);
    },
    versionIds: () => [...versions.keys()],
    describe: () => ({
      source,
      current: current.id,
      versions: [...versions.values()]
        .sort((a, b) => versionNumber(a.id) - versionNumber(b.id))
        .map((v) => ({
          id: v.id,
          fingerprint: v.fingerprint,
          createdAt: v.createdAt,
        })),
      indexKeyFingerprint,
    }),
  };
}

/**
 * The same versions with another blind-index secret: used while recomputing every index for a new index
 * key (`keys:rotate -- --rotate-index-key`), before the new secret is saved.
 */
export function withIndexSecret(keyring: Keyring, indexSecret: Buffer): Keyring {
  if (indexSecret.length !== MASTER_SECRET_BYTES) {
    throw new KeyringError(`盲索引密钥长度应为 ${MASTER_SECRET_BYTES} 字节，实际 ${indexSecret.length} 字节`);
  }
  const indexKeyFingerprint = fingerprintOf(indexSecret);
  return {
    source: keyring.source,
    keyFile: keyring.keyFile,
    current: keyring.current,
    indexKey: derive(indexSecret, 'blind-index/hmac-sm3', 32),
    version: (id) => keyring.version(id),
    versionIds: () => keyring.versionIds(),
    describe: () => ({ ...keyring.describe(), indexKeyFingerprint }),
  };
}

// ---- environment ---------------------------------------------------------------------------------

function decodeSecret(text: string, what: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new KeyringError(`${what} 不是有效的 base64 编码`);
  }
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== MASTER_SECRET_BYTES) {
    throw new KeyringError(`${what} 解码后应为 ${MASTER_SECRET_BYTES} 字节，实际 ${bytes.length} 字节`);
  }
  return bytes;
}

/** Parses `DATA_KEYS` (`v2:<base64>,v1:<base64>`; the first is current). */
export function parseDataKeys(value: string): SecretEntry[] {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new KeyringError('DATA_KEYS 为空');
  return parts.map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KeyringError('DATA_KEYS 每一项应为「版本:密钥」，例如 v1:<base64>');
    const id = part.slice(0, colon).trim();
    if (!versionIdPattern.test(id)) throw new KeyringError(`DATA_KEYS 中的版本号「${id}」无效，应为 v1、v2…`);
    return { id, secret: decodeSecret(part.slice(colon + 1), `DATA_KEYS 中 ${id} 的密钥`) };
  });
}

export function formatEnvSecret(secret: Buffer): string {
  return secret.toString('base64');
}

// ---- key file -------------------------------------------------------------------------------------

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'data-keys.json');
}

interface KeyFileJson {
  format: 1;
  note: string;
  current: string;
  versions: { id: string; secret: string; createdAt: string }[];
  index: { secret: string; createdAt: string };
}

const keyFileNote =
  '珠城智慧司法平台个人信息加密密钥。丢失此文件，数据库中的身份证号、电话、地址将无法解密；' +
  '请与数据备份一起妥善保管，不要提交到代码库或发给他人。';

function readKeyFile(file: string): KeyMaterial {
  let json: KeyFileJson;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFileJson;
  } catch (err) {
    throw new KeyringError(`无法读取密钥文件 ${file}：${(err as Error).message}`);
  }
  if (json.format !== 1 || !Array.isArray(json.versions) || !json.index) {
    throw new KeyringError(`密钥文件 ${file} 的格式无法识别`);
  }
  const entries = json.versions.map((v) => ({
    id: v.id,
    secret: decodeSecret(v.secret, `密钥文件中 ${v.id} 的密钥`),
    createdAt: v.createdAt,
  }));
  const current = entries.find((e) => e.id === json.current);
  if (!current) throw new KeyringError(`密钥文件 ${file} 的当前版本 ${json.current} 不在版本列表中`);
  return {
    versions: [current, ...entries.filter((e) => e !== current)],
    indexSecret: decodeSecret(json.index.secret, '密钥文件中的盲索引密钥'),
    indexCreatedAt: json.index.createdAt,
  };
}

function keyFileJson(material: KeyMaterial): KeyFileJson {
  const current = material.versions[0];
  if (!current) throw new KeyringError('至少需要一个数据密钥版本');
  const now = new Date().toISOString();
  return {
    format: 1,
    note: keyFileNote,
    current: current.id,
    versions: [...material.versions]
      .sort((a, b) => versionNumber(a.id) - versionNumber(b.id))
      .map((v) => ({ id: v.id, secret: v.secret.toString('base64'), createdAt: v.createdAt ?? now })),
    index: { secret: material.indexSecret.toString('base64'), createdAt: material.indexCreatedAt ?? now },
  };
}

/**
 * Writes the key file atomically with mode 0600. `exclusive` fails with EEXIST if the file already
 * exists, so two processes creating it at once end up sharing the first one's keys.
 */
export function writeKeyFile(file: string, material: KeyMaterial, exclusive = false): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(keyFileJson(material), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (exclusive) fs.linkSync(temp, file);
    else fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function loadOrCreateKeyFile(file: string): KeyMaterial {
  if (!fs.existsSync(file)) {
    const now = new Date().toISOString();
    try {
      writeKeyFile(
        file,
        { versions: [{ id: 'v1', secret: generateSecret(), createdAt: now }], indexSecret: generateSecret() },
        true,
      );
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  // Secrets readable by other local users are not secret; tighten a file copied in with a loose mode.
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return readKeyFile(file);
}

/** Adds a new current version to the key file and returns the updated material. */
export function addKeyFileVersion(file: string): { material: KeyMaterial; added: string } {
  const material = readKeyFile(file);
  const next = Math.max(...material.versions.map((v) => versionNumber(v.id))) + 1;
  const added = `v${next}`;
  const updated: KeyMaterial = {
    ...material,
    versions: [
      { id: added, secret: generateSecret(), createdAt: new Date().toISOString() },
      ...material.versions,
    ],
  };
  writeKeyFile(file, updated);
  return { material: updated, added };
}

/** Replaces the blind-index secret in the key file (after every index was recomputed with it). */
export function replaceKeyFileIndexSecret(file: string, indexSecret: Buffer): void {
  const material = readKeyFile(file);
  writeKeyFile(file, { ...material, indexSecret, indexCreatedAt: new Date().toISOString() });
}

export function keyringFromFile(file: string): Keyring {
  return createKeyring(loadOrCreateKeyFile(file), 'file', () => readKeyFile(file), file);
}

// ---- loading ---------------------------------------------------------------------------------------

export interface LoadKeyringOptions {
  dataDir: string;
  env: Record<string, string | undefined>;
  isProduction: boolean;
}

export function keysFromEnvironment(env: Record<string, string | undefined>): boolean {
  return Boolean(env.DATA_KEYS?.trim());
}

export function loadKeyring({ dataDir, env, isProduction }: LoadKeyringOptions): Keyring {
  const dataKeys = env.DATA_KEYS?.trim();
  const indexKey = env.DATA_INDEX_KEY?.trim();
  if (!dataKeys) {
    if (isProduction) {
      throw new KeyringError(
        '生产环境必须用环境变量 DATA_KEYS 提供个人信息加密密钥（格式 v1:<32 字节密钥的 base64>，' +
          '多个版本用逗号分隔，第一个为当前版本），并用 DATA_INDEX_KEY 提供盲索引密钥。' +
          '可运行 npm run keys:rotate -- --new-key 生成。',
      );
    }
    return keyringFromFile(keyFilePath(dataDir));
  }
  if (!indexKey) {
    throw new KeyringError(
      '设置了 DATA_KEYS 时还必须设置 DATA_INDEX_KEY（盲索引密钥，32 字节的 base64），' +
        '并且在数据的整个生命周期内保持不变。可运行 npm run keys:rotate -- --new-key 生成。',
    );
  }
  return createKeyring(
    { versions: parseDataKeys(dataKeys), indexSecret: decodeSecret(indexKey, 'DATA_INDEX_KEY') },
    'env',
  );
}
