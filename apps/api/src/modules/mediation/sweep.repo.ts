import type { DisputeKind, SweepStatus } from '@zhucheng/contracts';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import { caseScope } from '../../platform/cases/cases.repo.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { mediationDispute } from './dispute.schema.ts';
import { type DisputeSweepRow, disputeSweep } from './sweep.schema.ts';

// Queries of 矛盾纠纷排查. Every read and write is limited to the caller's data scope by the sweep's unit,
// so a sweep outside it is simply not found (404).

/** The kinds of unit that organise sweeps. */
export const sweepUnitKinds = ['justiceOffice', 'mediationCommittee'] as const;

function scoped(p: Principal): SQL | undefined {
  return scopeCondition(p.scope, { unitColumns: [disputeSweep.unitId] });
}

/** The day a sweep counts for in lists: held, else planned. */
const sweepDay = sql<string>`coalesce(${disputeSweep.heldOn}, ${disputeSweep.plannedOn})`;

export interface SweepFilter {
  unitIds?: readonly number[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: SweepStatus | undefined;
}

function filterConditions(p: Principal, filter: SweepFilter): SQL | undefined {
  return and(
    scoped(p),
    filter.unitIds ? inArray(disputeSweep.unitId, [...filter.unitIds]) : undefined,
    filter.from ? gte(sweepDay, filter.from) : undefined,
    filter.to ? lte(sweepDay, filter.to) : undefined,
    filter.status ? eq(disputeSweep.status, filter.status) : undefined,
  );
}

export async function listSweeps(
  executor: Executor,
  p: Principal,
  filter: SweepFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DisputeSweepRow[]; total: number }> {
  const where = filterConditions(p, filter);
  const rows = await executor
    .select()
    .from(disputeSweep)
    .where(where)
    .orderBy(desc(sweepDay), desc(disputeSweep.createdAt), asc(disputeSweep.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor.select({ n: count() }).from(disputeSweep).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** A sweep in the caller's scope; `null` for callers that act for the platform itself (demo, import). */
export async function findSweep(
  executor: Executor,
  p: Principal | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DisputeSweepRow | undefined> {
  const query = executor
    .select()
    .from(disputeSweep)
    .where(and(eq(disputeSweep.id, id), p ? scoped(p) : undefined));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export async function insertSweep(
  executor: Executor,
  values: typeof disputeSweep.$inferInsert,
): Promise<DisputeSweepRow> {
  const [row] = await executor.insert(disputeSweep).values(values).returning();
  if (!row) throw new Error('dispute_sweep insert returned nothing');
  return row;
}

export async function updateSweep(
  executor: Executor,
  id: string,
  values: Partial<typeof disputeSweep.$inferInsert>,
): Promise<DisputeSweepRow> {
  const [row] = await executor
    .update(disputeSweep)
    .set({ ...values, version: sql`${disputeSweep.version} + 1` })
    .where(eq(disputeSweep.id, id))
    .returning();
  if (!row) throw new Error('dispute_sweep update returned nothing');
  return row;
}

/** The unit, when it is an active justice office or committee. */
export async function findSweepUnit(
  executor: Executor,
  unitId: number,
): Promise<{ id: number; name: string } | undefined> {
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(
      and(eq(orgUnit.id, unitId), inArray(orgUnit.kind, [...sweepUnitKinds]), eq(orgUnit.status, 'active')),
    );
  return rows[0];
}

/** Active offices and committees in the caller's scope, in tree order. */
export async function sweepUnitsInScope(
  executor: Executor,
  p: Principal,
): Promise<{ id: number; name: string; kind: (typeof sweepUnitKinds)[number] }[]> {
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name, kind: orgUnit.kind })
    .from(orgUnit)
    .where(
      and(
        inArray(orgUnit.kind, [...sweepUnitKinds]),
        eq(orgUnit.status, 'active'),
        scopeCondition(p.scope, { unitColumns: [orgUnit.id] }),
      ),
    )
    .orderBy(asc(orgUnit.path));
  return rows as { id: number; name: string; kind: (typeof sweepUnitKinds)[number] }[];
}

export async function unitNames(executor: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many disputes each sweep found (all of them, whoever handles them). */
export async function disputeCounts(executor: Executor, sweepIds: string[]): Promise<Map<string, number>> {
  if (sweepIds.length === 0) return new Map();
  const rows = await executor
    .select({ id: mediationDispute.sweepId, n: count() })
    .from(mediationDispute)
    .where(inArray(mediationDispute.sweepId, sweepIds))
    .groupBy(mediationDispute.sweepId);
  return new Map(rows.flatMap((r) => (r.id ? [[r.id, Number(r.n)]] : [])));
}

export interface SweepDisputeRow {
  caseId: string;
  caseNo: string | null;
  title: string;
  kind: DisputeKind;
  status: string;
  committeeName: string;
  createdAt: Date;
}

/** The disputes registered from a sweep that the caller may see as cases. */
export async function sweepDisputes(
  executor: Executor,
  p: Principal,
  sweepId: string,
): Promise<SweepDisputeRow[]> {
  return executor
    .select({
      caseId: caseRecord.id,
      caseNo: caseRecord.caseNo,
      title: caseRecord.title,
      kind: mediationDispute.kind,
      status: caseRecord.status,
      committeeName: orgUnit.name,
      createdAt: caseRecord.createdAt,
    })
    .from(mediationDispute)
    .innerJoin(caseRecord, eq(caseRecord.id, mediationDispute.caseId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .where(and(eq(mediationDispute.sweepId, sweepId), caseScope(p)))
    .orderBy(asc(caseRecord.createdAt), asc(caseRecord.id));
}
