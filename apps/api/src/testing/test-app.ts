import { type App, buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { createLogger } from '../platform/runtime/logger.ts';
import { createServices, type Services } from '../services.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: App;
  services: Services;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/zhucheng-test-unused', ...env });
}

/** The whole app on a fresh database, for `app.inject` route tests. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = await createTestDatabase();
  const services = createServices(config, database, createLogger(config), {
    ...(options.clock ? { clock: options.clock } : {}),
    jobPollingIntervalSeconds: 0.5,
  });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    database,
    async close() {
      await app.close();
      await services.jobs.stop();
      await database.close();
    },
  };
}
