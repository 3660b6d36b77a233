import type { SentenceKind, SuperviseeFlag, SupervisionLevel } from '@zhucheng/contracts';
import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/access/principal.ts';
import { caseScope } from '../../platform/cases/cases.repo.ts';
import { type CaseRecordRow, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { type PersonRow, person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
import {
  type CorrectionsClassificationRow,
  type CorrectionsSuperviseeRow,
  correctionsClassification,
  correctionsSupervisee,
} from './register.schema.ts';

// Queries of the register. Every read and write on behalf of a person carries the case's data scope
// (the supervising office) and the minors' restriction, so a record outside them is simply not found.

/** The caller's scope on corrections cases; minors' records only with `corrections:readMinors`. */
export function correctionsScope(p: Principal, minor: SQL | AnyPgColumn): SQL | undefined {
  const minors = p.permissions.has('corrections:readMinors') ? undefined : sql`not ${minor}`;
  return and(caseScope(p), minors);
}

const isMinor = sql`('minor' = any(${correctionsSupervisee.flags}))`;

export interface SuperviseeRecord {
  s: CorrectionsSuperviseeRow;
  record: CaseRecordRow;
  person: PersonRow;
  officeName: string;
}

export interface SuperviseeFilters {
  status?: string | undefined;
  sentenceKind?: SentenceKind | undefined;
  supervisionLevel?: SupervisionLevel | undefined;
  flag?: SuperviseeFlag | undefined;
  name?: string | undefined;
}

function baseQuery(executor: Executor) {
  return executor
    .select({ s: correctionsSupervisee, record: caseRecord, person, officeName: orgUnit.name })
    .from(correctionsSupervisee)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSupervisee.caseId))
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
}

export async function listSupervisees(
  executor: Executor,
  p: Principal,
  filters: SuperviseeFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: SuperviseeRecord[]; total: number }> {
  const s = correctionsSupervisee;
  const where = and(
    eq(caseRecord.caseType, CORRECTIONS_SUPERVISEE),
    correctionsScope(p, isMinor),
    filters.status ? eq(caseRecord.status, filters.status) : undefined,
    filters.sentenceKind ? eq(s.sentenceKind, filters.sentenceKind) : undefined,
    filters.supervisionLevel ? eq(s.supervisionLevel, filters.supervisionLevel) : undefined,
    filters.flag ? sql`${filters.flag} = any(${s.flags})` : undefined,
    // A minor is never found by name in a list (the name is not shown either).
    filters.name ? and(sql`${person.name} like ${`%${filters.name}%`}`, sql`not ${isMinor}`) : undefined,
  );
  const rows = await baseQuery(executor)
    .where(where)
    .orderBy(desc(caseRecord.createdAt), asc(caseRecord.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(s)
    .innerJoin(caseRecord, eq(caseRecord.id, s.caseId))
    .innerJoin(person, eq(person.id, s.personId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** One supervisee in the caller's scope (and minors' restriction), or undefined. */
export async function findSupervisee(
  executor: Executor,
  p: Principal | null,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SuperviseeRecord | undefined> {
  const q = baseQuery(executor).where(
    and(eq(correctionsSupervisee.caseId, caseId), p ? correctionsScope(p, isMinor) : undefined),
  );
  const rows = options.forUpdate ? await q.for('update', { of: correctionsSupervisee }) : await q;
  return rows[0];
}

/** The term of this person not yet ended (one at most), in any scope: a second registration is refused. */
export async function runningTermOf(
  executor: Executor,
  personId: string,
): Promise<{ caseId: string; caseNo: string | null; officeName: string } | undefined> {
  const [row] = await executor
    .select({ caseId: caseRecord.id, caseNo: caseRecord.caseNo, officeName: orgUnit.name })
    .from(correctionsSupervisee)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSupervisee.caseId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .where(and(eq(correctionsSupervisee.personId, personId), isNull(correctionsSupervisee.endedOn)));
  return row;
}

/** The running term whose phone has this blind index (the portal identity), in any scope. */
export async function runningTermByPhone(
  executor: Executor,
  phoneIndex: string,
): Promise<{ caseId: string } | undefined> {
  const [row] = await executor
    .select({ caseId: correctionsSupervisee.caseId })
    .from(correctionsSupervisee)
    .where(and(eq(correctionsSupervisee.phoneIndex, phoneIndex), isNull(correctionsSupervisee.endedOn)))
    .limit(1);
  return row;
}

export async function insertSupervisee(
  executor: Executor,
  values: typeof correctionsSupervisee.$inferInsert,
): Promise<CorrectionsSuperviseeRow> {
  const [row] = await executor.insert(correctionsSupervisee).values(values).returning();
  if (!row) throw new Error('supervisee insert returned nothing');
  return row;
}

/** Applies a change over the version read; undefined when another change came first. */
export async function updateSupervisee(
  executor: Executor,
  caseId: string,
  version: number,
  patch: Partial<typeof correctionsSupervisee.$inferInsert>,
): Promise<CorrectionsSuperviseeRow | undefined> {
  const [row] = await executor
    .update(correctionsSupervisee)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(correctionsSupervisee.caseId, caseId), eq(correctionsSupervisee.version, version)))
    .returning();
  return row;
}

export async function insertClassification(
  executor: Executor,
  values: typeof correctionsClassification.$inferInsert,
): Promise<CorrectionsClassificationRow> {
  const [row] = await executor.insert(correctionsClassification).values(values).returning();
  if (!row) throw new Error('classification insert returned nothing');
  return row;
}

/** 分类管理 history of a term, newest first. */
export async function classificationsOf(
  executor: Executor,
  caseId: string,
): Promise<CorrectionsClassificationRow[]> {
  return executor
    .select()
    .from(correctionsClassification)
    .where(eq(correctionsClassification.caseId, caseId))
    .orderBy(desc(correctionsClassification.decidedOn), desc(correctionsClassification.id));
}

/** An active unit by id (the service checks its kind and the caller's scope). */
export async function findActiveUnit(executor: Executor, unitId: number) {
  const [row] = await executor
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.id, unitId), eq(orgUnit.status, 'active')));
  return row;
}

/** Supervisees still waiting to report in (any scope): for the overdue job. */
export async function awaitingReportIn(executor: Executor): Promise<{ caseId: string; unitId: number }[]> {
  return executor
    .select({ caseId: caseRecord.id, unitId: caseRecord.competentUnitId })
    .from(correctionsSupervisee)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSupervisee.caseId))
    .where(and(eq(caseRecord.caseType, CORRECTIONS_SUPERVISEE), eq(caseRecord.status, 'awaitingReportIn')));
}
