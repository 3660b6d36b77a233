import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
import { describeVerification, verifyAuditChain } from '../apps/api/src/platform/audit/audit-chain.ts';
import { auditSigningKeyFrom } from '../apps/api/src/platform/audit/audit-key.ts';
import { KeyringError, loadKeyring } from '../apps/api/src/platform/crypto/keyring.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import {
  acquireDataDirLock,
  type DataDirLock,
  DataDirLockedError,
} from '../apps/api/src/platform/runtime/data-dir-lock.ts';

// `npm run audit:verify`: walks the audit log's hash chain and names the first broken row. Read-only:
// it seals nothing (rows not sealed yet are only counted) and writes no audit row of its own.
// Exit code 0 = intact, 1 = broken or could not check.

export async function runAuditVerify(
  env: Record<string, string | undefined>,
  write: (line: string) => void,
): Promise<number> {
  const config = loadConfig(env);
  const embedded = !config.databaseUrl;
  const pgliteDir = path.join(config.dataDir, 'pglite');
  let lock: DataDirLock | undefined;
  if (embedded) {
    if (!fs.existsSync(pgliteDir)) {
      write(`没有找到内嵌数据库（${pgliteDir}）：请检查 DATA_DIR，或用 DATABASE_URL 指定 PostgreSQL。`);
      return 1;
    }
    // PGlite allows one process per directory: with the platform running, the auditor's screen
    // (GET /api/audit/verify) does the same check.
    lock = acquireDataDirLock(config.dataDir);
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir, poolSize: 2 });
  try {
    const { rows } = await database.executeSql(`select to_regclass('audit_log') is not null as present`);
    if (!rows[0]?.present) {
      write('数据库中还没有审计日志表：请先启动一次平台（npm start）完成数据库迁移。');
      return 1;
    }
    const keyring = loadKeyring({ dataDir: config.dataDir, env, isProduction: config.isProduction });
    const result = await verifyAuditChain(database.db, { signingKey: auditSigningKeyFrom(keyring) });
    write(describeVerification(result));
    if (result.checkpoint) {
      write(
        `  保留期清理检查点：记录编号 ${result.checkpoint.id}，已清理至第 ${result.checkpoint.throughSealSeq} 位` +
          `（${result.checkpoint.throughAt}），签名有效`,
      );
    }
    if (!result.ok) {
      write(`  出错记录：编号 ${result.brokenAt.id}，封存序号 ${result.brokenAt.sealSeq ?? '无'}`);
      return 1;
    }
    write(`  最后封存序号：${result.lastSealSeq ?? '无'}；待封存：${result.unsealedRows} 条`);
    return 0;
  } finally {
    await database.close();
    lock?.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runAuditVerify(process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const known =
        err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof KeyringError;
      // A failed query wraps the database's own message; that one says what went wrong.
      const cause = err instanceof Error && err.cause instanceof Error ? `\n${err.cause.message}` : '';
      const text =
        err instanceof Error ? (known ? err.message : `${err.stack ?? err.message}${cause}`) : String(err);
      process.stderr.write(`审计日志校验未能完成：${text}\n`);
      process.exit(1);
    },
  );
}
