import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { recordAudit } from './audit-log.ts';
import { exportAuditLog, listAuditLog, MAX_AUDIT_EXPORT_ROWS } from './audit-query.ts';
import { anonymousContext, auditRows, staffContext } from './audit-test-support.ts';

describe('audit log queries', () => {
  let database: DatabaseHandle;
  const clock = fixedClock('2026-11-27T01:00:00Z');
  const auditor = staffContext({ id: 'auditor-7', displayName: '审计员乙' }, 'req-export');

  beforeAll(async () => {
    database = await createTestDatabase();
    const alice = staffContext({ id: 'alice', displayName: '王芳' });
    await recordAudit(database.db, alice, { action: 'auth.login' }, clock);
    clock.advance(60_000);
    await recordAudit(
      database.db,
      anonymousContext(),
      { action: 'auth.loginFailed', outcome: 'failure', detail: { username: '=HYPERLINK("x")' } },
      clock,
    );
    clock.advance(60_000);
    await recordAudit(
      database.db,
      alice,
      {
        action: 'user.update',
        entityType: 'staffUser',
        entityId: 'u-1',
        before: { phone: '13812345678', title: '科员' },
        after: { phone: '13987654321', title: '副科长, "主持工作"' },
      },
      clock,
    );
    clock.advance(60_000);
    await recordAudit(
      database.db,
      alice,
      { action: 'personalData.reveal', entityType: 'staffUser', entityId: 'u-1' },
      clock,
    );
  });
  afterAll(() => database.close());

  it('lists newest first with a total, filtered only by the whitelisted fields', async () => {
    const all = await listAuditLog(database.db, { page: 1, pageSize: 2 });
    expect(all.total).toBe(4);
    expect(all.items.map((e) => e.action)).toEqual(['personalData.reveal', 'user.update']);
    const second = await listAuditLog(database.db, { page: 2, pageSize: 2 });
    expect(second.items.map((e) => e.action)).toEqual(['auth.loginFailed', 'auth.login']);

    const auth = await listAuditLog(database.db, { action: 'auth', page: 1, pageSize: 20 });
    expect(auth.items.map((e) => e.action)).toEqual(['auth.loginFailed', 'auth.login']);
    const failures = await listAuditLog(database.db, { outcome: 'failure', page: 1, pageSize: 20 });
    expect(failures.items).toMatchObject([{ actorKind: 'anonymous', ip: '203.0.113.9' }]);
    const onUser = await listAuditLog(database.db, {
      entityType: 'staffUser',
      entityId: 'u-1',
      actorId: 'alice',
      page: 1,
      pageSize: 20,
    });
    expect(onUser.items.map((e) => e.action)).toEqual(['personalData.reveal', 'user.update']);
    expect(onUser.items[1]?.before).toEqual({ phone: '138****5678', title: '科员' });
    const window = await listAuditLog(database.db, {
      from: new Date('2026-11-27T01:01:00Z'),
      to: new Date('2026-11-27T01:03:00Z'),
      page: 1,
      pageSize: 20,
    });
    expect(window.items.map((e) => e.action)).toEqual(['user.update', 'auth.loginFailed']);
    // A LIKE wildcard in the action filter is matched literally, not as a pattern.
    expect((await listAuditLog(database.db, { action: 'auth.%', page: 1, pageSize: 20 })).total).toBe(0);
  });

  it('exports CSV that Excel opens as UTF-8, and records the export in the log', async () => {
    const result = await exportAuditLog(database.db, auditor, { entityType: 'staffUser' }, clock);
    expect(result.filename).toBe('审计日志-2026-11-27.csv');
    expect(result.rowCount).toBe(2);
    const lines = result.csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF编号,时间,操作人类型,操作人编号,操作人,所属单位编号,所属单位,IP 地址,操作代码,操作,对象类型,对象编号,结果,请求编号,变更前,变更后,详情,封存序号',
    );
    expect(lines[1]).toMatch(
      /^\d+,2026-11-27 09:03:00,工作人员,alice,王芳,3,,10\.1\.2\.3,personalData\.reveal,查看完整个人信息,/,
    );
    expect(lines[2]).toContain(
      '"{""phone"":""138****5678"",""title"":""科员""}","{""phone"":""139****4321"",""title"":""副科长, \\""主持工作\\""""}"',
    );
    expect(lines).toHaveLength(4); // header, two rows, and the closing line break

    const [exportRow] = await auditRows(database, `action = 'audit.export'`);
    expect(exportRow).toBeDefined();
    const logged = await listAuditLog(database.db, { action: 'audit.export', page: 1, pageSize: 5 });
    expect(logged.items).toMatchObject([
      {
        actorId: 'auditor-7',
        actorName: '审计员乙',
        requestId: 'req-export',
        detail: { format: 'csv', rowCount: 2, filters: { entityType: 'staffUser' } },
      },
    ]);
  });

  it('keeps a formula in a name from running when the CSV is opened in Excel', async () => {
    const odd = staffContext({ id: 'odd', displayName: '=HYPERLINK("http://x","点我")' });
    await recordAudit(database.db, odd, { action: 'auth.logout', entityId: '-1+2' }, clock);
    const result = await exportAuditLog(database.db, auditor, { actorId: 'odd' }, clock);
    const row = result.csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`,odd,"'=HYPERLINK(""http://x"",""点我"")",3,`);
    expect(row).toContain(`,'-1+2,`);
    expect((await exportAuditLog(database.db, auditor, { actorId: 'nobody' }, clock)).rowCount).toBe(0);
  });

  it(`refuses an export of more than ${MAX_AUDIT_EXPORT_ROWS} rows and asks for a narrower range`, async () => {
    await database.executeSql(
      `insert into audit_log (at, actor_kind, ip, action, request_id)
       select now(), 'system', '127.0.0.1', 'bulk.row', 'system:bulk' from generate_series(1, ${MAX_AUDIT_EXPORT_ROWS + 1})`,
    );
    const attempt = exportAuditLog(database.db, auditor, { action: 'bulk.row' }, clock);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow('超过单次导出上限 50000 条，请缩小时间范围后再导出');
  });
});
