import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdmin } from '../../testing/test-database.ts';
import { createFieldCipher } from '../crypto/field-cipher.ts';
import { keyFilePath, loadKeyring } from '../crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { BackupError, createBackup, findPgTool, readBackupManifest, restoreBackup } from './backup.ts';

// Made-up, check-digit-valid ID number (北海市海城区).
const ID_NUMBER = '450502198503121234'.slice(0, 17);
const idNumber = (() => {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(ID_NUMBER[k]) * (2 ** (17 - k) % 11);
  const check = (12 - (sum % 11)) % 11;
  return ID_NUMBER + (check === 10 ? 'X' : String(check));
})();

const probeTable = `create table backup_probe (
  id serial primary key, name text not null, id_number_enc text not null, id_number_bidx text not null)`;

async function writeProbe(database: DatabaseHandle, dataDir: string): Promise<void> {
  const cipher = createFieldCipher(loadKeyring({ dataDir, env: {}, isProduction: false }));
  await database.executeSql(probeTable);
  await database.executeSql(
    'insert into backup_probe (name, id_number_enc, id_number_bidx) values ($1, $2, $3)',
    ['张三', cipher.encrypt(idNumber), cipher.blindIndex(idNumber, 'idNumber')],
  );
}

/** Reads the probe row back by blind index and decrypts it with the data dir's own key file. */
async function readProbe(database: DatabaseHandle, dataDir: string): Promise<string> {
  const cipher = createFieldCipher(loadKeyring({ dataDir, env: {}, isProduction: false }));
  const found = await database.executeSql(
    'select id_number_enc from backup_probe where id_number_bidx = $1',
    [cipher.blindIndex(idNumber.toLowerCase(), 'idNumber')],
  );
  expect(found.rows).toHaveLength(1);
  return cipher.decrypt(String(found.rows[0]?.id_number_enc));
}

const longName = `${'案卷材料/'.repeat(12)}调解协议书（扫描件）第一页.pdf`;

function writeUploads(dataDir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    '2025/06/申请材料-身份证复印件.jpg': crypto.randomBytes(300_000),
    [longName]: crypto.randomBytes(1_000),
    'empty.txt': Buffer.alloc(0),
  };
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(dataDir, 'uploads', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
  fs.mkdirSync(path.join(dataDir, 'uploads', 'empty-folder'), { recursive: true });
  return files;
}

