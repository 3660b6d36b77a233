import type { CalendarWarning } from '../calendar/calendar.service.ts';
import type { CalendarSource } from '../calendar/calendar-store.ts';
import { type IsoDate, isIsoDate } from '../calendar/iso-date.ts';
import { CalendarYearUnknownError, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { type Clock, calendarDay } from '../clock/clock.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import {
  countDeadlinesNeedingCalendar,
  type DeadlineKey,
  type DeadlinePatch,
  findDeadline,
  findLiveDeadline,
  insertDeadline,
  listAffectedDeadlineIds,
  listCaseDeadlines,
  listDeadlineIdsNeedingCalendar,
  listDeadlinesOfCases,
  listUpcomingDeadlineIds,
  updateDeadline,
} from './deadline.repo.ts';
import {
  computeDue,
  type DeadlineLifecycle,
  type DeadlineRule,
  type DeadlineRuleRegistry,
  type DeadlineStanding,
  type DeadlineUnit,
  deadlineStanding,
  describeRule,
  type PauseInterval,
  totalLength,
  warningStartsAt,
  warningStartsOn,
} from './deadline.rules.ts';
import type { CaseDeadlineRow } from './deadline.schema.ts';

// Running statutory clocks of cases. Every method takes the executor of the caller's transaction: the
// workflow engine starts, pauses, resumes, extends and stops clocks inside its transition transaction,
// so a clock changes exactly when the case does. Access checks belong to the caller (the case's
// service), which knows whose case it is; this service trusts its executor.

export interface DeadlineServiceDeps {
  clock: Clock;
  calendar: CalendarSource;
  rules: DeadlineRuleRegistry;
}

/** A clock by id, or the live (running or paused) clock of a rule on a case. */
export type DeadlineRef = number | DeadlineKey;

export interface StartDeadlineInput {
  caseType: string;
  caseId: string;
  ruleCode: string;
  /** Day rules: the day of the start event; default the day of `startedAt`, else today. */
  startedOn?: IsoDate;
  /** The start instant; default now. Hours rules count from it. */
  startedAt?: Date;
}

/** When a pause, resumption, stop or completion happened; default now. */
export interface DeadlineEventInput {
  at?: Date;
}

export interface DeadlineView {
  id: number;
  caseType: string;
  caseId: string;
  ruleCode: string;
  ruleName: string;
  article: string;
  unit: DeadlineUnit;
  /** Chinese: 5 个工作日 / 60 日（可延长 1 次，每次 30 日）. */
  ruleDescription: string;
  startedOn: IsoDate;
  startedAt: string | null;
  dueOn: IsoDate | null;
  dueAt: string | null;
  status: DeadlineLifecycle;
  pausedSince: IsoDate | null;
  pausedDays: number;
  pauses: PauseInterval[];
  extensions: number;
  maxExtensions: number;
  needsCalendarYear: number | null;
  closedAt: string | null;
  version: number;
  /** The badge for today. */
  standing: DeadlineStanding;
}

interface Computed {
  dueOn: IsoDate | null;
  dueAt: Date | null;
  warnOn: IsoDate | null;
  warnAt: Date | null;
  pausedDays: number;
  needsCalendarYear: number | null;
  remainingWhenPaused: number | null;
}

const statusLabels: Record<DeadlineLifecycle, string> = {
  running: '正在计时',
  paused: '已暂停计时',
  stopped: '已停止计时',
  met: '已办结',
};

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * The reminder job marks a clock once warned. When the due date moves (resumed after a pause, extended, a
 * holiday entered), a mark that no longer describes the clock is cleared so the job warns again, about the
 * new date: "due soon" once the new warning day is still ahead (or the date moved within the window),
 * "overdue" once the new due date is not yet past.
 */
