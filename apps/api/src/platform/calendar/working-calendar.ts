import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { AppError } from '../http/app-error.ts';
import { addDays, type IsoDate, isIsoDate, isWeekend, yearOf } from './iso-date.ts';

// The working-day calendar (工作日): the State Council's holiday arrangement from the `chinese-days`
// package, plus the administrator's overrides (calendar_override), which win. Statutory working-day
// deadlines count on it (行政复议法 第八十八条: 工作日, 不含法定休假日).
//
// Why the package's JSON and not its functions: `isWorkday('2026-10-10')` parses the string as UTC
// midnight but reads it back with local-time getters, so on a server west of UTC it answers for the
// previous day (checked with TZ=America/New_York on 1.5.7). The JSON the package ships (and documents in
// its README) is the same arrangement with no time zone in it.
//
// Which years are known: a year is known to the package when the package lists at least one holiday in
// it (every published arrangement has 元旦), the same as probing
// `getHolidaysInRange('<year>-01-01', '<year>-12-31', false)` for a non-empty list. A year is also known
// when an administrator has entered at least one override in it: entering a year means entering its whole
// arrangement (all holidays and make-up working days); the status page shows how many days were entered.
// Any other year is unknown, and asking about one of its days raises CalendarYearUnknownError rather
// than guessing from the weekdays.

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';
export type OverrideKind = 'workday' | 'holiday';
export type DaySource = 'override' | 'package' | 'default';

export interface CalendarOverrideEntry {
  date: IsoDate;
  kind: OverrideKind;
  name: string;
}

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** The holiday's name, or the holiday a make-up working day belongs to; null on ordinary days. */
  name: string | null;
  source: DaySource;
}

export interface YearCoverage {
  year: number;
  /** The package has the State Council's arrangement for this year. */
  fromPackage: boolean;
  /** Days an administrator entered or corrected in this year. */
  overrideDays: number;
}

/** A deadline or a calendar question reached a year nobody has told the platform about. */
export class CalendarYearUnknownError extends AppError {
  override name = 'CalendarYearUnknownError';
  readonly year: number;

  constructor(year: number) {
    super(
      'CALENDAR_YEAR_UNKNOWN',
      409,
      `${year} 年节假日安排尚未录入，暂无法按工作日计算，请联系系统管理员在“节假日设置”中补录`,
    );
    this.year = year;
  }
}

interface PackageDay {
  kind: 'holiday' | 'makeUpWorkday';
  name: string;
}

interface PackageData {
  days: ReadonlyMap<IsoDate, PackageDay>;
  years: ReadonlySet<number>;
}

// The package writes `English,中文,n`; a few Chinese names are the short forms.
const fullNames: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(raw: string): string {
  const zh = raw.split(',')[1]?.trim();
  if (!zh) return raw;
  return fullNames[zh] ?? zh;
}

let packageData: PackageData | undefined;

function loadPackageData(): PackageData {
  if (packageData) return packageData;
  const source = chineseDays as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const days = new Map<IsoDate, PackageDay>();
  const years = new Set<number>();
  for (const [date, raw] of Object.entries(source.holidays)) {
    if (!isIsoDate(date)) continue;
    days.set(date, { kind: 'holiday', name: chineseName(raw) });
    years.add(yearOf(date));
  }
  for (const [date, raw] of Object.entries(source.workdays)) {
    if (!isIsoDate(date)) continue;
    days.set(date, { kind: 'makeUpWorkday', name: chineseName(raw) });
  }
  packageData = { days, years };
  return packageData;
}

/** The years the installed package knows, ascending. */
export function packageYears(): number[] {
  return [...loadPackageData().years].sort((a, b) => a - b);
}

/**
 * An immutable snapshot: the package's arrangement with the given overrides on top. The calendar
 * service builds a new one whenever the overrides change.
 */
export class WorkingCalendar {
  readonly #overrides: ReadonlyMap<IsoDate, CalendarOverrideEntry>;
  readonly #overrideYears: ReadonlyMap<number, number>;
  readonly #package: PackageData;

  constructor(overrides: Iterable<CalendarOverrideEntry> = []) {
    this.#package = loadPackageData();
    const byDate = new Map<IsoDate, CalendarOverrideEntry>();
    const perYear = new Map<number, number>();
    for (const o of overrides) {
      if (!isIsoDate(o.date)) throw new RangeError(`override date is not YYYY-MM-DD: ${o.date}`);
      byDate.set(o.date, { date: o.date, kind: o.kind, name: o.name });
    }
    for (const date of byDate.keys()) perYear.set(yearOf(date), (perYear.get(yearOf(date)) ?? 0) + 1);
    this.#overrides = byDate;
    this.#overrideYears = perYear;
  }

  isYearKnown(year: number): boolean {
    return this.#package.years.has(year) || this.#overrideYears.has(year);
  }

  /** Years the calendar can answer for, ascending. */
  coveredYears(): number[] {
    const years = new Set([...this.#package.years, ...this.#overrideYears.keys()]);
    return [...years].sort((a, b) => a - b);
  }

  coverage(): YearCoverage[] {
    return this.coveredYears().map((year) => ({
      year,
      fromPackage: this.#package.years.has(year),
      overrideDays: this.#overrideYears.get(year) ?? 0,
    }));
  }

  /** What a day is, or CalendarYearUnknownError for a day in an unknown year. */
  day(date: IsoDate): DayInfo {
    if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
    const year = yearOf(date);
    if (!this.isYearKnown(year)) throw new CalendarYearUnknownError(year);
    const weekend = isWeekend(date);
    const override = this.#overrides.get(date);
    if (override) {
      if (override.kind === 'holiday') {
        return { date, kind: 'holiday', working: false, name: override.name, source: 'override' };
      }
      return weekend
        ? { date, kind: 'makeUpWorkday', working: true, name: override.name, source: 'override' }
        : { date, kind: 'workday', working: true, name: null, source: 'override' };
    }
    const fromPackage = this.#package.days.get(date);
    if (fromPackage) {
      if (fromPackage.kind === 'holiday') {
        return { date, kind: 'holiday', working: false, name: fromPackage.name, source: 'package' };
      }
      return {
        date,
        kind: weekend ? 'makeUpWorkday' : 'workday',
        working: true,
        name: weekend ? fromPackage.name : null,
        source: 'package',
      };
    }
    return weekend
      ? { date, kind: 'weekend', working: false, name: null, source: 'default' }
      : { date, kind: 'workday', working: true, name: null, source: 'default' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  kind(date: IsoDate): DayKind {
    return this.day(date).kind;
  }

  holidayName(date: IsoDate): string | null {
    return this.day(date).name;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = addDays(date, 1);
    // Even the longest arrangement (Spring Festival) rests fewer than 10 days in a row; a bound keeps a
    // bad override table (a whole year of holidays) from looping for ever.
    for (let i = 0; i < 400; i++, d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) return d;
    }
    throw new RangeError(`no working day within 400 days after ${date}`);
  }
}
