import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { role, staffUser, staffUserRole } from './access.schema.ts';
import type { ResolvedScope } from './principal.ts';
import { scopeCondition } from './scope.ts';

/** Staff accounts the caller may see: those of units in scope, and the caller's own. */
export function userScope(scope: ResolvedScope, selfId: string): SQL | undefined {
  return scopeCondition(scope, { unitColumns: [staffUser.unitId], self: eq(staffUser.id, selfId) });
}

export interface UserFilters {
  keyword?: string | undefined;
  unitId?: number | undefined;
  status?: 'active' | 'disabled' | undefined;
  page: number;
  pageSize: number;
}

/** A user's words inside LIKE match literally: % and _ are not wildcards for them. */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(db: Executor, scope: SQL | undefined, f: UserFilters) {
  const pattern = f.keyword ? likePattern(f.keyword) : undefined;
  const where = and(
    scope,
    pattern ? or(ilike(staffUser.username, pattern), ilike(staffUser.displayName, pattern)) : undefined,
    f.unitId ? eq(staffUser.unitId, f.unitId) : undefined,
    f.status ? eq(staffUser.status, f.status) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(staffUser).where(where);
  const rows = await db
    .select()
    .from(staffUser)
    .where(where)
    .orderBy(asc(staffUser.unitId), asc(staffUser.username))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { total: total?.n ?? 0, rows };
}

export async function findUser(db: Executor, scope: SQL | undefined, id: string) {
  const [row] = await db
    .select()
    .from(staffUser)
    .where(and(scope, eq(staffUser.id, id)));
  return row;
}

export async function roleCodesByUser(
  db: Executor,
  userIds: string[],
): Promise<Map<string, { code: string; name: string }[]>> {
  const out = new Map<string, { code: string; name: string }[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: staffUserRole.userId, code: role.code, name: role.name })
    .from(staffUserRole)
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(inArray(staffUserRole.userId, userIds))
    .orderBy(role.id);
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), { code: r.code, name: r.name }]);
  return out;
}

/** Bumps the version only when the caller saw the current one (optimistic locking). */
export function versionMatches(version: number): SQL {
  return sql`${staffUser.version} = ${version}`;
}
