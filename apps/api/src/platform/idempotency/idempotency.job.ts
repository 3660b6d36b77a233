import type { JobDefinition } from '../jobs/jobs.ts';
import type { IdempotencyService } from './idempotency.service.ts';

/** Daily: forgets keys older than a day, so the table holds one day of create requests. */
export function idempotencyPruneJob(
  idempotency: Pick<IdempotencyService, 'prune'>,
): JobDefinition<Record<string, never>> {
  return {
    name: 'idempotency.prune',
    cron: '50 3 * * *',
    retryLimit: 2,
    async run() {
      await idempotency.prune();
    },
  };
}
