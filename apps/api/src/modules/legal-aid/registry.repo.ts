import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { role, staffUser, staffUserRole } from '../../platform/access/access.schema.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import {
  type LegalAidConsultationRow,
  type LegalAidDutyEntryRow,
  type LegalAidLawyerRow,
  type LegalAidStationRow,
  type LegalAidSupportTeamRow,
  legalAidConsultation,
  legalAidDutyEntry,
  legalAidLawyer,
  legalAidStation,
  legalAidSupportTeam,
} from './registry.schema.ts';

// Queries of the legal-aid registries. Every read and write is limited to the caller's data scope by the
// row's unit (a lawyer also sees their own profile), so rows outside it are simply not found.

function scoped(p: Principal, unitColumn: PgColumn, self?: SQL): SQL | undefined {
  return scopeCondition(p.scope, { unitColumns: [unitColumn], self });
}

// ---- units and accounts ---------------------------------------------------------------------------------

export async function unitNames(executor: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitExists(executor: Executor, id: number): Promise<boolean> {
  const rows = await executor.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, id));
  return rows.length > 0;
}

/** The staff account, when it exists and holds the built-in role 律师. */
export async function findLawyerAccount(
  executor: Executor,
  userId: string,
): Promise<{ id: string; username: string } | undefined> {
  const rows = await executor
    .select({ id: staffUser.id, username: staffUser.username })
    .from(staffUser)
    .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(and(eq(staffUser.id, userId), eq(role.code, 'lawyer')))
    .limit(1);
  return rows[0];
}

/** Accounts holding the role 律师 in the caller's scope, for linking a profile. */
export async function lawyerAccounts(
  executor: Executor,
  p: Principal,
): Promise<{ id: string; username: string; displayName: string; unitId: number }[]> {
  return executor
    .select({
      id: staffUser.id,
      username: staffUser.username,
      displayName: staffUser.displayName,
      unitId: staffUser.unitId,
    })
    .from(staffUser)
    .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(and(eq(role.code, 'lawyer'), eq(staffUser.status, 'active'), scoped(p, staffUser.unitId)))
    .orderBy(asc(staffUser.username));
}

export async function usernames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: staffUser.id, username: staffUser.username, displayName: staffUser.displayName })
    .from(staffUser)
    .where(inArray(staffUser.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.displayName || r.username]));
}

export async function accountUsernames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: staffUser.id, username: staffUser.username })
    .from(staffUser)
    .where(inArray(staffUser.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.username]));
}

// ---- lawyers -------------------------------------------------------------------------------------------

const lawyerScope = (p: Principal) =>
  scoped(p, legalAidLawyer.unitId, p.kind === 'staff' ? eq(legalAidLawyer.staffUserId, p.id) : undefined);

export async function listLawyers(
  executor: Executor,
  p: Principal,
  filters: { name?: string | undefined; unitIds?: readonly number[] | undefined } = {},
): Promise<LegalAidLawyerRow[]> {
  const parts: (SQL | undefined)[] = [lawyerScope(p)];
  if (filters.name) parts.push(sql`${legalAidLawyer.name} like ${`%${filters.name}%`}`);
  if (filters.unitIds) parts.push(inArray(legalAidLawyer.unitId, [...filters.unitIds]));
  return executor
    .select()
    .from(legalAidLawyer)
    .where(and(...parts))
    .orderBy(asc(legalAidLawyer.registeredOn), asc(legalAidLawyer.name));
}

