import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, buildApp } from '../app.ts';
import { bootstrapPlatform } from '../bootstrap.ts';
import { type Config, loadConfig } from '../config.ts';
import type { BusinessModule } from '../modules/business-module.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { NumberSeries } from '../platform/numbering/number-series.ts';
import { createLogger } from '../platform/runtime/logger.ts';
import type { CaseTypeDef } from '../platform/workflow/workflow.rules.ts';
import { createServices, type Services } from '../services.ts';
import { createTestDatabase } from './test-database.ts';

/** The administrators' passwords in every test app (they meet the policy, so no forced change). */
export const testPasswords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
} as const;

export interface TestApp {
  app: App;
  services: Services;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Case types and number series beyond the modules' (the worked example of platform/workflow). */
  caseTypes?: CaseTypeDef[];
  numberSeries?: NumberSeries[];
  /** The business modules; default: every shipped module. */
  modules?: readonly BusinessModule[];
}

export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-test-'));
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: testPasswords.admin,
    SECADMIN_PASSWORD: testPasswords.secadmin,
    AUDITOR_PASSWORD: testPasswords.auditor,
    // Every test signs in from 127.0.0.1; the per-IP limit has its own test.
    LOGIN_RATE_PER_MINUTE: '10000',
    ...env,
  });
}

/** The whole app on a fresh, bootstrapped database (Beihai's tree, the three administrators), for `app.inject`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = await createTestDatabase();
  const services = createServices(config, database, createLogger(config), {
    ...(options.clock ? { clock: options.clock } : {}),
    jobPollingIntervalSeconds: 0.5,
    caseTypes: options.caseTypes ?? [],
    numberSeries: options.numberSeries ?? [],
    ...(options.modules ? { modules: options.modules } : {}),
  });
  await bootstrapPlatform(services);
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    database,
    config,
    async close() {
      await app.close();
      await services.jobs.stop();
      await database.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
