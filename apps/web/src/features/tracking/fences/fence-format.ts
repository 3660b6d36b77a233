import type { FenceCalendar, FencePurpose } from '@zhucheng/contracts';
import dayjs from 'dayjs';

// How a fence reads in the list and the detail panel: its purpose's colour and its calendar in one line.

/** Map and tag colours: 禁止区域 red, 允许作业区域 green, 港口 blue. */
export const purposeColors: Record<FencePurpose, { tag: string; stroke: string }> = {
  prohibited: { tag: 'red', stroke: '#cf1322' },
  permitted: { tag: 'green', stroke: '#389e0d' },
  port: { tag: 'blue', stroke: '#1677ff' },
};

/** `05-01T12:00` → `05-01 12:00`. */
export const monthDayText = (v: string) => v.replace('T', ' ');

/** `长期有效`, `每年 05-01 12:00 至 08-16 12:00`, `2026-05-01 12:00 至 2026-08-16 12:00`. */
export function calendarSummary(calendar: FenceCalendar): string {
  switch (calendar.kind) {
    case 'always':
      return '长期有效';
    case 'annual':
      return `每年 ${monthDayText(calendar.start)} 至 ${monthDayText(calendar.end)}`;
    case 'period':
      return `${dayjs(calendar.from).format('YYYY-MM-DD HH:mm')} 至 ${dayjs(calendar.to).format('YYYY-MM-DD HH:mm')}`;
  }
}

/** The form's `05-01 12:00` (also `5-1 12:00`, `05-01T12:00`) as the contract's `05-01T12:00`; null if not one. */
export function parseMonthDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*[T\s]\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [month, day, hour, minute] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > (daysIn[month - 1] ?? 0) || hour > 23 || minute > 59) {
    return null;
  }
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(month)}-${two(day)}T${two(hour)}:${two(minute)}`;
}
