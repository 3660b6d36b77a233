import { addDays, daysBetween, type IsoDate, isIsoDate } from '../calendar/iso-date.ts';
import { CalendarYearUnknownError } from '../calendar/working-calendar.ts';
import { AppError } from '../http/app-error.ts';

// Statutory deadlines (办理期限), pure: no I/O. A rule says how long, in which unit, from which event, what
// pauses it and how often it may be extended; `computeDue` turns a start, the pauses and the extensions
// into a due date on the working-day calendar; `deadlineStanding` turns a due date and today into the
// badge (green / amber / red).
//
// Counting (RULES.md, after 民事诉讼法 第八十五条 on periods, which 行政复议法 第八十八条 applies where it is
// silent):
// - the day (or hour) the period starts is not counted: counting begins the next day;
// - a working-day period counts working days only: make-up Saturdays count, holidays and weekends do not
//   (行政复议法 第八十八条: 三日、五日、七日、十日 are working days, 不含法定休假日);
// - a calendar-day period whose last day is a rest day ends on the next working day. The statute says
//   法定休假日 (earlier texts: 节假日); courts read it to include weekends, so a period ending on a Sunday
//   ends on Monday. `rollForwardFromHoliday: false` turns this off for a rule that says otherwise;
// - an hours period (法律援助法 第三十九条: 24 hours) is an exact span from the start instant.
// Pauses: a paused interval `(from, to]` is not counted (补正材料的时间不计入, 行政复议法 第三十一条). The day
// the clock stops still counts; the day it restarts does not, like a start day, so a clock resumed on day
// R counts on from R + 1. While a pause is open the due date is unknown (null) and the days left are kept.
// Extensions add `extensionLength` each, counted as part of one period from the start (60 + 30 = 90 days
// from acceptance, 行政复议法 第六十二条), up to `maxExtensions`.

export type DeadlineUnit = 'calendarDays' | 'workingDays' | 'hours';

export interface DeadlineRule {
  /** `<module>.<name>`, e.g. `reconsideration.acceptanceReview`; stored on every running clock. */
  code: string;
  /** Chinese, shown on the badge: 受理审查期限. */
  name: string;
  /** The legal source, e.g. 行政复议法第三十条. */
  article: string;
  /** Chinese: the event that starts the clock (收到申请之日). */
  startEvent: string;
  length: number;
  unit: DeadlineUnit;
  /**
   * Amber from this much left: working days for a working-day rule, calendar days for a calendar-day
   * rule, hours for an hours rule.
   */
  warnBefore: number;
  maxExtensions: number;
  /** In the rule's unit; required when `maxExtensions` > 0. */
  extensionLength?: number;
  /** Calendar-day rules only: a period ending on a rest day ends on the next working day. Default true. */
  rollForwardFromHoliday?: boolean;
  /** Chinese: what stops the clock (补正材料期间), when something does. */
  pausedBy?: string;
  /** The value comes from a secondary source ([verify] in RULES.md): configuration, not settled law. */
  verify?: boolean;
}

export interface PauseInterval {
  /** Day rules: the date the clock stopped; hours rules: an ISO timestamp. */
  from: string;
  /** When it restarted; null while still paused. */
  to: string | null;
}

/** What the computation needs of the calendar (WorkingCalendar fits). */
export interface WorkingDays {
  isWorkingDay(date: IsoDate): boolean;
  nextWorkingDay(date: IsoDate): IsoDate;
}

export interface ComputeDueInput {
  rule: DeadlineRule;
  /** Day rules: the day of the start event (not counted). */
  startedOn?: IsoDate;
  /** Hours rules: the start instant. */
  startedAt?: Date | string;
  calendar: WorkingDays;
  pauses?: readonly PauseInterval[];
  extensions?: number;
}

