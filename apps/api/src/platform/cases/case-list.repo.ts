import type { CaseSortKey } from '@zhucheng/contracts';
import { and, asc, count, eq, getTableColumns, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { staffUser } from '../access/access.schema.ts';
import type { Principal } from '../access/principal.ts';
import { citizenAccount } from '../auth/auth.schema.ts';
import type { Executor } from '../db/database.ts';
import { caseDeadline } from '../deadlines/deadline.schema.ts';
import { orgUnit } from '../org/org.schema.ts';
import {
  afterCursor,
  cursorKey,
  type KeysetCursor,
  type KeysetOrder,
  keysetOrderBy,
} from '../spreadsheets/keyset.ts';
import { caseScope } from './cases.repo.ts';
import { type CaseRecordRow, caseParticipant, caseRecord } from './cases.schema.ts';

// The reads behind the shared case pages: one query for a page of cases and one for its total, then
// batched look-ups (unit names, handlers, participants' names). Every filter and sort is a whitelisted
// key turned into a parameterised condition; nothing is spliced into the SQL text.

/** "Now" as the lists see it: the calendar day and instant of the app's time zone. */
export interface ListMoment {
  today: string;
  now: Date;
  timeZone: string;
}

export interface CaseListFilter {
  type?: string | undefined;
  status?: string | undefined;
  unitId?: number | undefined;
  q?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  deadline?: 'dueSoon' | 'overdue' | 'running' | undefined;
  mine: boolean;
  sort: CaseSortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The clock belongs to this case row (case_deadline.case_id is text: clocks serve every kind of record). */
const clockOfCase = sql`${caseDeadline.caseId} = ${caseRecord.id}::text and ${caseDeadline.caseType} = ${caseRecord.caseType}`;
const live = sql`${caseDeadline.status} in ('running', 'paused')`;

/** A running clock past its due day or instant. */
function overdueClock(m: ListMoment): SQL {
  return sql`(coalesce(${caseDeadline.dueOn} < ${m.today}::date, false) or coalesce(${caseDeadline.dueAt} < ${m.now.toISOString()}::timestamptz, false))`;
}

/** A running clock inside its warning window and not yet overdue. */
function dueSoonClock(m: ListMoment): SQL {
  return sql`(not ${overdueClock(m)} and (coalesce(${caseDeadline.warnOn} <= ${m.today}::date, false) or coalesce(${caseDeadline.warnAt} <= ${m.now.toISOString()}::timestamptz, false)))`;
}

/** The calendar day a clock is due: its day, or the day of its instant in the app's time zone. */
function dueDay(timeZone: string): SQL {
  return sql`coalesce(${caseDeadline.dueOn}, (${caseDeadline.dueAt} at time zone ${timeZone})::date)`;
}

/** `%` and `_` typed by the user match themselves (backslash is PostgreSQL's default LIKE escape). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function participantIs(principal: Pick<Principal, 'kind' | 'id'>): SQL {
  return sql`exists (select 1 from ${caseParticipant} where ${caseParticipant.caseId} = ${caseRecord.id} and ${caseParticipant.accountKind} = ${principal.kind} and ${caseParticipant.accountId} = ${principal.id})`;
}

async function unitPath(executor: Executor, unitId: number): Promise<string | undefined> {
  const [row] = await executor.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, unitId));
  return row?.path;
}

async function listConditions(
  executor: Executor,
  principal: Principal,
  f: CaseListFilter,
  m: ListMoment,
): Promise<SQL | undefined> {
  const parts: (SQL | undefined)[] = [caseScope(principal)];
  if (f.type) parts.push(eq(caseRecord.caseType, f.type));
  if (f.status) parts.push(eq(caseRecord.status, f.status));
  if (f.unitId !== undefined) {
    const path = await unitPath(executor, f.unitId);
    if (path === undefined) return sql`false`;
    // The unit's subtree by its materialised path (digits and slashes only: nothing to escape).
    const subtree = executor
      .select({ id: orgUnit.id })
      .from(orgUnit)
      .where(like(orgUnit.path, `${path}%`));
    parts.push(
      or(inArray(caseRecord.competentUnitId, subtree), inArray(caseRecord.receivingUnitId, subtree)),
    );
  }
  if (f.q) {
    const pattern = likeContains(f.q);
    parts.push(or(ilike(caseRecord.caseNo, pattern), ilike(caseRecord.title, pattern)));
  }
  // Calendar days of the app's time zone, whatever the server's zone.
  if (f.createdFrom) {
    parts.push(
      sql`${caseRecord.createdAt} >= (${f.createdFrom}::date::timestamp at time zone ${m.timeZone})`,
    );
  }
  if (f.createdTo) {
    parts.push(
      sql`${caseRecord.createdAt} < ((${f.createdTo}::date + 1)::timestamp at time zone ${m.timeZone})`,
    );
  }
  if (f.deadline) {
    const which =
      f.deadline === 'overdue' ? overdueClock(m) : f.deadline === 'dueSoon' ? dueSoonClock(m) : sql`true`;
    parts.push(
      sql`exists (select 1 from ${caseDeadline} where ${clockOfCase} and ${caseDeadline.status} = 'running' and ${which})`,
    );
  }
  if (f.mine) parts.push(participantIs(principal));
  return and(...parts);
}

function orderBy(f: CaseListFilter, m: ListMoment): SQL[] {
  const dir = f.order === 'asc' ? sql`asc` : sql`desc`;
  const key: Record<CaseSortKey, SQL> = {
    createdAt: sql`${caseRecord.createdAt}`,
    updatedAt: sql`${caseRecord.updatedAt}`,
    caseNo: sql`${caseRecord.caseNo}`,
    // The nearest live due day; cases without a live clock come last either way.
    dueOn: sql`(select min(${dueDay(m.timeZone)}) from ${caseDeadline} where ${clockOfCase} and ${live})`,
  };
  return [sql`${key[f.sort]} ${dir} nulls last`, sql`${caseRecord.id} ${dir}`];
}

export async function listCasePage(
  executor: Executor,
  principal: Principal,
  f: CaseListFilter,
  m: ListMoment,
): Promise<{ rows: CaseRecordRow[]; total: number }> {
  const where = await listConditions(executor, principal, f, m);
  const rows = await executor
    .select()
    .from(caseRecord)
    .where(where)
    .orderBy(...orderBy(f, m))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [counted] = await executor.select({ n: count() }).from(caseRecord).where(where);
  return { rows, total: counted?.n ?? 0 };
}

/** The list's order as a keyset (sort key, then id), for exports that walk every row in batches. */
function keysetOrder(f: CaseListFilter, m: ListMoment): KeysetOrder {
  const keys: Record<CaseSortKey, Pick<KeysetOrder, 'key' | 'keyType'>> = {
    createdAt: { key: sql`${caseRecord.createdAt}`, keyType: 'timestamptz' },
    updatedAt: { key: sql`${caseRecord.updatedAt}`, keyType: 'timestamptz' },
    caseNo: { key: sql`${caseRecord.caseNo}`, keyType: 'text' },
    dueOn: {
      key: sql`(select min(${dueDay(m.timeZone)}) from ${caseDeadline} where ${clockOfCase} and ${live})`,
      keyType: 'date',
    },
  };
  return { ...keys[f.sort], id: sql`${caseRecord.id}`, idType: 'uuid', order: f.order };
}

/** One batch of the list in its order after `after` (the filter's page and page size are ignored). */
export async function listCaseBatch(
  executor: Executor,
  principal: Principal,
  f: CaseListFilter,
  m: ListMoment,
  after: KeysetCursor | undefined,
  limit: number,
): Promise<{ rows: CaseRecordRow[]; last: KeysetCursor | undefined }> {
  const order = keysetOrder(f, m);
  const where = await listConditions(executor, principal, f, m);
  const found = await executor
    .select({ ...getTableColumns(caseRecord), cursorKey: cursorKey(order) })
    .from(caseRecord)
    .where(after ? and(where, afterCursor(order, after)) : where)
    .orderBy(...keysetOrderBy(order))
    .limit(limit);
  const tail = found.at(-1);
  return {
    rows: found.map(({ cursorKey: _, ...row }) => row),
    last: tail ? { key: tail.cursorKey, id: tail.id } : undefined,
  };
}

export async function unitNames(executor: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Display names of staff accounts by id; ids that are not uuids simply match nothing. */
export async function staffNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: staffUser.id, name: staffUser.displayName })
    .from(staffUser)
    .where(inArray(sql`${staffUser.id}::text`, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Citizens' real names (when filled) by account id; the service masks them. */
export async function citizenNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: citizenAccount.id, name: citizenAccount.realName })
    .from(citizenAccount)
    .where(inArray(sql`${citizenAccount.id}::text`, wanted));
  return new Map(rows.flatMap((r) => (r.name ? [[r.id, r.name] as const] : [])));
}

