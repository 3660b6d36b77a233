import type { InvestigationRequesterKind } from '@zhucheng/contracts';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { type CaseRecordRow, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { type PersonRow, person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_INVESTIGATION } from './investigation.case-type.ts';
import { type CorrectionsInvestigationRow, correctionsInvestigation } from './investigation.schema.ts';
import { correctionsScope } from './register.repo.ts';

// Queries of pre-sentence investigations, in the caller's scope (the investigating unit) and with the
// minors' restriction, like the register.

export interface InvestigationRecord {
  i: CorrectionsInvestigationRow;
  record: CaseRecordRow;
  person: PersonRow;
  unitName: string;
}

function baseQuery(executor: Executor) {
  return executor
    .select({ i: correctionsInvestigation, record: caseRecord, person, unitName: orgUnit.name })
    .from(correctionsInvestigation)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsInvestigation.caseId))
    .innerJoin(person, eq(person.id, correctionsInvestigation.personId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
}

export async function listInvestigations(
  executor: Executor,
  p: Principal,
  filters: { status?: string | undefined; requesterKind?: InvestigationRequesterKind | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: InvestigationRecord[]; total: number }> {
  const where = and(
    eq(caseRecord.caseType, CORRECTIONS_INVESTIGATION),
    correctionsScope(p, correctionsInvestigation.minor),
    filters.status ? eq(caseRecord.status, filters.status) : undefined,
    filters.requesterKind ? eq(correctionsInvestigation.requesterKind, filters.requesterKind) : undefined,
  );
  const rows = await baseQuery(executor)
    .where(where)
    .orderBy(desc(correctionsInvestigation.receivedOn), asc(caseRecord.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(correctionsInvestigation)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsInvestigation.caseId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findInvestigation(
  executor: Executor,
  p: Principal | null,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvestigationRecord | undefined> {
  const q = baseQuery(executor).where(
    and(
      eq(correctionsInvestigation.caseId, caseId),
      p ? correctionsScope(p, correctionsInvestigation.minor) : undefined,
    ),
  );
  const rows = options.forUpdate ? await q.for('update', { of: correctionsInvestigation }) : await q;
  return rows[0];
}

export async function insertInvestigation(
  executor: Executor,
  values: typeof correctionsInvestigation.$inferInsert,
): Promise<void> {
  await executor.insert(correctionsInvestigation).values(values);
}

export async function updateInvestigation(
  executor: Executor,
  caseId: string,
  patch: Partial<typeof correctionsInvestigation.$inferInsert>,
): Promise<void> {
  await executor
    .update(correctionsInvestigation)
    .set(patch)
    .where(eq(correctionsInvestigation.caseId, caseId));
}
