import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { Executor } from '../db/database.ts';
import { type CaseDeadlineRow, caseDeadline } from './deadline.schema.ts';

const live = inArray(caseDeadline.status, ['running', 'paused']);

export interface DeadlineKey {
  caseType: string;
  caseId: string;
  ruleCode: string;
}

export type NewDeadline = Omit<
  typeof caseDeadline.$inferInsert,
  'id' | 'version' | 'warnedDueSoonAt' | 'warnedOverdueAt' | 'closedAt'
>;

export async function insertDeadline(executor: Executor, values: NewDeadline): Promise<CaseDeadlineRow> {
  const [row] = await executor.insert(caseDeadline).values(values).returning();
  if (!row) throw new Error('case_deadline insert returned no row');
  return row;
}

export async function findDeadline(
  executor: Executor,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<CaseDeadlineRow | undefined> {
  const query = executor.select().from(caseDeadline).where(eq(caseDeadline.id, id));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

/** The running or paused clock of this rule on this case, if any. */
export async function findLiveDeadline(
  executor: Executor,
  key: DeadlineKey,
  options: { forUpdate?: boolean } = {},
): Promise<CaseDeadlineRow | undefined> {
  const query = executor
    .select()
    .from(caseDeadline)
    .where(
      and(
        eq(caseDeadline.caseType, key.caseType),
        eq(caseDeadline.caseId, key.caseId),
        eq(caseDeadline.ruleCode, key.ruleCode),
        live,
      ),
    );
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

/** The clocks of many cases at once (a list page), by case id. */
export async function listDeadlinesOfCases(
  executor: Executor,
  caseIds: string[],
): Promise<CaseDeadlineRow[]> {
  if (caseIds.length === 0) return [];
  return executor
    .select()
    .from(caseDeadline)
    .where(inArray(caseDeadline.caseId, caseIds))
    .orderBy(asc(caseDeadline.id));
}

export async function listCaseDeadlines(
  executor: Executor,
  caseType: string,
  caseId: string,
): Promise<CaseDeadlineRow[]> {
  return executor
    .select()
    .from(caseDeadline)
    .where(and(eq(caseDeadline.caseType, caseType), eq(caseDeadline.caseId, caseId)))
    .orderBy(asc(caseDeadline.id));
}

export type DeadlinePatch = Partial<
  Pick<
    CaseDeadlineRow,
    | 'dueOn'
    | 'warnOn'
    | 'warnAt'
    | 'dueAt'
    | 'status'
    | 'pausedSince'
    | 'pausedDays'
    | 'pauses'
    | 'extensions'
    | 'needsCalendarYear'
    | 'closedAt'
    | 'warnedDueSoonAt'
    | 'warnedOverdueAt'
  >
>;

export async function updateDeadline(
  executor: Executor,
  id: number,
  patch: DeadlinePatch,
  at: Date,
): Promise<CaseDeadlineRow> {
  const [row] = await executor
    .update(caseDeadline)
    .set({ ...patch, updatedAt: at, version: sql`${caseDeadline.version} + 1` })
    .where(eq(caseDeadline.id, id))
    .returning();
  if (!row) throw new Error(`case_deadline ${id} vanished during update`);
  return row;
}

/**
 * Live day-rule clocks a calendar change between `from` and `to` may move: started before the last
 * changed day, and due on or after the first one (or not computed yet).
 */
export async function listAffectedDeadlineIds(
  executor: Executor,
  range: { from: IsoDate; to: IsoDate },
): Promise<number[]> {
  const rows = await executor
    .select({ id: caseDeadline.id })
    .from(caseDeadline)
    .where(
      and(
        live,
        isNull(caseDeadline.dueAt),
        lt(caseDeadline.startedOn, range.to),
        or(isNull(caseDeadline.dueOn), gte(caseDeadline.dueOn, range.from)),
      ),
    )
    .orderBy(asc(caseDeadline.id));
  return rows.map((r) => r.id);
}

/** Live clocks waiting for a year's calendar. */
export async function listDeadlineIdsNeedingCalendar(executor: Executor): Promise<number[]> {
  const rows = await executor
    .select({ id: caseDeadline.id })
    .from(caseDeadline)
    .where(and(live, isNotNull(caseDeadline.needsCalendarYear)))
    .orderBy(asc(caseDeadline.id));
  return rows.map((r) => r.id);
}

/** Live day-rule clocks not yet past due (the nightly recompute). */
export async function listUpcomingDeadlineIds(executor: Executor, today: IsoDate): Promise<number[]> {
  const rows = await executor
    .select({ id: caseDeadline.id })
    .from(caseDeadline)
    .where(
      and(live, isNull(caseDeadline.dueAt), or(isNull(caseDeadline.dueOn), gte(caseDeadline.dueOn, today))),
    )
    .orderBy(asc(caseDeadline.id));
  return rows.map((r) => r.id);
}

export async function countDeadlinesNeedingCalendar(
  executor: Executor,
): Promise<Array<{ year: number; deadlines: number }>> {
  const rows = await executor
    .select({ year: caseDeadline.needsCalendarYear, deadlines: count() })
    .from(caseDeadline)
    .where(and(live, isNotNull(caseDeadline.needsCalendarYear)))
    .groupBy(caseDeadline.needsCalendarYear)
    .orderBy(asc(caseDeadline.needsCalendarYear));
  return rows.map((r) => ({ year: r.year ?? 0, deadlines: Number(r.deadlines) }));
}
