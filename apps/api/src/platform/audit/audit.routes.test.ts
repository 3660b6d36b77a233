import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';
import { sealAuditLog } from './audit-chain.ts';
import { asTamperer, auditRows } from './audit-test-support.ts';

describe('audit routes', () => {
  let t: TestApp;
  let auditor: SessionClient;
  const clock = fixedClock('2026-11-27T03:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ clock });
    auditor = await signIn(t.app, 'auditor', testPasswords.auditor);
  });
  afterAll(() => t.close());

  it('lists the log for the auditor, newest first, with logins among the entries', async () => {
    const res = await auditor.request('GET', '/api/audit/entries?action=auth&pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 5 });
    expect(body.items[0]).toMatchObject({
      action: 'auth.login',
      actorKind: 'staff',
      outcome: 'success',
      at: '2026-11-27T03:00:00.000Z',
    });
  });

  it('answers a bad filter with the field and a Chinese message', async () => {
    const res = await auditor.request('GET', '/api/audit/entries?pageSize=5000&outcome=maybe');
    expect(res.statusCode).toBe(400);
    const fields: { path: string; message: string }[] = res.json().fields;
    expect(fields.map((f) => f.path).sort()).toEqual(['查询参数 outcome', '查询参数 pageSize']);
    expect(fields.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
  });

  it('exports a CSV download with a Chinese file name, and logs the export', async () => {
    const res = await auditor.request('GET', '/api/audit/entries/export?action=auth');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="audit-log-2026-11-27.csv"; filename*=UTF-8''${encodeURIComponent('审计日志-2026-11-27.csv')}`,
    );
    expect(res.body.startsWith('\uFEFF编号,时间,操作人类型')).toBe(true);
    expect(res.body).toContain(',auth.login,登录,');

    const logged = await auditor.request('GET', '/api/audit/entries?action=audit.export');
    expect(logged.json().items[0]).toMatchObject({
      action: 'audit.export',
      detail: { filters: { action: 'auth' } },
    });
  });

  it('verifies the chain and names the first broken row', async () => {
    await sealAuditLog(t.database.db, clock);
    const intact = await auditor.request('GET', '/api/audit/verify');
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ ok: true, brokenAt: null, reason: null, unsealedRows: 0 });
    expect(intact.json().message).toMatch(/^审计日志完整：已校验 \d+ 条封存记录，未发现篡改$/);

    const [target] = await auditRows(t.database, 'seal_seq = 2');
    if (!target) throw new Error('row missing');
    await asTamperer(t.database, `update audit_log set ip = '6.6.6.6' where id = ${target.id}`);
    const broken = (await auditor.request('GET', '/api/audit/verify')).json();
    expect(broken).toMatchObject({
      ok: false,
      brokenAt: { id: target.id, sealSeq: 2 },
      reason: 'hashMismatch',
    });
    expect(broken.message).toBe(
      `审计日志校验失败：第 2 位（记录编号 ${target.id}）内容与封存哈希不符，记录可能被篡改`,
    );
    const checks = (await auditor.request('GET', '/api/audit/entries?action=audit.verify')).json();
    expect(checks.items.map((e: { detail: { ok: boolean } }) => e.detail.ok)).toEqual([false, true]);
  });

  it('keeps the log closed to the system administrator (三员分立)', async () => {
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    for (const url of ['/api/audit/entries', '/api/audit/entries/export', '/api/audit/verify']) {
      expect((await admin.request('GET', url)).statusCode, url).toBe(403);
    }
  });
});