export interface DueComputation {
  unit: DeadlineUnit;
  /** Day rules: the last day of the period; null while paused. */
  dueOn: IsoDate | null;
  /** Hours rules: the instant it runs out (ISO); null while paused. */
  dueAt: string | null;
  /** Day rules: counting days (working days for a working-day rule) the closed pauses pushed it by. */
  pausedDays: number;
  /** Hours rules: how long the closed pauses lasted. */
  pausedMs: number;
  state: 'running' | 'paused';
  /** length + extensions × extensionLength, in the rule's unit. */
  totalLength: number;
  /** While paused: what was left when the clock stopped, in the rule's unit. */
  remainingWhenPaused: number | null;
}

const HOUR_MS = 3_600_000;
// A safety bound on day-by-day counting: no statutory period comes near it.
const MAX_COUNTED_DAYS = 5_000;

/** Extending beyond what the rule allows. */
export class DeadlineExtensionLimitError extends AppError {
  override name = 'DeadlineExtensionLimitError';

  constructor(rule: DeadlineRule) {
    super(
      'DEADLINE_EXTENSION_LIMIT',
      409,
      rule.maxExtensions === 0
        ? `“${rule.name}”依法不能延长（${rule.article}）`
        : `“${rule.name}”最多只能延长 ${rule.maxExtensions} 次（${rule.article}），不能再延长`,
    );
  }
}

const RULE_CODE = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

/** Checks one rule's shape; throws with the rule code on a mistake in a definition. */
export function validateDeadlineRule(rule: DeadlineRule): void {
  const bad = (why: string) => {
    throw new Error(`deadline rule ${rule.code}: ${why}`);
  };
  if (!RULE_CODE.test(rule.code)) bad('code must be <module>.<name> in camelCase');
  if (!rule.name.trim() || !rule.article.trim() || !rule.startEvent.trim())
    bad('name, article and startEvent are required');
  if (!Number.isInteger(rule.length) || rule.length <= 0) bad('length must be a positive integer');
  if (!Number.isInteger(rule.warnBefore) || rule.warnBefore < 0) bad('warnBefore must be an integer ≥ 0');
  if (!Number.isInteger(rule.maxExtensions) || rule.maxExtensions < 0)
    bad('maxExtensions must be an integer ≥ 0');
  if (rule.maxExtensions > 0) {
    if (!Number.isInteger(rule.extensionLength) || (rule.extensionLength ?? 0) <= 0)
      bad('extensionLength must be a positive integer when extensions are allowed');
  }
  if (rule.rollForwardFromHoliday !== undefined && rule.unit !== 'calendarDays')
    bad('rollForwardFromHoliday applies to calendar-day rules only');
}

/**
 * A module's deadline rules, keyed by a local name (`legalAidDeadlines.decide`). Checks each rule and
 * that the codes are distinct, and freezes them.
 */
export function defineDeadlineRules<T extends Record<string, DeadlineRule>>(rules: T): Readonly<T> {
  const codes = new Set<string>();
  for (const rule of Object.values(rules)) {
    validateDeadlineRule(rule);
    if (codes.has(rule.code)) throw new Error(`deadline rule ${rule.code} defined twice`);
    codes.add(rule.code);
    Object.freeze(rule);
  }
  return Object.freeze(rules);
}

/**
 * A rule with configured values in place of the defaults (a [verify] value, a local practice), checked
 * again. The code stays: running clocks keep pointing at it.
 */
export function configureDeadlineRule(
  rule: DeadlineRule,
  patch: Partial<Pick<DeadlineRule, 'length' | 'warnBefore' | 'maxExtensions' | 'extensionLength'>>,
): DeadlineRule {
  const next = { ...rule, ...patch };
  validateDeadlineRule(next);
  return Object.freeze(next);
}

/** Every rule the running clocks may name; the composition root fills it from the modules' definitions. */
export class DeadlineRuleRegistry {
  readonly #rules = new Map<string, DeadlineRule>();

  constructor(...sets: Array<Readonly<Record<string, DeadlineRule>>>) {
    for (const set of sets) this.add(set);
  }

