import type { GearType, SeaTripStatus } from '@zhucheng/contracts';
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import { citizenAccount } from '../../platform/auth/auth.schema.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { correctionsScope } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';
import {
  type CorrectionsAboardWindowRow,
  type CorrectionsSeaTripLogRow,
  type CorrectionsSeaTripRow,
  type CorrectionsTrackingBasisRow,
  type CorrectionsVesselRow,
  correctionsAboardWindow,
  correctionsSeaTrip,
  correctionsSeaTripLog,
  correctionsTrackingBasis,
  correctionsVessel,
} from './vessels.schema.ts';

// Queries of vessels, aboard windows, the tracking basis and sea trips. A vessel's scope is its registering
// office; a trip's and a window's are the supervisee's (the case's competent unit, minors only with the
// permission) — out of scope is simply not found.

const isMinor = sql`('minor' = any(${correctionsSupervisee.flags}))`;

function vesselScope(p: Principal | null): SQL | undefined {
  return p ? scopeCondition(p.scope, { unitColumns: [correctionsVessel.unitId] }) : undefined;
}

// ---- vessels ----------------------------------------------------------------------------------------------

export interface VesselRecord {
  v: CorrectionsVesselRow;
  unitName: string;
}

function vesselQuery(executor: Executor) {
  return executor
    .select({ v: correctionsVessel, unitName: orgUnit.name })
    .from(correctionsVessel)
    .innerJoin(orgUnit, eq(orgUnit.id, correctionsVessel.unitId));
}

export async function findVessel(
  executor: Executor,
  p: Principal | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<VesselRecord | undefined> {
  const q = vesselQuery(executor).where(and(eq(correctionsVessel.id, id), vesselScope(p)));
  const rows = options.forUpdate ? await q.for('update', { of: correctionsVessel }) : await q;
  return rows[0];
}

export async function vesselIdByRegistrationNo(executor: Executor, no: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: correctionsVessel.id })
    .from(correctionsVessel)
    .where(sql`upper(${correctionsVessel.registrationNo}) = upper(${no})`);
  return row?.id;
}

