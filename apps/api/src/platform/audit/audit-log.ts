import type { RequestContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Executor } from '../db/database.ts';
import { type AuditActorKind, type AuditOutcome, auditLog } from './audit.schema.ts';
import { maskPersonalFields } from './audit-mask.ts';

/** Actions the platform itself writes; modules add their own `<area>.<verb>` codes. */
export const auditActions = {
  login: 'auth.login',
  loginFailed: 'auth.loginFailed',
  logout: 'auth.logout',
  locked: 'auth.locked',
  personalDataReveal: 'personalData.reveal',
  personalDataExport: 'personalData.export',
  trackView: 'track.view',
  auditExport: 'audit.export',
  auditVerify: 'audit.verify',
  auditCheckpoint: 'audit.checkpoint',
} as const;

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  name: string | null;
  unitId: number | null;
}

export interface AuditEntry {
  /** `<area>.<verb>` in camelCase: `user.create`, `auth.loginFailed`, `personalData.reveal`. */
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  /** State before and after the change; personal fields are masked before the row is written. */
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown> | null;
  outcome?: AuditOutcome;
  /** Further field names to mask in this entry, on top of the default list in audit-mask.ts. */
  personalFields?: readonly string[];
  /**
   * Who acted, when the request context does not know yet: a successful login is made by the user who
   * is logging in, although the request carried no session.
   */
  actor?: AuditActor;
}

const actionPattern = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

export function actorFromContext(ctx: RequestContext): AuditActor {
  const p = ctx.principal;
  if (p) return { kind: p.kind, id: p.id, name: p.displayName, unitId: p.unitId };
  const kind = ctx.requestId.startsWith('system:') ? 'system' : 'anonymous';
  return { kind, id: null, name: null, unitId: null };
}

/**
 * Writes one audit row in the caller's transaction, so the row exists exactly when the change does.
 * The row is not hashed here: sealing is a separate job (audit-chain.ts), so business writes never
 * queue behind one another for the chain. Returns the row id.
 */
export async function recordAudit(
  executor: Executor,
  ctx: RequestContext,
  entry: AuditEntry,
  clock: Clock,
): Promise<number> {
  if (!actionPattern.test(entry.action)) throw new Error(`invalid audit action: ${entry.action}`);
  const actor = entry.actor ?? actorFromContext(ctx);
  const extra = entry.personalFields ?? [];
  const masked = (value: unknown) =>
    value === undefined || value === null ? null : maskPersonalFields(value, extra);
  const [row] = await executor
    .insert(auditLog)
    .values({
      at: clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      unitId: actor.unitId,
      ip: ctx.ip,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: masked(entry.before),
      after: masked(entry.after),
      detail: masked(entry.detail),
      requestId: ctx.requestId,
      outcome: entry.outcome ?? 'success',
    })
    .returning({ id: auditLog.id });
  if (!row) throw new Error('audit row was not written');
  return row.id;
}
