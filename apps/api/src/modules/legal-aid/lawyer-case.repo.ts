import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { caseScope } from '../../platform/cases/cases.repo.ts';
import { caseHistory, caseParticipant, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { caseDeadline } from '../../platform/deadlines/deadline.schema.ts';
import { storedFile } from '../../platform/files/files.schema.ts';
import { type LegalAidAssignmentRow, legalAidAssignment } from './assignment.schema.ts';
import {
  type LegalAidClosingRow,
  type LegalAidProgressEntryRow,
  legalAidClosing,
  legalAidProgressEntry,
} from './lawyer-case.schema.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import { legalAidApplication } from './legal-aid.schema.ts';
import { legalAidLawyer } from './registry.schema.ts';

/** The lawyer's aided cases: those where the caller is the assigned-lawyer participant, within scope. */
export async function listLawyerCases(executor: Executor, principal: Principal, status?: string) {
  return executor
    .select({ record: caseRecord, app: legalAidApplication })
    .from(caseRecord)
    .innerJoin(legalAidApplication, eq(legalAidApplication.caseId, caseRecord.id))
    .where(
      and(
        eq(caseRecord.caseType, LEGAL_AID_APPLICATION),
        caseScope(principal),
        sql`exists (select 1 from ${caseParticipant} where ${caseParticipant.caseId} = ${caseRecord.id} and ${caseParticipant.accountKind} = 'staff' and ${caseParticipant.accountId} = ${principal.id} and ${caseParticipant.role} = 'assignedLawyer')`,
        status ? eq(caseRecord.status, status) : undefined,
      ),
    )
    .orderBy(desc(caseRecord.updatedAt));
}

/** Each case's latest assignment of the lawyer linked to `staffUserId`. */
export async function lawyerAssignments(
  executor: Executor,
  caseIds: readonly string[],
  staffUserId: string,
): Promise<Map<string, LegalAidAssignmentRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await executor
    .select({ a: legalAidAssignment })
    .from(legalAidAssignment)
    .innerJoin(legalAidLawyer, eq(legalAidLawyer.id, legalAidAssignment.lawyerId))
    .where(and(inArray(legalAidAssignment.caseId, [...caseIds]), eq(legalAidLawyer.staffUserId, staffUserId)))
    .orderBy(asc(legalAidAssignment.assignedAt));
  return new Map(rows.map((r) => [r.a.caseId, r.a]));
}

/** The earliest running clock of each case. */
export async function nextDeadlines(
  executor: Executor,
  caseIds: readonly string[],
): Promise<Map<string, { ruleCode: string; dueOn: string }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await executor
    .select({ caseId: caseDeadline.caseId, ruleCode: caseDeadline.ruleCode, dueOn: caseDeadline.dueOn })
    .from(caseDeadline)
    .where(and(inArray(caseDeadline.caseId, [...caseIds]), eq(caseDeadline.status, 'running')))
    .orderBy(desc(caseDeadline.dueOn));
  const out = new Map<string, { ruleCode: string; dueOn: string }>();
  for (const r of rows) if (r.dueOn) out.set(r.caseId, { ruleCode: r.ruleCode, dueOn: r.dueOn });
  return out;
}

/** The case's current assignment (not ended) with its lawyer, locked when asked. */

export async function setAccepted(executor: Executor, id: string, at: Date): Promise<void> {
  await executor.update(legalAidAssignment).set({ acceptedAt: at }).where(eq(legalAidAssignment.id, id));
}

/** When the aid was granted (the last grant, urgent grant or upheld objection). */
export async function grantedAt(executor: Executor, caseId: string): Promise<Date | null> {
  const [row] = await executor
    .select({ at: caseHistory.at })
    .from(caseHistory)
    .where(
      and(
        eq(caseHistory.caseId, caseId),
        inArray(caseHistory.transition, ['grant', 'grantUrgently', 'upholdObjection']),
      ),
    )
    .orderBy(desc(caseHistory.at))
    .limit(1);
  return row?.at ?? null;
}

