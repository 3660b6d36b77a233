import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
import { registeredEncryptedColumns } from '../apps/api/src/platform/crypto/encrypted-columns.ts';
import {
  addKeyFileVersion,
  formatEnvSecret,
  generateSecret,
  KeyringError,
  keyFilePath,
  loadKeyring,
  parseDataKeys,
  replaceKeyFileIndexSecret,
  versionNumber,
  withIndexSecret,
} from '../apps/api/src/platform/crypto/keyring.ts';
import {
  findUnregisteredEncryptedColumns,
  type RotationReport,
  recomputeBlindIndexes,
  rotateKeys,
} from '../apps/api/src/platform/crypto/rotate.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { acquireDataDirLock, DataDirLockedError } from '../apps/api/src/platform/runtime/data-dir-lock.ts';

// `npm run keys:rotate`: a new key version for personal data, and every encrypted column re-encrypted.
//
// Key file (development, one office): adds the version to DATA_DIR/keys/data-keys.json, then re-encrypts.
// Environment (production): two steps, so no running instance ever meets a version it lacks:
//   1. `--new-key` prints a new version; put it first in DATA_KEYS on every instance and restart them;
//   2. `keys:rotate` re-encrypts everything to that (current) version.

const usage = `用法：npm run keys:rotate [-- 选项]
  不带选项：
    密钥文件模式（未设置 DATA_KEYS）：在 DATA_DIR/keys/data-keys.json 中新增一个密钥版本，
      然后把所有加密字段重新加密为新版本。
    环境变量模式（设置了 DATA_KEYS）：把所有加密字段重新加密为 DATA_KEYS 的第一个（当前）版本。
  --new-key           只生成并打印一个新密钥（环境变量模式的第一步），不改动数据库
  --reencrypt-only    密钥文件模式：不新增版本，只把尚未使用当前版本的字段重新加密（例如上次中断后）
  --rotate-index-key  另外更换盲索引密钥并重算全部盲索引。平台必须停止；中断后重新运行同一命令即可
  --batch-size N      每个事务处理的行数（默认 200）`;

const root = path.resolve(import.meta.dirname, '..');
const out = (line = '') => process.stdout.write(`${line}\n`);

class RotateError extends Error {}

/** Modules register their encrypted columns at load time: load every schema file and the composition root. */
async function loadRegistrations(): Promise<void> {
  const src = path.join(root, 'apps/api/src');
  const schemaFiles: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.schema.ts')) schemaFiles.push(full);
    }
  };
  walk(src);
  for (const file of schemaFiles.sort()) await import(pathToFileURL(file).href);
  await import(pathToFileURL(path.join(src, 'services.ts')).href);
}

function printNewKey(env: NodeJS.ProcessEnv): void {
  const secret = formatEnvSecret(generateSecret());
  const existing = env.DATA_KEYS?.trim();
  if (!existing) {
    out('新的个人信息加密密钥（首次部署）。把这两行加入生产环境的环境变量，并另行安全保存：');
    out();
    out(`DATA_KEYS=v1:${secret}`);
    out(`DATA_INDEX_KEY=${formatEnvSecret(generateSecret())}`);
    out();
    out('DATA_INDEX_KEY（盲索引密钥）在数据的整个生命周期内保持不变。');
    return;
  }
  const next = Math.max(...parseDataKeys(existing).map((v) => versionNumber(v.id))) + 1;
  out(`新的密钥版本 v${next}。把它放在 DATA_KEYS 的最前面（其余版本保留），DATA_INDEX_KEY 不变：`);
  out();
  out(`DATA_KEYS=v${next}:${secret},<原来的 DATA_KEYS 值>`);
  out();
  out('然后：1. 更新所有平台实例的环境变量并重启（新写入的数据使用新版本）；');
  out('      2. 运行 npm run keys:rotate，把已有数据重新加密为新版本。');
  out('旧版本在此之前做的备份仍然需要：保留旧备份期间，请继续安全保存旧的密钥值。');
}

