import path from 'node:path';
import { buildApp } from './app.ts';
import { bootstrapPlatform } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { BootstrapError } from './platform/access/bootstrap.ts';
import { KeyringError } from './platform/crypto/keyring.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { acquireDataDirLock, DataDirLockedError } from './platform/runtime/data-dir-lock.ts';
import { createLogger } from './platform/runtime/logger.ts';
import { recordStart } from './platform/settings/start-record.ts';
import { createServices, type ServiceOverrides, type Services } from './services.ts';

// config → database → migrate → app → listen → jobs. Shutdown runs the same chain backwards.
// main.ts runs it as shipped; the browser journeys run it with the worked example case type (e2e/support).

export interface RunPlatformOptions {
  /** Extra case types and number series (the journeys' worked example). */
  overrides?: ServiceOverrides;
  /** Runs once after the bootstrap accounts exist, before the server listens (journey seeding). */
  afterBootstrap?: (services: Services) => Promise<void>;
}

async function start(options: RunPlatformOptions): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const embedded = !config.databaseUrl;
  const lock = embedded ? acquireDataDirLock(config.dataDir) : undefined;
  const pgliteDir = path.join(config.dataDir, 'pglite');

  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: pgliteDir,
    poolSize: config.databasePoolSize,
  });
  await migrateDatabase(database);
  const services = createServices(config, database, logger, options.overrides);
  const starts = await recordStart(database.db, services.clock, services.version);
  logger.info({ ...starts }, 'start recorded');
  const newAccounts = await bootstrapPlatform(services);
  await options.afterBootstrap?.(services);
  const app = await buildApp(services);

  const { lifecycle, jobs } = services;
  lifecycle.onShutdown({ name: 'http', run: () => app.close() });
  for (const listener of services.listeners) {
    lifecycle.onShutdown({ name: listener.name, run: () => listener.stop() });
  }
  lifecycle.onShutdown({ name: 'jobs', run: () => jobs.stop() });
  lifecycle.onShutdown({ name: 'database', run: () => database.close() });
  lifecycle.onShutdown({ name: 'data-dir lock', run: async () => lock?.release() });

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 30 s: exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    void lifecycle.shutdown(logger).then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  await app.listen({ port: config.port, host: config.host });
  const listenerLines: string[] = [];
  for (const listener of services.listeners) {
    const line = await listener.start();
    if (line) listenerLines.push(`  ${line}`);
  }
  if (config.jobsEnabled) await jobs.start();

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const dbLine = embedded ? `PGlite 内嵌数据库（${pgliteDir}）` : 'PostgreSQL';
  process.stdout.write(
    [
      '',
      `珠城智慧司法平台 ${services.version} 已启动 · 数据库: ${dbLine}`,
      `  工作台（工作人员）  ${base}/`,
      `  群众门户（手机）    ${base}/portal/`,
      `  接口文档            ${base}/api/docs`,
      `  健康检查            ${base}/api/health`,
      ...listenerLines,
      '按 Ctrl-C 停止。',
      '',
    ].join('\n'),
  );
  if (newAccounts.length > 0) {
    const lines = newAccounts.map(
      (a) =>
        `  ${a.username.padEnd(9)} ${a.generated ? `${a.password}（首次登录后须修改）` : '（使用环境变量中的密码）'}`,
    );
    process.stdout.write(
      [
        '已创建三员管理账号（系统管理员、安全管理员、安全审计员）。生成的密码只显示这一次，请妥善保管：',
        ...lines,
        '',
      ].join('\n'),
    );
  }
}

/** Starts the platform; a start-up failure prints the Chinese reason and exits with 1. */
export function runPlatform(options: RunPlatformOptions = {}): void {
  start(options).catch((err: unknown) => {
    const known = [ConfigError, DataDirLockedError, BootstrapError, KeyringError].some(
      (kind) => err instanceof kind,
    );
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (known) {
      process.stderr.write(`\n启动失败：${(err as Error).message}\n\n`);
    } else if (code && ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '28P01', '3D000'].includes(code)) {
      process.stderr.write(
        `\n启动失败：无法连接数据库（DATABASE_URL），请检查地址、端口、用户名和密码。${(err as Error).message}\n\n`,
      );
    } else {
      process.stderr.write(
        `\n启动失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\n`,
      );
    }
    process.exit(1);
  });
}