export async function findLawyer(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<LegalAidLawyerRow | undefined> {
  const q = executor
    .select()
    .from(legalAidLawyer)
    .where(and(eq(legalAidLawyer.id, id), lawyerScope(p)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function findLawyersByIds(
  executor: Executor,
  p: Principal,
  ids: string[],
): Promise<LegalAidLawyerRow[]> {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(legalAidLawyer)
    .where(and(inArray(legalAidLawyer.id, [...new Set(ids)]), lawyerScope(p)));
}

export async function lawyerNames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: legalAidLawyer.id, name: legalAidLawyer.name })
    .from(legalAidLawyer)
    .where(inArray(legalAidLawyer.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function lawyerByLicence(executor: Executor, licenceNumber: string) {
  const rows = await executor
    .select({ id: legalAidLawyer.id })
    .from(legalAidLawyer)
    .where(eq(legalAidLawyer.licenceNumber, licenceNumber));
  return rows[0];
}

export async function lawyerByAccount(executor: Executor, staffUserId: string) {
  const rows = await executor
    .select()
    .from(legalAidLawyer)
    .where(eq(legalAidLawyer.staffUserId, staffUserId));
  return rows[0];
}

export async function insertLawyer(executor: Executor, values: typeof legalAidLawyer.$inferInsert) {
  const [row] = await executor.insert(legalAidLawyer).values(values).returning();
  if (!row) throw new Error('lawyer insert returned nothing');
  return row;
}

export async function updateLawyer(
  executor: Executor,
  id: string,
  values: Partial<typeof legalAidLawyer.$inferInsert>,
): Promise<LegalAidLawyerRow> {
  const [row] = await executor
    .update(legalAidLawyer)
    .set({ ...values, version: sql`${legalAidLawyer.version} + 1` })
    .where(eq(legalAidLawyer.id, id))
    .returning();
  if (!row) throw new Error('lawyer update returned nothing');
  return row;
}

/** Every lawyer kept by the given units (no caller: the workflow has checked access to its case). */
export async function lawyersOfUnits(
  executor: Executor,
  units: readonly number[],
): Promise<LegalAidLawyerRow[]> {
  if (units.length === 0) return [];
  return executor
    .select()
    .from(legalAidLawyer)
    .where(inArray(legalAidLawyer.unitId, [...units]))
    .orderBy(asc(legalAidLawyer.registeredOn), asc(legalAidLawyer.id));
}

/** The lawyers on the roster of the given units on `day`. */
export async function dutyLawyerIdsOn(
  executor: Executor,
  units: readonly number[],
  day: string,
): Promise<Set<string>> {
  if (units.length === 0) return new Set();
  const rows = await executor
    .selectDistinct({ id: legalAidDutyEntry.lawyerId })
    .from(legalAidDutyEntry)
    .where(
      and(
        inArray(legalAidDutyEntry.unitId, [...units]),
        sql`${legalAidDutyEntry.fromDay} <= ${day} and ${legalAidDutyEntry.toDay} >= ${day}`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

// ---- stations ------------------------------------------------------------------------------------------

export async function listStations(executor: Executor, p: Principal): Promise<LegalAidStationRow[]> {
  return executor
    .select()
    .from(legalAidStation)
    .where(scoped(p, legalAidStation.unitId))
    .orderBy(desc(legalAidStation.openedOn), asc(legalAidStation.name));
}

export async function findStation(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<LegalAidStationRow | undefined> {
  const q = executor
    .select()
    .from(legalAidStation)
    .where(and(eq(legalAidStation.id, id), scoped(p, legalAidStation.unitId)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function stationNames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: legalAidStation.id, name: legalAidStation.name })
    .from(legalAidStation)
    .where(inArray(legalAidStation.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertStation(executor: Executor, values: typeof legalAidStation.$inferInsert) {
  const [row] = await executor.insert(legalAidStation).values(values).returning();
  if (!row) throw new Error('station insert returned nothing');
  return row;
}

export async function updateStation(
  executor: Executor,
  id: string,
  values: Partial<typeof legalAidStation.$inferInsert>,
): Promise<LegalAidStationRow> {
  const [row] = await executor
    .update(legalAidStation)
    .set({ ...values, version: sql`${legalAidStation.version} + 1` })
    .where(eq(legalAidStation.id, id))
    .returning();
  if (!row) throw new Error('station update returned nothing');
  return row;
}

// ---- duty roster ----------------------------------------------------------------------------------------

export async function listDutyEntries(
  executor: Executor,
  p: Principal,
  filters: { on?: string | undefined; lawyerId?: string | undefined } = {},
): Promise<LegalAidDutyEntryRow[]> {
  const parts: (SQL | undefined)[] = [scoped(p, legalAidDutyEntry.unitId)];
  if (filters.on) {
    parts.push(
      sql`${legalAidDutyEntry.fromDay} <= ${filters.on} and ${legalAidDutyEntry.toDay} >= ${filters.on}`,
    );
  }
  if (filters.lawyerId) parts.push(eq(legalAidDutyEntry.lawyerId, filters.lawyerId));
  return executor
    .select()
    .from(legalAidDutyEntry)
    .where(and(...parts))
    .orderBy(desc(legalAidDutyEntry.fromDay), asc(legalAidDutyEntry.id))
    .limit(1000);
}

export async function findDutyEntry(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<LegalAidDutyEntryRow | undefined> {
  const q = executor
    .select()
    .from(legalAidDutyEntry)
    .where(and(eq(legalAidDutyEntry.id, id), scoped(p, legalAidDutyEntry.unitId)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function insertDutyEntry(executor: Executor, values: typeof legalAidDutyEntry.$inferInsert) {
  const [row] = await executor.insert(legalAidDutyEntry).values(values).returning();
  if (!row) throw new Error('duty entry insert returned nothing');
  return row;
}

export async function updateDutyEntry(
  executor: Executor,
  id: string,
  values: Partial<typeof legalAidDutyEntry.$inferInsert>,
): Promise<LegalAidDutyEntryRow> {
  const [row] = await executor
    .update(legalAidDutyEntry)
    .set({ ...values, version: sql`${legalAidDutyEntry.version} + 1` })
    .where(eq(legalAidDutyEntry.id, id))
    .returning();
  if (!row) throw new Error('duty entry update returned nothing');
  return row;
}

export async function deleteDutyEntry(executor: Executor, id: string): Promise<void> {
  await executor.delete(legalAidDutyEntry).where(eq(legalAidDutyEntry.id, id));
}

// ---- support teams --------------------------------------------------------------------------------------

export async function listSupportTeams(executor: Executor, p: Principal): Promise<LegalAidSupportTeamRow[]> {
  return executor
    .select()
    .from(legalAidSupportTeam)
    .where(scoped(p, legalAidSupportTeam.unitId))
    .orderBy(desc(legalAidSupportTeam.setUpOn), asc(legalAidSupportTeam.name));
}

export async function findSupportTeam(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<LegalAidSupportTeamRow | undefined> {
  const q = executor
    .select()
    .from(legalAidSupportTeam)
    .where(and(eq(legalAidSupportTeam.id, id), scoped(p, legalAidSupportTeam.unitId)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function insertSupportTeam(executor: Executor, values: typeof legalAidSupportTeam.$inferInsert) {
  const [row] = await executor.insert(legalAidSupportTeam).values(values).returning();
  if (!row) throw new Error('support team insert returned nothing');
  return row;
}

export async function updateSupportTeam(
  executor: Executor,
  id: string,
  values: Partial<typeof legalAidSupportTeam.$inferInsert>,
): Promise<LegalAidSupportTeamRow> {
  const [row] = await executor
    .update(legalAidSupportTeam)
    .set({ ...values, version: sql`${legalAidSupportTeam.version} + 1` })
    .where(eq(legalAidSupportTeam.id, id))
    .returning();
  if (!row) throw new Error('support team update returned nothing');
  return row;
}

// ---- consultations ------------------------------------------------------------------------------------

export interface ConsultationFilters {
  /** Calendar days of `timeZone`, both inclusive. */
  fromDay?: string | undefined;
  toDay?: string | undefined;
  timeZone?: string | undefined;
  channel?: LegalAidConsultationRow['channel'] | undefined;
}

function consultationWhere(p: Principal, f: ConsultationFilters): SQL | undefined {
  const tz = f.timeZone ?? 'Asia/Shanghai';
  return and(
    scoped(p, legalAidConsultation.unitId, eq(legalAidConsultation.handledBy, p.id)),
    f.fromDay
      ? gte(legalAidConsultation.consultedAt, sql`(${f.fromDay}::date::timestamp at time zone ${tz})`)
      : undefined,
    f.toDay
      ? lt(legalAidConsultation.consultedAt, sql`((${f.toDay}::date + 1)::timestamp at time zone ${tz})`)
      : undefined,
    f.channel ? eq(legalAidConsultation.channel, f.channel) : undefined,
  );
}

export async function listConsultations(
  executor: Executor,
  p: Principal,
  filters: ConsultationFilters,
  page: { offset: number; limit: number },
): Promise<{ rows: LegalAidConsultationRow[]; total: number }> {
  const where = consultationWhere(p, filters);
  const rows = await executor
    .select()
    .from(legalAidConsultation)
    .where(where)
    .orderBy(desc(legalAidConsultation.consultedAt), desc(legalAidConsultation.id))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await executor.select({ n: count() }).from(legalAidConsultation).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findConsultation(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<LegalAidConsultationRow | undefined> {
  const q = executor
    .select()
    .from(legalAidConsultation)
    .where(and(eq(legalAidConsultation.id, id), consultationWhere(p, {})));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function insertConsultation(
  executor: Executor,
  values: typeof legalAidConsultation.$inferInsert,
) {
  const [row] = await executor.insert(legalAidConsultation).values(values).returning();
  if (!row) throw new Error('consultation insert returned nothing');
  return row;
}

export async function updateConsultation(
  executor: Executor,
  id: string,
  values: Partial<typeof legalAidConsultation.$inferInsert>,
): Promise<LegalAidConsultationRow> {
  const [row] = await executor
    .update(legalAidConsultation)
    .set({ ...values, version: sql`${legalAidConsultation.version} + 1` })
    .where(eq(legalAidConsultation.id, id))
    .returning();
  if (!row) throw new Error('consultation update returned nothing');
  return row;
}

export async function deleteConsultation(executor: Executor, id: string): Promise<void> {
  await executor.delete(legalAidConsultation).where(eq(legalAidConsultation.id, id));
}