function expectUploads(dataDir: string, files: Record<string, Buffer>): void {
  for (const [name, data] of Object.entries(files)) {
    expect(fs.readFileSync(path.join(dataDir, 'uploads', name)).equals(data), name).toBe(true);
  }
  expect(fs.statSync(path.join(dataDir, 'uploads', 'empty-folder')).isDirectory()).toBe(true);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => path.join(root, `dir-${++counter}`);

describe('backup and restore (PGlite)', () => {
  const source = path.join(root, 'source');
  const archive = path.join(root, 'backups', 'backup.tar.gz');
  let uploads: Record<string, Buffer>;

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: path.join(source, 'pglite') });
    try {
      await migrateDatabase(database);
      await writeProbe(database, source);
    } finally {
      await database.close();
    }
    uploads = writeUploads(source);
    await createBackup({
      dataDir: source,
      env: {},
      isProduction: false,
      out: archive,
      platformVersion: '0.1.0',
      now: new Date('2025-06-30T08:00:00Z'),
    });
  });

  it('writes one archive, readable only by its owner, with a manifest that names but never holds the keys', async () => {
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    const manifest = await readBackupManifest(archive);
    const keyFile = JSON.parse(fs.readFileSync(keyFilePath(source), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'zhucheng-backup/1',
      createdAt: '2025-06-30T08:00:00.000Z',
      platformVersion: '0.1.0',
      database: { kind: 'pglite', file: 'database/pglite.tar.gz' },
      keys: { source: 'file', included: true, current: 'v1' },
      uploads: { files: 3, bytes: 301_000 },
    });
    expect(manifest.keys.versions.map((v) => v.id)).toEqual(['v1']);
    const text = JSON.stringify(manifest);
    expect(text).not.toContain(keyFile.versions[0].secret);
    expect(text).not.toContain(keyFile.index.secret);
  });

  it('is an ordinary tar.gz that the system tar lists', () => {
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n');
    expect(listing[0]).toBe('manifest.json');
    expect(listing).toContain('database/pglite.tar.gz');
    expect(listing).toContain('keys/data-keys.json');
    expect(listing).toContain(`uploads/${longName}`);
  });

  it('restores into a fresh data dir: the ID number decrypts with the restored key file', async () => {
    const target = freshDir();
    const result = await restoreBackup({ archive, dataDir: target, env: {}, isProduction: false });
    expect(result.warnings).toEqual([]);
    expect(result.movedAside).toBeUndefined();
    expect(fs.statSync(keyFilePath(target)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFilePath(target), 'utf8')).toBe(fs.readFileSync(keyFilePath(source), 'utf8'));
    expectUploads(target, uploads);
    expect(fs.readdirSync(target).sort()).toEqual(['keys', 'pglite', 'uploads']);

    const database = await openDatabase({ dataDir: path.join(target, 'pglite') });
    try {
      expect(await readProbe(database, target)).toBe(idNumber);
      // The platform's own tables came back too, and the migrations see nothing left to do.
      await migrateDatabase(database);
      const settings = await database.executeSql('select count(*)::int as n from system_setting', []);
      expect(settings.rows[0]?.n).toBeTypeOf('number');
    } finally {
      await database.close();
    }
  });

  it('refuses a data dir that holds data, and with --force moves the old contents aside', async () => {
    const target = freshDir();
    fs.mkdirSync(path.join(target, 'uploads'), { recursive: true });
    fs.writeFileSync(path.join(target, 'uploads', 'old.txt'), 'old');
    await expect(restoreBackup({ archive, dataDir: target, env: {}, isProduction: false })).rejects.toThrow(
      /不是空的.*--force/,
    );
    expect(fs.readdirSync(target)).toEqual(['uploads']);

    const result = await restoreBackup({
      archive,
      dataDir: target,
      env: {},
      isProduction: false,
      force: true,
    });
    expect(result.movedAside).toMatch(/before-restore-/);
    expect(fs.readFileSync(path.join(result.movedAside as string, 'uploads', 'old.txt'), 'utf8')).toBe('old');
    expectUploads(target, uploads);
    expect(fs.existsSync(path.join(target, 'uploads', 'old.txt'))).toBe(false);
  });

  it('refuses to back up or restore while the platform runs on the data dir', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(source, 'platform.lock'), `${other.pid}\n`);
      const out = path.join(root, 'backups', 'while-running.tar.gz');
      const attempt = createBackup({
        dataDir: source,
        env: {},
        isProduction: false,
        out,
        platformVersion: 'x',
      });
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(
        createBackup({ dataDir: source, env: {}, isProduction: false, out, platformVersion: 'x' }),
      ).rejects.toThrow(`平台正在运行（PID ${other.pid}）`);
      expect(fs.existsSync(out)).toBe(false);
      await expect(
        restoreBackup({ archive, dataDir: source, env: {}, isProduction: false, force: true }),
      ).rejects.toThrow('请先停止平台');
    } finally {
      other.kill();
      fs.rmSync(path.join(source, 'platform.lock'), { force: true });
    }
  });

  it('refuses a damaged archive and leaves the target empty', async () => {
    const damaged = path.join(root, 'damaged.tar.gz');
    const bytes = fs.readFileSync(archive);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = freshDir();
    await expect(
      restoreBackup({ archive: damaged, dataDir: target, env: {}, isProduction: false }),
    ).rejects.toThrow(/备份文件已损坏或不完整/);
    expect(fs.readdirSync(target)).toEqual([]);

    fs.writeFileSync(damaged, 'not a backup');
    await expect(readBackupManifest(damaged)).rejects.toThrow('文件不是完整有效的 .tar.gz');
  });

  it('warns when the keys the data was encrypted with are not there', async () => {
    const target = freshDir();
    const otherKeys = {
      DATA_KEYS: `v1:${crypto.randomBytes(32).toString('base64')}`,
      DATA_INDEX_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const result = await restoreBackup({ archive, dataDir: target, env: otherKeys, isProduction: true });
    expect(result.warnings).toEqual([
      expect.stringContaining('缺少备份时使用的密钥版本 v1'),
      expect.stringContaining('盲索引密钥与备份时不同'),
    ]);
  });

  it('refuses to put a PGlite backup into PostgreSQL', async () => {
    await expect(
      restoreBackup({
        archive,
        dataDir: freshDir(),
        databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
        env: {},
        isProduction: false,
      }),
    ).rejects.toThrow('不能恢复到 PostgreSQL');
  });

  it('says which Debian package to install when pg_dump is missing', () => {
    expect(() => findPgTool('pg_dump', { path: path.join(root, 'no-bin'), extraDirs: [] })).toThrow(
      'sudo apt-get install postgresql-client',
    );
  });

  it('refuses to overwrite an existing backup file', async () => {
    await expect(
      createBackup({ dataDir: source, env: {}, isProduction: false, out: archive, platformVersion: 'x' }),
    ).rejects.toThrow('已存在');
  });
});

