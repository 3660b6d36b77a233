import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapPlatform } from '../apps/api/src/bootstrap.ts';
import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
import { createDemoRegistry } from '../apps/api/src/demo-steps.ts';
import { BootstrapError } from '../apps/api/src/platform/access/bootstrap.ts';
import { settableClock } from '../apps/api/src/platform/clock/clock.ts';
import { KeyringError } from '../apps/api/src/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { platformDemoAccounts } from '../apps/api/src/platform/demo/accounts.demo.ts';
import { DemoStepError } from '../apps/api/src/platform/demo/demo-context.ts';
import { DemoRegistryError } from '../apps/api/src/platform/demo/demo-registry.ts';
import {
  assertDemoAllowed,
  DemoPasswordError,
  DemoRefusedError,
  listDemoAccounts,
  productionRefusal,
  resolveDemoPassword,
  runDemo,
} from '../apps/api/src/platform/demo/demo-run.ts';
import {
  acquireDataDirLock,
  type DataDirLock,
  DataDirLockedError,
} from '../apps/api/src/platform/runtime/data-dir-lock.ts';
import { createLogger } from '../apps/api/src/platform/runtime/logger.ts';
import { createServices } from '../apps/api/src/services.ts';

// `npm run demo`: fills a fresh platform with demo data (演示数据) through the services, each record at its
// historical time, and prints the demo accounts. Safe to run again: finished steps are skipped.
// Exit code 0 = done, 1 = could not run (configuration, database, a step failed), 2 = refused
// (production, or the database holds real business records).

/** Pads to a width in terminal columns: a Chinese character takes two. */
function pad(text: string, width: number): string {
  const columns = [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}

export async function runDemoScript(
  env: Record<string, string | undefined>,
  write: (line: string) => void,
): Promise<number> {
  try {
    return await demo(env, write);
  } catch (err) {
    if (err instanceof DemoRefusedError) {
      write(err.message);
      return err.exitCode;
    }
    const known = [
      ConfigError,
      KeyringError,
      BootstrapError,
      DemoPasswordError,
      DemoStepError,
      DemoRegistryError,
    ].some((kind) => err instanceof kind);
    if (!known) throw err;
    write(`演示数据未能写入：${(err as Error).message}`);
    return 1;
  }
}

async function demo(env: Record<string, string | undefined>, write: (line: string) => void): Promise<number> {
  // Before anything else: production configuration may be incomplete, and must never get this far.
  if (env.NODE_ENV === 'production') {
    write(productionRefusal);
    return 2;
  }
  const config = loadConfig(env);
  // DEMO_STEPS=legalAid,mediation: only those modules' steps (and what they depend on).
  const only = (env.DEMO_STEPS ?? '').split(/[,，\s]+/).filter((name) => name !== '');
  const registry = only.length > 0 ? createDemoRegistry().only(only) : createDemoRegistry();
  const { password, generated } = resolveDemoPassword(
    env.DEMO_PASSWORD,
    platformDemoAccounts.map((a) => a.username),
  );
  const embedded = !config.databaseUrl;
  const pgliteDir = path.join(config.dataDir, 'pglite');
  let lock: DataDirLock | undefined;
  if (embedded) {
    try {
      lock = acquireDataDirLock(config.dataDir);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        write(
          `${err.message}\n演示数据要写进这个数据库：请先停止平台（npm start），运行 npm run demo，再启动平台。`,
        );
        return 1;
      }
      throw err;
    }
  }
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir, poolSize: 2 });
    await migrateDatabase(database);
    const clock = settableClock(config.timeZone);
    const logger = createLogger({ ...config, logLevel: config.logLevel === 'silent' ? 'silent' : 'warn' });
    const services = createServices(config, database, logger, { clock });
    // Refuse before the bootstrap writes anything (a database with real work has its accounts already).
    await assertDemoAllowed(database, {
      isProduction: config.isProduction,
      guardedTables: registry.guardedTables,
    });
    const administrators = await bootstrapPlatform(services);
    const result = await runDemo(services, registry, { clock, password });

    write('');
    write(`珠城智慧司法平台 · 演示数据（${embedded ? `PGlite 内嵌数据库 ${pgliteDir}` : 'PostgreSQL'}）`);
    if (result.ran.length === 0) {
      write('演示数据已经写入过，本次没有新增记录。');
    } else {
      write(`本次运行的步骤：${result.ran.join('、')}`);
      const created = Object.entries(result.created).map(([table, n]) => `${table} ${n} 条`);
      write(`新增记录：${created.length > 0 ? created.join('、') : '无'}`);
    }
    if (result.skipped.length > 0) write(`已完成、跳过的步骤：${result.skipped.join('、')}`);

    if (administrators.length > 0) {
      write('');
      write('已创建三员管理账号（系统管理员、安全管理员、安全审计员）：');
      for (const a of administrators) {
        write(
          `  ${a.username.padEnd(12)} ${a.generated ? `${a.password}（首次登录后须修改）` : '（使用环境变量中的密码）'}`,
        );
      }
    }

    const accounts = await listDemoAccounts(database);
    write('');
    write('演示账号：');
    const row = (cells: string[]) =>
      `  ${cells.map((c, i) => pad(c, [12, 18, 8][i] ?? 0)).join(' ')}`.trimEnd();
    write(row(['用户名', '角色', '姓名', '所属机构']));
    for (const a of accounts) write(row([a.username, a.roles.join('、'), a.displayName, a.unit]));
    if (result.skipped.length > 0)
      write('以前运行时建立的演示账号沿用当时的密码（DEMO_PASSWORD 或当时显示的密码）。');
    if (result.ran.length > 0) {
      write(
        generated
          ? `本次建立的演示账号的密码（生成，只显示这一次）：${password}`
          : '本次建立的演示账号的密码：DEMO_PASSWORD 中设置的密码。',
      );
    }
    write('');
    return 0;
  } finally {
    await database?.close();
    lock?.release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDemoScript(process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      // A failed query wraps the database's own message; that one says what went wrong.
      const cause = err instanceof Error && err.cause instanceof Error ? `\n${err.cause.message}` : '';
      const text = err instanceof Error ? `${err.stack ?? err.message}${cause}` : String(err);
      process.stderr.write(`演示数据未能写入：${text}\n`);
      process.exit(1);
    },
  );
}
