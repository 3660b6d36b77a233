import type { ApprovalKind } from '@zhucheng/contracts';
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { citizenAccount } from '../../platform/auth/auth.schema.ts';
import { type CaseRecordRow, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_APPROVAL } from './approvals.case-type.ts';
import { type CorrectionsApprovalRow, correctionsApproval } from './approvals.schema.ts';
import { correctionsScope } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';

// Queries of 审批事项: always through the approval case's scope (the supervising office) and the minors'
// restriction of the supervisee, so an application outside them is not found.

const isMinor = sql<boolean>`('minor' = any(${correctionsSupervisee.flags}))`;

export interface ApprovalRecord {
  a: CorrectionsApprovalRow;
  record: CaseRecordRow;
  name: string;
  minor: boolean;
  officeName: string;
}

function baseQuery(executor: Executor) {
  return executor
    .select({
      a: correctionsApproval,
      record: caseRecord,
      name: person.name,
      minor: isMinor,
      officeName: orgUnit.name,
    })
    .from(correctionsApproval)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsApproval.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, correctionsApproval.superviseeCaseId))
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
}

export async function listApprovals(
  executor: Executor,
  p: Principal,
  f: { status?: string | undefined; kind?: ApprovalKind | undefined; superviseeCaseId?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: ApprovalRecord[]; total: number }> {
  const where = and(
    eq(caseRecord.caseType, CORRECTIONS_APPROVAL),
    correctionsScope(p, isMinor),
    f.status ? eq(caseRecord.status, f.status) : undefined,
    f.kind ? eq(correctionsApproval.kind, f.kind) : undefined,
    f.superviseeCaseId ? eq(correctionsApproval.superviseeCaseId, f.superviseeCaseId) : undefined,
  );
  const rows = await baseQuery(executor)
    .where(where)
    .orderBy(desc(correctionsApproval.appliedAt))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(correctionsApproval)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsApproval.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, correctionsApproval.superviseeCaseId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** One application in the caller's scope (null principal: any — the portal checks the term itself). */
export async function findApproval(
  executor: Executor,
  p: Principal | null,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApprovalRecord | undefined> {
  const q = baseQuery(executor).where(
    and(
      eq(correctionsApproval.caseId, caseId),
      eq(caseRecord.caseType, CORRECTIONS_APPROVAL),
      p ? correctionsScope(p, isMinor) : undefined,
    ),
  );
  const rows = options.forUpdate ? await q.for('update', { of: correctionsApproval }) : await q;
  return rows[0];
}

/** All applications of a term, newest first (the portal's 我的审批). */
export async function approvalsOfTerm(
  executor: Executor,
  superviseeCaseId: string,
): Promise<ApprovalRecord[]> {
  return baseQuery(executor)
    .where(eq(correctionsApproval.superviseeCaseId, superviseeCaseId))
    .orderBy(desc(correctionsApproval.appliedAt));
}

/** Leaves of a term that count (approved or returned, or still open), other than `except`. */
export async function leavesOfTerm(
  executor: Executor,
  superviseeCaseId: string,
  statuses: string[],
  except?: string,
): Promise<{ caseId: string; fromDate: string; toDate: string; returnedOn: string | null }[]> {
  const rows = await executor
    .select({
      caseId: correctionsApproval.caseId,
      fromDate: correctionsApproval.fromDate,
      toDate: correctionsApproval.toDate,
      returnedOn: correctionsApproval.returnedOn,
    })
    .from(correctionsApproval)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsApproval.caseId))
    .where(
      and(
        eq(correctionsApproval.superviseeCaseId, superviseeCaseId),
        eq(correctionsApproval.kind, 'leave'),
        inArray(caseRecord.status, statuses),
        except ? ne(correctionsApproval.caseId, except) : undefined,
      ),
    );
  return rows.map((r) => ({ ...r, toDate: r.toDate ?? r.fromDate }));
}

export async function insertApproval(executor: Executor, values: typeof correctionsApproval.$inferInsert) {
  await executor.insert(correctionsApproval).values(values);
}

export async function updateApproval(
  executor: Executor,
  caseId: string,
  patch: Partial<typeof correctionsApproval.$inferInsert>,
) {
  await executor.update(correctionsApproval).set(patch).where(eq(correctionsApproval.caseId, caseId));
}

/** The citizen accounts signed in with the supervisee's phone (their portal inbox). */
export async function portalAccountsOf(executor: Executor, superviseeCaseId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: citizenAccount.id })
    .from(correctionsSupervisee)
    .innerJoin(citizenAccount, eq(citizenAccount.phoneIndex, correctionsSupervisee.phoneIndex))
    .where(eq(correctionsSupervisee.caseId, superviseeCaseId));
  return rows.map((r) => String(r.id));
}
