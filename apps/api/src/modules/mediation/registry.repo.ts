import { and, asc, count, desc, eq, inArray, isNull, like, ne, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { role, staffUser, staffUserRole } from '../../platform/access/access.schema.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type OrgUnitRow, orgUnit } from '../../platform/org/org.schema.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import { mediationDispute } from './dispute.schema.ts';
import {
  type MediationCommitteeRow,
  type MediationStudioRow,
  type MediatorRow,
  type MediatorTrainingRow,
  mediationCommittee,
  mediationStudio,
  mediator,
  mediatorTraining,
} from './registry.schema.ts';

// Queries of the mediation registry. Reads and writes on behalf of a person are limited to their data
// scope by the row's unit (the committee), so rows outside it are simply not found. The functions without
// a principal are for the other parts of the module, which have checked their own access.

function scoped(p: Principal, unitColumn: PgColumn, self?: SQL): SQL | undefined {
  return scopeCondition(p.scope, { unitColumns: [unitColumn], self });
}

/** The roles whose accounts a mediator profile may link to. */
export const mediatorAccountRoles = ['mediator', 'mediationCommitteeStaff'] as const;

// ---- units ----------------------------------------------------------------------------------------------

export async function unitsByIds(
  executor: Executor,
  ids: readonly number[],
): Promise<Map<number, OrgUnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The units a committee may be created under, in the caller's scope. */
export async function committeeParents(executor: Executor, p: Principal): Promise<OrgUnitRow[]> {
  return executor
    .select()
    .from(orgUnit)
    .where(
      and(
        inArray(orgUnit.kind, ['justiceOffice', 'countyBureau', 'cityBureau']),
        eq(orgUnit.status, 'active'),
        scoped(p, orgUnit.id),
      ),
    )
    .orderBy(asc(orgUnit.depth), asc(orgUnit.path));
}

// ---- committees -----------------------------------------------------------------------------------------

export interface CommitteeRecord {
  committee: MediationCommitteeRow;
  unit: OrgUnitRow;
}

export interface CommitteeFilters {
  kind?: MediationCommitteeRow['kind'] | undefined;
  industry?: MediationCommitteeRow['industry'] | undefined;
  /** Path of a unit: committees in its subtree. */
  underPath?: string | undefined;
  townCode?: string | undefined;
  name?: string | undefined;
}

export async function listCommittees(
  executor: Executor,
  p: Principal | null,
  filters: CommitteeFilters = {},
): Promise<CommitteeRecord[]> {
  const c = mediationCommittee;
  const parts: (SQL | undefined)[] = [p ? scoped(p, c.unitId) : undefined];
  if (filters.kind) parts.push(eq(c.kind, filters.kind));
  if (filters.industry) parts.push(eq(c.industry, filters.industry));
  if (filters.townCode) parts.push(eq(c.townCode, filters.townCode));
  if (filters.underPath) parts.push(like(orgUnit.path, `${filters.underPath}%`));
  if (filters.name) parts.push(sql`${orgUnit.name} like ${`%${filters.name}%`}`);
  return executor
    .select({ committee: c, unit: orgUnit })
    .from(c)
    .innerJoin(orgUnit, eq(orgUnit.id, c.unitId))
    .where(and(...parts))
    .orderBy(asc(orgUnit.path));
}

/** A committee in the caller's scope (null: no scope check, for parts that checked their own access). */
export async function findCommittee(
  executor: Executor,
  p: Principal | null,
  unitId: number,
  forUpdate = false,
): Promise<CommitteeRecord | undefined> {
  const q = executor
    .select({ committee: mediationCommittee, unit: orgUnit })
    .from(mediationCommittee)
    .innerJoin(orgUnit, eq(orgUnit.id, mediationCommittee.unitId))
    .where(and(eq(mediationCommittee.unitId, unitId), p ? scoped(p, mediationCommittee.unitId) : undefined));
  const rows = forUpdate ? await q.for('update', { of: mediationCommittee }) : await q;
  return rows[0];
}

export async function insertCommittee(
  executor: Executor,
  values: typeof mediationCommittee.$inferInsert,
): Promise<MediationCommitteeRow> {
  const [row] = await executor.insert(mediationCommittee).values(values).returning();
  if (!row) throw new Error('committee insert returned nothing');
  return row;
}

export async function updateCommittee(
  executor: Executor,
  unitId: number,
  values: Partial<typeof mediationCommittee.$inferInsert>,
): Promise<MediationCommitteeRow> {
  const [row] = await executor
    .update(mediationCommittee)
    .set({ ...values, version: sql`${mediationCommittee.version} + 1` })
    .where(eq(mediationCommittee.unitId, unitId))
    .returning();
  if (!row) throw new Error('committee update returned nothing');
  return row;
}

/** Renames the committee's org unit (its name is the unit's name), one version step of the unit. */
export async function renameUnit(executor: Executor, unitId: number, name: string, at: Date): Promise<void> {
  await executor
    .update(orgUnit)
    .set({ name, version: sql`${orgUnit.version} + 1`, updatedAt: at })
    .where(eq(orgUnit.id, unitId));
}

/** Another unit under the same parent already has this name. */
export async function siblingNamed(
  executor: Executor,
  parentId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  const rows = await executor
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(
      and(
        eq(orgUnit.parentId, parentId),
        eq(orgUnit.name, name),
        exceptId === undefined ? undefined : ne(orgUnit.id, exceptId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Active mediators per committee. */
export async function mediatorCounts(executor: Executor, unitIds: number[]): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor
    .select({ unitId: mediator.unitId, n: count() })
    .from(mediator)
    .where(and(inArray(mediator.unitId, unitIds), eq(mediator.status, 'active')))
    .groupBy(mediator.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

/** Disputes per committee that are 待受理 or 调解中. */
export async function openDisputeCounts(executor: Executor, unitIds: number[]): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor
    .select({ unitId: caseRecord.competentUnitId, n: count() })
    .from(caseRecord)
    .where(
      and(
        eq(caseRecord.caseType, MEDIATION_DISPUTE),
        inArray(caseRecord.competentUnitId, unitIds),
        inArray(caseRecord.status, ['received', 'mediating']),
      ),
    )
    .groupBy(caseRecord.competentUnitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

/** Disputes per committee settled (outcome day) within the calendar year. */
export async function settledCounts(
  executor: Executor,
  unitIds: number[],
  year: number,
): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor
    .select({ unitId: caseRecord.competentUnitId, n: count() })
    .from(caseRecord)
    .innerJoin(mediationDispute, eq(mediationDispute.caseId, caseRecord.id))
    .where(
      and(
        eq(caseRecord.caseType, MEDIATION_DISPUTE),
        inArray(caseRecord.competentUnitId, unitIds),
        eq(caseRecord.status, 'settled'),
        sql`${mediationDispute.outcomeOn} >= ${`${year}-01-01`}::date`,
        sql`${mediationDispute.outcomeOn} <= ${`${year}-12-31`}::date`,
      ),
    )
    .groupBy(caseRecord.competentUnitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

// ---- mediators --------------------------------------------------------------------------------------------

const mediatorScope = (p: Principal) =>
  scoped(p, mediator.unitId, p.kind === 'staff' ? eq(mediator.staffUserId, p.id) : undefined);

export interface MediatorFilters {
  /** Path of a unit: mediators of the committees in its subtree. */
  underPath?: string | undefined;
  name?: string | undefined;
  status?: MediatorRow['status'] | undefined;
  employment?: MediatorRow['employment'] | undefined;
  /** Active and no training after this day (exclusive lower bound of the window). */
  untrainedSince?: string | undefined;
}

export async function listMediators(
  executor: Executor,
  p: Principal,
  filters: MediatorFilters = {},
): Promise<MediatorRow[]> {
  const parts: (SQL | undefined)[] = [mediatorScope(p)];
  if (filters.name) parts.push(sql`${mediator.name} like ${`%${filters.name}%`}`);
  if (filters.status) parts.push(eq(mediator.status, filters.status));
  if (filters.employment) parts.push(eq(mediator.employment, filters.employment));
  if (filters.underPath) {
    parts.push(
      sql`exists (select 1 from ${orgUnit} where ${orgUnit.id} = ${mediator.unitId} and ${orgUnit.path} like ${`${filters.underPath}%`})`,
    );
  }
  if (filters.untrainedSince) {
    parts.push(eq(mediator.status, 'active'));
    parts.push(
      sql`not exists (select 1 from ${mediatorTraining} where ${mediatorTraining.mediatorId} = ${mediator.id} and ${mediatorTraining.heldOn} > ${filters.untrainedSince}::date)`,
    );
  }
  return executor
    .select()
    .from(mediator)
    .where(and(...parts))
    .orderBy(asc(mediator.unitId), asc(mediator.createdAt), asc(mediator.id));
}

/** A mediator in the caller's scope. */
export async function findScopedMediator(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<MediatorRow | undefined> {
  const q = executor
    .select()
    .from(mediator)
    .where(and(eq(mediator.id, id), mediatorScope(p)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

/** A mediator by id, without a scope check (for the other parts, which have checked their own access). */
export async function findMediator(executor: Executor, id: string): Promise<MediatorRow | undefined> {
  const rows = await executor.select().from(mediator).where(eq(mediator.id, id));
  return rows[0];
}

/** The mediator profile linked to a staff account (any status: the caller decides what a left one may do). */
export async function mediatorForStaffUser(
  executor: Executor,
  staffUserId: string,
): Promise<MediatorRow | undefined> {
  const rows = await executor.select().from(mediator).where(eq(mediator.staffUserId, staffUserId));
  return rows[0];
}

/** The mediators of a committee, active ones only unless asked (no scope check). */
export async function mediatorsOfCommittee(
  executor: Executor,
  unitId: number,
  options: { includeLeft?: boolean } = {},
): Promise<MediatorRow[]> {
  return executor
    .select()
    .from(mediator)
    .where(and(eq(mediator.unitId, unitId), options.includeLeft ? undefined : eq(mediator.status, 'active')))
    .orderBy(asc(mediator.createdAt), asc(mediator.id));
}

export async function mediatorNames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: mediator.id, name: mediator.name })
    .from(mediator)
    .where(inArray(mediator.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertMediator(
  executor: Executor,
  values: typeof mediator.$inferInsert,
): Promise<MediatorRow> {
  const [row] = await executor.insert(mediator).values(values).returning();
  if (!row) throw new Error('mediator insert returned nothing');
  return row;
}

export async function updateMediator(
  executor: Executor,
  id: string,
  values: Partial<typeof mediator.$inferInsert>,
): Promise<MediatorRow> {
  const [row] = await executor
    .update(mediator)
    .set({ ...values, version: sql`${mediator.version} + 1` })
    .where(eq(mediator.id, id))
    .returning();
  if (!row) throw new Error('mediator update returned nothing');
  return row;
}

/** The staff account, when it exists, is active and holds one of the roles a mediator account may have. */
export async function findMediatorAccount(
  executor: Executor,
  userId: string,
): Promise<{ id: string; username: string; unitId: number | null } | undefined> {
  const rows = await executor
    .select({ id: staffUser.id, username: staffUser.username, unitId: staffUser.unitId })
    .from(staffUser)
    .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(and(eq(staffUser.id, userId), inArray(role.code, [...mediatorAccountRoles])))
    .limit(1);
  return rows[0];
}

/** Accounts in the caller's scope a mediator profile may link to, not yet linked. */
export async function mediatorAccounts(
  executor: Executor,
  p: Principal,
): Promise<{ id: string; username: string; displayName: string; unitId: number | null }[]> {
  return executor
    .selectDistinct({
      id: staffUser.id,
      username: staffUser.username,
      displayName: staffUser.displayName,
      unitId: staffUser.unitId,
    })
    .from(staffUser)
    .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .leftJoin(mediator, eq(mediator.staffUserId, staffUser.id))
    .where(
      and(
        inArray(role.code, [...mediatorAccountRoles]),
        eq(staffUser.status, 'active'),
        isNull(mediator.id),
        scoped(p, staffUser.unitId),
      ),
    )
    .orderBy(asc(staffUser.username));
}

export async function accountUsernames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: staffUser.id, username: staffUser.username })
    .from(staffUser)
    .where(inArray(staffUser.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.username]));
}

// ---- training -----------------------------------------------------------------------------------------

export interface TrainingSummary {
  hours: number;
  lastTrainedOn: string | null;
}

/** Per mediator: hours within the year and the last training day (any year). */
export async function trainingSummaries(
  executor: Executor,
  mediatorIds: string[],
  year: number,
): Promise<Map<string, TrainingSummary>> {
  if (mediatorIds.length === 0) return new Map();
  const t = mediatorTraining;
  const rows = await executor
    .select({
      mediatorId: t.mediatorId,
      hours: sql<string>`coalesce(sum(${t.hours}) filter (where extract(year from ${t.heldOn}) = ${year}), 0)`,
      last: sql<string | null>`max(${t.heldOn})::text`,
    })
    .from(t)
    .where(inArray(t.mediatorId, [...new Set(mediatorIds)]))
    .groupBy(t.mediatorId);
  return new Map(rows.map((r) => [r.mediatorId, { hours: Number(r.hours), lastTrainedOn: r.last }]));
}

export async function listTrainings(executor: Executor, mediatorId: string): Promise<MediatorTrainingRow[]> {
  return executor
    .select()
    .from(mediatorTraining)
    .where(eq(mediatorTraining.mediatorId, mediatorId))
    .orderBy(desc(mediatorTraining.heldOn), desc(mediatorTraining.createdAt));
}

export async function insertTraining(
  executor: Executor,
  values: typeof mediatorTraining.$inferInsert,
): Promise<MediatorTrainingRow> {
  const [row] = await executor.insert(mediatorTraining).values(values).returning();
  if (!row) throw new Error('training insert returned nothing');
  return row;
}

// ---- studios --------------------------------------------------------------------------------------------

export async function listStudios(
  executor: Executor,
  p: Principal,
  filters: { status?: MediationStudioRow['status'] | undefined; underPath?: string | undefined } = {},
): Promise<MediationStudioRow[]> {
  const s = mediationStudio;
  const parts: (SQL | undefined)[] = [scoped(p, s.unitId)];
  if (filters.status) parts.push(eq(s.status, filters.status));
  if (filters.underPath) {
    parts.push(
      sql`exists (select 1 from ${orgUnit} where ${orgUnit.id} = ${s.unitId} and ${orgUnit.path} like ${`${filters.underPath}%`})`,
    );
  }
  return executor
    .select()
    .from(s)
    .where(and(...parts))
    .orderBy(asc(s.status), asc(s.targetDate), asc(s.name));
}

export async function findStudio(
  executor: Executor,
  p: Principal,
  id: string,
  forUpdate = false,
): Promise<MediationStudioRow | undefined> {
  const q = executor
    .select()
    .from(mediationStudio)
    .where(and(eq(mediationStudio.id, id), scoped(p, mediationStudio.unitId)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0];
}

export async function studioNamed(executor: Executor, name: string, exceptId?: string): Promise<boolean> {
  const rows = await executor
    .select({ id: mediationStudio.id })
    .from(mediationStudio)
    .where(and(eq(mediationStudio.name, name), exceptId ? ne(mediationStudio.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}

export async function insertStudio(
  executor: Executor,
  values: typeof mediationStudio.$inferInsert,
): Promise<MediationStudioRow> {
  const [row] = await executor.insert(mediationStudio).values(values).returning();
  if (!row) throw new Error('studio insert returned nothing');
  return row;
}

export async function updateStudio(
  executor: Executor,
  id: string,
  values: Partial<typeof mediationStudio.$inferInsert>,
): Promise<MediationStudioRow> {
  const [row] = await executor
    .update(mediationStudio)
    .set({ ...values, version: sql`${mediationStudio.version} + 1` })
    .where(eq(mediationStudio.id, id))
    .returning();
  if (!row) throw new Error('studio update returned nothing');
  return row;
}

/** Unit paths of units: for "in the subtree of" filters. */
export async function unitPath(executor: Executor, unitId: number): Promise<string | undefined> {
  const rows = await executor.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, unitId));
  return rows[0]?.path;
}
