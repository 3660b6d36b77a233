import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
import { BackupError, createBackup, defaultBackupPath } from '../apps/api/src/platform/backup/backup.ts';
import { KeyringError } from '../apps/api/src/platform/crypto/keyring.ts';

// `npm run backup -- [--out FILE]`: the database, the key file and the uploaded files in one .tar.gz.

const usage = `用法：npm run backup -- [--out 文件.tar.gz]
  备份数据库（内嵌 PGlite 或 DATABASE_URL 指定的 PostgreSQL）、密钥文件和上传文件，写成一个 .tar.gz。
  不指定 --out 时写到 ./backups/zhucheng-backup-<日期-时间>.tar.gz。
  内嵌数据库只能在平台停止时备份。`;

const root = path.resolve(import.meta.dirname, '..');

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const config = loadConfig();
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  const out = values.out
    ? path.resolve(values.out)
    : defaultBackupPath(path.resolve('backups'), new Date(), config.timeZone);
  const { file, manifest } = await createBackup({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    env: process.env,
    isProduction: config.isProduction,
    out,
    platformVersion: version,
    log: (line) => process.stdout.write(`${line}\n`),
  });

  const keys = manifest.keys;
  const versions = keys.versions.map((v) => v.id).join('、');
  const lines = [
    '',
    `备份完成：${file}（${formatBytes(fs.statSync(file).size)}）`,
    `  数据库：${manifest.database.kind === 'pglite' ? '内嵌数据库 PGlite' : 'PostgreSQL'}`,
    `  上传文件：${manifest.uploads.files} 个（${formatBytes(manifest.uploads.bytes)}）`,
  ];
  if (keys.source === 'file') {
    lines.push(
      `  密钥：密钥文件（版本 ${versions}），已包含在备份中`,
      '',
      '注意：备份里有个人信息加密密钥，拿到这个文件就能读出全部身份证号、电话和地址。',
      '请像保管密钥一样保管备份：存放在加密的介质上，只允许管理员访问，不要通过聊天工具或邮件传送。',
    );
  } else if (keys.source === 'env') {
    lines.push(
      `  密钥：来自环境变量 DATA_KEYS / DATA_INDEX_KEY（版本 ${versions}），没有写入备份`,
      '',
      '注意：恢复这个备份需要同样的 DATA_KEYS 和 DATA_INDEX_KEY。请把它们另行安全保存；',
      '没有这些密钥，备份中的身份证号、电话和地址无法恢复。',
    );
  } else {
    lines.push('  密钥：数据目录中还没有密钥文件（尚未保存过加密的个人信息）');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof ConfigError || err instanceof KeyringError;
  const message = known
    ? (err as Error).message
    : err instanceof Error
      ? (err.stack ?? err.message)
      : String(err);
  process.stderr.write(`\n备份失败：${message}\n\n`);
  process.exit(1);
});
