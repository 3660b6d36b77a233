import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../access/principal.ts';
import { scopeCondition } from '../access/scope.ts';
import type { Executor } from '../db/database.ts';
import {
  type CaseHistoryRow,
  type CaseParticipantKind,
  type CaseParticipantRow,
  type CaseRecordRow,
  caseHistory,
  caseParticipant,
  caseRecord,
} from './cases.schema.ts';

/**
 * The caller's data scope on cases: the competent or the receiving unit in scope, or the caller a
 * participant. `null` (the platform itself: jobs, demo data) sees every case. AND it into every read and
 * write, so out-of-scope cases are never found.
 */
export function caseScope(principal: Principal | null): SQL | undefined {
  if (!principal) return undefined;
  return scopeCondition(principal.scope, {
    unitColumns: [caseRecord.competentUnitId, caseRecord.receivingUnitId],
    self: sql`exists (select 1 from ${caseParticipant} where ${caseParticipant.caseId} = ${caseRecord.id} and ${caseParticipant.accountKind} = ${principal.kind} and ${caseParticipant.accountId} = ${principal.id})`,
  });
}

/** One case within the caller's scope; `forUpdate` locks the row for the rest of the transaction. */
export async function findCase(
  executor: Executor,
  principal: Principal | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRecordRow | undefined> {
  const query = executor
    .select()
    .from(caseRecord)
    .where(and(eq(caseRecord.id, id), caseScope(principal)));
  // `of case_record`: the scope's EXISTS subquery must not lock participant rows.
  const rows = options.forUpdate ? await query.for('update', { of: caseRecord }) : await query;
  return rows[0];
}

export async function insertCase(
  executor: Executor,
  values: typeof caseRecord.$inferInsert,
): Promise<CaseRecordRow> {
  const [row] = await executor.insert(caseRecord).values(values).returning();
  if (!row) throw new Error('case_record insert returned no row');
  return row;
}

export interface CaseStatusChange {
  id: string;
  /** The version the caller read: no row changes when another change came first. */
  version: number;
  status: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Sets the status and bumps the version; undefined when the version is stale. */
export async function updateCaseStatus(
  executor: Executor,
  change: CaseStatusChange,
): Promise<CaseRecordRow | undefined> {
  const rows = await executor
    .update(caseRecord)
    .set({
      status: change.status,
      version: sql`${caseRecord.version} + 1`,
      updatedBy: change.updatedBy,
      updatedAt: change.updatedAt,
    })
    .where(and(eq(caseRecord.id, change.id), eq(caseRecord.version, change.version)))
    .returning();
  return rows[0];
}

export interface NewParticipant {
  accountKind: CaseParticipantKind;
  accountId: string;
  role: string;
}

export async function addParticipants(
  executor: Executor,
  caseId: string,
  participants: readonly NewParticipant[],
  addedAt: Date,
): Promise<void> {
  if (participants.length === 0) return;
  await executor
    .insert(caseParticipant)
    .values(participants.map((p) => ({ ...p, caseId, addedAt })))
    .onConflictDoNothing();
}

export async function listParticipants(executor: Executor, caseId: string): Promise<CaseParticipantRow[]> {
  return executor
    .select()
    .from(caseParticipant)
    .where(eq(caseParticipant.caseId, caseId))
    .orderBy(asc(caseParticipant.addedAt), asc(caseParticipant.role));
}

/** Removes one participant; false when there was none to remove. */
export async function removeParticipant(
  executor: Executor,
  caseId: string,
  participant: NewParticipant,
): Promise<boolean> {
  const rows = await executor
    .delete(caseParticipant)
    .where(
      and(
        eq(caseParticipant.caseId, caseId),
        eq(caseParticipant.accountKind, participant.accountKind),
        eq(caseParticipant.accountId, participant.accountId),
        eq(caseParticipant.role, participant.role),
      ),
    )
    .returning({ caseId: caseParticipant.caseId });
  return rows.length > 0;
}

export async function insertHistory(
  executor: Executor,
  values: Omit<typeof caseHistory.$inferInsert, 'id'>,
): Promise<CaseHistoryRow> {
  const [row] = await executor.insert(caseHistory).values(values).returning();
  if (!row) throw new Error('case_history insert returned no row');
  return row;
}

export async function listHistory(executor: Executor, caseId: string): Promise<CaseHistoryRow[]> {
  return executor
    .select()
    .from(caseHistory)
    .where(eq(caseHistory.caseId, caseId))
    .orderBy(asc(caseHistory.at), asc(caseHistory.id));
}
