import type { Database } from '../db/database.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import type { DeadlineService } from './deadline.service.ts';

/**
 * Nightly: recomputes every live day-rule clock not yet past due on the current calendar. It picks up a
 * year the package gained after an upgrade, and settles a clock another instance started with a calendar
 * snapshot a few seconds older than an override edit.
 */
export function deadlineRecomputeJob(
  db: Database,
  deadlines: Pick<DeadlineService, 'recomputeUpcoming'>,
): JobDefinition<Record<string, never>> {
  return {
    name: 'deadlines.recompute',
    cron: '20 2 * * *',
    retryLimit: 2,
    async run() {
      await db.transaction((tx) => deadlines.recomputeUpcoming(tx));
    },
  };
}