export async function insertProgress(
  executor: Executor,
  values: typeof legalAidProgressEntry.$inferInsert,
): Promise<LegalAidProgressEntryRow> {
  const [row] = await executor.insert(legalAidProgressEntry).values(values).returning();
  if (!row) throw new Error('legal_aid_progress_entry insert returned no row');
  return row;
}

export async function listProgress(executor: Executor, caseId: string) {
  return executor
    .select({ entry: legalAidProgressEntry, by: staffUser.displayName })
    .from(legalAidProgressEntry)
    .leftJoin(staffUser, eq(staffUser.id, legalAidProgressEntry.createdBy))
    .where(eq(legalAidProgressEntry.caseId, caseId))
    .orderBy(desc(legalAidProgressEntry.occurredOn), desc(legalAidProgressEntry.createdAt));
}

export async function insertClosing(
  executor: Executor,
  values: typeof legalAidClosing.$inferInsert,
): Promise<LegalAidClosingRow> {
  const [row] = await executor.insert(legalAidClosing).values(values).returning();
  if (!row) throw new Error('legal_aid_closing insert returned no row');
  return row;
}

export async function findClosing(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({ closing: legalAidClosing, by: staffUser.displayName })
    .from(legalAidClosing)
    .leftJoin(staffUser, eq(staffUser.id, legalAidClosing.closedBy))
    .where(eq(legalAidClosing.caseId, caseId));
  return row;
}

export async function fileNames(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; size: number }>();
  const rows = await executor
    .select({ id: storedFile.id, name: storedFile.originalName, size: storedFile.size })
    .from(storedFile)
    .where(inArray(storedFile.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { name: r.name, size: r.size }]));
}

/** For the applicant's progress page: each case's latest assignment with its lawyer, and the closing. */
export async function caseworkForApplicant(executor: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, ApplicantCasework>();
  const assignments = await executor
    .select({
      caseId: legalAidAssignment.caseId,
      assignedAt: legalAidAssignment.assignedAt,
      acceptedAt: legalAidAssignment.acceptedAt,
      endedAt: legalAidAssignment.endedAt,
      endReason: legalAidAssignment.endReason,
      name: legalAidLawyer.name,
      lawFirm: legalAidLawyer.lawFirm,
    })
    .from(legalAidAssignment)
    .innerJoin(legalAidLawyer, eq(legalAidLawyer.id, legalAidAssignment.lawyerId))
    .where(inArray(legalAidAssignment.caseId, [...caseIds]))
    .orderBy(asc(legalAidAssignment.assignedAt));
  const closings = await executor
    .select()
    .from(legalAidClosing)
    .where(inArray(legalAidClosing.caseId, [...caseIds]));
  const out = new Map<string, ApplicantCasework>();
  for (const id of caseIds) out.set(id, { lawyer: null, closing: null });
  for (const a of assignments) {
    const entry = out.get(a.caseId);
    // Oldest first: a declined or changed assignment is history, a later one takes its place.
    if (entry) entry.lawyer = a.endReason === 'declined' || a.endReason === 'changed' ? null : a;
  }
  for (const c of closings) {
    const entry = out.get(c.caseId);
    if (entry) entry.closing = { outcome: c.outcome, closedOn: c.closedOn, closedAt: c.closedAt };
  }
  return out;
}

export interface ApplicantCasework {
  lawyer: {
    name: string;
    lawFirm: string;
    assignedAt: Date;
    acceptedAt: Date | null;
  } | null;
  closing: { outcome: LegalAidClosingRow['outcome']; closedOn: string; closedAt: Date } | null;
}

// One way to read and end the current assignment, and to read the application: the assignment's and the
// application's own repos.
export { currentAssignment, endAssignment } from './assignment.repo.ts';
export { findApplication } from './legal-aid.repo.ts';
