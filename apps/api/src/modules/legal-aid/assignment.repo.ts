import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { LawyerFacts, OpenCaseFacts } from './assignment.rules.ts';
import { type LegalAidAssignmentRow, legalAidAssignment } from './assignment.schema.ts';
import { legalAidApplication } from './legal-aid.schema.ts';
import { type LegalAidLawyerRow, legalAidDutyEntry, legalAidLawyer } from './registry.schema.ts';

/** The states in which a lawyer holds an aided case (指派待接受, 承办中). */
export const OPEN_CASE_STATES = ['assigned', 'inProgress'] as const;

/**
 * The case's current assignment (not ended) with its lawyer, or undefined; `forUpdate` locks the row.
 * Other parts of the module (the lawyer's acceptance, closing) use it to set accepted_at or end the row.
 */
export async function currentAssignment(
  executor: Executor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ assignment: LegalAidAssignmentRow; lawyer: LegalAidLawyerRow } | undefined> {
  const query = executor
    .select({ assignment: legalAidAssignment, lawyer: legalAidLawyer })
    .from(legalAidAssignment)
    .innerJoin(legalAidLawyer, eq(legalAidLawyer.id, legalAidAssignment.lawyerId))
    .where(and(eq(legalAidAssignment.caseId, caseId), isNull(legalAidAssignment.endedAt)));
  const rows = options.forUpdate ? await query.for('update', { of: legalAidAssignment }) : await query;
  return rows[0];
}

/** Every assignment of the case with its lawyer and who assigned, newest first. */
export async function assignmentsOf(executor: Executor, caseId: string) {
  return executor
    .select({ assignment: legalAidAssignment, lawyer: legalAidLawyer, assignedByName: staffUser.displayName })
    .from(legalAidAssignment)
    .innerJoin(legalAidLawyer, eq(legalAidLawyer.id, legalAidAssignment.lawyerId))
    .leftJoin(staffUser, eq(staffUser.id, legalAidAssignment.assignedBy))
    .where(eq(legalAidAssignment.caseId, caseId))
    .orderBy(desc(legalAidAssignment.assignedAt));
}

export async function insertAssignment(
  executor: Executor,
  values: typeof legalAidAssignment.$inferInsert,
): Promise<LegalAidAssignmentRow> {
  const [row] = await executor.insert(legalAidAssignment).values(values).returning();
  if (!row) throw new Error('legal_aid_assignment insert returned no row');
  return row;
}

export async function endAssignment(
  executor: Executor,
  id: string,
  end: { endedAt: Date; endReason: 'declined' | 'changed' | 'terminated' | 'closed'; endNote: string | null },
): Promise<void> {
  await executor.update(legalAidAssignment).set(end).where(eq(legalAidAssignment.id, id));
}

export async function setNoticeDocument(executor: Executor, id: string, documentId: string): Promise<void> {
  await executor
    .update(legalAidAssignment)
    .set({ noticeDocumentId: documentId })
    .where(eq(legalAidAssignment.id, id));
}

/**
 * The lawyers the centre may be offered on `day`: registered at the centre, or on its duty roster that
 * day; with their last assignment and the aided cases they hold now (for the conflict check).
 */
export async function lawyerFacts(
  executor: Executor,
  centreUnitId: number,
  day: string,
): Promise<LawyerFacts[]> {
  const onDuty = executor
    .select({ lawyerId: legalAidDutyEntry.lawyerId })
    .from(legalAidDutyEntry)
    .where(
      and(
        eq(legalAidDutyEntry.unitId, centreUnitId),
        lte(legalAidDutyEntry.fromDay, day),
        gte(legalAidDutyEntry.toDay, day),
      ),
    );
  const dutyIds = new Set((await onDuty).map((r) => r.lawyerId));
  const lawyers = await executor
    .select()
    .from(legalAidLawyer)
    .where(
      or(
        eq(legalAidLawyer.unitId, centreUnitId),
        dutyIds.size > 0 ? inArray(legalAidLawyer.id, [...dutyIds]) : undefined,
      ),
    )
    .orderBy(asc(legalAidLawyer.licenceNumber));
  if (lawyers.length === 0) return [];
  const ids = lawyers.map((l) => l.id);
  const last = await executor
    .select({ lawyerId: legalAidAssignment.lawyerId, at: sql<Date>`max(${legalAidAssignment.assignedAt})` })
    .from(legalAidAssignment)
    .where(inArray(legalAidAssignment.lawyerId, ids))
    .groupBy(legalAidAssignment.lawyerId);
  const lastAt = new Map(last.map((r) => [r.lawyerId, r.at ? new Date(r.at) : null]));
  const open = await executor
    .select({
      lawyerId: legalAidAssignment.lawyerId,
      caseId: caseRecord.id,
      caseNo: caseRecord.caseNo,
      applicantName: legalAidApplication.applicantName,
      opposingParty: sql<string | null>`${legalAidApplication.matter}->>'opposingParty'`,
    })
    .from(legalAidAssignment)
    .innerJoin(caseRecord, eq(caseRecord.id, legalAidAssignment.caseId))
    .innerJoin(legalAidApplication, eq(legalAidApplication.caseId, caseRecord.id))
    .where(
      and(
        inArray(legalAidAssignment.lawyerId, ids),
        isNull(legalAidAssignment.endedAt),
        inArray(caseRecord.status, [...OPEN_CASE_STATES]),
      ),
    );
  const openOf = new Map<string, OpenCaseFacts[]>();
  for (const o of open) {
    const list = openOf.get(o.lawyerId) ?? [];
    list.push({
      caseId: o.caseId,
      caseNo: o.caseNo,
      applicantNames: [o.applicantName],
      opposingParty: o.opposingParty,
    });
    openOf.set(o.lawyerId, list);
  }
  return lawyers.map((l) => ({
    id: l.id,
    name: l.name,
    lawFirm: l.lawFirm,
    licenceNumber: l.licenceNumber,
    registeredHere: l.unitId === centreUnitId,
    onDuty: dutyIds.has(l.id),
    staffUserId: l.staffUserId,
    practiceStartDate: l.practiceStartDate,
    registeredOn: l.registeredOn,
    leftOn: l.leftOn,
    unavailable: l.unavailable,
    expertPanel: l.expertPanel,
    lastAssignedAt: lastAt.get(l.id) ?? null,
    openCases: openOf.get(l.id) ?? [],
  }));
}

export { findApplication } from './legal-aid.repo.ts';
