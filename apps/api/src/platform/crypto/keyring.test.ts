import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldCipher } from './field-cipher.ts';
import {
  addKeyFileVersion,
  generateSecret,
  KeyringError,
  keyFilePath,
  loadKeyring,
  replaceKeyFileIndexSecret,
} from './keyring.ts';

describe('keyring', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-keys-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  const b64 = () => generateSecret().toString('base64');

  it('creates the key file on first use with mode 0600, and reads the same keys the next time', () => {
    const dataDir = tempDir();
    const first = loadKeyring({ dataDir, env: {}, isProduction: false });
    const file = keyFilePath(dataDir);
    expect(first.source).toBe('file');
    expect(first.keyFile).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json.current).toBe('v1');
    expect(json.versions).toHaveLength(1);
    expect(json.versions[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(json.index.secret).toBeTypeOf('string');
    expect(json.note).toContain('丢失此文件');

    const second = loadKeyring({ dataDir, env: {}, isProduction: false });
    const stored = createFieldCipher(first).encrypt('450502198503121234');
    expect(createFieldCipher(second).decrypt(stored)).toBe('450502198503121234');
    expect(second.describe()).toEqual(first.describe());
  });

  it('tightens a key file that others can read', () => {
    const dataDir = tempDir();
    loadKeyring({ dataDir, env: {}, isProduction: false });
    fs.chmodSync(keyFilePath(dataDir), 0o644);
    loadKeyring({ dataDir, env: {}, isProduction: false });
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('derives different SM4, MAC and index keys, and describes keys without revealing them', () => {
    const dataDir = tempDir();
    const keyring = loadKeyring({ dataDir, env: {}, isProduction: false });
    expect(keyring.current.encryptionKey).toHaveLength(16);
    expect(keyring.current.macKey).toHaveLength(32);
    expect(keyring.indexKey).toHaveLength(32);
    expect(keyring.current.macKey.equals(keyring.indexKey)).toBe(false);
    const description = JSON.stringify(keyring.describe());
    const json = JSON.parse(fs.readFileSync(keyFilePath(dataDir), 'utf8'));
    expect(description).not.toContain(json.versions[0].secret);
    expect(description).not.toContain(json.index.secret);
    expect(keyring.describe().versions[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('adds a version to the key file; a running keyring picks it up for decryption', () => {
    const dataDir = tempDir();
    const running = loadKeyring({ dataDir, env: {}, isProduction: false });
    const { added } = addKeyFileVersion(keyFilePath(dataDir));
    expect(added).toBe('v2');
    const rotated = loadKeyring({ dataDir, env: {}, isProduction: false });
    expect(rotated.current.id).toBe('v2');
    expect(rotated.versionIds().sort()).toEqual(['v1', 'v2']);
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);

    const written = createFieldCipher(rotated).encrypt('13812345678');
    expect(written.startsWith('v2.')).toBe(true);
    expect(createFieldCipher(running).decrypt(written)).toBe('13812345678');
    // The blind index key did not change with the encryption key.
    expect(rotated.indexKey.equals(running.indexKey)).toBe(true);
  });

  it('replaces the index secret only when asked', () => {
    const dataDir = tempDir();
    const before = loadKeyring({ dataDir, env: {}, isProduction: false });
    replaceKeyFileIndexSecret(keyFilePath(dataDir), generateSecret());
    const after = loadKeyring({ dataDir, env: {}, isProduction: false });
    expect(after.indexKey.equals(before.indexKey)).toBe(false);
    expect(after.current.encryptionKey.equals(before.current.encryptionKey)).toBe(true);
  });

  it('reads DATA_KEYS (first is current) and DATA_INDEX_KEY in production, and writes no file', () => {
    const dataDir = tempDir();
    const env = { DATA_KEYS: ` v2:${b64()} , v1:${b64()}`, DATA_INDEX_KEY: b64() };
    const keyring = loadKeyring({ dataDir, env, isProduction: true });
    expect(keyring.source).toBe('env');
    expect(keyring.current.id).toBe('v2');
    expect(keyring.versionIds()).toEqual(['v2', 'v1']);
    expect(fs.existsSync(keyFilePath(dataDir))).toBe(false);
  });

  it('accepts url-safe base64 in the environment', () => {
    const secret = generateSecret();
    const env = { DATA_KEYS: `v1:${secret.toString('base64url')}`, DATA_INDEX_KEY: b64() };
    const keyring = loadKeyring({ dataDir: tempDir(), env, isProduction: true });
    const same = loadKeyring({
      dataDir: tempDir(),
      env: { DATA_KEYS: `v1:${secret.toString('base64')}`, DATA_INDEX_KEY: env.DATA_INDEX_KEY },
      isProduction: true,
    });
    expect(keyring.current.encryptionKey.equals(same.current.encryptionKey)).toBe(true);
  });

  it.each([
    [{}, '生产环境必须用环境变量 DATA_KEYS'],
    [{ DATA_KEYS: '' }, '生产环境必须用环境变量 DATA_KEYS'],
    [{ DATA_KEYS: `v1:${generateSecret().toString('base64')}` }, '还必须设置 DATA_INDEX_KEY'],
    [{ DATA_KEYS: 'v1:c2hvcnQ=', DATA_INDEX_KEY: generateSecret().toString('base64') }, '应为 32 字节'],
    [{ DATA_KEYS: 'key1:abc', DATA_INDEX_KEY: generateSecret().toString('base64') }, '版本号「key1」无效'],
    [{ DATA_KEYS: 'no-colon', DATA_INDEX_KEY: generateSecret().toString('base64') }, '「版本:密钥」'],
    [
      {
        DATA_KEYS: `v1:${generateSecret().toString('base64')},v1:${generateSecret().toString('base64')}`,
        DATA_INDEX_KEY: generateSecret().toString('base64'),
      },
      '出现了两次',
    ],
    [
      { DATA_KEYS: `v1:${generateSecret().toString('base64')}`, DATA_INDEX_KEY: 'not base64!' },
      'DATA_INDEX_KEY',
    ],
  ])('refuses %j in production with a Chinese reason', (env, message) => {
    expect(() => loadKeyring({ dataDir: tempDir(), env, isProduction: true })).toThrow(KeyringError);
    expect(() => loadKeyring({ dataDir: tempDir(), env, isProduction: true })).toThrow(message);
  });
});
