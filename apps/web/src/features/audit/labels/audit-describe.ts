import type { AuditEntry } from '../api/use-audit.ts';
import { entityTypeLabel } from './audit-labels.ts';

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** 账号 zhangsan, 机构 海城区东街司法所 … — a readable name from the entry's own data where it has one. */
export function describeEntity(entry: AuditEntry): string {
  if (!entry.entityType) return '—';
  const type = entityTypeLabel(entry.entityType);
  const name =
    field(entry.after, 'name') ??
    field(entry.after, 'username') ??
    field(entry.before, 'name') ??
    field(entry.before, 'username') ??
    field(entry.detail, 'username') ??
    field(entry.detail, 'name');
  if (name) return `${type} ${name}`;
  // Logging out, changing one's own password …: the object is the actor.
  if (entry.entityId && entry.entityId === entry.actorId && entry.actorName)
    return `${type} ${entry.actorName}`;
  if (!entry.entityId) return type;
  const id = entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId;
  return `${type} ${id}`;
}

/**
 * The unit's name: from the entry when the API sends it, else from the organisation tree when the viewer
 * may read it, else its number (the auditor's role has no org:read).
 */
export function describeUnit(
  entry: Pick<AuditEntry, 'unitId' | 'unitName'>,
  unitName: (id: number | null) => string | undefined,
): string {
  if (entry.unitId === null) return '—';
  return entry.unitName ?? unitName(entry.unitId) ?? `编号 ${entry.unitId}`;
}