// The PostgreSQL path runs in the PostgreSQL pass of the suite (TEST_DATABASE_URL set; CI installs the
// PostgreSQL 15 client tools with the server).
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  describe('backup and restore (PostgreSQL: pg_dump / pg_restore)', () => {
    const names = [1, 2].map((i) => `zj_backup_${process.pid}_${i}_${crypto.randomBytes(3).toString('hex')}`);
    const urlOf = (name: string) => {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return url.toString();
    };

    beforeAll(async () => {
      await withAdmin(serverUrl, async (admin) => {
        for (const name of names) await admin.query(`create database ${name}`);
      });
    });
    afterAll(async () => {
      await withAdmin(serverUrl, async (admin) => {
        for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
      });
    });

    it('finds pg_dump and pg_restore', () => {
      expect(findPgTool('pg_dump')).toMatch(/pg_dump$/);
      expect(findPgTool('pg_restore')).toMatch(/pg_restore$/);
    });

    it('backs up with pg_dump and restores with pg_restore into another database', async () => {
      const [sourceDb, targetDb] = names as [string, string];
      const source = freshDir();
      const database = await openDatabase({ url: urlOf(sourceDb) });
      try {
        await migrateDatabase(database);
        await writeProbe(database, source);
      } finally {
        await database.close();
      }
      const uploads = writeUploads(source);
      const archive = path.join(root, 'backups', 'postgres.tar.gz');
      const { manifest } = await createBackup({
        dataDir: source,
        databaseUrl: urlOf(sourceDb),
        env: {},
        isProduction: false,
        out: archive,
        platformVersion: '0.1.0',
      });
      expect(manifest.database).toMatchObject({ kind: 'postgres', file: 'database/postgres.dump' });

      const target = freshDir();
      await expect(restoreBackup({ archive, dataDir: target, env: {}, isProduction: false })).rejects.toThrow(
        '请用 DATABASE_URL 指定',
      );
      const result = await restoreBackup({
        archive,
        dataDir: target,
        databaseUrl: urlOf(targetDb),
        env: {},
        isProduction: false,
      });
      expect(result.warnings).toEqual([]);
      expectUploads(target, uploads);

      const restored = await openDatabase({ url: urlOf(targetDb) });
      try {
        expect(await readProbe(restored, target)).toBe(idNumber);
        await migrateDatabase(restored);
      } finally {
        await restored.close();
      }

      // A second restore over the now-filled database needs --force, and then replaces it cleanly.
      const again = freshDir();
      const restoreAgain = (force: boolean) =>
        restoreBackup({
          archive,
          dataDir: again,
          databaseUrl: urlOf(targetDb),
          env: {},
          isProduction: false,
          force,
        });
      await expect(restoreAgain(false)).rejects.toThrow(/目标数据库已有 \d+ 张表/);
      await restoreAgain(true);
      const replaced = await openDatabase({ url: urlOf(targetDb) });
      try {
        expect(await readProbe(replaced, again)).toBe(idNumber);
        const rows = await replaced.executeSql('select count(*)::int as n from backup_probe', []);
        expect(rows.rows[0]?.n).toBe(1);
      } finally {
        await replaced.close();
      }
    });
  });
}
