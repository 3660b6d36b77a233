// The one source of "now". Services receive a Clock from the composition root, so tests and demo data
// can pin or move time. `today()` is the calendar day in the platform's time zone: an application filed
// at 23:30 on 30 June in Beihai counts for the first half-year even though it is 15:30 UTC.

export interface Clock {
  readonly timeZone: string;
  now(): Date;
  /** Calendar day in the platform time zone, `YYYY-MM-DD`. */
  today(): string;
}

export interface ControllableClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function calendarDay(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export interface WallClockParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** The date and time a wall clock in `timeZone` shows at `at`, zero-padded, 24-hour. */
export function wallClockParts(at: Date, timeZone: string): WallClockParts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = parts;
  return { year, month, day, hour, minute, second };
}

export function systemClock(timeZone: string): Clock {
  return {
    timeZone,
    now: () => new Date(),
    today: () => calendarDay(new Date(), timeZone),
  };
}

/** A clock that stands still until told otherwise; for tests and demo data. */
export function fixedClock(at: Date | string, timeZone = 'Asia/Shanghai'): ControllableClock {
  let current = new Date(at);
  if (Number.isNaN(current.getTime())) throw new RangeError(`invalid clock time: ${String(at)}`);
  return {
    timeZone,
    now: () => new Date(current),
    today: () => calendarDay(current, timeZone),
    set(next) {
      current = new Date(next);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface SettableClock extends Clock {
  /** Stands the clock at `at`; `null` lets it follow the system time again. */
  set(at: Date | string | null): void;
  /** The time it stands at, or null while it follows the system time. */
  readonly pinned: Date | null;
}

/** The system clock until told to stand at a time: demo data records each step at its historical time. */
export function settableClock(timeZone = 'Asia/Shanghai'): SettableClock {
  let pinned: Date | null = null;
  const now = () => (pinned ? new Date(pinned) : new Date());
  return {
    timeZone,
    now,
    today: () => calendarDay(now(), timeZone),
    set(at) {
      if (at === null) {
        pinned = null;
        return;
      }
      const next = new Date(at);
      if (Number.isNaN(next.getTime())) throw new RangeError(`invalid clock time: ${String(at)}`);
      pinned = next;
    },
    get pinned() {
      return pinned ? new Date(pinned) : null;
    },
  };
}
