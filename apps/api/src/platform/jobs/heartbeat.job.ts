import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { writeSetting } from '../settings/settings.repo.ts';
import type { JobDefinition } from './jobs.ts';

export const HEARTBEAT_SETTING = 'jobs.heartbeat';

/** Records that the queue is working; readiness and operators read the time it last ran. */
export function heartbeatJob(db: Database, clock: Clock): JobDefinition<{ source?: string }> {
  return {
    name: 'platform.heartbeat',
    cron: '*/5 * * * *',
    retryLimit: 0,
    async run(data, ctx) {
      const at = clock.now();
      await writeSetting(
        db,
        HEARTBEAT_SETTING,
        { at: at.toISOString(), jobId: ctx.id, source: data.source ?? 'cron' },
        at,
      );
    },
  };
}
