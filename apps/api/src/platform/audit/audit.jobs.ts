import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import { type AuditSigningKey, pruneAuditLog, sealAuditLog } from './audit-chain.ts';

/** Links newly committed audit rows into the hash chain every minute. */
export function auditSealJob(db: Database, clock: Clock): JobDefinition {
  return {
    name: 'audit.seal',
    cron: '* * * * *',
    // The next minute's run picks up whatever this one left; retries would only pile up.
    retryLimit: 0,
    expireInSeconds: 10 * 60,
    async run() {
      await sealAuditLog(db, clock);
    },
  };
}

export interface AuditRetentionJobOptions {
  retentionDays: number;
  signingKey: AuditSigningKey;
  clock: Clock;
}

/** Once a night, prunes audit rows past the retention period behind a signed checkpoint. */
export function auditRetentionJob(db: Database, options: AuditRetentionJobOptions): JobDefinition {
  return {
    name: 'audit.prune',
    cron: '30 3 * * *',
    retryLimit: 0,
    expireInSeconds: 30 * 60,
    async run() {
      // Seal first, so the rows about to be pruned are in the chain the checkpoint refers to.
      await sealAuditLog(db, options.clock);
      await pruneAuditLog(db, options);
    },
  };
}
