import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { auditRetentionJob, auditSealJob } from './audit.jobs.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { recordAudit } from './audit-log.ts';
import { auditRows, staffContext, testSigningKey } from './audit-test-support.ts';

describe('audit jobs', () => {
  let database: DatabaseHandle;
  const clock = fixedClock('2026-01-01T00:00:00Z');
  const job = { id: 'job-1', name: 'test' };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('audit.seal runs every minute and seals what was written since', async () => {
    const seal = auditSealJob(database.db, clock);
    expect(seal).toMatchObject({ name: 'audit.seal', cron: '* * * * *' });
    for (let i = 0; i < 3; i++)
      await recordAudit(database.db, staffContext(), { action: 'case.update' }, clock);
    await seal.run({}, job);
    expect((await auditRows(database)).map((r) => r.seal_seq)).toEqual([1, 2, 3]);
  });

  it('audit.prune seals first, then prunes behind a checkpoint', async () => {
    const prune = auditRetentionJob(database.db, { retentionDays: 180, signingKey: testSigningKey, clock });
    expect(prune).toMatchObject({ name: 'audit.prune', cron: '30 3 * * *' });
    await recordAudit(database.db, staffContext(), { action: 'case.update' }, clock); // unsealed so far
    clock.set('2026-09-01T00:00:00Z');
    await prune.run({}, job);
    // Rows 1–3 went; row 4 is the newest sealed row and stays, so the chain goes on from it.
    expect((await auditRows(database)).map((r) => [r.seal_seq, r.action])).toEqual([
      [4, 'case.update'],
      [null, 'audit.checkpoint'],
    ]);
    expect(await verifyAuditChain(database.db, { signingKey: testSigningKey })).toMatchObject({
      ok: true,
      checkpoint: { throughSealSeq: 3, signature: 'valid' },
    });
  });
});