  add(set: Readonly<Record<string, DeadlineRule>>): this {
    for (const rule of Object.values(set)) {
      validateDeadlineRule(rule);
      if (this.#rules.has(rule.code)) throw new Error(`deadline rule ${rule.code} registered twice`);
      this.#rules.set(rule.code, rule);
    }
    return this;
  }

  /** A stored clock names a rule that must exist: a missing one is a programming error. */
  get(code: string): DeadlineRule {
    const rule = this.#rules.get(code);
    if (!rule) throw new Error(`unknown deadline rule ${code}`);
    return rule;
  }

  has(code: string): boolean {
    return this.#rules.has(code);
  }

  all(): DeadlineRule[] {
    return [...this.#rules.values()];
  }
}

export function totalLength(rule: DeadlineRule, extensions: number): number {
  if (!Number.isInteger(extensions) || extensions < 0) throw new RangeError('extensions must be ≥ 0');
  if (extensions > rule.maxExtensions) throw new DeadlineExtensionLimitError(rule);
  return rule.length + extensions * (rule.extensionLength ?? 0);
}

function checkPauses(pauses: readonly PauseInterval[], start: string, isDay: boolean): PauseInterval[] {
  const valid = isDay ? (v: string) => isIsoDate(v) : (v: string) => !Number.isNaN(Date.parse(v));
  const key = isDay ? (v: string) => v : (v: string) => new Date(v).toISOString();
  const sorted = pauses
    .map((p) => {
      if (!valid(p.from) || (p.to !== null && !valid(p.to))) throw new RangeError('invalid pause bounds');
      return { from: key(p.from), to: p.to === null ? null : key(p.to) };
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let previousEnd = start;
  sorted.forEach((p, i) => {
    if (p.from < previousEnd) throw new RangeError('pauses overlap or begin before the start');
    if (p.to === null && i !== sorted.length - 1) throw new RangeError('only the last pause may be open');
    if (p.to !== null && p.to < p.from) throw new RangeError('a pause ends before it begins');
    previousEnd = p.to ?? p.from;
  });
  return sorted;
}

/**
 * The due date of one clock. Throws CalendarYearUnknownError when counting reaches a year the calendar
 * does not know (the caller stores "needs calendar" and warns the administrator), and
 * DeadlineExtensionLimitError for more extensions than the rule allows.
 */
export function computeDue(input: ComputeDueInput): DueComputation {
  const { rule, calendar } = input;
  const total = totalLength(rule, input.extensions ?? 0);
  if (rule.unit === 'hours') return computeHours(input, total);

  const startedOn = input.startedOn;
  if (!startedOn || !isIsoDate(startedOn)) throw new RangeError('a day rule needs startedOn (YYYY-MM-DD)');
  const pauses = checkPauses(input.pauses ?? [], startedOn, true);
  const counts = rule.unit === 'workingDays' ? (d: IsoDate) => calendar.isWorkingDay(d) : () => true;
  let counted = 0;
  let pausedDays = 0;
  let day = startedOn;
  let p = 0;
  for (let step = 0; step < MAX_COUNTED_DAYS; step++) {
    day = addDays(day, 1);
    while (p < pauses.length && pauses[p]?.to !== null && (pauses[p]?.to ?? '') < day) p++;
    const pause = pauses[p];
    const inPause = pause !== undefined && pause.from < day && (pause.to === null || day <= pause.to);
    if (inPause && pause.to === null) {
      return {
        unit: rule.unit,
        dueOn: null,
        dueAt: null,
        pausedDays,
        pausedMs: 0,
        state: 'paused',
        totalLength: total,
        remainingWhenPaused: total - counted,
      };
    }
    if (!counts(day)) continue;
    if (inPause) {
      pausedDays++;
      continue;
    }
    counted++;
    if (counted === total) break;
  }
  if (counted !== total) throw new RangeError(`deadline ${rule.code} did not end within the bound`);
  let dueOn = day;
  if (
    rule.unit === 'calendarDays' &&
    (rule.rollForwardFromHoliday ?? true) &&
    !calendar.isWorkingDay(dueOn)
  ) {
    dueOn = calendar.nextWorkingDay(dueOn);
  }
  const open = pauses.at(-1)?.to === null;
  return {
    unit: rule.unit,
    dueOn,
    dueAt: null,
    pausedDays,
    pausedMs: 0,
    // A clock stopped only after its last day has a due date (already past) and is still paused.
    state: open ? 'paused' : 'running',
    totalLength: total,
    remainingWhenPaused: open ? 0 : null,
  };
}

function computeHours(input: ComputeDueInput, total: number): DueComputation {
  if (input.startedAt === undefined) throw new RangeError('an hours rule needs startedAt');
  const start = new Date(input.startedAt);
  if (Number.isNaN(start.getTime())) throw new RangeError('startedAt is not a valid instant');
  const pauses = checkPauses(input.pauses ?? [], start.toISOString(), false);
  let remaining = total * HOUR_MS;
  let cursor = start.getTime();
  let pausedMs = 0;
  for (const pause of pauses) {
    const from = Date.parse(pause.from);
    if (from - cursor >= remaining) break;
    remaining -= from - cursor;
    if (pause.to === null) {
      return {
        unit: 'hours',
        dueOn: null,
        dueAt: null,
        pausedDays: 0,
        pausedMs,
        state: 'paused',
        totalLength: total,
        remainingWhenPaused: remaining / HOUR_MS,
      };
    }
    const to = Date.parse(pause.to);
    pausedMs += to - from;
    cursor = to;
  }
  const open = pauses.at(-1)?.to === null;
  return {
    unit: 'hours',
    dueOn: null,
    dueAt: new Date(cursor + remaining).toISOString(),
    pausedDays: 0,
    pausedMs,
    state: open ? 'paused' : 'running',
    totalLength: total,
    remainingWhenPaused: open ? 0 : null,
  };
}

export type DeadlineLifecycle = 'running' | 'paused' | 'stopped' | 'met';

/**
 * The badge: green `ok`, amber `dueSoon`, red `overdue`; grey `paused`, `stopped` (the case ended another
 * way), `met` (done), and `needsCalendar` (the due date waits for a year's holiday arrangement).
 */
export type DeadlineBadgeState =
  | 'ok'
  | 'dueSoon'
  | 'overdue'
  | 'paused'
  | 'stopped'
  | 'met'
  | 'needsCalendar';

export interface DeadlineStandingInput {
  rule: DeadlineRule;
  lifecycle: DeadlineLifecycle;
  dueOn: IsoDate | null;
  dueAt: Date | string | null;
  /** The platform's calendar day (clock.today()). */
  today: IsoDate;
  now: Date;
  calendar: WorkingDays;
  remainingWhenPaused?: number | null;
}

export interface DeadlineStanding {
  state: DeadlineBadgeState;
  /** Calendar days from today to the due date: 0 = due today, negative = overdue by that many days. */
  remainingDays: number | null;
  /** Working-day rules: working days after today up to the due date; null when overdue or unknown. */
  remainingWorkingDays: number | null;
  /** Hours rules: hours left (one decimal), negative when overdue. */
  remainingHours: number | null;
  /** Chinese, for the badge: 剩余 3 个工作日 / 今日到期 / 已超期 2 天. */
  label: string;
  /** Chinese, for the hover: the rule and its article. */
  title: string;
}

function workingDaysAfter(calendar: WorkingDays, today: IsoDate, dueOn: IsoDate): number | null {
  try {
    let n = 0;
    for (let d = addDays(today, 1); d <= dueOn; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
    return n;
  } catch (err) {
    if (err instanceof CalendarYearUnknownError) return null;
    throw err;
  }
}

const unitWord: Record<DeadlineUnit, string> = {
  calendarDays: '天',
  workingDays: '个工作日',
  hours: '小时',
};

export function deadlineStanding(input: DeadlineStandingInput): DeadlineStanding {
  const { rule, today } = input;
  const title = `${rule.name}：${describeRule(rule)}（${rule.article}）`;
  const base = { remainingDays: null, remainingWorkingDays: null, remainingHours: null, title };
  if (input.lifecycle === 'met') return { ...base, state: 'met', label: '已办结' };
  if (input.lifecycle === 'stopped') return { ...base, state: 'stopped', label: '已停止计时' };
  if (input.lifecycle === 'paused') {
    const left = input.remainingWhenPaused;
    const label =
      left === null || left === undefined
        ? '暂停计时'
        : `暂停计时，剩余 ${rule.unit === 'hours' ? Math.round(left * 10) / 10 : left} ${unitWord[rule.unit]}`;
    return { ...base, state: 'paused', label };
  }

  if (rule.unit === 'hours') {
    if (input.dueAt === null) return { ...base, state: 'needsCalendar', label: '期限待计算' };
    const ms = new Date(input.dueAt).getTime() - input.now.getTime();
    const hours = Math.round(ms / (HOUR_MS / 10)) / 10;
    if (ms < 0) return { ...base, remainingHours: hours, state: 'overdue', label: `已超时 ${-hours} 小时` };
    return {
      ...base,
      remainingHours: hours,
      state: hours <= rule.warnBefore ? 'dueSoon' : 'ok',
      label: `剩余 ${hours} 小时`,
    };
  }

  if (input.dueOn === null) {
    return { ...base, state: 'needsCalendar', label: '节假日安排未录入，期限待计算' };
  }
  const remainingDays = daysBetween(today, input.dueOn);
  if (remainingDays < 0) {
    return { ...base, remainingDays, state: 'overdue', label: `已超期 ${-remainingDays} 天` };
  }
  const remainingWorkingDays =
    rule.unit === 'workingDays' ? workingDaysAfter(input.calendar, today, input.dueOn) : null;
  const left = rule.unit === 'workingDays' ? (remainingWorkingDays ?? remainingDays) : remainingDays;
  const label =
    remainingDays === 0
      ? '今日到期'
      : rule.unit === 'workingDays' && remainingWorkingDays !== null
        ? `剩余 ${remainingWorkingDays} 个工作日`
        : `剩余 ${remainingDays} 天`;
  return {
    ...base,
    remainingDays,
    remainingWorkingDays,
    state: left <= rule.warnBefore ? 'dueSoon' : 'ok',
    label,
  };
}

/**
 * The first day a day rule's badge turns amber ("due soon"): `warnBefore` counting days before the due
 * date, in the rule's unit, so it agrees with `deadlineStanding`. Stored on the clock, so lists filter
 * and the reminder job scans by it. An unknown year falls back to calendar days, as the badge does.
 */
export function warningStartsOn(rule: DeadlineRule, dueOn: IsoDate, calendar: WorkingDays): IsoDate {
  if (rule.unit !== 'workingDays') return addDays(dueOn, -rule.warnBefore);
  try {
    // left(d) = working days in (d, dueOn]; walking back one day adds d itself when it is a working day.
    let day = dueOn;
    let left = 0;
    for (let i = 0; i < 1000; i++) {
      const next = left + (calendar.isWorkingDay(day) ? 1 : 0);
      if (next > rule.warnBefore) break;
      day = addDays(day, -1);
      left = next;
    }
    return day;
  } catch (err) {
    if (err instanceof CalendarYearUnknownError) return addDays(dueOn, -rule.warnBefore);
    throw err;
  }
}

/** Hours rules: the instant the badge turns amber. */
export function warningStartsAt(rule: DeadlineRule, dueAt: Date): Date {
  return new Date(dueAt.getTime() - rule.warnBefore * HOUR_MS);
}

/** Chinese: 5 个工作日 / 60 日（可延长 1 次，每次 30 日）/ 24 小时. */
export function describeRule(rule: DeadlineRule): string {
  const unit = rule.unit === 'calendarDays' ? '日' : unitWord[rule.unit];
  const head = `${rule.length} ${unit}`;
  if (rule.maxExtensions === 0) return head;
  return `${head}（可延长 ${rule.maxExtensions} 次，每次 ${rule.extensionLength} ${unit}）`;
}
