import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { caseScope } from '../../platform/cases/cases.repo.ts';
import { caseParticipant, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { caseDeadline } from '../../platform/deadlines/deadline.schema.ts';
import { caseDocument } from '../../platform/documents/documents.schema.ts';
import { storedFile } from '../../platform/files/files.schema.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { caseParty, organisation, person } from '../../platform/persons/persons.schema.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import { type MediationDisputeRow, mediationDispute } from './dispute.schema.ts';
import {
  type MediationAgreementRow,
  type MediationConfirmationRow,
  type MediationFollowUpRow,
  type MediationSessionRow,
  mediationAgreement,
  mediationConfirmation,
  mediationFollowUp,
  mediationSession,
} from './process.schema.ts';
import { mediationCommittee, mediator } from './registry.schema.ts';

// 调解过程的数据: the dispute's mediation columns, sessions, the agreement, follow-ups, the confirmation, and
// the lists of the mediator's queue and the committee's board.

export const JUDICIAL_CONFIRMATION_RULE = 'mediation.judicialConfirmation';

// ---- the dispute row ---------------------------------------------------------------------------------------

export async function findDispute(
  executor: Executor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MediationDisputeRow | undefined> {
  const query = executor.select().from(mediationDispute).where(eq(mediationDispute.caseId, caseId));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export async function updateDispute(
  executor: Executor,
  caseId: string,
  patch: Partial<
    Pick<
      MediationDisputeRow,
      | 'leadMediatorId'
      | 'acceptedOn'
      | 'declineReason'
      | 'outcome'
      | 'outcomeOn'
      | 'outcomeNote'
      | 'updatedAt'
    >
  >,
): Promise<void> {
  await executor.update(mediationDispute).set(patch).where(eq(mediationDispute.caseId, caseId));
}

// ---- mediators and committees ------------------------------------------------------------------------------

export async function findMediator(executor: Executor, id: string) {
  const [row] = await executor.select().from(mediator).where(eq(mediator.id, id));
  return row;
}

/** The committee's serving mediators, by name. */
export async function committeeMediators(executor: Executor, unitId: number) {
  return executor
    .select()
    .from(mediator)
    .where(and(eq(mediator.unitId, unitId), eq(mediator.status, 'active')))
    .orderBy(asc(mediator.name));
}

export async function mediatorsByIds(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(mediator)
    .where(inArray(mediator.id, [...ids]));
}

/** The mediator record linked to a staff account, with its committee's name. */
export async function mediatorOfAccount(executor: Executor, staffUserId: string) {
  const [row] = await executor
    .select({ mediator, committeeName: orgUnit.name })
    .from(mediator)
    .innerJoin(orgUnit, eq(orgUnit.id, mediator.unitId))
    .where(eq(mediator.staffUserId, staffUserId));
  return row;
}

export async function unitName(executor: Executor, unitId: number): Promise<string> {
  const [row] = await executor.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, unitId));
  return row?.name ?? '';
}

/** Committees (units with a mediation_committee row) among the given units, or all when `ids` is 'all'. */
export async function committeesIn(executor: Executor, ids: 'all' | readonly number[]) {
  if (ids !== 'all' && ids.length === 0) return [];
  return executor
    .select({ unitId: orgUnit.id, name: orgUnit.name })
    .from(mediationCommittee)
    .innerJoin(orgUnit, eq(orgUnit.id, mediationCommittee.unitId))
    .where(ids === 'all' ? undefined : inArray(orgUnit.id, [...ids]))
    .orderBy(asc(orgUnit.path));
}

export async function isCommittee(executor: Executor, unitId: number): Promise<boolean> {
  const [row] = await executor
    .select({ id: mediationCommittee.unitId })
    .from(mediationCommittee)
    .where(eq(mediationCommittee.unitId, unitId));
  return !!row;
}

// ---- sessions ----------------------------------------------------------------------------------------------

export async function insertSession(
  executor: Executor,
  values: typeof mediationSession.$inferInsert,
): Promise<MediationSessionRow> {
  const [row] = await executor.insert(mediationSession).values(values).returning();
  if (!row) throw new Error('mediation_session insert returned no row');
  return row;
}

export async function listSessions(executor: Executor, caseId: string) {
  return executor
    .select({ session: mediationSession, by: staffUser.displayName })
    .from(mediationSession)
    .leftJoin(staffUser, eq(staffUser.id, mediationSession.createdBy))
    .where(eq(mediationSession.caseId, caseId))
    .orderBy(asc(mediationSession.heldAt), asc(mediationSession.createdAt));
}

// ---- agreement ---------------------------------------------------------------------------------------------

export async function insertAgreement(
  executor: Executor,
  values: typeof mediationAgreement.$inferInsert,
): Promise<MediationAgreementRow> {
  const [row] = await executor.insert(mediationAgreement).values(values).returning();
  if (!row) throw new Error('mediation_agreement insert returned no row');
  return row;
}

export async function findAgreement(
  executor: Executor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MediationAgreementRow | undefined> {
  const query = executor.select().from(mediationAgreement).where(eq(mediationAgreement.caseId, caseId));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

/** A versioned change of the agreement; undefined when the version is stale. */
export async function updateAgreement(
  executor: Executor,
  caseId: string,
  version: number | null,
  patch: Partial<Pick<MediationAgreementRow, 'documentId' | 'performanceStatus' | 'signedFileIds'>> & {
    updatedAt: Date;
  },
): Promise<MediationAgreementRow | undefined> {
  const rows = await executor
    .update(mediationAgreement)
    .set({ ...patch, version: sql`${mediationAgreement.version} + 1` })
    .where(
      and(
        eq(mediationAgreement.caseId, caseId),
        version === null ? undefined : eq(mediationAgreement.version, version),
      ),
    )
    .returning();
  return rows[0];
}

/** The generated 人民调解协议书 of a written agreement (part of settling: no version step). */
export async function setAgreementDocument(executor: Executor, caseId: string, documentId: string) {
  await executor.update(mediationAgreement).set({ documentId }).where(eq(mediationAgreement.caseId, caseId));
}

export async function findCaseDocument(executor: Executor, id: string) {
  const [row] = await executor.select().from(caseDocument).where(eq(caseDocument.id, id));
  return row;
}

// ---- follow-ups --------------------------------------------------------------------------------------------

export async function insertFollowUp(
  executor: Executor,
  values: typeof mediationFollowUp.$inferInsert,
): Promise<MediationFollowUpRow> {
  const [row] = await executor.insert(mediationFollowUp).values(values).returning();
  if (!row) throw new Error('mediation_follow_up insert returned no row');
  return row;
}

export async function listFollowUps(executor: Executor, caseId: string) {
  return executor
    .select({ followUp: mediationFollowUp, by: staffUser.displayName })
    .from(mediationFollowUp)
    .leftJoin(staffUser, eq(staffUser.id, mediationFollowUp.createdBy))
    .where(eq(mediationFollowUp.caseId, caseId))
    .orderBy(asc(mediationFollowUp.visitedOn), asc(mediationFollowUp.createdAt));
}

// ---- judicial confirmation ---------------------------------------------------------------------------------

export async function findConfirmation(
  executor: Executor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MediationConfirmationRow | undefined> {
  const query = executor.select().from(mediationConfirmation).where(eq(mediationConfirmation.caseId, caseId));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export async function insertConfirmation(
  executor: Executor,
  values: typeof mediationConfirmation.$inferInsert,
): Promise<MediationConfirmationRow> {
  const [row] = await executor.insert(mediationConfirmation).values(values).returning();
  if (!row) throw new Error('mediation_confirmation insert returned no row');
  return row;
}

export async function updateConfirmation(
  executor: Executor,
  caseId: string,
  version: number,
  patch: Partial<
    Pick<MediationConfirmationRow, 'court' | 'appliedOn' | 'result' | 'ruledOn' | 'rulingNo' | 'note'>
  > & { updatedAt: Date },
): Promise<MediationConfirmationRow | undefined> {
  const rows = await executor
    .update(mediationConfirmation)
    .set({ ...patch, version: sql`${mediationConfirmation.version} + 1` })
    .where(and(eq(mediationConfirmation.caseId, caseId), eq(mediationConfirmation.version, version)))
    .returning();
  return rows[0];
}

// ---- files -------------------------------------------------------------------------------------------------

export async function fileNames(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; size: number }>();
  const rows = await executor
    .select({ id: storedFile.id, name: storedFile.originalName, size: storedFile.size })
    .from(storedFile)
    .where(inArray(storedFile.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { name: r.name, size: r.size }]));
}

// ---- queue and board ---------------------------------------------------------------------------------------

const leadMediator = sql`(select ${mediator.name} from ${mediator} where ${mediator.id} = ${mediationDispute.leadMediatorId})`;
const partyNames = sql<string>`coalesce((select string_agg(coalesce(${person.name}, ${organisation.name}), '、' order by ${caseParty.sortOrder}, ${caseParty.addedAt})
  from ${caseParty} left join ${person} on ${person.id} = ${caseParty.personId}
  left join ${organisation} on ${organisation.id} = ${caseParty.organisationId}
  where ${caseParty.caseId} = ${caseRecord.id} and ${caseParty.role} in ('applicant', 'respondent', 'thirdParty', 'party')), '')`;
const confirmationDue = sql<
  string | null
>`(select ${caseDeadline.dueOn}::text from ${caseDeadline} where ${caseDeadline.caseId} = ${caseRecord.id}::text and ${caseDeadline.ruleCode} = ${JUDICIAL_CONFIRMATION_RULE} and ${caseDeadline.status} = 'running' limit 1)`;

/** The shared select of a queue or board row. */
function queueSelect(executor: Executor) {
  return executor
    .select({
      record: caseRecord,
      dispute: mediationDispute,
      committeeName: orgUnit.name,
      leadMediatorName: sql<string | null>`${leadMediator}`,
      partyNames,
      performanceStatus: mediationAgreement.performanceStatus,
      confirmationDueOn: confirmationDue,
    })
    .from(caseRecord)
    .innerJoin(mediationDispute, eq(mediationDispute.caseId, caseRecord.id))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .leftJoin(mediationAgreement, eq(mediationAgreement.caseId, caseRecord.id));
}
export type QueueRow = Awaited<ReturnType<ReturnType<typeof queueSelect>['execute']>>[number];

/** A stage of disputes: its conditions besides type and scope. */
export const stageConditions = {
  received: () => eq(caseRecord.status, 'received'),
  mediating: () => eq(caseRecord.status, 'mediating'),
  followUp: () =>
    and(eq(caseRecord.status, 'settled'), sql`${mediationAgreement.performanceStatus} <> 'performed'`),
  confirmation: () => and(eq(caseRecord.status, 'settled'), sql`${confirmationDue} is not null`),
  settled: () => eq(caseRecord.status, 'settled'),
  unsettled: () => eq(caseRecord.status, 'unsettled'),
  terminated: () => eq(caseRecord.status, 'terminated'),
  declined: () => eq(caseRecord.status, 'declined'),
} satisfies Record<string, () => SQL | undefined>;

/** The participant condition: the caller takes part in the dispute as its mediator. */
export function asMediator(staffUserId: string): SQL {
  return sql`exists (select 1 from ${caseParticipant} where ${caseParticipant.caseId} = ${caseRecord.id} and ${caseParticipant.accountKind} = 'staff' and ${caseParticipant.accountId} = ${staffUserId} and ${caseParticipant.role} = 'mediator')`;
}

export async function listQueue(
  executor: Executor,
  principal: Principal,
  where: SQL | undefined,
  limit = 200,
): Promise<QueueRow[]> {
  return queueSelect(executor)
    .where(and(eq(caseRecord.caseType, MEDIATION_DISPUTE), caseScope(principal), where))
    .orderBy(desc(caseRecord.updatedAt))
    .limit(limit);
}

export async function countQueue(executor: Executor, principal: Principal, where: SQL | undefined) {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(caseRecord)
    .innerJoin(mediationDispute, eq(mediationDispute.caseId, caseRecord.id))
    .leftJoin(mediationAgreement, eq(mediationAgreement.caseId, caseRecord.id))
    .where(and(eq(caseRecord.caseType, MEDIATION_DISPUTE), caseScope(principal), where));
  return row?.n ?? 0;
}
