// The track store's rules (pure): which fixes join the track and which are recorded as filtered, and the
// month partitions of tracking_position.

export type FilterReason =
  | 'notLocated'
  | 'zero'
  | 'outOfRange'
  | 'badTime'
  | 'future'
  | 'beyondRetention'
  | 'impossibleSpeed';

export const filterReasonLabels: Record<FilterReason, string> = {
  notLocated: '未定位',
  zero: '零坐标',
  outOfRange: '坐标超出范围',
  badTime: '时间无效',
  future: '时间超前',
  beyondRetention: '超出保存期限',
  impossibleSpeed: '速度不可能',
};

export interface Fix {
  terminalId: string;
  time: Date | null;
  lat: number;
  lon: number;
  altitudeM: number;
  speedKmh: number;
  course: number;
  alarmBits: number;
  statusBits: number;
  satellites: number | null;
  signal: number | null;
  mileageKm: number | null;
  located: boolean;
  source: 'jt808' | 'http';
}

export interface FilterLimits {
  maxSpeedKmh: number;
  retentionMonths: number;
  /** Terminal clocks run a little ahead: beyond this a fix is future-dated. */
  futureToleranceMs: number;
}

/** Earth radius for the haversine distance, metres. */
const EARTH_RADIUS_M = 6_371_008.8;

export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** First day (UTC) of the month `offset` months from `at`'s month. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** The oldest instant retention keeps: the start of the month `retentionMonths − 1` before now's. */
export function retentionFloor(now: Date, retentionMonths: number): Date {
  return monthStart(now, -(retentionMonths - 1));
}

/**
 * Why a fix stays out of the track, or null when it joins. `previous` is the terminal's last accepted fix
 * before this one (an implied speed between the two beyond the limit is impossible).
 */
export function filterReason(
  fix: Fix,
  receivedAt: Date,
  limits: FilterLimits,
  previous?: { time: Date; lat: number; lon: number },
): FilterReason | null {
  if (!fix.time || Number.isNaN(fix.time.getTime()) || fix.time.getUTCFullYear() < 2000) return 'badTime';
  if (!fix.located) return 'notLocated';
  if (Math.abs(fix.lat) > 90 || Math.abs(fix.lon) > 180) return 'outOfRange';
  if (fix.lat === 0 && fix.lon === 0) return 'zero';
  if (fix.time.getTime() > receivedAt.getTime() + limits.futureToleranceMs) return 'future';
  if (fix.time < retentionFloor(receivedAt, limits.retentionMonths)) return 'beyondRetention';
  if (fix.speedKmh > limits.maxSpeedKmh) return 'impossibleSpeed';
  if (previous && fix.time > previous.time) {
    const hours = (fix.time.getTime() - previous.time.getTime()) / 3600_000;
    const km = distanceMetres(previous, fix) / 1000;
    // Under a kilometre is GPS noise whatever the interval; beyond it, the implied speed must be possible.
    if (km > 1 && km / hours > limits.maxSpeedKmh) return 'impossibleSpeed';
  }
  return null;
}

/** `tracking_position_p202611` for any instant in November 2026 (UTC). */
export function partitionName(at: Date): string {
  return `tracking_position_p${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month a partition name covers, or null for a name that is not one of ours. */
export function partitionMonth(name: string): Date | null {
  const m = /^tracking_position_p(\d{4})(\d{2})$/.exec(name);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return new Date(Date.UTC(Number(m[1]), month - 1, 1));
}

/** Partitions wholly older than the retention floor: the ones retention drops. */
export function expiredPartitions(names: string[], now: Date, retentionMonths: number): string[] {
  const floor = retentionFloor(now, retentionMonths);
  return names.filter((n) => {
    const month = partitionMonth(n);
    return month !== null && monthStart(month, 1) <= floor;
  });
}