function printReport(title: string, report: RotationReport): void {
  out(title);
  if (report.columns.length === 0) out('  （没有登记的加密字段）');
  for (const c of report.columns) {
    const versions =
      Object.entries(c.versions)
        .map(([v, n]) => `${v} ${n} 行`)
        .join('，') || '无数据';
    out(`  ${c.table}.${c.column}：更新 ${c.updated} 行，失败 ${c.failed.length} 行；现有 ${versions}`);
    for (const f of c.failed.slice(0, 20)) out(`    失败 id=${f.id}：${f.reason}`);
    if (c.failed.length > 20) out(`    ……另有 ${c.failed.length - 20} 行失败`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'new-key': { type: 'boolean', default: false },
      'reencrypt-only': { type: 'boolean', default: false },
      'rotate-index-key': { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '200' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out(usage);
    return;
  }
  const env = process.env;
  if (values['new-key']) {
    printNewKey(env);
    return;
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RotateError('--batch-size 必须是正整数');

  const config = loadConfig();
  const envMode = Boolean(env.DATA_KEYS?.trim());
  if (!envMode && !fs.existsSync(keyFilePath(config.dataDir))) {
    throw new RotateError(
      `没有找到密钥文件 ${keyFilePath(config.dataDir)}，也没有设置 DATA_KEYS：没有需要轮换的密钥`,
    );
  }
  await loadRegistrations();
  const columns = registeredEncryptedColumns();

  let lock: ReturnType<typeof acquireDataDirLock> | undefined;
  if (!config.databaseUrl) {
    try {
      lock = acquireDataDirLock(config.dataDir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      throw new RotateError(
        '平台正在运行，占用着内嵌数据库：请先停止平台（在运行 npm start 的终端按 Ctrl-C），再运行 npm run keys:rotate。',
      );
    }
  } else if (values['rotate-index-key']) {
    // Lookups by the old index find nothing while the indexes are being recomputed.
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    const r = await client.query(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and application_name = 'zhucheng-api'`,
    );
    await client.end();
    if ((r.rows[0]?.n ?? 0) > 0) {
      throw new RotateError('更换盲索引密钥前必须停止所有平台实例（数据库上还有平台的连接）');
    }
  }

  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
  });
  try {
    await migrateDatabase(database);
    const unregistered = await findUnregisteredEncryptedColumns(database.db, columns);
    for (const name of unregistered) {
      out(`警告：数据库中的 ${name} 看起来是加密字段，但没有登记（registerEncryptedColumn），不会被重新加密`);
    }

    let keyring = loadKeyring({ dataDir: config.dataDir, env, isProduction: config.isProduction });
    if (!envMode && !values['reencrypt-only']) {
      const { added } = addKeyFileVersion(keyFilePath(config.dataDir));
      keyring = loadKeyring({ dataDir: config.dataDir, env, isProduction: config.isProduction });
      out(`已在密钥文件中新增密钥版本 ${added}（指纹 ${keyring.current.fingerprint}），旧版本保留用于解密。`);
    }
    out(`当前密钥版本：${keyring.current.id}。开始重新加密……`);
    const report = await rotateKeys(database.db, keyring, columns, { batchSize });
    printReport('重新加密结果：', report);
    let failed = report.failed;

    if (values['rotate-index-key']) {
      const indexSecret = generateSecret();
      out('开始用新的盲索引密钥重算盲索引……');
      const indexReport = await recomputeBlindIndexes(
        database.db,
        withIndexSecret(keyring, indexSecret),
        columns,
        {
          batchSize,
        },
      );
      printReport('盲索引重算结果：', indexReport);
      failed += indexReport.failed;
      if (envMode) {
        out();
        out('新的盲索引密钥。启动平台前把 DATA_INDEX_KEY 换成下面的值（旧值作废）：');
        out(`DATA_INDEX_KEY=${formatEnvSecret(indexSecret)}`);
      } else {
        replaceKeyFileIndexSecret(keyFilePath(config.dataDir), indexSecret);
        out('新的盲索引密钥已写入密钥文件。');
      }
    }

    out();
    out(`完成：共更新 ${report.updated} 行${failed > 0 ? `，${failed} 行失败（数据未改动，请检查）` : ''}。`);
    if (envMode) {
      out(
        '所有实例都已使用新的 DATA_KEYS 后，不再需要旧版本解密现有数据；但旧备份仍需要旧密钥，请继续保存。',
      );
    } else {
      out('旧版本密钥仍保留在密钥文件中：此前做的备份需要它们。建议现在运行 npm run backup 做一次新备份。');
    }
    if (failed > 0) process.exitCode = 1;
  } finally {
    await database.close();
    lock?.release();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof RotateError || err instanceof ConfigError || err instanceof KeyringError;
  const message = known
    ? (err as Error).message
    : err instanceof Error
      ? (err.stack ?? err.message)
      : String(err);
  process.stderr.write(`\n密钥轮换失败：${message}\n\n`);
  process.exit(1);
});
