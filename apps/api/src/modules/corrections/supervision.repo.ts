import type { SupervisionHoursKind } from '@zhucheng/contracts';
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
import { correctionsScope } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';
import {
  type CorrectionsCheckInRow,
  type CorrectionsMissedCheckInRow,
  type CorrectionsPeriodicReportRow,
  type CorrectionsReportInEvidenceRow,
  type CorrectionsSupervisionContactRow,
  type CorrectionsSupervisionHoursRow,
  correctionsCheckIn,
  correctionsMissedCheckIn,
  correctionsPeriodicReport,
  correctionsReportInEvidence,
  correctionsSupervisionContact,
  correctionsSupervisionHours,
} from './supervision.schema.ts';

// Queries of 日常监管. The supervisee is always found first (in the caller's scope, or as the portal's
// term), so these take a case id that is already allowed.

const RECENT = 200;

// ---- check-ins ------------------------------------------------------------------------------------------

export async function insertCheckIn(
  executor: Executor,
  values: typeof correctionsCheckIn.$inferInsert,
): Promise<CorrectionsCheckInRow> {
  const [row] = await executor.insert(correctionsCheckIn).values(values).returning();
  if (!row) throw new Error('check-in insert returned nothing');
  return row;
}

/** The newest check-ins of a case (at most 200), newest first. */
export async function checkInsOf(executor: Executor, caseId: string): Promise<CorrectionsCheckInRow[]> {
  return executor
    .select()
    .from(correctionsCheckIn)
    .where(eq(correctionsCheckIn.caseId, caseId))
    .orderBy(desc(correctionsCheckIn.at), desc(correctionsCheckIn.id))
    .limit(RECENT);
}

/** Windows met on time by check-ins at or after `since`, per case. */
export async function onTimeKeys(
  executor: Executor,
  caseIds: readonly string[],
  since: Date,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (caseIds.length === 0) return out;
  const rows = await executor
    .select({ caseId: correctionsCheckIn.caseId, key: correctionsCheckIn.windowKey })
    .from(correctionsCheckIn)
    .where(
      and(
        inArray(correctionsCheckIn.caseId, [...caseIds]),
        eq(correctionsCheckIn.status, 'onTime'),
        gte(correctionsCheckIn.at, since),
      ),
    );
  for (const r of rows) {
    if (!r.key) continue;
    const set = out.get(r.caseId) ?? new Set<string>();
    set.add(r.key);
    out.set(r.caseId, set);
  }
  return out;
}

/** The last check-in of each case. */
export async function lastCheckIns(
  executor: Executor,
  caseIds: readonly string[],
): Promise<Map<string, Date>> {
  if (caseIds.length === 0) return new Map();
  const rows = await executor
    .select({ caseId: correctionsCheckIn.caseId, at: sql<string>`max(${correctionsCheckIn.at})` })
    .from(correctionsCheckIn)
    .where(inArray(correctionsCheckIn.caseId, [...caseIds]))
    .groupBy(correctionsCheckIn.caseId);
  return new Map(rows.map((r) => [r.caseId, new Date(r.at)]));
}

// ---- missed check-ins -----------------------------------------------------------------------------------

/** Records a missed window once; undefined when it was already recorded. */
export async function insertMissed(
  executor: Executor,
  values: typeof correctionsMissedCheckIn.$inferInsert,
): Promise<CorrectionsMissedCheckInRow | undefined> {
  const [row] = await executor
    .insert(correctionsMissedCheckIn)
    .values(values)
    .onConflictDoNothing({ target: [correctionsMissedCheckIn.caseId, correctionsMissedCheckIn.windowKey] })
    .returning();
  return row;
}

export async function missedOf(executor: Executor, caseId: string): Promise<CorrectionsMissedCheckInRow[]> {
  return executor
    .select()
    .from(correctionsMissedCheckIn)
    .where(eq(correctionsMissedCheckIn.caseId, caseId))
    .orderBy(desc(correctionsMissedCheckIn.windowOpensAt))
    .limit(RECENT);
}

