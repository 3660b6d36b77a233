import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { auditLog } from './audit.schema.ts';
import {
  auditRowHash,
  describeVerification,
  GENESIS_HASH,
  sealAuditLog,
  verifyAuditChain,
} from './audit-chain.ts';
import { recordAudit } from './audit-log.ts';
import { asTamperer, auditRows, staffContext } from './audit-test-support.ts';

describe('audit hash chain', () => {
  let database: DatabaseHandle;
  const clock = fixedClock('2026-11-27T01:30:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      sealedRows: 0,
      lastSealSeq: null,
      unsealedRows: 0,
      checkpoint: null,
    });
  });

  it('keeps one chain while 8 transactions write 200 rows and two sealers run at the same time', async () => {
    let writing = true;
    const writer = async (w: number) => {
      // Each writer commits five transactions of five rows, so sealers find committed rows mid-way.
      for (let t = 0; t < 5; t++) {
        await database.db.transaction(async (tx) => {
          for (let i = 0; i < 5; i++) {
            await recordAudit(
              tx,
              staffContext({}, `req-${w}-${t}`),
              { action: 'case.update', entityType: 'case', entityId: `${w}`, after: { t, i } },
              clock,
            );
          }
        });
      }
    };
    const sealer = async () => {
      let runs = 0;
      while (writing || runs === 0) {
        await sealAuditLog(database.db, clock, { batchSize: 7 });
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return runs;
    };
    const sealers = [sealer(), sealer()];
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    writing = false;
    await Promise.all(sealers);
    const finalRun = await sealAuditLog(database.db, clock);

    const rows = await auditRows(database);
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.hash !== null)).toBe(true);
    expect(finalRun.lastSealSeq).toBe(200);
    // One chain: positions 1…200 without gaps or doubles, each row linked to the one before it.
    const bySeq = [...rows].sort((a, b) => (a.seal_seq ?? 0) - (b.seal_seq ?? 0));
    expect(bySeq.map((r) => r.seal_seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(bySeq[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < bySeq.length; i++) expect(bySeq[i]?.prev_hash).toBe(bySeq[i - 1]?.hash);

    expect(await verifyAuditChain(database.db, { batchSize: 50 })).toEqual({
      ok: true,
      sealedRows: 200,
      lastSealSeq: 200,
      unsealedRows: 0,
      checkpoint: null,
    });
  });

  it('counts rows not yet sealed without failing the verification', async () => {
    await recordAudit(database.db, staffContext(), { action: 'case.update', entityId: 'late' }, clock);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, sealedRows: 200, unsealedRows: 1 });
    expect(describeVerification(result)).toBe(
      '审计日志完整：已校验 200 条封存记录，未发现篡改；另有 1 条新记录等待封存',
    );
    expect(await sealAuditLog(database.db, clock)).toEqual({ sealed: 1, lastSealSeq: 201 });
    expect(await sealAuditLog(database.db, clock)).toEqual({ sealed: 0, lastSealSeq: 201 });
  });

  it('finds a tampered row at its position, and verifies again once the original is back', async () => {
    const [target] = await auditRows(database, 'seal_seq = 137');
    if (!target) throw new Error('no row at position 137');
    await asTamperer(database, `update audit_log set after = '{"t": 9, "i": 9}' where id = ${target.id}`);

    const result = await verifyAuditChain(database.db, { batchSize: 50 });
    expect(result).toMatchObject({
      ok: false,
      brokenAt: { id: target.id, sealSeq: 137 },
      reason: 'hashMismatch',
      sealedRows: 136,
    });
    expect(describeVerification(result)).toBe(
      `审计日志校验失败：第 137 位（记录编号 ${target.id}）内容与封存哈希不符，记录可能被篡改`,
    );

    await asTamperer(
      database,
      `update audit_log set after = '${JSON.stringify(target.after)}' where id = ${target.id}`,
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, sealedRows: 201 });
  });

  it('finds a row rewritten with a recomputed hash by the broken link of the row after it', async () => {
    const [target] = await database.db.select().from(auditLog).where(eq(auditLog.sealSeq, 50));
    const [next] = await auditRows(database, 'seal_seq = 51');
    if (!target?.hash || !target.prevHash || !next) throw new Error('rows missing');
    const forged = { ...target, after: { t: 0, i: 0, forged: true } };
    const forgedHash = auditRowHash(target.prevHash, forged, 50);
    await asTamperer(
      database,
      `update audit_log set after = '${JSON.stringify(forged.after)}', hash = '${forgedHash}'
       where id = ${target.id}`,
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAt: { id: next.id, sealSeq: 51 },
      reason: 'prevHashMismatch',
      sealedRows: 50,
    });
    await asTamperer(
      database,
      `update audit_log set after = '${JSON.stringify(target.after)}', hash = '${target.hash}'
       where id = ${target.id}`,
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('reports a deleted row as a gap before the next position', async () => {
    const [next] = await auditRows(database, 'seal_seq = 91');
    const [gone] = await auditRows(database, 'seal_seq = 90');
    if (!next || !gone) throw new Error('rows missing');
    await asTamperer(
      database,
      `create table audit_saved as select * from audit_log where id = ${gone.id};
       delete from audit_log where id = ${gone.id}`,
    );
    const result = await verifyAuditChain(database.db, { batchSize: 30 });
    expect(result).toMatchObject({
      ok: false,
      brokenAt: { id: next.id, sealSeq: 91 },
      reason: 'gap',
      expectedSealSeq: 90,
    });
    expect(describeVerification(result)).toContain('应为第 90 位');

    await database.executeSql('insert into audit_log select * from audit_saved; drop table audit_saved');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, sealedRows: 201 });
  });

  // PGlite runs one connection, so a second transaction cannot commit while the first is open there.
  it.runIf(testDatabaseKind() === 'postgres')(
    'seals a row whose transaction commits after a higher id was sealed, later in the chain',
    async () => {
      let inserted!: () => void;
      let release!: () => void;
      const insertedSignal = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slow = database.db.transaction(async (tx) => {
        const id = await recordAudit(tx, staffContext(), { action: 'case.update', entityId: 'slow' }, clock);
        inserted();
        await gate;
        return id;
      });
      await insertedSignal;
      const fastId = await recordAudit(
        database.db,
        staffContext(),
        { action: 'case.update', entityId: 'fast' },
        clock,
      );
      expect(await sealAuditLog(database.db, clock)).toEqual({ sealed: 1, lastSealSeq: 202 });
      release();
      const slowId = await slow;
      expect(slowId).toBeLessThan(fastId);
      expect(await sealAuditLog(database.db, clock)).toEqual({ sealed: 1, lastSealSeq: 203 });

      const [slowRow] = await auditRows(database, `id = ${slowId}`);
      const [fastRow] = await auditRows(database, `id = ${fastId}`);
      expect(fastRow?.seal_seq).toBe(202);
      expect(slowRow?.seal_seq).toBe(203);
      expect(slowRow?.prev_hash).toBe(fastRow?.hash);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, lastSealSeq: 203 });
    },
  );
});
