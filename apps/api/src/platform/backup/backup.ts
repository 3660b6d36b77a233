import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { wallClockParts } from '../clock/clock.ts';
import { type Keyring, type KeyringDescription, keyFilePath, loadKeyring } from '../crypto/keyring.ts';
import { acquireDataDirLock, type DataDirLock, DataDirLockedError } from '../runtime/data-dir-lock.ts';
import { readTar, TarWriter } from './tar.ts';

// One backup file (`.tar.gz`) holds everything needed to bring the platform back: the database, the key
// file that decrypts its personal data, and the uploaded files. Without the key file the encrypted ID
// numbers, phones and addresses in the database cannot be read by anyone, so the two travel together.
//
// Archive layout (manifest first, so a restore can refuse a wrong backup before touching anything):
//   manifest.json            what is inside; key versions by fingerprint, never the keys themselves
//   database/pglite.tar.gz   PGlite's own data-directory dump (`dumpDataDir`)
//   database/postgres.dump   or `pg_dump --format=custom` of DATABASE_URL
//   keys/…                   DATA_DIR/keys (the key file), when the keys come from a file
//   uploads/…                DATA_DIR/uploads

const execFileAsync = promisify(execFile);

export const BACKUP_FORMAT = 'zhucheng-backup/1';

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  platformVersion: string;
  database: { kind: 'pglite' | 'postgres'; file: string; bytes: number };
  keys: {
    /** Where the running platform takes its keys from. */
    source: KeyringDescription['source'] | 'none';
    /** Whether DATA_DIR/keys is in this archive (not when the keys live in the environment). */
    included: boolean;
    current: string | null;
    versions: KeyringDescription['versions'];
    indexKeyFingerprint: string | null;
  };
  uploads: { files: number; bytes: number };
}

type Log = (line: string) => void;

export interface BackupOptions {
  dataDir: string;
  /** Set → PostgreSQL (pg_dump); unset → the PGlite database in DATA_DIR/pglite. */
  databaseUrl?: string | undefined;
  env: Record<string, string | undefined>;
  isProduction: boolean;
  /** The `.tar.gz` to write; refused if it exists. */
  out: string;
  platformVersion: string;
  now?: Date;
  log?: Log;
}

export interface RestoreOptions {
  archive: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  env: Record<string, string | undefined>;
  isProduction: boolean;
  /** Restore over a data directory (or database) that already holds data; the old data dir is moved aside. */
  force?: boolean;
  log?: Log;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the previous contents of the data directory were moved (with --force). */
  movedAside: string | undefined;
  /** Problems that do not stop the restore but need a person to act (missing key versions…). */
  warnings: string[];
}

// ---- PostgreSQL tools ----------------------------------------------------------------------------------

function debianPgBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'));
}

/** pg_dump / pg_restore from PATH, else the newest /usr/lib/postgresql/<version>/bin (Debian's layout). */
export function findPgTool(
  name: 'pg_dump' | 'pg_restore',
  search: { path?: string | undefined; extraDirs?: string[] } = {},
): string {
  const dirs = [
    ...(search.path ?? process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
    ...(search.extraDirs ?? debianPgBinDirs()),
  ];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new BackupError(
    `找不到 ${name}（PostgreSQL 客户端工具）。Debian/Ubuntu 上请安装：sudo apt-get install postgresql-client` +
      '（版本不能低于数据库服务器），或把 pg_dump 所在目录加入 PATH。',
  );
}

/** The URL without its password (which goes to the tool through PGPASSWORD, not the process list). */
function pgConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function runPgTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await execFileAsync(tool, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim();
    throw new BackupError(`${path.basename(tool)} 失败：${stderr || (err as Error).message}`);
  }
}

// ---- helpers ------------------------------------------------------------------------------------------

function lockForOffline(dataDir: string, action: string): DataDirLock {
  try {
    return acquireDataDirLock(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const pid = fs.readFileSync(path.join(dataDir, 'platform.lock'), 'utf8').trim();
    throw new BackupError(
      `平台正在运行（PID ${pid}），占用着数据目录 ${dataDir}。内嵌数据库同一时间只能由一个进程打开：` +
        `请先停止平台（在运行 npm start 的终端按 Ctrl-C），再运行 ${action}。`,
    );
  }
}

/** The keyring the platform would use, without creating a key file as a side effect. */
function currentKeyring(dataDir: string, env: Record<string, string | undefined>, isProduction: boolean) {
  if (!env.DATA_KEYS?.trim() && !fs.existsSync(keyFilePath(dataDir))) return undefined;
  return loadKeyring({ dataDir, env, isProduction });
}

function describeKeys(keyring: Keyring | undefined, included: boolean): BackupManifest['keys'] {
  if (!keyring) return { source: 'none', included, current: null, versions: [], indexKeyFingerprint: null };
  const d = keyring.describe();
  return {
    source: d.source,
    included,
    current: d.current,
    versions: d.versions,
    indexKeyFingerprint: d.indexKeyFingerprint,
  };
}

function listFiles(root: string, relative = ''): { files: string[]; dirs: string[] } {
  const out = { files: [] as string[], dirs: [] as string[] };
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      out.dirs.push(rel);
      const inner = listFiles(root, rel);
      out.files.push(...inner.files);
      out.dirs.push(...inner.dirs);
    } else if (entry.isFile()) {
      out.files.push(rel);
    }
    // Symbolic links and special files are not data the platform wrote; they are left out.
  }
  return out;
}

