import type { OrgUnitKind, OrgUnitStatus } from '@zhucheng/contracts';
import { and, asc, count, eq, inArray, isNull, like, max, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { pathIds, unitPath } from './org.rules.ts';
import { type OrgUnitRow, orgUnit } from './org.schema.ts';

/** One advisory lock key for changes of the tree's shape (moves, generation), so they never interleave. */
export const ORG_TREE_LOCK = 0x6f72_6701;

export async function lockTreeShape(executor: Executor): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(${ORG_TREE_LOCK})`);
}

export async function findUnit(
  executor: Executor,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<OrgUnitRow | undefined> {
  const query = executor.select().from(orgUnit).where(eq(orgUnit.id, id));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

/** All units (`'all'`) or the given ones, in tree order. */
export async function listUnits(executor: Executor, ids: 'all' | readonly number[]): Promise<OrgUnitRow[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const where = ids === 'all' ? undefined : inArray(orgUnit.id, [...ids]);
  return executor.select().from(orgUnit).where(where).orderBy(asc(orgUnit.depth), asc(orgUnit.sortOrder));
}

export async function findSiblingByName(
  executor: Executor,
  parentId: number | null,
  name: string,
  exceptId?: number,
): Promise<OrgUnitRow | undefined> {
  const conditions: SQL[] = [
    parentId === null ? isNull(orgUnit.parentId) : eq(orgUnit.parentId, parentId),
    eq(orgUnit.name, name),
  ];
  if (exceptId !== undefined) conditions.push(ne(orgUnit.id, exceptId));
  const rows = await executor
    .select()
    .from(orgUnit)
    .where(and(...conditions))
    .limit(1);
  return rows[0];
}

export async function nextSortOrder(executor: Executor, parentId: number | null): Promise<number> {
  const [row] = await executor
    .select({ top: max(orgUnit.sortOrder) })
    .from(orgUnit)
    .where(parentId === null ? isNull(orgUnit.parentId) : eq(orgUnit.parentId, parentId));
  return (row?.top ?? -1) + 1;
}

export async function countActiveChildren(executor: Executor, id: number): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(orgUnit)
    .where(and(eq(orgUnit.parentId, id), eq(orgUnit.status, 'active')));
  return row?.n ?? 0;
}

export interface NewOrgUnit {
  kind: OrgUnitKind;
  name: string;
  shortName?: string | null;
  divisionCode?: string | null;
  sortOrder: number;
  status?: OrgUnitStatus;
}

type ParentRef = Pick<OrgUnitRow, 'id' | 'path' | 'depth'> | null;

/** Inserts a unit under `parent` (null: a root). The id is drawn first because the path contains it. */
export async function insertUnit(
  executor: Executor,
  parent: ParentRef,
  unit: NewOrgUnit,
  now: Date,
): Promise<OrgUnitRow> {
  const result = await executor.execute(
    sql`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`,
  );
  const id = Number((result as unknown as { rows: { id: number | string }[] }).rows[0]?.id);
  const [row] = await executor
    .insert(orgUnit)
    .values({
      id,
      parentId: parent?.id ?? null,
      kind: unit.kind,
      name: unit.name,
      shortName: unit.shortName ?? null,
      divisionCode: unit.divisionCode ?? null,
      path: unitPath(parent?.path ?? null, id),
      depth: parent ? parent.depth + 1 : 0,
      sortOrder: unit.sortOrder,
      status: unit.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('org_unit insert returned no row');
  return row;
}

/**
 * Re-roots the subtree of `unit` under `parent`: every path starting with the unit's path gets the new
 * prefix and every depth the same shift, in one statement. The caller updates the unit's own columns.
 */
export async function moveSubtree(
  executor: Executor,
  unit: Pick<OrgUnitRow, 'id' | 'path' | 'depth'>,
  parent: ParentRef,
): Promise<{ path: string; depth: number }> {
  const path = unitPath(parent?.path ?? null, unit.id);
  const depth = parent ? parent.depth + 1 : 0;
  // Paths hold only digits and slashes, so the LIKE prefix needs no escaping.
  await executor
    .update(orgUnit)
    .set({
      path: sql`${path}::text || substr(${orgUnit.path}, ${unit.path.length + 1}::int)`,
      depth: sql`${orgUnit.depth} + ${depth - unit.depth}::int`,
    })
    .where(like(orgUnit.path, `${unit.path}%`));
  return { path, depth };
}

/** The given units with all their descendants (for the 'unitAndBelow' data scope). */
export async function expandSubtrees(executor: Executor, unitIds: readonly number[]): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const roots = await executor
    .select({ path: orgUnit.path })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...unitIds]));
  if (roots.length === 0) return new Set();
  const rows = await executor
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(or(...roots.map((r) => like(orgUnit.path, `${r.path}%`))));
  return new Set(rows.map((r) => r.id));
}

/** The unit's ancestors from the root down, then the unit itself; empty when there is no such unit. */
export async function unitAndAncestors(executor: Executor, unitId: number): Promise<number[]> {
  const [row] = await executor.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, unitId));
  return row ? pathIds(row.path) : [];
}

/** Units made by the generator, keyed `kind:divisionCode`. */
export async function unitsWithDivisionCode(executor: Executor): Promise<Map<string, OrgUnitRow>> {
  const rows = await executor
    .select()
    .from(orgUnit)
    .where(sql`${orgUnit.divisionCode} is not null`)
    .orderBy(asc(orgUnit.id));
  const map = new Map<string, OrgUnitRow>();
  for (const row of rows) {
    const key = `${row.kind}:${row.divisionCode}`;
    if (!map.has(key)) map.set(key, row);
  }
  return map;
}
