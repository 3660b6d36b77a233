import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../apps/api/src/platform/access/principal.ts';
import { pruneAuditLog, sealAuditLog } from '../apps/api/src/platform/audit/audit-chain.ts';
import { auditSigningKeyFrom } from '../apps/api/src/platform/audit/audit-key.ts';
import { recordAudit } from '../apps/api/src/platform/audit/audit-log.ts';
import { fixedClock } from '../apps/api/src/platform/clock/clock.ts';
import { loadKeyring } from '../apps/api/src/platform/crypto/keyring.ts';
import { type DatabaseHandle, openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { withAdmin } from '../apps/api/src/testing/test-database.ts';
import { runAuditVerify } from './audit-verify.ts';

// `npm run audit:verify` against a real data directory (PGlite) or a PostgreSQL database, the way an
// operator runs it: the platform is stopped, the script opens the database itself.

describe('npm run audit:verify', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-audit-verify-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dbName = `zj_test_verify_${crypto.randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = { NODE_ENV: 'test', DATA_DIR: dataDir };
  const clock = fixedClock('2026-01-01T00:00:00Z');

  async function open(): Promise<DatabaseHandle> {
    return openDatabase({ url: env.DATABASE_URL, dataDir: path.join(dataDir, 'pglite') });
  }

  async function run(): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await runAuditVerify(env, (line) => lines.push(line));
    return { code, lines };
  }

  beforeAll(async () => {
    if (serverUrl) {
      await withAdmin(serverUrl, (admin) => admin.query(`create database ${dbName}`));
      const url = new URL(serverUrl);
      url.pathname = `/${dbName}`;
      env.DATABASE_URL = url.toString();
    }
    const database = await open();
    await migrateDatabase(database);
    for (let i = 0; i < 12; i++) {
      await recordAudit(database.db, systemContext('test'), { action: 'case.update', after: { i } }, clock);
    }
    await sealAuditLog(database.db, clock);
    // A checkpoint signed with the key the platform derives from this data directory's keyring.
    const keyring = loadKeyring({ dataDir, env: {}, isProduction: false });
    clock.set('2026-12-01T00:00:00Z');
    const pruned = await pruneAuditLog(database.db, {
      retentionDays: 180,
      signingKey: auditSigningKeyFrom(keyring),
      clock,
    });
    expect(pruned.prunedRows).toBe(11);
    await database.close();
  });

  afterAll(async () => {
    if (serverUrl) {
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${dbName} with (force)`));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports an intact chain behind a valid checkpoint, and the row waiting to be sealed', async () => {
    const { code, lines } = await run();
    expect(code).toBe(0);
    expect(lines[0]).toBe(
      '审计日志完整：已校验 1 条封存记录（自清理检查点第 12 位起），未发现篡改；另有 1 条新记录等待封存',
    );
    expect(lines[1]).toMatch(
      /^ {2}保留期清理检查点：记录编号 13，已清理至第 11 位（2026-01-01T00:00:00.000Z），签名有效$/,
    );
    expect(lines[2]).toBe('  最后封存序号：12；待封存：1 条');
  });

  it('exits 1 and names the tampered row and its position', async () => {
    const database = await open();
    const { rows } = await database.executeSql('select id::int as id from audit_log where seal_seq = 12');
    const id = rows[0]?.id;
    await database.executeSql(
      `alter table audit_log disable trigger audit_log_append_only;
       update audit_log set actor_name = '改过' where seal_seq = 12;
       alter table audit_log enable trigger audit_log_append_only;`,
    );
    await database.close();

    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines).toEqual([
      `审计日志校验失败：第 12 位（记录编号 ${id}）内容与封存哈希不符，记录可能被篡改`,
      expect.stringContaining('保留期清理检查点'),
      `  出错记录：编号 ${id}，封存序号 12`,
    ]);
  });

  it('says so when there is no database to check', async () => {
    const lines: string[] = [];
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-audit-verify-empty-'));
    const code = await runAuditVerify({ NODE_ENV: 'test', DATA_DIR: empty }, (line) => lines.push(line));
    fs.rmSync(empty, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^没有找到内嵌数据库/);
  });
});
