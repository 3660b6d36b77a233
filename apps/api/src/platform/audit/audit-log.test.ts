import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { systemContext } from '../access/principal.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { sealAuditLog } from './audit-chain.ts';
import { recordAudit } from './audit-log.ts';
import { anonymousContext, auditRows, staffContext } from './audit-test-support.ts';

describe('audit log writer', () => {
  let database: DatabaseHandle;
  const clock = fixedClock('2026-11-27T01:30:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function row(id: number): Promise<Record<string, unknown>> {
    const { rows } = await database.executeSql(
      `select actor_kind, actor_id, actor_name, unit_id, ip, action, entity_type, entity_id, before, after,
              detail, request_id, outcome, at, hash from audit_log where id = $1`,
      [id],
    );
    return rows[0] ?? {};
  }

  it('stores who, where, what and when, with personal fields masked before they reach the table', async () => {
    const id = await recordAudit(
      database.db,
      staffContext(),
      {
        action: 'user.update',
        entityType: 'staffUser',
        entityId: 42,
        before: { displayName: '张三', phone: '13812345678', idNumber: '450502199001011234' },
        after: { displayName: '张三丰', phone: '13987654321', contacts: [{ address: '北海市海城区 1 号' }] },
        personalFields: ['displayName'],
      },
      clock,
    );
    const stored = await row(id);
    expect(stored).toMatchObject({
      actor_kind: 'staff',
      actor_id: '7d1e0f7e-0000-4000-8000-000000000001',
      actor_name: '审计员甲',
      unit_id: 3,
      ip: '10.1.2.3',
      action: 'user.update',
      entity_type: 'staffUser',
      entity_id: '42',
      request_id: 'req-staff',
      outcome: 'success',
      detail: null,
      hash: null,
      before: { displayName: '***', phone: '138****5678', idNumber: '450502********1234' },
      after: { displayName: '***', phone: '139****4321', contacts: [{ address: '***' }] },
    });
    expect(new Date(stored.at as string).toISOString()).toBe('2026-11-27T01:30:00.000Z');
    // Nothing of the clear values is anywhere in the row.
    expect(JSON.stringify(stored)).not.toMatch(/13812345678|199001011234|张三丰|海城区/);
  });

  it('records the system for platform work and an anonymous caller for failed logins', async () => {
    const systemId = await recordAudit(
      database.db,
      systemContext('bootstrap'),
      { action: 'org.seed' },
      clock,
    );
    expect(await row(systemId)).toMatchObject({
      actor_kind: 'system',
      actor_id: null,
      request_id: 'system:bootstrap',
    });
    const failedId = await recordAudit(
      database.db,
      anonymousContext(),
      {
        action: 'auth.loginFailed',
        outcome: 'failure',
        detail: { username: 'zhangsan', reason: 'password' },
      },
      clock,
    );
    expect(await row(failedId)).toMatchObject({
      actor_kind: 'anonymous',
      ip: '203.0.113.9',
      outcome: 'failure',
      detail: { username: 'zhangsan', reason: 'password' },
    });
    // A successful login names the user who logged in, though the request had no session yet.
    const loginId = await recordAudit(
      database.db,
      anonymousContext('req-login'),
      { action: 'auth.login', actor: { kind: 'staff', id: 'u-9', name: '李四', unitId: 5 } },
      clock,
    );
    expect(await row(loginId)).toMatchObject({ actor_kind: 'staff', actor_id: 'u-9', actor_name: '李四' });
  });

  it('is written in the caller’s transaction: a rolled-back change leaves no audit row', async () => {
    const before = (await auditRows(database)).length;
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, staffContext(), { action: 'user.create', entityId: 'x' }, clock);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await auditRows(database)).toHaveLength(before);
  });

  it('rejects a malformed action code', async () => {
    await expect(recordAudit(database.db, staffContext(), { action: 'User Create' }, clock)).rejects.toThrow(
      /invalid audit action/,
    );
  });

  describe('append-only trigger', () => {
    let id: number;
    beforeAll(async () => {
      id = await recordAudit(
        database.db,
        staffContext(),
        { action: 'role.assign', after: { role: 1 } },
        clock,
      );
    });

    it('refuses a plain UPDATE of a row, sealed or not', async () => {
      await expect(
        database.executeSql(`update audit_log set after = '{"role": 2}' where id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      await sealAuditLog(database.db, clock);
      await expect(
        database.executeSql(`update audit_log set ip = '1.1.1.1' where id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      const [sealed] = await auditRows(database, `id = ${id}`);
      expect(sealed?.after).toEqual({ role: 1 });
      expect(sealed?.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('lets the seal columns be written once only', async () => {
      await expect(
        database.executeSql(
          `update audit_log set hash = repeat('a', 64), prev_hash = repeat('b', 64), sealed_at = now()
           where id = $1`,
          [id],
        ),
      ).rejects.toThrow(/append-only/);
      const fresh = await recordAudit(database.db, staffContext(), { action: 'role.assign' }, clock);
      // Sealing together with a content change is refused as well.
      await expect(
        database.executeSql(
          `update audit_log set seal_seq = 999, prev_hash = repeat('0', 64), hash = repeat('a', 64),
             sealed_at = now(), action = 'role.revoke' where id = $1`,
          [fresh],
        ),
      ).rejects.toThrow(/append-only/);
    });

    it('refuses DELETE and TRUNCATE, even when the prune setting is on but no checkpoint covers the row', async () => {
      await expect(database.executeSql('delete from audit_log where id = $1', [id])).rejects.toThrow(
        /append-only/,
      );
      const underPrune = database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('zhucheng.audit_prune', 'on', true)`);
        await tx.execute(sql`delete from audit_log where id = ${id}`);
      });
      await expect(underPrune.catch((err: Error) => Promise.reject(err.cause ?? err))).rejects.toThrow(
        /append-only/,
      );
      await expect(database.executeSql('truncate audit_log')).rejects.toThrow(/append-only/);
      expect(await auditRows(database, `id = ${id}`)).toHaveLength(1);
    });
  });
});