/** The staff handlers (承办人) of each case, in the order they were added. */
export async function handlersOf(
  executor: Executor,
  caseIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (caseIds.length === 0) return result;
  const rows = await executor
    .select({ caseId: caseParticipant.caseId, name: staffUser.displayName })
    .from(caseParticipant)
    .innerJoin(staffUser, sql`${staffUser.id}::text = ${caseParticipant.accountId}`)
    .where(
      and(
        inArray(caseParticipant.caseId, [...caseIds]),
        eq(caseParticipant.accountKind, 'staff'),
        eq(caseParticipant.role, 'handler'),
      ),
    )
    .orderBy(asc(caseParticipant.addedAt), asc(staffUser.displayName));
  for (const r of rows) result.set(r.caseId, [...(result.get(r.caseId) ?? []), r.name]);
  return result;
}

/** The cases of the page that have a live clock (the others need no deadline look-up). */
export async function casesWithLiveClocks(
  executor: Executor,
  caseIds: readonly string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await executor
    .selectDistinct({ caseId: caseDeadline.caseId })
    .from(caseDeadline)
    .where(and(inArray(caseDeadline.caseId, [...caseIds]), live));
  return new Set(rows.map((r) => r.caseId));
}

export interface StaffAccountRef {
  id: string;
  displayName: string;
  unitId: number;
  status: 'active' | 'disabled';
}

