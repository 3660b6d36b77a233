import { and, asc, count, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { type CaseRecordRow, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_MONITORING } from './monitoring.case-type.ts';
import {
  type CorrectionsMonitoringOrderRow,
  type CorrectionsMonitoringReviewRow,
  correctionsMonitoringOrder,
  correctionsMonitoringReview,
} from './monitoring.schema.ts';
import { correctionsScope } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';

// Queries of 电子定位监管, through the order case's scope and the minors' restriction.

const isMinor = sql<boolean>`('minor' = any(${correctionsSupervisee.flags}))`;

export interface MonitoringRecord {
  o: CorrectionsMonitoringOrderRow;
  record: CaseRecordRow;
  name: string;
  minor: boolean;
  officeName: string;
}

function baseQuery(executor: Executor) {
  return executor
    .select({
      o: correctionsMonitoringOrder,
      record: caseRecord,
      name: person.name,
      minor: isMinor,
      officeName: orgUnit.name,
    })
    .from(correctionsMonitoringOrder)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsMonitoringOrder.caseId))
    .innerJoin(
      correctionsSupervisee,
      eq(correctionsSupervisee.caseId, correctionsMonitoringOrder.superviseeCaseId),
    )
    .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
}

export async function listOrders(
  executor: Executor,
  p: Principal,
  f: { status?: string | undefined; superviseeCaseId?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: MonitoringRecord[]; total: number }> {
  const where = and(
    eq(caseRecord.caseType, CORRECTIONS_MONITORING),
    correctionsScope(p, isMinor),
    f.status ? eq(caseRecord.status, f.status) : undefined,
    f.superviseeCaseId ? eq(correctionsMonitoringOrder.superviseeCaseId, f.superviseeCaseId) : undefined,
  );
  const rows = await baseQuery(executor)
    .where(where)
    .orderBy(asc(correctionsMonitoringOrder.endsOn), desc(correctionsMonitoringOrder.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(correctionsMonitoringOrder)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsMonitoringOrder.caseId))
    .innerJoin(
      correctionsSupervisee,
      eq(correctionsSupervisee.caseId, correctionsMonitoringOrder.superviseeCaseId),
    )
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findOrder(
  executor: Executor,
  p: Principal | null,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MonitoringRecord | undefined> {
  const q = baseQuery(executor).where(
    and(
      eq(correctionsMonitoringOrder.caseId, caseId),
      eq(caseRecord.caseType, CORRECTIONS_MONITORING),
      p ? correctionsScope(p, isMinor) : undefined,
    ),
  );
  const rows = options.forUpdate ? await q.for('update', { of: correctionsMonitoringOrder }) : await q;
  return rows[0];
}

export async function reviewsOf(
  executor: Executor,
  orderCaseId: string,
): Promise<CorrectionsMonitoringReviewRow[]> {
  return executor
    .select()
    .from(correctionsMonitoringReview)
    .where(eq(correctionsMonitoringReview.orderCaseId, orderCaseId))
    .orderBy(asc(correctionsMonitoringReview.reviewedOn), asc(correctionsMonitoringReview.createdAt));
}

/** Approved orders (not ended) whose term covers `day`, any scope: for the tracking module. */
export async function ordersActiveOn(executor: Executor, day: string) {
  return executor
    .select({
      orderId: correctionsMonitoringOrder.caseId,
      caseId: correctionsMonitoringOrder.superviseeCaseId,
      personId: correctionsSupervisee.personId,
      unitId: caseRecord.competentUnitId,
      condition: correctionsMonitoringOrder.condition,
      startsOn: correctionsMonitoringOrder.startsOn,
      endsOn: correctionsMonitoringOrder.endsOn,
    })
    .from(correctionsMonitoringOrder)
    .innerJoin(caseRecord, eq(caseRecord.id, correctionsMonitoringOrder.caseId))
    .innerJoin(
      correctionsSupervisee,
      eq(correctionsSupervisee.caseId, correctionsMonitoringOrder.superviseeCaseId),
    )
    .where(
      and(
        eq(caseRecord.caseType, CORRECTIONS_MONITORING),
        eq(caseRecord.status, 'active'),
        isNull(correctionsMonitoringOrder.endedOn),
        lte(correctionsMonitoringOrder.startsOn, day),
        gte(correctionsMonitoringOrder.endsOn, day),
      ),
    )
    .orderBy(asc(correctionsMonitoringOrder.endsOn));
}

export async function insertOrder(
  executor: Executor,
  values: typeof correctionsMonitoringOrder.$inferInsert,
) {
  await executor.insert(correctionsMonitoringOrder).values(values);
}

export async function updateOrder(
  executor: Executor,
  caseId: string,
  patch: Partial<typeof correctionsMonitoringOrder.$inferInsert>,
) {
  await executor
    .update(correctionsMonitoringOrder)
    .set(patch)
    .where(eq(correctionsMonitoringOrder.caseId, caseId));
}

export async function insertReview(
  executor: Executor,
  values: typeof correctionsMonitoringReview.$inferInsert,
) {
  await executor.insert(correctionsMonitoringReview).values(values);
}

export async function markReviewUsed(executor: Executor, id: string, renewedUntil: string) {
  await executor
    .update(correctionsMonitoringReview)
    .set({ renewedUntil })
    .where(eq(correctionsMonitoringReview.id, id));
}
