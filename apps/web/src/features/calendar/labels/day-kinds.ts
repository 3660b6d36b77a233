import type { CalendarDayKind, CalendarOverrideKind } from '@zhucheng/contracts';

export const dayKindLabels: Record<CalendarDayKind, string> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '节假日',
  makeUpWorkday: '调休上班',
};

export const overrideKindLabels: Record<CalendarOverrideKind, string> = {
  holiday: '放假',
  workday: '上班',
};

export const weekdayLabels = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** 国庆节 → 国庆, 国庆节、中秋节 → 国庆: at most two characters fit under a day's number. */
export function shortHolidayName(name: string): string {
  const first = name.split(/[、，,/\s]/)[0] ?? name;
  const bare = first.length > 2 && first.endsWith('节') ? first.slice(0, -1) : first;
  return bare.slice(0, 2);
}

/** [2004, 2005, …, 2026, 2028] → 2004—2026 年、2028 年 */
export function describeYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    ranges.push(start === prev ? `${start} 年` : `${start}—${prev} 年`);
    start = y;
    prev = y;
  }
  return ranges.join('、');
}
