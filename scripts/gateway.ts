import { ConfigError, loadConfig } from '../apps/api/src/config.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { createLogger } from '../apps/api/src/platform/runtime/logger.ts';
import { createServices } from '../apps/api/src/services.ts';

// `npm run gateway`: the JT/T 808 terminal gateway as a process of its own, beside `npm start`, on PostgreSQL
// (DATABASE_URL). Several may run behind a TCP load balancer: positions are deduplicated by (terminal, time) and
// partitions are created under an advisory lock. With the embedded database the gateway runs inside `npm start`
// (one process owns a PGlite directory), so this refuses to start without DATABASE_URL.

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(
      '独立网关需要 PostgreSQL（设置 DATABASE_URL）；使用内嵌数据库时，网关随 npm start 一起运行（TRACKING_PORT）。',
    );
  }
  if (config.tracking.port === null) throw new ConfigError('TRACKING_PORT=off：没有要启动的网关。');
  const logger = createLogger(config);
  const database = await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize });
  await migrateDatabase(database);
  const services = createServices(config, database, logger);
  const lines: string[] = [];
  for (const listener of services.listeners) {
    const line = await listener.start();
    if (line) lines.push(`  ${line}`);
  }
  process.stdout.write(
    `\n珠城智慧司法平台 · 终端接入网关已启动（PostgreSQL）\n${lines.join('\n')}\n按 Ctrl-C 停止。\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    for (const listener of services.listeners) await listener.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`\n网关启动失败：${err instanceof Error ? err.message : String(err)}\n\n`);
  process.exit(1);
});
