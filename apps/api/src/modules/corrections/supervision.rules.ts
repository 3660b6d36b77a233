import {
  type CheckInLevelSchedule,
  type CheckInSchedule,
  type CheckInStatus,
  type CheckInWindowState,
  checkInLevelScheduleSchema,
  defaultCheckInSchedule,
  type SupervisionLevel,
  supervisionLevels,
} from '@zhucheng/contracts';

// 日常监管's pure rules: the check-in windows of a supervision level on a day, on time or late, which windows
// closed without a check-in, and the small formats the views share. Time zone Asia/Shanghai: UTC+8 all
// year (no daylight saving since 1991), so a local time is a fixed offset from UTC.

/** Platform setting (system_setting) holding a `CheckInSchedule`; a missing or bad level falls back. */
export const CHECK_IN_SCHEDULE_SETTING = 'corrections.checkInSchedule';

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The schedule from the stored setting: each level that is present and valid, the default otherwise. */
export function checkInSchedule(raw: unknown): CheckInSchedule {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out = { ...defaultCheckInSchedule };
  for (const level of supervisionLevels) {
    const parsed = checkInLevelScheduleSchema.safeParse(stored[level]);
    if (parsed.success && parsed.data.windows.every((w) => w.start < w.end)) out[level] = parsed.data;
  }
  return out;
}

/** Until classified (第二十四条), a supervisee checks in as 普管. */
export function effectiveLevel(level: SupervisionLevel | null): SupervisionLevel {
  return level ?? 'ordinary';
}

/** The Beijing calendar day of an instant. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a Beijing wall-clock time (`24:00` is the next midnight). */
export function instantAt(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + (h * 60 + m) * 60 * 1000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the ISO week of `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export interface CheckInWindow {
  /** `2026-11-28#1` (the day's first window) or `week:2026-11-23` (the week from that Monday). */
  key: string;
  opensAt: Date;
  closesAt: Date;
  label: string;
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The windows due on `date`: a daily level's windows of that day; a weekly level's one window of the week
 * that holds the day (opening Monday at the first window's start, closing Sunday at its end).
 */
export function windowsFor(
  schedule: CheckInSchedule,
  level: SupervisionLevel,
  date: string,
): CheckInWindow[] {
  const s = schedule[level];
  if (s.frequency === 'weekly') {
    const first = s.windows[0];
    if (!first) return [];
    const monday = mondayOf(date);
    const sunday = addDays(monday, 6);
    return [
      {
        key: `week:${monday}`,
        opensAt: instantAt(monday, first.start),
        closesAt: instantAt(sunday, first.end),
        label: `本周 ${monthDay(monday)} ${first.start} 至 ${monthDay(sunday)} ${first.end}`,
      },
    ];
  }
  return s.windows.map((w, i) => ({
    key: `${date}#${i + 1}`,
    opensAt: instantAt(date, w.start),
    closesAt: instantAt(date, w.end),
    label: `${w.start}–${w.end}`,
  }));
}

/** A window's label from its key (for rows stored with the key alone). */
export function windowLabelOf(key: string, opensAt: Date, closesAt: Date): string {
  const hm = (d: Date) => new Date(d.getTime() + OFFSET_MS).toISOString().slice(11, 16);
  if (key.startsWith('week:')) {
    return `${monthDay(localDate(opensAt))} ${hm(opensAt)} 至 ${monthDay(localDate(closesAt))} ${hm(closesAt)}`;
  }
  return `${monthDay(localDate(opensAt))} ${hm(opensAt)}–${hm(closesAt)}`;
}

/** A check-in at `at`: on time inside an open window (the window it meets), late otherwise — never refused. */
export function classifyCheckIn(
  schedule: CheckInSchedule,
  level: SupervisionLevel,
  at: Date,
): { status: CheckInStatus; window: CheckInWindow | null } {
  const open = windowsFor(schedule, level, localDate(at)).find((w) => w.opensAt <= at && at < w.closesAt);
  return open ? { status: 'onTime', window: open } : { status: 'late', window: null };
}

/**
 * The windows that opened on or after `since` and closed by `now`, oldest first, that no on-time check-in
 * met (`doneKeys`): the missed check-ins. `until` (the last day of the term) bounds them too.
 */
export function missedWindows(
  schedule: CheckInSchedule,
  level: SupervisionLevel,
  range: { since: Date; now: Date; until?: string | null },
  doneKeys: ReadonlySet<string>,
): CheckInWindow[] {
  const out = new Map<string, CheckInWindow>();
  const last = range.until && range.until < localDate(range.now) ? range.until : localDate(range.now);
  const end = range.until ? instantAt(addDays(range.until, 1), '00:00') : null;
  for (let day = localDate(range.since); day <= last; day = addDays(day, 1)) {
    for (const w of windowsFor(schedule, level, day)) {
      if (w.opensAt < range.since || w.closesAt > range.now || (end && w.closesAt > end)) continue;
      if (!doneKeys.has(w.key)) out.set(w.key, w);
    }
  }
  return [...out.values()].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
}

/** When missed check-ins start to count: the first day after the report-in (a whole day of obligations). */
export function obligationsStart(reportedInOn: string): Date {
  return instantAt(addDays(reportedInOn, 1), '00:00');
}

export function windowState(window: CheckInWindow, now: Date, done: boolean): CheckInWindowState {
  if (done) return 'done';
  if (now < window.opensAt) return 'upcoming';
  if (now < window.closesAt) return 'open';
  return 'missed';
}

/** 每日 3 次：08:00–09:00、12:00–13:00、18:00–19:00 / 每周 1 次（周一 08:00 至周日 20:00）. */
export function scheduleLabel(s: CheckInLevelSchedule): string {
  if (s.frequency === 'weekly') {
    const first = s.windows[0];
    return first ? `每周 1 次（周一 ${first.start} 至周日 ${first.end}）` : '每周 1 次';
  }
  return `每日 ${s.windows.length} 次：${s.windows.map((w) => `${w.start}–${w.end}`).join('、')}`;
}

/** 北纬 21.4813°，东经 109.1201°（精度约 15 米）. */
export function locationText(loc: { latitude: number; longitude: number; accuracy: number }): string {
  const lat = `${loc.latitude >= 0 ? '北纬' : '南纬'} ${Math.abs(loc.latitude).toFixed(4)}°`;
  const lng = `${loc.longitude >= 0 ? '东经' : '西经'} ${Math.abs(loc.longitude).toFixed(4)}°`;
  return `${lat}，${lng}（精度约 ${Math.round(loc.accuracy)} 米）`;
}

/** `2026-11` of a day. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `count` months ending with `month`, newest first. */
export function recentMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = y * 12 + (m - 1) - i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** The first and last day of a month. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: addDays(`${nextMonth(month)}-01`, -1) };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
