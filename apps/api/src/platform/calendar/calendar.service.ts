import type { PermissionCode } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import type { AuditWriter } from '../access/ports.ts';
import type { RequestContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { deleteOverride, findOverride, listOverrides, upsertOverride } from './calendar.repo.ts';
import type { CalendarOverrideRow } from './calendar.schema.ts';
import type { CalendarStore } from './calendar-store.ts';
import { daysBetween, eachDay, type IsoDate, isIsoDate, weekdayOf, yearOf } from './iso-date.ts';
import {
  CalendarYearUnknownError,
  type DayKind,
  type DaySource,
  type OverrideKind,
  WorkingCalendar,
  type YearCoverage,
} from './working-calendar.ts';

/** A year running clocks wait for (computed by the deadline engine). */
export interface CalendarWarning {
  year: number;
  deadlines: number;
  /** Chinese, for the administrator's banner. */
  message: string;
}

/**
 * What depends on the calendar: the deadline engine. Named here so the calendar does not import it; the
 * composition root passes the DeadlineService.
 */
export interface CalendarDependents {
  /** Recomputes, in the edit's transaction, the live clocks a change to these days may move. */
  recomputeAffected(executor: Executor, dates: IsoDate[], calendar: WorkingCalendar): Promise<number>;
  calendarWarnings(executor: Executor): Promise<CalendarWarning[]>;
}

export interface CalendarServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  store: CalendarStore;
  dependents?: CalendarDependents;
}

export interface CalendarDayView {
  date: IsoDate;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** null in a year the calendar does not know. */
  kind: DayKind | null;
  working: boolean | null;
  name: string | null;
  source: DaySource | null;
  yearKnown: boolean;
}

