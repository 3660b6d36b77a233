import crypto from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Services } from '../../services.ts';
import { role, staffUser, staffUserRole } from '../access/access.schema.ts';
import type { RequestContext } from '../access/principal.ts';
import { systemContext } from '../access/principal.ts';
import { loadStaffPrincipal } from '../access/principal-loader.ts';
import type { SettableClock } from '../clock/clock.ts';
import { expandSubtrees } from '../org/org.repo.ts';
import { demoRecord } from './demo.schema.ts';

/** What a demo step works with: the services, who acts, the historical clock, and the record tracker. */
export interface DemoContext {
  readonly services: Services;
  /** The step being run. */
  readonly stepId: string;
  /** The platform itself (audited as the system). */
  readonly system: RequestContext;
  /** The password every demo account gets (from DEMO_PASSWORD or generated for this run). */
  readonly password: string;
  /** Acts as the staff account with this username, with its roles, unit and data scope. */
  as(username: string): Promise<RequestContext>;
  /** Acts as the first active account holding a role, e.g. `sysAdmin` or `secAdmin`. */
  asRole(roleCode: string): Promise<RequestContext>;
  /** Runs `fn` with the services' clock standing at `isoDateTime` (historical records), then lets it go on. */
  at<T>(isoDateTime: string, fn: () => Promise<T>): Promise<T>;
  /** Marks a business record as demo data (`npm run demo` refuses to run over records it did not make). */
  track(table: string, id: string | number): Promise<void>;
  /** Whether an earlier, interrupted run of a step already created this record. */
  isTracked(table: string, id: string | number): Promise<boolean>;
}

export class DemoStepError extends Error {
  override name = 'DemoStepError';
}

export function createDemoContext(deps: {
  services: Services;
  clock: SettableClock;
  stepId: string;
  password: string;
}): DemoContext {
  const { services, clock, stepId, password } = deps;
  const db = services.database.db;
  const actAs = async (userId: string): Promise<RequestContext> => {
    // A session id nobody holds: the demo acts through the services, never through a login.
    const loaded = await loadStaffPrincipal(db, expandSubtrees, userId, crypto.randomUUID());
    if (!loaded) throw new DemoStepError(`演示数据步骤 ${stepId}：账号 ${userId} 不存在或已停用`);
    return { principal: loaded.principal, ip: '127.0.0.1', requestId: `demo:${stepId}` };
  };
  return {
    services,
    stepId,
    system: systemContext(`demo:${stepId}`),
    password,
    async as(username) {
      const [user] = await db
        .select({ id: staffUser.id })
        .from(staffUser)
        .where(eq(staffUser.username, username.toLowerCase()));
      if (!user) throw new DemoStepError(`演示数据步骤 ${stepId}：没有用户名为 ${username} 的账号`);
      return actAs(user.id);
    },
    async asRole(roleCode) {
      const [user] = await db
        .select({ id: staffUser.id })
        .from(staffUser)
        .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
        .innerJoin(role, eq(role.id, staffUserRole.roleId))
        .where(and(eq(role.code, roleCode), eq(staffUser.status, 'active')))
        .orderBy(asc(staffUser.createdAt), asc(staffUser.username))
        .limit(1);
      if (!user) throw new DemoStepError(`演示数据步骤 ${stepId}：没有担任角色 ${roleCode} 的在用账号`);
      return actAs(user.id);
    },
    async at(isoDateTime, fn) {
      const before = clock.pinned;
      clock.set(isoDateTime);
      try {
        return await fn();
      } finally {
        clock.set(before);
      }
    },
    async track(table, id) {
      await db
        .insert(demoRecord)
        .values({ tableName: table, recordId: String(id), stepId, createdAt: new Date() })
        .onConflictDoNothing();
    },
    async isTracked(table, id) {
      const [row] = await db
        .select({ id: demoRecord.recordId })
        .from(demoRecord)
        .where(and(eq(demoRecord.tableName, table), eq(demoRecord.recordId, String(id))));
      return !!row;
    },
  };
}
