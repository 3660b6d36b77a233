import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './platform/clock/clock.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { heartbeatJob } from './platform/jobs/heartbeat.job.ts';
import { JobQueue } from './platform/jobs/jobs.ts';
import { Lifecycle } from './platform/runtime/lifecycle.ts';
import type { Logger } from './platform/runtime/logger.ts';

// The composition root: every service is created here, explicitly, and handed what it needs.

export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  version: string;
  database: DatabaseHandle;
  jobs: JobQueue;
  lifecycle: Lifecycle;
}

export interface ServiceOverrides {
  clock?: Clock;
  jobPollingIntervalSeconds?: number;
}

export const platformVersion: string = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
).version;

export function createServices(
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Services {
  const clock = overrides.clock ?? systemClock(config.timeZone);
  const jobs = new JobQueue(database, {
    timeZone: config.timeZone,
    logger: logger.child({ component: 'jobs' }),
    ...(overrides.jobPollingIntervalSeconds
      ? { pollingIntervalSeconds: overrides.jobPollingIntervalSeconds }
      : {}),
  });
  jobs.define(heartbeatJob(database.db, clock));

  return { config, clock, logger, version: platformVersion, database, jobs, lifecycle: new Lifecycle() };
}
