import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
import { BackupError, readBackupManifest, restoreBackup } from '../apps/api/src/platform/backup/backup.ts';
import { KeyringError } from '../apps/api/src/platform/crypto/keyring.ts';

// `npm run restore -- <file> [--data-dir DIR] [--force]`: puts a backup from `npm run backup` back.

const usage = `用法：npm run restore -- <备份文件.tar.gz> [--data-dir 目录] [--force]
  把 npm run backup 生成的备份恢复到数据目录（默认 DATA_DIR，即 ./data）：数据库、密钥文件和上传文件。
  PostgreSQL 的备份恢复到 DATABASE_URL 指定的数据库（pg_restore --clean --if-exists）。
  --data-dir  恢复到另一个数据目录
  --force     数据目录或数据库中已有数据时仍然恢复（原数据目录的内容移到其中的 before-restore-<时间>）
  恢复前请先停止平台。`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(`${usage}\n`);
    process.exit(values.help ? 0 : 1);
  }
  const archive = path.resolve(positionals[0] as string);
  const config = loadConfig();
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : config.dataDir;

  const manifest = await readBackupManifest(archive);
  process.stdout.write(
    [
      `备份文件：${archive}`,
      `  创建于 ${manifest.createdAt}，平台版本 ${manifest.platformVersion}`,
      `  数据库：${manifest.database.kind === 'pglite' ? '内嵌数据库 PGlite' : 'PostgreSQL'}；` +
        `上传文件 ${manifest.uploads.files} 个；` +
        `密钥版本 ${manifest.keys.versions.map((v) => v.id).join('、') || '无'}` +
        `${manifest.keys.included ? '（含密钥文件）' : '（不含密钥，需要原来的 DATA_KEYS / DATA_INDEX_KEY）'}`,
      `恢复到：${dataDir}${config.databaseUrl ? ' 和 DATABASE_URL 指定的数据库' : ''}`,
      '',
    ].join('\n'),
  );

  const result = await restoreBackup({
    archive,
    dataDir,
    databaseUrl: config.databaseUrl,
    env: process.env,
    isProduction: config.isProduction,
    force: values.force,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write('\n恢复完成。启动平台（npm start）时会自动执行数据库迁移。\n');
  if (result.movedAside) {
    process.stdout.write(`原来的数据在 ${result.movedAside}，确认恢复无误后可以删除。\n`);
  }
  for (const warning of result.warnings) process.stdout.write(`警告：${warning}\n`);
  process.stdout.write('\n');
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof ConfigError || err instanceof KeyringError;
  const message = known
    ? (err as Error).message
    : err instanceof Error
      ? (err.stack ?? err.message)
      : String(err);
  process.stderr.write(`\n恢复失败：${message}\n\n`);
  process.exit(1);
});