export async function findStaffAccount(executor: Executor, id: string): Promise<StaffAccountRef | undefined> {
  const [row] = await executor
    .select({
      id: staffUser.id,
      displayName: staffUser.displayName,
      unitId: staffUser.unitId,
      status: staffUser.status,
    })
    .from(staffUser)
    .where(sql`${staffUser.id}::text = ${id}`);
  return row;
}

// "My deadlines" (我的期限): live clocks of the cases the caller takes part in.

export type MyDeadlineFilter = 'all' | 'dueSoon' | 'overdue';

export interface MyDeadlineRow {
  id: number;
  caseId: string;
  caseType: string;
  caseNo: string | null;
  caseTitle: string;
  caseStatus: string;
}

export async function listMyDeadlines(
  executor: Executor,
  principal: Principal,
  filter: MyDeadlineFilter,
  paging: { page: number; pageSize: number },
  m: ListMoment,
): Promise<{ rows: MyDeadlineRow[]; total: number; dueSoon: number; overdue: number }> {
  const base = and(live, participantIs(principal), caseScope(principal));
  const running = sql`${caseDeadline.status} = 'running'`;
  const filtered =
    filter === 'overdue'
      ? and(base, running, overdueClock(m))
      : filter === 'dueSoon'
        ? and(base, running, dueSoonClock(m))
        : base;
  // Running clocks by due day, then paused ones, then those waiting for a year's holiday arrangement.
  const rank = sql`case when ${caseDeadline.dueOn} is null and ${caseDeadline.dueAt} is null then 2 when ${caseDeadline.status} = 'paused' then 1 else 0 end`;
  const rows = await executor
    .select({
      id: caseDeadline.id,
      caseId: caseRecord.id,
      caseType: caseRecord.caseType,
      caseNo: caseRecord.caseNo,
      caseTitle: caseRecord.title,
      caseStatus: caseRecord.status,
    })
    .from(caseDeadline)
    .innerJoin(caseRecord, clockOfCase)
    .where(filtered)
    .orderBy(
      sql`${rank}`,
      sql`${dueDay(m.timeZone)} asc nulls last`,
      sql`${caseDeadline.dueAt} asc nulls last`,
      asc(caseDeadline.id),
    )
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const [counted] = await executor
    .select({
      all: count(),
      dueSoon: sql<number>`count(*) filter (where ${running} and ${dueSoonClock(m)})`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${running} and ${overdueClock(m)})`.mapWith(Number),
    })
    .from(caseDeadline)
    .innerJoin(caseRecord, clockOfCase)
    .where(base);
  const dueSoon = counted?.dueSoon ?? 0;
  const overdue = counted?.overdue ?? 0;
  const total = filter === 'overdue' ? overdue : filter === 'dueSoon' ? dueSoon : (counted?.all ?? 0);
  return { rows, total, dueSoon, overdue };
}
