import { type TerminalAlarmKind, type TerminalStatus, terminalAlarmLabels } from '@zhucheng/contracts';
import dayjs from 'dayjs';

/** 2026-09-30 06:00:05 (the browser's time; the platform is used in Beijing time). */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';

/** 2026-09-30 06:00 — windows and lists. */
export const dateTimeMinutes = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';

/** 北纬 / 南纬 as `21.48123°N`, five decimals (about a metre). */
export function formatLat(lat: number): string {
  return `${Math.abs(lat).toFixed(5)}°${lat < 0 ? 'S' : 'N'}`;
}

/** `109.12345°E` / `W`. */
export function formatLon(lon: number): string {
  return `${Math.abs(lon).toFixed(5)}°${lon < 0 ? 'W' : 'E'}`;
}

/** `12.3 km/h`. */
export const formatSpeed = (kmh: number) => `${kmh.toFixed(1)} km/h`;

const compass = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'] as const;

/** `135°（东南）`: the heading in degrees from north, with its rough direction. */
export function formatCourse(course: number): string {
  const name = compass[Math.round((((course % 360) + 360) % 360) / 45) % 8];
  return `${Math.round(course)}°（${name}）`;
}

/** `刚刚`, `12 分钟前`, `3 小时前`, `2 天前` from now. */
export function formatAge(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时前`;
  return `${Math.floor(hours / 24)} 天前`;
}

/** A position older than this is shown as stale (orange). */
export const STALE_MINUTES = 30;

export function isStale(iso: string, now = Date.now()): boolean {
  return now - Date.parse(iso) > STALE_MINUTES * 60_000;
}

/**
 * JT/T 808 alarm flag bits the platform names (the same bits the gateway decodes). 非法拆卸 (tamper) has no
 * standard bit: it arrives only as a vendor platform's alarm, never in a position's alarm word.
 */
const alarmBits: [TerminalAlarmKind, number][] = [
  ['sos', 1 << 0],
  ['gnssFault', 1 << 4],
  ['antennaCut', 1 << 5],
  ['powerLow', 1 << 7],
  ['powerCut', 1 << 8],
];

/** The named alarms set in an alarm word, and whether other (unnamed) bits are set as well. */
export function decodeAlarms(bits: number): { kinds: TerminalAlarmKind[]; otherBits: number } {
  const kinds = alarmBits.filter(([, bit]) => (bits & bit) !== 0).map(([kind]) => kind);
  const named = alarmBits.reduce((all, [, bit]) => all | bit, 0);
  return { kinds, otherBits: (bits & ~named) >>> 0 };
}

export const alarmLabel = (kind: TerminalAlarmKind) => terminalAlarmLabels[kind];

/** Tag colours by UI.md: waiting orange, done green, retired grey. */
export const terminalStatusColor: Record<TerminalStatus, string> = {
  awaiting: 'orange',
  registered: 'green',
  retired: 'default',
};

/** At most 31 days a query (the API refuses more). */
export const TRACK_MAX_DAYS = 31;
