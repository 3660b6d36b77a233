import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { caseHistory, caseParticipant, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { OPEN_DISPUTE_STATES } from './dispatch.rules.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import { type MediationDisputeRow, mediationDispute } from './dispute.schema.ts';

// The dispute rows intake writes and reads. The case itself (number, status, units) is the platform's
// case_record; scope is applied by the platform's findCase before any of these run for a caller.

export async function insertDispute(
  executor: Executor,
  values: typeof mediationDispute.$inferInsert,
): Promise<MediationDisputeRow> {
  const [row] = await executor.insert(mediationDispute).values(values).returning();
  if (!row) throw new Error('mediation_dispute insert returned no row');
  return row;
}

export async function findDispute(
  executor: Executor,
  caseId: string,
): Promise<MediationDisputeRow | undefined> {
  const [row] = await executor.select().from(mediationDispute).where(eq(mediationDispute.caseId, caseId));
  return row;
}

export interface DisputeRefRow {
  caseId: string;
  caseNo: string | null;
  status: string;
  committeeName: string;
  createdAt: Date;
}

const refColumns = {
  caseId: caseRecord.id,
  caseNo: caseRecord.caseNo,
  status: caseRecord.status,
  committeeName: orgUnit.name,
  createdAt: caseRecord.createdAt,
};

/** Open disputes (待受理, 调解中) with this fingerprint, oldest first: the one a new registration duplicates. */
export async function openDisputesWithFingerprint(
  executor: Executor,
  fingerprint: string,
  options: { exceptCaseId?: string } = {},
): Promise<DisputeRefRow[]> {
  return executor
    .select(refColumns)
    .from(mediationDispute)
    .innerJoin(caseRecord, eq(caseRecord.id, mediationDispute.caseId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .where(
      and(
        eq(mediationDispute.fingerprint, fingerprint),
        inArray(caseRecord.status, [...OPEN_DISPUTE_STATES]),
        options.exceptCaseId ? ne(caseRecord.id, options.exceptCaseId) : undefined,
      ),
    )
    .orderBy(asc(caseRecord.createdAt), asc(caseRecord.id))
    .limit(5);
}

export async function disputeRef(executor: Executor, caseId: string): Promise<DisputeRefRow | undefined> {
  const [row] = await executor
    .select(refColumns)
    .from(caseRecord)
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .where(eq(caseRecord.id, caseId));
  return row;
}

export async function updateDispatch(
  executor: Executor,
  caseId: string,
  values: { dispatchedAt: Date; dispatchReason: string; updatedAt: Date },
): Promise<void> {
  await executor.update(mediationDispute).set(values).where(eq(mediationDispute.caseId, caseId));
}

/** Re-dispatch moves the case to another committee (the competent unit), and its receipt with it when the old committee had received it. */
export async function moveCase(
  executor: Executor,
  caseId: string,
  values: { competentUnitId: number; receivingUnitId: number },
): Promise<void> {
  await executor.update(caseRecord).set(values).where(eq(caseRecord.id, caseId));
}

/** The disputes a citizen applied for (the applicant participant), newest first. */
export async function citizenDisputes(executor: Executor, citizenAccountId: string) {
  return executor
    .select({ record: caseRecord, dispute: mediationDispute, committeeName: orgUnit.name })
    .from(caseParticipant)
    .innerJoin(caseRecord, eq(caseRecord.id, caseParticipant.caseId))
    .innerJoin(mediationDispute, eq(mediationDispute.caseId, caseRecord.id))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .where(
      and(
        eq(caseParticipant.accountKind, 'citizen'),
        eq(caseParticipant.accountId, citizenAccountId),
        eq(caseParticipant.role, 'applicant'),
        eq(caseRecord.caseType, MEDIATION_DISPUTE),
      ),
    )
    .orderBy(desc(caseRecord.createdAt), desc(caseRecord.id));
}

export async function historyOf(executor: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return executor
    .select()
    .from(caseHistory)
    .where(inArray(caseHistory.caseId, [...caseIds]))
    .orderBy(asc(caseHistory.at), asc(caseHistory.id));
}

/** Ledger import: the outcome the ledger already knows, written with the registration. */
export async function recordLedgerOutcome(
  executor: Executor,
  caseId: string,
  values: Pick<MediationDisputeRow, 'acceptedOn' | 'outcome' | 'outcomeOn' | 'outcomeNote'>,
): Promise<void> {
  await executor.update(mediationDispute).set(values).where(eq(mediationDispute.caseId, caseId));
}
