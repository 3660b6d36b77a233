import type { SeaTripStatus, SeaTripView } from '@zhucheng/contracts';
import dayjs from 'dayjs';

/** Tag colours by UI.md: processing blue, waiting orange, done green, refused/cancelled grey, overdue red. */
export const seaTripStatusColor: Record<SeaTripStatus, string> = {
  filed: 'orange',
  approved: 'blue',
  rejected: 'default',
  atSea: 'cyan',
  returned: 'green',
  cancelled: 'default',
};

/** 2026-09-30 06:00 (the browser's time; the platform is used in Beijing time). */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';

/** `09-30 06:00 → 10-03 18:00`, the year only when it differs from this year. */
export function tripSpan(t: Pick<SeaTripView, 'plannedDepartureAt' | 'plannedReturnAt'>): string {
  const year = dayjs().year();
  const f = (iso: string) =>
    dayjs(iso).format(dayjs(iso).year() === year ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
  return `${f(t.plannedDepartureAt)} 至 ${f(t.plannedReturnAt)}`;
}

/** `5月1日 12:00` from the setting's `05-01T12:00`. */
export function monthDayTime(v: string): string {
  const m = /^(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(v);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : v;
}
