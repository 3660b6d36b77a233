import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../apps/api/src/platform/crypto/field-cipher.ts';
import { keyFilePath, loadKeyring } from '../apps/api/src/platform/crypto/keyring.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';

// The three operator commands as an operator runs them: `npm run keys:rotate`, `backup`, `restore`.

const repo = path.resolve(import.meta.dirname, '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repo, 'scripts', script), ...args],
    {
      cwd: repo,
      encoding: 'utf8',
      // No DATABASE_URL or keys from the outer environment: these runs use the embedded database.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', ...env },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('keys:rotate, backup and restore commands', () => {
  const dataDir = path.join(root, 'data');
  const archive = path.join(root, 'backup.tar.gz');
  let stored: string;

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      await migrateDatabase(database);
      const cipher = createFieldCipher(loadKeyring({ dataDir, env: {}, isProduction: false }));
      stored = cipher.encrypt('11010519491231002X');
      await database.executeSql(
        `insert into system_setting (key, value, updated_at) values ('test.probe', $1, now())`,
        [JSON.stringify({ idNumberEnc: stored })],
      );
    } finally {
      await database.close();
    }
  });

  it('--new-key prints keys that production accepts', () => {
    const first = run('keys-rotate.ts', ['--new-key']);
    expect(first.code).toBe(0);
    const dataKeys = /^DATA_KEYS=(\S+)$/m.exec(first.stdout)?.[1] as string;
    const indexKey = /^DATA_INDEX_KEY=(\S+)$/m.exec(first.stdout)?.[1] as string;
    const keyring = loadKeyring({
      dataDir: root,
      env: { DATA_KEYS: dataKeys, DATA_INDEX_KEY: indexKey },
      isProduction: true,
    });
    expect(keyring.current.id).toBe('v1');

    const next = run('keys-rotate.ts', ['--new-key'], { DATA_KEYS: dataKeys, DATA_INDEX_KEY: indexKey });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^DATA_KEYS=v2:[A-Za-z0-9+/=]{44},<原来的 DATA_KEYS 值>$/m);
  });

  it('rotates the key file: a new current version, the old one kept', () => {
    const result = run('keys-rotate.ts', [], { DATA_DIR: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已在密钥文件中新增密钥版本 v2');
    const keyring = loadKeyring({ dataDir, env: {}, isProduction: false });
    expect(keyring.current.id).toBe('v2');
    expect(createFieldCipher(keyring).decrypt(stored)).toBe('11010519491231002X');
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('refuses to back up while the platform runs, then backs up and restores into a fresh dir', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dataDir, 'platform.lock'), `${other.pid}\n`);
      const refused = run('backup.ts', ['--out', archive], { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`备份失败：平台正在运行（PID ${other.pid}）`);
    } finally {
      other.kill();
      fs.rmSync(path.join(dataDir, 'platform.lock'), { force: true });
    }

    const backup = run('backup.ts', ['--out', archive], { DATA_DIR: dataDir });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`备份完成：${archive}`);
    expect(backup.stdout).toContain('密钥文件（版本 v1、v2），已包含在备份中');

    const target = path.join(root, 'restored');
    const restore = run('restore.ts', [archive, '--data-dir', target], { DATA_DIR: dataDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('恢复完成');
    expect(restore.stdout).not.toContain('警告');

    const again = run('restore.ts', [archive, '--data-dir', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('不是空的');

    const database = await openDatabase({ dataDir: path.join(target, 'pglite') });
    try {
      const row = await database.executeSql(`select value from system_setting where key = 'test.probe'`, []);
      const value = row.rows[0]?.value as { idNumberEnc: string };
      const keyring = loadKeyring({ dataDir: target, env: {}, isProduction: false });
      expect(createFieldCipher(keyring).decrypt(value.idNumberEnc)).toBe('11010519491231002X');
    } finally {
      await database.close();
    }
  });
});
