import type { Principal, RequestContext } from '../access/principal.ts';
import type { DatabaseHandle } from '../db/database.ts';

// Shared by the audit tests: request contexts, and a way around the append-only trigger that only a
// database owner has, to play the tamperer.

export const testSigningKey = Buffer.from('audit-test-signing-key-0123456789abcdef');

export function staffContext(overrides: Partial<Principal> = {}, requestId = 'req-staff'): RequestContext {
  return {
    principal: {
      kind: 'staff',
      id: '7d1e0f7e-0000-4000-8000-000000000001',
      username: 'auditor1',
      displayName: '审计员甲',
      unitId: 3,
      permissions: new Set(),
      scope: { all: true, unitIds: new Set(), self: false },
      duty: 'audit',
      sessionId: 'session-1',
      ...overrides,
    },
    ip: '10.1.2.3',
    requestId,
  };
}

export function anonymousContext(requestId = 'req-anon'): RequestContext {
  return { principal: null, ip: '203.0.113.9', requestId };
}

/** Runs statements with the append-only trigger switched off, as someone with the table owner's rights. */
export async function asTamperer(database: DatabaseHandle, statements: string): Promise<void> {
  await database.executeSql(
    `alter table audit_log disable trigger audit_log_append_only;
     ${statements};
     alter table audit_log enable trigger audit_log_append_only;`,
  );
}

export async function auditRows(
  database: DatabaseHandle,
  where = 'true',
): Promise<
  {
    id: number;
    seal_seq: number | null;
    prev_hash: string | null;
    hash: string | null;
    action: string;
    after: unknown;
  }[]
> {
  const { rows } = await database.executeSql(
    `select id::int as id, seal_seq::int as seal_seq, prev_hash, hash, action, after
     from audit_log where ${where} order by id`,
  );
  return rows as never;
}