function totalBytes(root: string, files: string[]): number {
  return files.reduce((n, f) => n + fs.statSync(path.join(root, f)).size, 0);
}

// ---- backup -------------------------------------------------------------------------------------------

/** Writes one backup archive; see the layout at the top of this file. */
export async function createBackup(
  options: BackupOptions,
): Promise<{ file: string; manifest: BackupManifest }> {
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  if (fs.existsSync(out)) throw new BackupError(`备份文件 ${out} 已存在，请换一个文件名`);
  const kind = options.databaseUrl ? 'postgres' : 'pglite';
  const dataDir = path.resolve(options.dataDir);
  if (kind === 'pglite' && !fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) {
    throw new BackupError(`数据目录 ${dataDir} 中没有内嵌数据库（pglite），没有可备份的数据`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.${crypto.randomBytes(4).toString('hex')}.partial`;
  const lock = kind === 'pglite' ? lockForOffline(dataDir, 'npm run backup') : undefined;
  let dumpDir: string | undefined;
  try {
    const keyring = currentKeyring(dataDir, options.env, options.isProduction);
    const keysDir = path.join(dataDir, 'keys');
    const keys = fs.existsSync(keysDir) ? listFiles(keysDir) : { files: [], dirs: [] };
    const uploadsDir = path.join(dataDir, 'uploads');
    const uploads = fs.existsSync(uploadsDir) ? listFiles(uploadsDir) : { files: [], dirs: [] };

    // The database dump comes first: it decides the manifest's sizes and may fail (pg_dump missing).
    let database: { buffer?: Buffer; file?: string; bytes: number };
    if (kind === 'pglite') {
      log('导出内嵌数据库…');
      const client = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { pg_trgm } });
      try {
        const buffer = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
        database = { buffer, bytes: buffer.length };
      } finally {
        await client.close();
      }
    } else {
      log('运行 pg_dump 导出 PostgreSQL 数据库…');
      const tool = findPgTool('pg_dump');
      // A private (0700) folder next to the output: the dump holds the whole database until it is packed.
      dumpDir = fs.mkdtempSync(`${partial}-`);
      const file = path.join(dumpDir, 'postgres.dump');
      const conn = pgConnection(options.databaseUrl as string);
      await runPgTool(tool, ['--format=custom', `--file=${file}`, `--dbname=${conn.url}`], conn.env);
      database = { file, bytes: fs.statSync(file).size };
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: (options.now ?? new Date()).toISOString(),
      platformVersion: options.platformVersion,
      database: {
        kind,
        file: kind === 'pglite' ? 'database/pglite.tar.gz' : 'database/postgres.dump',
        bytes: database.bytes,
      },
      keys: describeKeys(keyring, keys.files.length > 0),
      uploads: { files: uploads.files.length, bytes: totalBytes(uploadsDir, uploads.files) },
    };

    const gzip = zlib.createGzip();
    const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600, flags: 'wx' }));
    const tar = new TarWriter(gzip);
    try {
      await tar.addBuffer('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      if (database.buffer) await tar.addBuffer(manifest.database.file, database.buffer, 0o600);
      else await tar.addFile(manifest.database.file, database.file as string);
      for (const dir of keys.dirs) await tar.addDirectory(`keys/${dir}`, 0o700);
      for (const file of keys.files) await tar.addFile(`keys/${file}`, path.join(keysDir, file));
      log(`打包上传文件（${uploads.files.length} 个）…`);
      for (const dir of uploads.dirs) await tar.addDirectory(`uploads/${dir}`);
      for (const file of uploads.files) {
        const { changed } = await tar.addFile(`uploads/${file}`, path.join(uploadsDir, file));
        if (changed) log(`注意：上传文件 uploads/${file} 在备份过程中被修改，备份中的内容可能不完整`);
      }
      await tar.finish();
      await written;
    } catch (err) {
      gzip.destroy();
      await written.catch(() => {});
      throw err;
    }
    fs.renameSync(partial, out);
    return { file: out, manifest };
  } finally {
    fs.rmSync(partial, { force: true });
    if (dumpDir) fs.rmSync(dumpDir, { recursive: true, force: true });
    lock?.release();
  }
}

// ---- restore ------------------------------------------------------------------------------------------

function archiveStream(archive: string): { chunks: AsyncIterable<Buffer>; done: Promise<void> } {
  const gunzip = zlib.createGunzip();
  const done = pipeline(fs.createReadStream(archive), gunzip);
  return { chunks: gunzip, done };
}

/** zlib and tar errors in words an operator can act on. */
function archiveProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
    return '文件不是完整有效的 .tar.gz（已损坏、被截断，或不是本平台的备份）';
  return (err as Error).message;
}

function parseManifest(text: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw new BackupError('备份文件中的 manifest.json 无法解析');
  }
  if (manifest.format !== BACKUP_FORMAT) {
    throw new BackupError(`不认识的备份格式「${String(manifest.format)}」（本版本支持 ${BACKUP_FORMAT}）`);
  }
  return manifest;
}

async function collect(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Reads only the manifest (the first entry) of a backup archive. */
export async function readBackupManifest(archive: string): Promise<BackupManifest> {
  if (!fs.existsSync(archive)) throw new BackupError(`找不到备份文件 ${archive}`);
  const { chunks, done } = archiveStream(archive);
  let manifest: BackupManifest | undefined;
  try {
    await readTar(chunks, async (entry, body) => {
      if (entry.name !== 'manifest.json')
        throw new BackupError('这不是本平台的备份文件（开头没有 manifest.json）');
      manifest = parseManifest((await collect(body)).toString('utf8'));
      return false;
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`无法读取备份文件 ${archive}：${archiveProblem(err)}`);
  } finally {
    (chunks as zlib.Gunzip).destroy();
    await done.catch(() => {});
  }
  if (!manifest) throw new BackupError('这不是本平台的备份文件（开头没有 manifest.json）');
  return manifest;
}

/** Rejects absolute paths, `..` and anything outside the parts a backup holds. */
function safeTarget(root: string, name: string): string {
  const clean = name.replace(/\/+$/, '');
  const parts = clean.split('/');
  const allowed = /^(database|keys|uploads)$/.test(parts[0] ?? '');
  if (!allowed || parts.some((p) => p === '' || p === '.' || p === '..') || clean.includes('\\')) {
    throw new BackupError(`备份文件中有不允许的路径「${name}」，已停止恢复`);
  }
  return path.join(root, ...parts);
}

async function databaseInUse(databaseUrl: string): Promise<{ connections: number; tables: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query(
      `select (select count(*)::int from pg_stat_activity
                where datname = current_database() and application_name = 'zhucheng-api') as connections,
              (select count(*)::int from information_schema.tables
                where table_schema not in ('pg_catalog', 'information_schema')) as tables`,
    );
    return r.rows[0] as { connections: number; tables: number };
  } finally {
    await client.end();
  }
}

function keyWarnings(manifest: BackupManifest, keyring: Keyring | undefined): string[] {
  if (manifest.keys.versions.length === 0) return [];
  if (!keyring) {
    return [
      '恢复后的数据目录里没有密钥文件，也没有设置 DATA_KEYS：备份中的个人信息在提供原来的密钥之前无法解密。',
    ];
  }
  const have = keyring.describe();
  const warnings: string[] = [];
  for (const v of manifest.keys.versions) {
    const mine = have.versions.find((h) => h.id === v.id);
    if (!mine || mine.fingerprint !== v.fingerprint) {
      warnings.push(
        `缺少备份时使用的密钥版本 ${v.id}（指纹 ${v.fingerprint}）：用它加密的个人信息将无法解密。` +
          (have.source === 'env' ? '请在 DATA_KEYS 中加入该版本。' : ''),
      );
    }
  }
  if (manifest.keys.indexKeyFingerprint && manifest.keys.indexKeyFingerprint !== have.indexKeyFingerprint) {
    warnings.push(
      `盲索引密钥与备份时不同（备份时指纹 ${manifest.keys.indexKeyFingerprint}）：按身份证号、电话精确查找将找不到记录。`,
    );
  }
  return warnings;
}

/**
 * Restores a backup into `dataDir` (and, for a PostgreSQL backup, into DATABASE_URL). Refuses a data
 * directory or database that already holds data unless `force`; then the old data directory contents
 * are moved to `before-restore-<time>` inside it rather than deleted.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const archive = path.resolve(options.archive);
  const manifest = await readBackupManifest(archive);
  const dataDir = path.resolve(options.dataDir);
  const kind = manifest.database.kind;
  if (kind === 'pglite' && options.databaseUrl) {
    throw new BackupError(
      '这是内嵌数据库（PGlite）的备份，不能恢复到 PostgreSQL：请去掉 DATABASE_URL 后再恢复',
    );
  }
  if (kind === 'postgres' && !options.databaseUrl) {
    throw new BackupError('这是 PostgreSQL 数据库的备份：请用 DATABASE_URL 指定要恢复到的数据库');
  }

  const lock = lockForOffline(dataDir, 'npm run restore');
  const staging = path.join(dataDir, `.restoring-${process.pid}`);
  try {
    const existing = fs.readdirSync(dataDir).filter((n) => n !== 'platform.lock');
    if (existing.length > 0 && !options.force) {
      throw new BackupError(
        `数据目录 ${dataDir} 不是空的（${existing.slice(0, 5).join('、')}${existing.length > 5 ? '…' : ''}）。` +
          '恢复会替换其中的数据：确认后加 --force（原有内容会移到数据目录下的 before-restore-<时间> 中），或用 --data-dir 指定一个空目录。',
      );
    }
    if (options.databaseUrl) {
      const usage = await databaseInUse(options.databaseUrl);
      if (usage.connections > 0) {
        throw new BackupError(
          `还有 ${usage.connections} 个平台连接正在使用目标数据库：请先停止所有平台实例，再恢复`,
        );
      }
      if (usage.tables > 0 && !options.force) {
        throw new BackupError(
          `目标数据库已有 ${usage.tables} 张表。恢复会删除并替换其中的同名对象：确认后加 --force，或换一个空数据库`,
        );
      }
    }

    let movedAside: string | undefined;
    if (existing.length > 0) {
      movedAside = path.join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      fs.mkdirSync(movedAside);
      for (const name of existing) fs.renameSync(path.join(dataDir, name), path.join(movedAside, name));
      log(`原有数据已移到 ${movedAside}`);
    }

    // Everything is unpacked into a staging folder first; it moves into place only after the
    // database was restored, so a failed restore leaves no half-filled data directory behind.
    fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
    log('解开备份文件…');
    const { chunks, done } = archiveStream(archive);
    let first = true;
    try {
      await readTar(chunks, async (entry, body) => {
        if (first) {
          first = false;
          return true; // the manifest, read above
        }
        const target = safeTarget(staging, entry.name);
        const secret = entry.name.startsWith('keys/') || entry.name.startsWith('database/');
        if (entry.type === 'directory')
          fs.mkdirSync(target, { recursive: true, mode: secret ? 0o700 : 0o755 });
        else if (entry.type === 'file') {
          fs.mkdirSync(path.dirname(target), { recursive: true, mode: secret ? 0o700 : 0o755 });
          await pipeline(body, fs.createWriteStream(target, { mode: secret ? 0o600 : 0o644 }));
          fs.utimesSync(target, entry.mtime, entry.mtime);
        }
        return true;
      });
      await done;
    } catch (err) {
      if (err instanceof BackupError) throw err;
      throw new BackupError(`备份文件已损坏或不完整：${archiveProblem(err)}`);
    }

    const dump = path.join(staging, ...manifest.database.file.split('/'));
    if (!fs.existsSync(dump)) throw new BackupError(`备份文件中缺少数据库（${manifest.database.file}）`);
    if (kind === 'pglite') {
      log('恢复内嵌数据库…');
      const client = await PGlite.create({
        dataDir: path.join(dataDir, 'pglite'),
        loadDataDir: await fs.openAsBlob(dump),
        extensions: { pg_trgm },
      });
      try {
        await client.query('select 1');
      } finally {
        await client.close();
      }
    } else {
      log('运行 pg_restore 恢复 PostgreSQL 数据库…');
      const tool = findPgTool('pg_restore');
      const conn = pgConnection(options.databaseUrl as string);
      await runPgTool(
        tool,
        [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--no-privileges',
          '--single-transaction',
          '--exit-on-error',
          `--dbname=${conn.url}`,
          dump,
        ],
        conn.env,
      );
    }
    for (const part of ['keys', 'uploads']) {
      const from = path.join(staging, part);
      if (fs.existsSync(from)) fs.renameSync(from, path.join(dataDir, part));
    }
    if (fs.existsSync(path.join(dataDir, 'keys'))) fs.chmodSync(path.join(dataDir, 'keys'), 0o700);

    const warnings = keyWarnings(manifest, currentKeyring(dataDir, options.env, options.isProduction));
    return { manifest, movedAside, warnings };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}

/** A path for a new backup: `<dir>/zhucheng-backup-YYYYMMDD-HHMMSS.tar.gz` in the given time zone. */
export function defaultBackupPath(dir: string, at: Date, timeZone: string): string {
  const parts = wallClockParts(at, timeZone);
  const stamp = `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
  return path.join(dir, `zhucheng-backup-${stamp}.tar.gz`);
}
