import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { systemContext } from '../access/principal.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import {
  AuditChainBrokenError,
  MIN_AUDIT_RETENTION_DAYS,
  pruneAuditLog,
  sealAuditLog,
  verifyAuditChain,
} from './audit-chain.ts';
import { recordAudit } from './audit-log.ts';
import { asTamperer, auditRows, staffContext, testSigningKey } from './audit-test-support.ts';

const day = 86_400_000;

describe('audit log retention', () => {
  let database: DatabaseHandle;
  const start = new Date('2026-01-01T02:00:00Z');
  const clock = fixedClock(start);
  const at = (days: number) => clock.set(new Date(start.getTime() + days * day));

  async function write(n: number, entityId: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      await recordAudit(
        database.db,
        staffContext(),
        { action: 'case.update', entityId, after: { i } },
        clock,
      );
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    at(0);
    await write(10, 'day0');
    at(100);
    await write(10, 'day100');
    await sealAuditLog(database.db, clock);
    at(300);
    await write(10, 'day300');
    await sealAuditLog(database.db, clock);
  });
  afterAll(() => database.close());

  it('refuses a retention period shorter than six months (网络安全法 第二十一条)', async () => {
    expect(MIN_AUDIT_RETENTION_DAYS).toBe(180);
    const attempt = pruneAuditLog(database.db, { retentionDays: 90, signingKey: testSigningKey, clock });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow('审计日志保留期不得少于 180 天（《网络安全法》第二十一条');
    expect(await auditRows(database)).toHaveLength(30);
  });

  it('refuses to prune a broken chain, so the evidence stays', async () => {
    at(400);
    const [target] = await auditRows(database, 'seal_seq = 5');
    if (!target) throw new Error('row missing');
    await asTamperer(database, `update audit_log set ip = '6.6.6.6' where id = ${target.id}`);
    const attempt = pruneAuditLog(database.db, { retentionDays: 180, signingKey: testSigningKey, clock });
    await expect(attempt).rejects.toBeInstanceOf(AuditChainBrokenError);
    await expect(attempt).rejects.toThrow(`审计日志哈希链在第 5 位（记录 ${target.id}）断裂`);
    expect(await auditRows(database)).toHaveLength(30);
    await asTamperer(database, `update audit_log set ip = '10.1.2.3' where id = ${target.id}`);
  });

  it('prunes old sealed rows behind a signed checkpoint, and the rest of the chain still verifies', async () => {
    at(400); // cutoff: day 220
    const result = await pruneAuditLog(database.db, {
      retentionDays: 180,
      signingKey: testSigningKey,
      clock,
    });
    expect(result).toMatchObject({ prunedRows: 20, throughSealSeq: 20 });
    expect(result.cutoff.toISOString()).toBe(new Date(start.getTime() + 220 * day).toISOString());

    const left = await auditRows(database);
    expect(left.map((r) => r.seal_seq)).toEqual([...Array.from({ length: 10 }, (_, i) => i + 21), null]);
    const checkpoint = left.at(-1);
    expect(checkpoint).toMatchObject({ id: result.checkpointId, action: 'audit.checkpoint', hash: null });

    const beforeSeal = await verifyAuditChain(database.db, { signingKey: testSigningKey });
    expect(beforeSeal).toMatchObject({
      ok: true,
      sealedRows: 10,
      lastSealSeq: 30,
      unsealedRows: 1,
      checkpoint: { id: result.checkpointId, throughSealSeq: 20, signature: 'valid' },
    });
    await sealAuditLog(database.db, clock);
    expect(await verifyAuditChain(database.db, { signingKey: testSigningKey })).toMatchObject({
      ok: true,
      sealedRows: 11,
      lastSealSeq: 31,
      unsealedRows: 0,
    });
    // Without the key the chain is still checked; the checkpoint's signature is reported as unchecked.
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: true,
      checkpoint: { signature: 'unchecked' },
    });
  });

  it('keeps the rows the checkpoint does not cover undeletable', async () => {
    const [young] = await auditRows(database, 'seal_seq = 25');
    if (!young) throw new Error('row missing');
    const attempt = database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('zhucheng.audit_prune', 'on', true)`);
      await tx.execute(sql`delete from audit_log where id = ${young.id}`);
    });
    await expect(attempt.catch((err: Error) => Promise.reject(err.cause ?? err))).rejects.toThrow(
      /append-only/,
    );
  });

  it('does nothing when no row is past the retention period', async () => {
    expect(
      await pruneAuditLog(database.db, { retentionDays: 365, signingKey: testSigningKey, clock }),
    ).toMatchObject({ prunedRows: 0, checkpointId: null });
    expect(await auditRows(database)).toHaveLength(11);
  });

  it('stops the pruned prefix at the first young row, even if older rows were sealed after it', async () => {
    at(500);
    await write(2, 'day500');
    at(100); // a row stamped long ago whose transaction committed late
    await write(1, 'late');
    await sealAuditLog(database.db, clock);
    at(650); // cutoff: day 470 — rows of day 300 and the checkpoint of day 400 are old, day 500 is not
    const result = await pruneAuditLog(database.db, {
      retentionDays: 180,
      signingKey: testSigningKey,
      clock,
    });
    expect(result).toMatchObject({ prunedRows: 11, throughSealSeq: 31 });
    const left = await auditRows(database);
    expect(left.map((r) => r.seal_seq)).toEqual([32, 33, 34, null]);
    await sealAuditLog(database.db, clock);
    expect(await verifyAuditChain(database.db, { signingKey: testSigningKey })).toMatchObject({
      ok: true,
      sealedRows: 4,
      lastSealSeq: 35,
      checkpoint: { id: result.checkpointId, throughSealSeq: 31, signature: 'valid' },
    });
  });

  it('keeps the newest sealed row, so the sealer can continue the chain', async () => {
    at(2000);
    const result = await pruneAuditLog(database.db, {
      retentionDays: 180,
      signingKey: testSigningKey,
      clock,
    });
    expect(result).toMatchObject({ prunedRows: 3, throughSealSeq: 34 });
    await write(1, 'day2000');
    await sealAuditLog(database.db, clock);
    expect(await verifyAuditChain(database.db, { signingKey: testSigningKey })).toMatchObject({
      ok: true,
      sealedRows: 3,
      lastSealSeq: 37,
    });
  });

  it('rejects a checkpoint signed with another key, or forged without one', async () => {
    expect(
      await verifyAuditChain(database.db, {
        signingKey: Buffer.from('another-key-of-sixteen-bytes-or-more'),
      }),
    ).toMatchObject({ ok: false, reason: 'checkpointInvalid' });

    const forgedId = await recordAudit(
      database.db,
      systemContext('audit.prune'),
      {
        action: 'audit.checkpoint',
        detail: {
          throughSealSeq: 36,
          throughHash: 'a'.repeat(64),
          throughAt: start.toISOString(),
          signature: 'b',
        },
      },
      clock,
    );
    expect(await verifyAuditChain(database.db, { signingKey: testSigningKey })).toMatchObject({
      ok: false,
      reason: 'checkpointInvalid',
      brokenAt: { id: forgedId, sealSeq: null },
    });
    // A prune on top of a forged checkpoint is refused as well.
    await expect(
      pruneAuditLog(database.db, { retentionDays: 180, signingKey: testSigningKey, clock }),
    ).rejects.toBeInstanceOf(AuditChainBrokenError);
  });
});
