import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DataScopeKind, ResolvedScope } from './principal.ts';

export interface RoleScope {
  dataScope: DataScopeKind;
  customUnitIds: readonly number[];
}

/**
 * Several roles → the union of their scopes. `expand` returns the given units with all their
 * descendants (unit-and-below); `custom` units count without descendants.
 */
export async function resolveScope(
  roles: readonly RoleScope[],
  ownUnitId: number | null,
  expand: (unitIds: number[]) => Promise<Set<number>>,
): Promise<ResolvedScope> {
  if (roles.some((r) => r.dataScope === 'all')) return { all: true, unitIds: new Set(), self: true };
  const unitIds = new Set<number>();
  let self = false;
  const subtreeRoots: number[] = [];
  for (const r of roles) {
    if (r.dataScope === 'self') self = true;
    if (r.dataScope === 'unit' && ownUnitId !== null) unitIds.add(ownUnitId);
    if (r.dataScope === 'unitAndBelow' && ownUnitId !== null) subtreeRoots.push(ownUnitId);
    if (r.dataScope === 'custom') for (const id of r.customUnitIds) unitIds.add(id);
  }
  if (subtreeRoots.length > 0) for (const id of await expand(subtreeRoots)) unitIds.add(id);
  // Whoever sees a unit's records also sees the ones they take part in.
  return { all: false, unitIds, self: self || unitIds.size > 0 };
}

export interface ScopeTarget {
  /** Columns naming the record's units (competent unit, receiving unit…): any one in scope suffices. */
  unitColumns: AnyPgColumn[];
  /** The record has the caller as a participant (assigned lawyer, applicant…). */
  self?: SQL | undefined;
}

/**
 * The WHERE condition that limits a query (read or write) to the caller's data scope. `undefined` means
 * no limit. Repositories AND it into every query on scoped records, so out-of-scope rows are never
 * found and the service answers 404.
 */
export function scopeCondition(scope: ResolvedScope, target: ScopeTarget): SQL | undefined {
  if (scope.all) return undefined;
  const ids = [...scope.unitIds];
  const parts: SQL[] = [];
  if (ids.length > 0) for (const col of target.unitColumns) parts.push(inArray(col, ids));
  if (scope.self && target.self) parts.push(target.self);
  if (parts.length === 0) return sql`false`;
  return or(...parts);
}

/** Whether one unit is inside the scope (for checks on a unit named in a request). */
export function unitInScope(scope: ResolvedScope, unitId: number): boolean {
  return scope.all || scope.unitIds.has(unitId);
}

/**
 * Nobody grants more than they have: the scope a role would give (computed for the grantee's unit)
 * must lie inside the granter's own scope.
 */
export function scopeWithin(granter: ResolvedScope, granted: ResolvedScope): boolean {
  if (granter.all) return true;
  if (granted.all) return false;
  for (const id of granted.unitIds) if (!granter.unitIds.has(id)) return false;
  return true;
}
