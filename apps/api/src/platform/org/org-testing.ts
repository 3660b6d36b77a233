import type { PermissionCode } from '@zhucheng/contracts';
import type { AuditEntry, AuditWriter } from '../access/ports.ts';
import type { RequestContext, ResolvedScope } from '../access/principal.ts';
import type { Executor } from '../db/database.ts';

// Test helpers for the organisation tree: callers with a given scope, and an audit writer that keeps
// what it was given.

export function staffContext(
  scope: { all: true } | { unitIds: Iterable<number> },
  permissions: PermissionCode[] = ['org:read', 'org:manage'],
  unitId: number | null = null,
): RequestContext {
  const resolved: ResolvedScope =
    'all' in scope
      ? { all: true, unitIds: new Set(), self: true }
      : { all: false, unitIds: new Set(scope.unitIds), self: true };
  return {
    principal: {
      kind: 'staff',
      id: '00000000-0000-4000-8000-000000000001',
      username: 'tester',
      displayName: '测试员',
      unitId,
      permissions: new Set(permissions),
      scope: resolved,
      duty: null,
      sessionId: 'test-session',
    },
    ip: '127.0.0.1',
    requestId: 'test-request',
  };
}

export interface RecordedAudit extends AuditEntry {
  requestId: string;
}

export function auditRecorder(): { entries: RecordedAudit[]; audit: AuditWriter } {
  const entries: RecordedAudit[] = [];
  return {
    entries,
    audit: async (_executor: Executor, ctx: RequestContext, entry: AuditEntry) => {
      entries.push({ ...entry, requestId: ctx.requestId });
    },
  };
}