/** Keys of the windows already recorded as missed, per case, that opened at or after `since`. */
export async function missedKeys(
  executor: Executor,
  caseIds: readonly string[],
  since: Date,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (caseIds.length === 0) return out;
  const rows = await executor
    .select({ caseId: correctionsMissedCheckIn.caseId, key: correctionsMissedCheckIn.windowKey })
    .from(correctionsMissedCheckIn)
    .where(
      and(
        inArray(correctionsMissedCheckIn.caseId, [...caseIds]),
        gte(correctionsMissedCheckIn.windowOpensAt, since),
      ),
    );
  for (const r of rows) {
    const set = out.get(r.caseId) ?? new Set<string>();
    set.add(r.key);
    out.set(r.caseId, set);
  }
  return out;
}

export async function findMissed(
  executor: Executor,
  caseId: string,
  id: number,
): Promise<CorrectionsMissedCheckInRow | undefined> {
  const [row] = await executor
    .select()
    .from(correctionsMissedCheckIn)
    .where(and(eq(correctionsMissedCheckIn.caseId, caseId), eq(correctionsMissedCheckIn.id, id)))
    .for('update');
  return row;
}

export async function resolveMissed(
  executor: Executor,
  id: number,
  values: { resolutionNote: string; resolvedBy: string; resolvedAt: Date },
): Promise<CorrectionsMissedCheckInRow | undefined> {
  const [row] = await executor
    .update(correctionsMissedCheckIn)
    .set({ ...values, status: 'resolved' })
    .where(and(eq(correctionsMissedCheckIn.id, id), eq(correctionsMissedCheckIn.status, 'open')))
    .returning();
  return row;
}

// ---- periodic reports, contacts, hours ---------------------------------------------------------------------

/** One report a month: undefined when the month already has one. */
export async function insertReport(
  executor: Executor,
  values: typeof correctionsPeriodicReport.$inferInsert,
): Promise<CorrectionsPeriodicReportRow | undefined> {
  const [row] = await executor
    .insert(correctionsPeriodicReport)
    .values(values)
    .onConflictDoNothing({ target: [correctionsPeriodicReport.caseId, correctionsPeriodicReport.month] })
    .returning();
  return row;
}

export async function reportsOf(executor: Executor, caseId: string): Promise<CorrectionsPeriodicReportRow[]> {
  return executor
    .select()
    .from(correctionsPeriodicReport)
    .where(eq(correctionsPeriodicReport.caseId, caseId))
    .orderBy(desc(correctionsPeriodicReport.month))
    .limit(RECENT);
}

export async function insertContact(
  executor: Executor,
  values: typeof correctionsSupervisionContact.$inferInsert,
): Promise<CorrectionsSupervisionContactRow> {
  const [row] = await executor.insert(correctionsSupervisionContact).values(values).returning();
  if (!row) throw new Error('contact insert returned nothing');
  return row;
}

export async function contactsOf(
  executor: Executor,
  caseId: string,
): Promise<CorrectionsSupervisionContactRow[]> {
  return executor
    .select()
    .from(correctionsSupervisionContact)
    .where(eq(correctionsSupervisionContact.caseId, caseId))
    .orderBy(desc(correctionsSupervisionContact.occurredOn), desc(correctionsSupervisionContact.createdAt))
    .limit(RECENT);
}

export async function insertHours(
  executor: Executor,
  values: typeof correctionsSupervisionHours.$inferInsert,
): Promise<CorrectionsSupervisionHoursRow> {
  const [row] = await executor.insert(correctionsSupervisionHours).values(values).returning();
  if (!row) throw new Error('hours insert returned nothing');
  return row;
}

