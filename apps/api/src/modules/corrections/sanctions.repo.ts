import type { SanctionKind } from '@zhucheng/contracts';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { type CaseRecordRow, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { correctionsScope } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';
import { CORRECTIONS_SANCTION } from './sanctions.case-type.ts';
import { type CorrectionsSanctionRow, correctionsSanction } from './sanctions.schema.ts';

// Queries of 奖惩, through the sanction case's scope (the supervising office) and the minors' restriction.

const isMinor = sql<boolean>`('minor' = any(${correctionsSupervisee.flags}))`;

export interface SanctionRecord {
  s: CorrectionsSanctionRow;
  record: CaseRecordRow;
  name: string;
  minor: boolean;
}

function baseQuery(executor: Executor) {
  return executor
    .select({ s: correctionsSanction, record: caseRecord, name: person.name, minor: isMinor })
    .from(correctionsSanction)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSanction.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, correctionsSanction.superviseeCaseId))
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId));
}

export async function listSanctions(
  executor: Executor,
  p: Principal,
  f: { kind?: SanctionKind | undefined; superviseeCaseId?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: SanctionRecord[]; total: number }> {
  const where = and(
    eq(caseRecord.caseType, CORRECTIONS_SANCTION),
    correctionsScope(p, isMinor),
    f.kind ? eq(correctionsSanction.kind, f.kind) : undefined,
    f.superviseeCaseId ? eq(correctionsSanction.superviseeCaseId, f.superviseeCaseId) : undefined,
  );
  const rows = await baseQuery(executor)
    .where(where)
    .orderBy(desc(correctionsSanction.decidedOn), desc(correctionsSanction.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(correctionsSanction)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSanction.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, correctionsSanction.superviseeCaseId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findSanction(
  executor: Executor,
  p: Principal | null,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SanctionRecord | undefined> {
  const q = baseQuery(executor).where(
    and(
      eq(correctionsSanction.caseId, caseId),
      eq(caseRecord.caseType, CORRECTIONS_SANCTION),
      p ? correctionsScope(p, isMinor) : undefined,
    ),
  );
  const rows = options.forUpdate ? await q.for('update', { of: correctionsSanction }) : await q;
  return rows[0];
}

/** The kinds of a term's sanctions still in force, oldest first (the history suggestions count). */
export async function kindsInForce(executor: Executor, superviseeCaseId: string): Promise<SanctionKind[]> {
  const rows = await executor
    .select({ kind: correctionsSanction.kind })
    .from(correctionsSanction)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsSanction.caseId))
    .where(and(eq(correctionsSanction.superviseeCaseId, superviseeCaseId), eq(caseRecord.status, 'recorded')))
    .orderBy(asc(correctionsSanction.decidedOn), asc(correctionsSanction.createdAt));
  return rows.map((r) => r.kind);
}

export async function insertSanction(executor: Executor, values: typeof correctionsSanction.$inferInsert) {
  await executor.insert(correctionsSanction).values(values);
}

export async function updateSanction(
  executor: Executor,
  caseId: string,
  patch: Partial<typeof correctionsSanction.$inferInsert>,
) {
  await executor.update(correctionsSanction).set(patch).where(eq(correctionsSanction.caseId, caseId));
}
