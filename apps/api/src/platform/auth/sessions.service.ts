import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { userScope } from '../access/access.repo.ts';
import { staffUser } from '../access/access.schema.ts';
import type { AuditWriter } from '../access/ports.ts';
import type { RequestContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { authSession } from './auth.schema.ts';
import type { AuthPolicy } from './auth.service.ts';
import { readSecurityPolicy, type SecurityPolicy, writeSecurityPolicy } from './security-policy.ts';

export interface ActiveSession {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  unitId: number;
  ip: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** Active staff sessions and their forced logout; the security policy. The security administrator's work. */
export class SessionsService {
  readonly #d: { db: Database; clock: Clock; policy: AuthPolicy; audit: AuditWriter };

  constructor(deps: { db: Database; clock: Clock; policy: AuthPolicy; audit: AuditWriter }) {
    this.#d = deps;
  }

  async listActive(ctx: RequestContext): Promise<ActiveSession[]> {
    const p = ctx.principal;
    if (!p) throw AppError.unauthenticated();
    const now = this.#d.clock.now();
    const idleLimit = new Date(now.getTime() - this.#d.policy.idleMinutes * 60_000);
    const rows = await this.#d.db
      .select({
        id: authSession.id,
        userId: staffUser.id,
        username: staffUser.username,
        displayName: staffUser.displayName,
        unitId: staffUser.unitId,
        ip: authSession.ip,
        userAgent: authSession.userAgent,
        createdAt: authSession.createdAt,
        lastSeenAt: authSession.lastSeenAt,
      })
      .from(authSession)
      .innerJoin(staffUser, eq(staffUser.id, authSession.accountId))
      .where(
        and(
          eq(authSession.accountKind, 'staff'),
          isNull(authSession.revokedAt),
          gt(authSession.expiresAt, now),
          gt(authSession.lastSeenAt, idleLimit),
          userScope(p.scope, p.id),
        ),
      )
      .orderBy(desc(authSession.lastSeenAt))
      .limit(500);
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      current: r.id === p.sessionId,
    }));
  }

  async revoke(ctx: RequestContext, sessionId: string): Promise<void> {
    const p = ctx.principal;
    if (!p) throw AppError.unauthenticated();
    const { db, clock, audit } = this.#d;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: authSession.id, userId: staffUser.id })
        .from(authSession)
        .innerJoin(staffUser, eq(staffUser.id, authSession.accountId))
        .where(
          and(
            eq(authSession.id, sessionId),
            eq(authSession.accountKind, 'staff'),
            isNull(authSession.revokedAt),
            userScope(p.scope, p.id),
          ),
        );
      if (!row) throw AppError.notFound('会话');
      await tx
        .update(authSession)
        .set({ revokedAt: clock.now(), revokedReason: 'forcedLogout' })
        .where(eq(authSession.id, row.id));
      await audit(tx, ctx, { action: 'session.revoke', entityType: 'staffUser', entityId: row.userId });
    });
  }

  getPolicy(): Promise<SecurityPolicy> {
    return readSecurityPolicy(this.#d.db);
  }

  async setPolicy(ctx: RequestContext, policy: SecurityPolicy): Promise<SecurityPolicy> {
    const { db, clock, audit } = this.#d;
    await db.transaction(async (tx) => {
      const before = await readSecurityPolicy(tx);
      await writeSecurityPolicy(tx, policy, clock.now());
      await audit(tx, ctx, { action: 'policy.update', entityType: 'securityPolicy', before, after: policy });
    });
    return policy;
  }
}