export async function hoursOf(executor: Executor, caseId: string): Promise<CorrectionsSupervisionHoursRow[]> {
  return executor
    .select()
    .from(correctionsSupervisionHours)
    .where(eq(correctionsSupervisionHours.caseId, caseId))
    .orderBy(desc(correctionsSupervisionHours.occurredOn), desc(correctionsSupervisionHours.createdAt))
    .limit(RECENT);
}

/** Hours per month (`2026-11`) and kind between two days. */
export async function hoursByMonth(
  executor: Executor,
  caseId: string,
  from: string,
  to: string,
): Promise<{ month: string; kind: SupervisionHoursKind; hours: number }[]> {
  const month = sql<string>`to_char(${correctionsSupervisionHours.occurredOn}, 'YYYY-MM')`;
  const rows = await executor
    .select({
      month,
      kind: correctionsSupervisionHours.kind,
      hours: sql<string>`sum(${correctionsSupervisionHours.hours})`,
    })
    .from(correctionsSupervisionHours)
    .where(
      and(
        eq(correctionsSupervisionHours.caseId, caseId),
        gte(correctionsSupervisionHours.occurredOn, from),
        lte(correctionsSupervisionHours.occurredOn, to),
      ),
    )
    .groupBy(month, correctionsSupervisionHours.kind);
  return rows.map((r) => ({ month: r.month, kind: r.kind, hours: Number(r.hours) }));
}

// ---- report-in evidence -------------------------------------------------------------------------------------

export async function insertReportInEvidence(
  executor: Executor,
  values: typeof correctionsReportInEvidence.$inferInsert,
): Promise<void> {
  await executor.insert(correctionsReportInEvidence).values(values);
}

export async function reportInEvidenceOf(
  executor: Executor,
  caseId: string,
): Promise<CorrectionsReportInEvidenceRow | undefined> {
  const [row] = await executor
    .select()
    .from(correctionsReportInEvidence)
    .where(eq(correctionsReportInEvidence.caseId, caseId));
  return row;
}

// ---- supervisees under supervision ----------------------------------------------------------------------

export interface SupervisedTerm {
  caseId: string;
  caseNo: string | null;
  unitId: number;
  officeName: string;
  name: string;
  flags: string[];
  level: (typeof correctionsSupervisee.$inferSelect)['supervisionLevel'];
  reportedInOn: string | null;
  periodEnd: string;
}

function supervisedQuery(executor: Executor) {
  return executor
    .select({
      caseId: correctionsSupervisee.caseId,
      caseNo: caseRecord.caseNo,
      unitId: caseRecord.competentUnitId,
      officeName: orgUnit.name,
      name: person.name,
      flags: correctionsSupervisee.flags,
      level: correctionsSupervisee.supervisionLevel,
      reportedInOn: correctionsSupervisee.reportedInOn,
      periodEnd: correctionsSupervisee.periodEnd,
    })
    .from(correctionsSupervisee)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSupervisee.caseId))
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
}

const supervised = () =>
  and(
    eq(caseRecord.caseType, CORRECTIONS_SUPERVISEE),
    eq(caseRecord.status, 'underSupervision'),
    isNull(correctionsSupervisee.endedOn),
  );

/** Every term under supervision (any scope): for the missed check-ins job. */
export async function allSupervised(executor: Executor): Promise<SupervisedTerm[]> {
  return supervisedQuery(executor).where(supervised()).orderBy(asc(correctionsSupervisee.caseId));
}

/** Terms under supervision in the caller's scope (minors only with the permission), optionally one office. */
export async function supervisedInScope(
  executor: Executor,
  p: Principal,
  officeId: number | undefined,
): Promise<SupervisedTerm[]> {
  const isMinor = sql`('minor' = any(${correctionsSupervisee.flags}))`;
  return supervisedQuery(executor)
    .where(
      and(
        supervised(),
        correctionsScope(p, isMinor),
        officeId !== undefined ? eq(caseRecord.competentUnitId, officeId) : undefined,
      ),
    )
    .orderBy(asc(orgUnit.name), asc(caseRecord.caseNo))
    .limit(2000);
}