export async function listVessels(
  executor: Executor,
  p: Principal,
  filters: { q?: string | undefined; gearType?: GearType | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: VesselRecord[]; total: number }> {
  const v = correctionsVessel;
  const text = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    vesselScope(p),
    filters.gearType ? eq(v.gearType, filters.gearType) : undefined,
    text ? or(ilike(v.name, text), ilike(v.registrationNo, text), ilike(v.ownerName, text)) : undefined,
  );
  const rows = await vesselQuery(executor)
    .where(where)
    .orderBy(desc(v.createdAt), asc(v.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor.select({ n: count() }).from(v).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function insertVessel(executor: Executor, values: typeof correctionsVessel.$inferInsert) {
  const [row] = await executor.insert(correctionsVessel).values(values).returning();
  if (!row) throw new Error('vessel insert returned nothing');
  return row;
}

export async function updateVessel(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<typeof correctionsVessel.$inferInsert>,
): Promise<CorrectionsVesselRow | undefined> {
  const [row] = await executor
    .update(correctionsVessel)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(correctionsVessel.id, id), eq(correctionsVessel.version, version)))
    .returning();
  return row;
}

/** Supervisees aboard each vessel at `at`. */
export async function aboardCounts(
  executor: Executor,
  vesselIds: string[],
  at: Date,
): Promise<Map<string, number>> {
  if (vesselIds.length === 0) return new Map();
  const w = correctionsAboardWindow;
  const rows = await executor
    .select({ vesselId: w.vesselId, n: count() })
    .from(w)
    .where(and(inArray(w.vesselId, vesselIds), lte(w.fromAt, at), or(isNull(w.toAt), gt(w.toAt, at))))
    .groupBy(w.vesselId);
  return new Map(rows.map((r) => [r.vesselId, r.n]));
}

export async function vesselsByIds(
  executor: Executor,
  ids: string[],
): Promise<Map<string, CorrectionsVesselRow>> {
  if (ids.length === 0) return new Map();
  const rows = await executor.select().from(correctionsVessel).where(inArray(correctionsVessel.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

// ---- tracking basis ---------------------------------------------------------------------------------------

export async function basisOf(
  executor: Executor,
  caseId: string,
): Promise<CorrectionsTrackingBasisRow | undefined> {
  const [row] = await executor
    .select()
    .from(correctionsTrackingBasis)
    .where(eq(correctionsTrackingBasis.caseId, caseId));
  return row;
}

export async function saveBasis(executor: Executor, values: typeof correctionsTrackingBasis.$inferInsert) {
  const { caseId: _, ...set } = values;
  await executor.insert(correctionsTrackingBasis).values(values).onConflictDoUpdate({
    target: correctionsTrackingBasis.caseId,
    set,
  });
}

// ---- aboard windows ---------------------------------------------------------------------------------------

export async function windowsOfCase(
  executor: Executor,
  caseId: string,
): Promise<CorrectionsAboardWindowRow[]> {
  return executor
    .select()
    .from(correctionsAboardWindow)
    .where(eq(correctionsAboardWindow.caseId, caseId))
    .orderBy(asc(correctionsAboardWindow.fromAt));
}

/** Windows on a vessel that overlap [from, to). */
export async function windowsOnVessel(
  executor: Executor,
  vesselId: string,
  from: Date,
  to: Date,
): Promise<CorrectionsAboardWindowRow[]> {
  const w = correctionsAboardWindow;
  return executor
    .select()
    .from(w)
    .where(and(eq(w.vesselId, vesselId), sql`${w.fromAt} < ${to}`, or(isNull(w.toAt), gt(w.toAt, from))))
    .orderBy(asc(w.fromAt));
}

export async function findWindow(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CorrectionsAboardWindowRow | undefined> {
  const q = executor.select().from(correctionsAboardWindow).where(eq(correctionsAboardWindow.id, id));
  const rows = options.forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function insertWindow(executor: Executor, values: typeof correctionsAboardWindow.$inferInsert) {
  const [row] = await executor.insert(correctionsAboardWindow).values(values).returning();
  if (!row) throw new Error('aboard window insert returned nothing');
  return row;
}

export async function updateWindow(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<typeof correctionsAboardWindow.$inferInsert>,
): Promise<CorrectionsAboardWindowRow | undefined> {
  const [row] = await executor
    .update(correctionsAboardWindow)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(correctionsAboardWindow.id, id), eq(correctionsAboardWindow.version, version)))
    .returning();
  return row;
}

export async function deleteWindow(executor: Executor, id: string, version: number): Promise<boolean> {
  const rows = await executor
    .delete(correctionsAboardWindow)
    .where(and(eq(correctionsAboardWindow.id, id), eq(correctionsAboardWindow.version, version)))
    .returning({ id: correctionsAboardWindow.id });
  return rows.length > 0;
}

// ---- sea trips --------------------------------------------------------------------------------------------

export interface TripRecord {
  t: CorrectionsSeaTripRow;
  vessel: CorrectionsVesselRow;
  caseNo: string | null;
  officeId: number;
  officeName: string;
  name: string;
  flags: string[];
}

function tripQuery(executor: Executor) {
  return executor
    .select({
      t: correctionsSeaTrip,
      vessel: correctionsVessel,
      caseNo: caseRecord.caseNo,
      officeId: caseRecord.competentUnitId,
      officeName: orgUnit.name,
      name: person.name,
      flags: correctionsSupervisee.flags,
    })
    .from(correctionsSeaTrip)
    .innerJoin(correctionsVessel, eq(correctionsVessel.id, correctionsSeaTrip.vesselId))
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSeaTrip.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, correctionsSeaTrip.caseId))
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
}

/** One trip in the caller's scope (null: any scope — the portal has checked the term itself). */
export async function findTrip(
  executor: Executor,
  p: Principal | null,
  id: string,
  options: { forUpdate?: boolean; caseId?: string } = {},
): Promise<TripRecord | undefined> {
  const q = tripQuery(executor).where(
    and(
      eq(correctionsSeaTrip.id, id),
      options.caseId ? eq(correctionsSeaTrip.caseId, options.caseId) : undefined,
      p ? correctionsScope(p, isMinor) : undefined,
    ),
  );
  const rows = options.forUpdate ? await q.for('update', { of: correctionsSeaTrip }) : await q;
  return rows[0] as TripRecord | undefined;
}

export interface TripFilters {
  status?: SeaTripStatus | undefined;
  caseId?: string | undefined;
  vesselId?: string | undefined;
  /** Out (approved or at sea) with the planned return before this instant. */
  returnBefore?: Date | undefined;
}

export async function listTrips(
  executor: Executor,
  p: Principal | null,
  filters: TripFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: TripRecord[]; total: number }> {
  const t = correctionsSeaTrip;
  const where = and(
    p ? correctionsScope(p, isMinor) : undefined,
    filters.status ? eq(t.status, filters.status) : undefined,
    filters.caseId ? eq(t.caseId, filters.caseId) : undefined,
    filters.vesselId ? eq(t.vesselId, filters.vesselId) : undefined,
    filters.returnBefore
      ? and(inArray(t.status, ['approved', 'atSea']), sql`${t.plannedReturnAt} < ${filters.returnBefore}`)
      : undefined,
  );
  const rows = await tripQuery(executor)
    .where(where)
    .orderBy(desc(t.filedAt), asc(t.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(t)
    .innerJoin(caseRecord, eq(caseRecord.id, t.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, t.caseId))
    .where(where);
  return { rows: rows as TripRecord[], total: total?.n ?? 0 };
}

/** Trips of a vessel still live (filed, approved, at sea) overlapping [from, to). */
export async function liveTripsOfVessel(
  executor: Executor,
  vesselId: string,
  from: Date,
  to: Date,
): Promise<CorrectionsSeaTripRow[]> {
  const t = correctionsSeaTrip;
  return executor
    .select()
    .from(t)
    .where(
      and(
        eq(t.vesselId, vesselId),
        inArray(t.status, ['filed', 'approved', 'atSea']),
        sql`${t.plannedDepartureAt} < ${to}`,
        sql`${t.plannedReturnAt} > ${from}`,
      ),
    );
}

export async function insertTrip(executor: Executor, values: typeof correctionsSeaTrip.$inferInsert) {
  const [row] = await executor.insert(correctionsSeaTrip).values(values).returning();
  if (!row) throw new Error('sea trip insert returned nothing');
  return row;
}

export async function updateTrip(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<typeof correctionsSeaTrip.$inferInsert>,
): Promise<CorrectionsSeaTripRow | undefined> {
  const [row] = await executor
    .update(correctionsSeaTrip)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(correctionsSeaTrip.id, id), eq(correctionsSeaTrip.version, version)))
    .returning();
  return row;
}

export async function insertLog(executor: Executor, values: typeof correctionsSeaTripLog.$inferInsert) {
  const [row] = await executor.insert(correctionsSeaTripLog).values(values).returning();
  if (!row) throw new Error('sea trip log insert returned nothing');
  return row;
}

export async function logsOf(
  executor: Executor,
  tripIds: string[],
): Promise<Map<string, CorrectionsSeaTripLogRow[]>> {
  const out = new Map<string, CorrectionsSeaTripLogRow[]>();
  if (tripIds.length === 0) return out;
  const rows = await executor
    .select()
    .from(correctionsSeaTripLog)
    .where(inArray(correctionsSeaTripLog.tripId, tripIds))
    .orderBy(asc(correctionsSeaTripLog.at), asc(correctionsSeaTripLog.id));
  for (const r of rows) out.set(r.tripId, [...(out.get(r.tripId) ?? []), r]);
  return out;
}

/** Names and flags of supervisees (crew lists). */
export async function superviseeNames(
  executor: Executor,
  caseIds: string[],
): Promise<Map<string, { name: string; flags: string[] }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await executor
    .select({ caseId: correctionsSupervisee.caseId, name: person.name, flags: correctionsSupervisee.flags })
    .from(correctionsSupervisee)
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
    .where(inArray(correctionsSupervisee.caseId, caseIds));
  return new Map(rows.map((r) => [r.caseId, { name: r.name, flags: r.flags }]));
}

/** The citizen accounts signed in with the supervisee's phone (the portal identity), for notices. */
export async function citizenAccountsOf(executor: Executor, caseId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: citizenAccount.id })
    .from(correctionsSupervisee)
    .innerJoin(citizenAccount, eq(citizenAccount.phoneIndex, correctionsSupervisee.phoneIndex))
    .where(eq(correctionsSupervisee.caseId, caseId));
  return rows.map((r) => String(r.id));
}