function rearmWarnings(
  row: CaseDeadlineRow,
  c: Computed,
  today: IsoDate,
  now: Date,
): Pick<DeadlinePatch, 'warnedDueSoonAt' | 'warnedOverdueAt'> {
  const moved = row.dueOn !== c.dueOn || (row.dueAt?.getTime() ?? null) !== (c.dueAt?.getTime() ?? null);
  if (!moved) return {};
  const patch: Pick<DeadlinePatch, 'warnedDueSoonAt' | 'warnedOverdueAt'> = {};
  const notYetDue = (c.dueOn !== null && c.dueOn >= today) || (c.dueAt !== null && c.dueAt > now);
  if (row.warnedDueSoonAt && (c.dueOn !== null || c.dueAt !== null)) patch.warnedDueSoonAt = null;
  if (row.warnedOverdueAt && notYetDue) patch.warnedOverdueAt = null;
  return patch;
}

export class DeadlineService {
  readonly #d: DeadlineServiceDeps;

  constructor(deps: DeadlineServiceDeps) {
    this.#d = deps;
  }

  get rules(): DeadlineRuleRegistry {
    return this.#d.rules;
  }

  /** Starts a clock. One live clock per rule and case: a second start is a conflict. */
  async start(executor: Executor, input: StartDeadlineInput): Promise<DeadlineView> {
    const rule = this.#d.rules.get(input.ruleCode);
    const now = this.#d.clock.now();
    const startedAt = input.startedAt ?? (rule.unit === 'hours' || !input.startedOn ? now : null);
    const startedOn = input.startedOn ?? calendarDay(startedAt ?? now, this.#d.clock.timeZone);
    if (!isIsoDate(startedOn)) {
      throw AppError.badRequest('起算日期格式不正确，应为 YYYY-MM-DD', [
        { path: 'startedOn', message: '日期无效' },
      ]);
    }
    if (await findLiveDeadline(executor, input)) throw this.#alreadyRunning(rule);
    const calendar = await this.#d.calendar.current(executor);
    const c = this.#compute(rule, { startedOn, startedAt, pauses: [], extensions: 0 }, calendar);
    try {
      const row = await insertDeadline(executor, {
        caseType: input.caseType,
        caseId: input.caseId,
        ruleCode: rule.code,
        startedOn,
        startedAt,
        dueOn: c.dueOn,
        dueAt: c.dueAt,
        warnOn: c.warnOn,
        warnAt: c.warnAt,
        status: 'running',
        pausedSince: null,
        pausedDays: 0,
        pauses: [],
        extensions: 0,
        needsCalendarYear: c.needsCalendarYear,
        createdAt: now,
        updatedAt: now,
      });
      return this.#view(row, calendar, c);
    } catch (err) {
      // Two transitions started the same clock at once; the loser's transaction rolls back.
      if (isUniqueViolation(err)) throw this.#alreadyRunning(rule);
      throw err;
    }
  }

  /** Stops the clock (a correction request, a suspension): the days until `resume` are not counted. */
  async pause(executor: Executor, ref: DeadlineRef, input: DeadlineEventInput = {}): Promise<DeadlineView> {
    const { row, rule } = await this.#load(executor, ref);
    if (row.status !== 'running') {
      throw AppError.conflict(`“${rule.name}”${statusLabels[row.status]}，不能暂停`);
    }
    const at = input.at ?? this.#d.clock.now();
    const day = calendarDay(at, this.#d.clock.timeZone);
    const from = rule.unit === 'hours' ? at.toISOString() : day;
    if (rule.unit === 'hours' ? at < (row.startedAt ?? at) : day < row.startedOn) {
      throw AppError.badRequest('暂停时间不能早于期限起算时间');
    }
    const last = row.pauses.at(-1);
    if (last?.to && from < (rule.unit === 'hours' ? new Date(last.to).toISOString() : last.to)) {
      throw AppError.badRequest('暂停时间不能早于上一次恢复计时的时间');
    }
    const pauses = [...row.pauses, { from, to: null }];
    return this.#save(executor, row, rule, { status: 'paused', pausedSince: day, pauses });
  }

  /** Restarts a paused clock; the due date moves by the counting days the pause consumed. */
  async resume(executor: Executor, ref: DeadlineRef, input: DeadlineEventInput = {}): Promise<DeadlineView> {
    const { row, rule } = await this.#load(executor, ref);
    const open = row.pauses.at(-1);
    if (row.status !== 'paused' || !open || open.to !== null) {
      throw AppError.conflict(`“${rule.name}”${statusLabels[row.status]}，无需恢复计时`);
    }
    const at = input.at ?? this.#d.clock.now();
    const to = rule.unit === 'hours' ? at.toISOString() : calendarDay(at, this.#d.clock.timeZone);
    const from = rule.unit === 'hours' ? new Date(open.from).toISOString() : open.from;
    if (to < from) throw AppError.badRequest('恢复计时的时间不能早于暂停时间');
    const pauses = [...row.pauses.slice(0, -1), { from: open.from, to }];
    return this.#save(executor, row, rule, { status: 'running', pausedSince: null, pauses });
  }

  /** One more extension (行政复议法第六十二条: once, 30 days); beyond the rule's maximum it is refused. */
  async extend(executor: Executor, ref: DeadlineRef): Promise<DeadlineView> {
    const { row, rule } = await this.#load(executor, ref);
    if (row.status !== 'running' && row.status !== 'paused') {
      throw AppError.conflict(`“${rule.name}”${statusLabels[row.status]}，不能延长`);
    }
    const extensions = row.extensions + 1;
    totalLength(rule, extensions); // throws DeadlineExtensionLimitError (409, Chinese) before any write
    return this.#save(executor, row, rule, { extensions });
  }

  /** The case ended another way (withdrawn, terminated): the clock no longer runs. */
  stop(executor: Executor, ref: DeadlineRef, input: DeadlineEventInput = {}): Promise<DeadlineView> {
    return this.#close(executor, ref, 'stopped', input);
  }

  /** The act the clock was for is done (decided, assigned, replied). */
  meet(executor: Executor, ref: DeadlineRef, input: DeadlineEventInput = {}): Promise<DeadlineView> {
    return this.#close(executor, ref, 'met', input);
  }

  /** Recomputes one live clock on the given calendar (default: the current one). Ended clocks stay. */
  async recompute(executor: Executor, id: number, calendar?: WorkingCalendar): Promise<DeadlineView> {
    return (await this.#recomputeOne(executor, id, calendar)).view;
  }

  /**
   * After calendar overrides changed on these days: recomputes the live clocks they may move, on the new
   * calendar, in the edit's transaction. Returns how many due dates changed.
   */
  async recomputeAffected(executor: Executor, dates: IsoDate[], calendar: WorkingCalendar): Promise<number> {
    if (dates.length === 0) return 0;
    const sorted = [...dates].sort();
    const ids = await listAffectedDeadlineIds(executor, {
      from: sorted[0] as IsoDate,
      to: sorted.at(-1) as IsoDate,
    });
    return this.#recomputeIds(executor, ids, calendar);
  }

  /** Clocks that waited for a year's calendar (after the package gained the year, or an edit elsewhere). */
  async recomputeNeedingCalendar(executor: Executor): Promise<number> {
    const calendar = await this.#d.calendar.current(executor);
    return this.#recomputeIds(executor, await listDeadlineIdsNeedingCalendar(executor), calendar);
  }

  /** Every live day-rule clock not yet past due: the nightly job that settles any drift. */
  async recomputeUpcoming(executor: Executor): Promise<number> {
    const calendar = await this.#d.calendar.current(executor);
    const ids = await listUpcomingDeadlineIds(executor, this.#d.clock.today());
    return this.#recomputeIds(executor, ids, calendar);
  }

  /** The years live clocks wait for, with a Chinese line for the administrator's banner. */
  async calendarWarnings(executor: Executor): Promise<CalendarWarning[]> {
    const rows = await countDeadlinesNeedingCalendar(executor);
    return rows.map(({ year, deadlines }) => ({
      year,
      deadlines,
      message: `${year} 年节假日安排尚未录入，涉及该年度的 ${deadlines} 个期限暂无法计算，请在“节假日设置”中补录`,
    }));
  }

  async find(executor: Executor, ref: DeadlineRef): Promise<DeadlineView | null> {
    const row =
      typeof ref === 'number' ? await findDeadline(executor, ref) : await findLiveDeadline(executor, ref);
    if (!row) return null;
    return this.#view(row, await this.#d.calendar.current(executor));
  }

  /** The clocks of many cases in two queries (a list page), oldest first. */
  async listForCases(executor: Executor, caseIds: string[]): Promise<DeadlineView[]> {
    const rows = await listDeadlinesOfCases(executor, [...new Set(caseIds)]);
    if (rows.length === 0) return [];
    const calendar = await this.#d.calendar.current(executor);
    return rows.map((row) => this.#view(row, calendar));
  }

  async listForCase(executor: Executor, caseType: string, caseId: string): Promise<DeadlineView[]> {
    const rows = await listCaseDeadlines(executor, caseType, caseId);
    if (rows.length === 0) return [];
    const calendar = await this.#d.calendar.current(executor);
    return rows.map((row) => this.#view(row, calendar));
  }

  async #close(
    executor: Executor,
    ref: DeadlineRef,
    status: 'stopped' | 'met',
    input: DeadlineEventInput,
  ): Promise<DeadlineView> {
    const { row, rule } = await this.#load(executor, ref);
    if (row.status !== 'running' && row.status !== 'paused') {
      throw AppError.conflict(`“${rule.name}”${statusLabels[row.status]}`);
    }
    const at = input.at ?? this.#d.clock.now();
    const saved = await updateDeadline(executor, row.id, { status, closedAt: at }, this.#d.clock.now());
    return this.#view(saved, await this.#d.calendar.current(executor));
  }

  async #load(executor: Executor, ref: DeadlineRef): Promise<{ row: CaseDeadlineRow; rule: DeadlineRule }> {
    const row =
      typeof ref === 'number'
        ? await findDeadline(executor, ref, { forUpdate: true })
        : await findLiveDeadline(executor, ref, { forUpdate: true });
    if (!row) throw AppError.notFound('期限');
    return { row, rule: this.#d.rules.get(row.ruleCode) };
  }

  async #save(
    executor: Executor,
    row: CaseDeadlineRow,
    rule: DeadlineRule,
    patch: Pick<DeadlinePatch, 'status' | 'pausedSince' | 'pauses' | 'extensions'>,
  ): Promise<DeadlineView> {
    const calendar = await this.#d.calendar.current(executor);
    const next = { ...row, ...patch };
    const c = this.#computeRow(next, rule, calendar);
    const saved = await updateDeadline(
      executor,
      row.id,
      {
        ...patch,
        dueOn: c.dueOn,
        dueAt: c.dueAt,
        warnOn: c.warnOn,
        warnAt: c.warnAt,
        pausedDays: c.pausedDays,
        needsCalendarYear: c.needsCalendarYear,
        ...rearmWarnings(row, c, this.#d.clock.today(), this.#d.clock.now()),
      },
      this.#d.clock.now(),
    );
    return this.#view(saved, calendar, c);
  }

  async #recomputeOne(
    executor: Executor,
    id: number,
    calendar?: WorkingCalendar,
  ): Promise<{ view: DeadlineView; changed: boolean }> {
    const { row, rule } = await this.#load(executor, id);
    const cal = calendar ?? (await this.#d.calendar.current(executor));
    if (row.status !== 'running' && row.status !== 'paused')
      return { view: this.#view(row, cal), changed: false };
    const c = this.#computeRow(row, rule, cal);
    if (!this.#changes(row, c)) return { view: this.#view(row, cal, c), changed: false };
    const saved = await updateDeadline(
      executor,
      row.id,
      {
        dueOn: c.dueOn,
        dueAt: c.dueAt,
        warnOn: c.warnOn,
        warnAt: c.warnAt,
        pausedDays: c.pausedDays,
        needsCalendarYear: c.needsCalendarYear,
        ...rearmWarnings(row, c, this.#d.clock.today(), this.#d.clock.now()),
      },
      this.#d.clock.now(),
    );
    return { view: this.#view(saved, cal, c), changed: true };
  }

  async #recomputeIds(executor: Executor, ids: number[], calendar: WorkingCalendar): Promise<number> {
    let changed = 0;
    for (const id of ids) if ((await this.#recomputeOne(executor, id, calendar)).changed) changed++;
    return changed;
  }

  #computeRow(row: CaseDeadlineRow, rule: DeadlineRule, calendar: WorkingCalendar): Computed {
    return this.#compute(
      rule,
      { startedOn: row.startedOn, startedAt: row.startedAt, pauses: row.pauses, extensions: row.extensions },
      calendar,
      row.pausedDays,
    );
  }

  /** computeDue, with an unknown year turned into "needs calendar" rather than an error. */
  #compute(
    rule: DeadlineRule,
    s: { startedOn: IsoDate; startedAt: Date | null; pauses: PauseInterval[]; extensions: number },
    calendar: WorkingCalendar,
    previousPausedDays = 0,
  ): Computed {
    try {
      const due = computeDue({
        rule,
        startedOn: s.startedOn,
        ...(s.startedAt ? { startedAt: s.startedAt } : {}),
        calendar,
        pauses: s.pauses,
        extensions: s.extensions,
      });
      const dueAt = due.dueAt ? new Date(due.dueAt) : null;
      return {
        dueOn: due.dueOn,
        dueAt,
        warnOn: due.dueOn ? warningStartsOn(rule, due.dueOn, calendar) : null,
        warnAt: dueAt ? warningStartsAt(rule, dueAt) : null,
        pausedDays: due.pausedDays,
        needsCalendarYear: null,
        remainingWhenPaused: due.remainingWhenPaused,
      };
    } catch (err) {
      if (!(err instanceof CalendarYearUnknownError)) throw err;
      return {
        dueOn: null,
        dueAt: null,
        warnOn: null,
        warnAt: null,
        pausedDays: previousPausedDays,
        needsCalendarYear: err.year,
        remainingWhenPaused: null,
      };
    }
  }

  #changes(row: CaseDeadlineRow, c: Computed): boolean {
    return (
      row.dueOn !== c.dueOn ||
      row.warnOn !== c.warnOn ||
      (row.dueAt?.getTime() ?? null) !== (c.dueAt?.getTime() ?? null) ||
      row.pausedDays !== c.pausedDays ||
      row.needsCalendarYear !== c.needsCalendarYear
    );
  }

  #view(row: CaseDeadlineRow, calendar: WorkingCalendar, computed?: Computed): DeadlineView {
    const rule = this.#d.rules.get(row.ruleCode);
    const remainingWhenPaused =
      row.status === 'paused'
        ? (computed ?? this.#computeRow(row, rule, calendar)).remainingWhenPaused
        : null;
    return {
      id: row.id,
      caseType: row.caseType,
      caseId: row.caseId,
      ruleCode: row.ruleCode,
      ruleName: rule.name,
      article: rule.article,
      unit: rule.unit,
      ruleDescription: describeRule(rule),
      startedOn: row.startedOn,
      startedAt: row.startedAt?.toISOString() ?? null,
      dueOn: row.dueOn,
      dueAt: row.dueAt?.toISOString() ?? null,
      status: row.status,
      pausedSince: row.pausedSince,
      pausedDays: row.pausedDays,
      pauses: row.pauses,
      extensions: row.extensions,
      maxExtensions: rule.maxExtensions,
      needsCalendarYear: row.needsCalendarYear,
      closedAt: row.closedAt?.toISOString() ?? null,
      version: row.version,
      standing: deadlineStanding({
        rule,
        lifecycle: row.status,
        dueOn: row.dueOn,
        dueAt: row.dueAt,
        today: this.#d.clock.today(),
        now: this.#d.clock.now(),
        calendar,
        remainingWhenPaused,
      }),
    };
  }

  #alreadyRunning(rule: DeadlineRule): AppError {
    return AppError.conflict(`该案件的“${rule.name}”已在计时，不能重复开始`);
  }
}