export interface CalendarOverrideView {
  date: IsoDate;
  kind: OverrideKind;
  name: string;
  note: string | null;
  /** What the package alone says about the day; null in a year it does not know. */
  packageKind: DayKind | null;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface OverrideInput {
  kind: OverrideKind;
  name: string;
  note?: string | null | undefined;
}

export interface CalendarStatus {
  today: IsoDate;
  coverage: YearCoverage[];
  /** Years running clocks need but the calendar lacks. */
  missingYears: CalendarWarning[];
  /** Next year, which the State Council publishes late in the year. */
  nextYear: { year: number; known: boolean };
  /** Chinese banner lines for the administrator; empty when all is well. */
  warnings: string[];
}

export const MAX_DAYS_PER_QUERY = 366;
export const OVERRIDE_NAME_MAX = 30;
export const OVERRIDE_NOTE_MAX = 200;
export const OVERRIDE_YEARS = { min: 2000, max: 2099 } as const;
export const MAX_OVERRIDES_PER_REQUEST = 400;

// Override edits take this lock so two edits recompute the clocks one after the other, each on a calendar
// that includes the other's committed change.
const CALENDAR_EDIT_LOCK = 0x63616c31; // "cal1"

const packageOnly = new WorkingCalendar();

function requirePermission(ctx: RequestContext, code: PermissionCode): void {
  if (ctx.principal && !ctx.principal.permissions.has(code)) throw AppError.forbidden();
}

function actor(ctx: RequestContext): string {
  return ctx.principal?.id ?? 'system';
}

function packageKindOf(date: IsoDate): DayKind | null {
  try {
    return packageOnly.kind(date);
  } catch (err) {
    if (err instanceof CalendarYearUnknownError) return null;
    throw err;
  }
}

function toView(row: CalendarOverrideRow): CalendarOverrideView {
  return {
    date: row.date,
    kind: row.kind,
    name: row.name,
    note: row.note,
    packageKind: packageKindOf(row.date),
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkDate(date: string, path = 'date'): IsoDate {
  if (!isIsoDate(date)) {
    throw AppError.badRequest('日期格式不正确，应为 YYYY-MM-DD 的有效日期', [
      { path, message: '应为 YYYY-MM-DD 的有效日期' },
    ]);
  }
  return date;
}

function checkOverrideDate(date: string, path = 'date'): IsoDate {
  checkDate(date, path);
  const year = yearOf(date);
  if (year < OVERRIDE_YEARS.min || year > OVERRIDE_YEARS.max) {
    throw AppError.badRequest(`只能设置 ${OVERRIDE_YEARS.min}—${OVERRIDE_YEARS.max} 年的日期`, [
      { path, message: '年份超出范围' },
    ]);
  }
  return date;
}

function cleanInput(
  input: OverrideInput,
  prefix = '',
): { kind: OverrideKind; name: string; note: string | null } {
  if (input.kind !== 'workday' && input.kind !== 'holiday') {
    throw AppError.badRequest('请选择“放假”或“上班”', [
      { path: `${prefix}kind`, message: '只能是 holiday 或 workday' },
    ]);
  }
  const name = input.name.trim();
  if (!name)
    throw AppError.badRequest('请填写名称，如“元旦”或“春节调休上班”', [
      { path: `${prefix}name`, message: '不能为空' },
    ]);
  if (name.length > OVERRIDE_NAME_MAX) {
    throw AppError.badRequest(`名称不能超过 ${OVERRIDE_NAME_MAX} 个字`, [
      { path: `${prefix}name`, message: `不能超过 ${OVERRIDE_NAME_MAX} 个字` },
    ]);
  }
  const note = input.note?.trim() || null;
  if (note && note.length > OVERRIDE_NOTE_MAX) {
    throw AppError.badRequest(`备注不能超过 ${OVERRIDE_NOTE_MAX} 个字`, [
      { path: `${prefix}note`, message: `不能超过 ${OVERRIDE_NOTE_MAX} 个字` },
    ]);
  }
  return { kind: input.kind, name, note };
}

const snapshotOf = (row: CalendarOverrideRow | undefined) =>
  row ? { kind: row.kind, name: row.name, note: row.note } : null;

/** The working-day calendar's administration (节假日设置) and its questions. */
export class CalendarService {
  readonly #d: CalendarServiceDeps;

  constructor(deps: CalendarServiceDeps) {
    this.#d = deps;
  }

  /** The current calendar, for code that is not in a transaction (inside one, use the store with its executor). */
  current(): Promise<WorkingCalendar> {
    return this.#d.store.current(this.#d.db);
  }

  /** Every day from `from` to `to` with its kind and holiday name; days of unknown years say so. */
  async listDays(ctx: RequestContext, from: string, to: string): Promise<CalendarDayView[]> {
    requirePermission(ctx, 'calendar:read');
    checkDate(from, 'from');
    checkDate(to, 'to');
    if (to < from)
      throw AppError.badRequest('结束日期不能早于开始日期', [{ path: 'to', message: '早于开始日期' }]);
    if (daysBetween(from, to) + 1 > MAX_DAYS_PER_QUERY) {
      throw AppError.badRequest(`一次最多查询 ${MAX_DAYS_PER_QUERY} 天`, [
        { path: 'to', message: '范围过大' },
      ]);
    }
    const calendar = await this.current();
    return eachDay(from, to).map((date) => {
      const weekday = weekdayOf(date) || 7;
      if (!calendar.isYearKnown(yearOf(date))) {
        return { date, weekday, kind: null, working: null, name: null, source: null, yearKnown: false };
      }
      const day = calendar.day(date);
      return {
        date,
        weekday,
        kind: day.kind,
        working: day.working,
        name: day.name,
        source: day.source,
        yearKnown: true,
      };
    });
  }

  async listOverrides(ctx: RequestContext, year?: number): Promise<CalendarOverrideView[]> {
    requirePermission(ctx, 'calendar:manage');
    const rows = await listOverrides(
      this.#d.db,
      year === undefined ? {} : { from: `${year}-01-01`, to: `${year}-12-31` },
    );
    return rows.map(toView);
  }

  /** Sets one day; the live clocks it may move are recomputed in the same transaction. */
  async putOverride(ctx: RequestContext, date: string, input: OverrideInput): Promise<CalendarOverrideView> {
    const [view] = await this.putOverrides(ctx, [{ date, ...input }]);
    if (!view) throw new Error('putOverrides returned nothing');
    return view;
  }

  /** Sets several days at once (a year's arrangement): one transaction, one audit row per day. */
  async putOverrides(
    ctx: RequestContext,
    items: Array<OverrideInput & { date: string }>,
  ): Promise<CalendarOverrideView[]> {
    requirePermission(ctx, 'calendar:manage');
    if (items.length === 0) throw AppError.badRequest('请至少填写一天');
    if (items.length > MAX_OVERRIDES_PER_REQUEST) {
      throw AppError.badRequest(`一次最多设置 ${MAX_OVERRIDES_PER_REQUEST} 天`);
    }
    const seen = new Set<string>();
    const clean = items.map((item, i) => {
      const prefix = items.length > 1 ? `items.${i}.` : '';
      const date = checkOverrideDate(item.date, `${prefix}date`);
      if (seen.has(date)) {
        throw AppError.badRequest(`日期 ${date} 重复`, [{ path: `${prefix}date`, message: '重复' }]);
      }
      seen.add(date);
      return { date, ...cleanInput(item, prefix) };
    });
    return this.#edit(ctx, async (tx, now) => {
      const views: CalendarOverrideView[] = [];
      for (const item of clean) {
        const before = await findOverride(tx, item.date, { forUpdate: true });
        const row = await upsertOverride(tx, { ...item, by: actor(ctx), at: now });
        views.push(toView(row));
        await this.#d.audit(tx, ctx, {
          action: before ? 'calendar.override.update' : 'calendar.override.create',
          entityType: 'calendarOverride',
          entityId: item.date,
          before: snapshotOf(before),
          after: snapshotOf(row),
        });
      }
      return { result: views, dates: clean.map((c) => c.date) };
    });
  }

  /** Gives the day back to the package (or, in a year the package lacks, to the weekdays). */
  async deleteOverride(ctx: RequestContext, date: string): Promise<void> {
    requirePermission(ctx, 'calendar:manage');
    checkDate(date);
    await this.#edit(ctx, async (tx) => {
      const before = await findOverride(tx, date, { forUpdate: true });
      if (!before || !(await deleteOverride(tx, date))) throw AppError.notFound('该日期的节假日设置');
      await this.#d.audit(tx, ctx, {
        action: 'calendar.override.delete',
        entityType: 'calendarOverride',
        entityId: date,
        before: snapshotOf(before),
      });
      return { result: undefined, dates: [date] };
    });
  }

  /** Covered years, and the years running clocks need but nobody has entered: the admin's warning. */
  async status(ctx: RequestContext): Promise<CalendarStatus> {
    requirePermission(ctx, 'calendar:read');
    const calendar = await this.current();
    const today = this.#d.clock.today();
    const missingYears = (await this.#d.dependents?.calendarWarnings(this.#d.db)) ?? [];
    const next = yearOf(today) + 1;
    const nextYear = { year: next, known: calendar.isYearKnown(next) };
    const warnings = missingYears.map((w) => w.message);
    // The arrangement for next year is usually published in November or December.
    if (!nextYear.known && today.slice(5) >= '11-01' && !missingYears.some((w) => w.year === next)) {
      warnings.push(`${next} 年节假日安排尚未录入，国务院办公厅公布后请在“节假日设置”中补录`);
    }
    return { today, coverage: calendar.coverage(), missingYears, nextYear, warnings };
  }

  /**
   * One override edit: serialised with other edits, audited by `fn`, then the clocks the changed days may
   * move are recomputed on the new calendar in the same transaction; the store reloads after commit.
   */
  async #edit<T>(
    ctx: RequestContext,
    fn: (tx: Executor, now: Date) => Promise<{ result: T; dates: IsoDate[] }>,
  ): Promise<T> {
    try {
      return await this.#d.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_EDIT_LOCK})`);
        const { result, dates } = await fn(tx, this.#d.clock.now());
        if (this.#d.dependents) {
          const calendar = new WorkingCalendar(await listOverrides(tx));
          const recomputed = await this.#d.dependents.recomputeAffected(tx, dates, calendar);
          if (recomputed > 0) {
            await this.#d.audit(tx, ctx, {
              action: 'calendar.deadlines.recompute',
              entityType: 'calendarOverride',
              entityId: dates.length === 1 ? dates[0] : undefined,
              detail: { dates, recomputedDeadlines: recomputed },
            });
          }
        }
        return result;
      });
    } finally {
      // Committed or not, the snapshot is reloaded on next use (never from inside the transaction).
      this.#d.store.invalidate();
    }
  }
}
