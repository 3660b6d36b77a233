import { describe, expect, it } from 'vitest';
import {
  distanceMetres,
  expiredPartitions,
  type Fix,
  filterReason,
  partitionMonth,
  partitionName,
  retentionFloor,
} from './track.rules.ts';

const limits = { maxSpeedKmh: 120, retentionMonths: 36, futureToleranceMs: 600_000 };
const now = new Date('2026-11-28T10:00:00Z');
const fix = (over: Partial<Fix> = {}): Fix => ({
  terminalId: 't1',
  time: new Date('2026-11-28T09:00:00Z'),
  lat: 21.45,
  lon: 109.1,
  altitudeM: 0,
  speedKmh: 10,
  course: 0,
  alarmBits: 0,
  statusBits: 2,
  satellites: null,
  signal: null,
  mileageKm: null,
  located: true,
  source: 'jt808',
  ...over,
});

describe('track store rules', () => {
  it('keeps a good fix and names why the others stay out of the track', () => {
    expect(filterReason(fix(), now, limits)).toBeNull();
    expect(filterReason(fix({ time: null }), now, limits)).toBe('badTime');
    expect(filterReason(fix({ time: new Date('1999-12-31T00:00:00Z') }), now, limits)).toBe('badTime');
    expect(filterReason(fix({ located: false }), now, limits)).toBe('notLocated');
    expect(filterReason(fix({ lat: 0, lon: 0 }), now, limits)).toBe('zero');
    expect(filterReason(fix({ lat: 91 }), now, limits)).toBe('outOfRange');
    expect(filterReason(fix({ time: new Date('2026-11-28T10:09:59Z') }), now, limits)).toBeNull();
    expect(filterReason(fix({ time: new Date('2026-11-28T10:10:01Z') }), now, limits)).toBe('future');
    expect(filterReason(fix({ time: new Date('2023-11-30T23:59:59Z') }), now, limits)).toBe(
      'beyondRetention',
    );
    expect(filterReason(fix({ time: new Date('2023-12-01T00:00:00Z') }), now, limits)).toBeNull();
    expect(filterReason(fix({ speedKmh: 121 }), now, limits)).toBe('impossibleSpeed');
  });

  it('filters an implied speed beyond the limit between neighbouring fixes, not GPS jitter', () => {
    const previous = { time: new Date('2026-11-28T08:59:00Z'), lat: 21.45, lon: 109.1 };
    // 0.1° of latitude (~11 km) in one minute: ~667 km/h
    expect(filterReason(fix({ lat: 21.55 }), now, limits, previous)).toBe('impossibleSpeed');
    // 500 m in one second is jitter under a kilometre
    expect(
      filterReason(fix({ lat: 21.4545, time: new Date('2026-11-28T08:59:01Z') }), now, limits, previous),
    ).toBeNull();
    // 11 km in an hour and a minute
    expect(
      filterReason(fix({ lat: 21.55 }), now, limits, { ...previous, time: new Date('2026-11-28T07:59:00Z') }),
    ).toBeNull();
    expect(distanceMetres({ lat: 21, lon: 109 }, { lat: 22, lon: 109 })).toBeCloseTo(111_195, -2);
  });

  it('names monthly partitions and drops only months wholly before the retention floor', () => {
    expect(partitionName(new Date('2026-11-30T23:59:59Z'))).toBe('tracking_position_p202611');
    expect(partitionMonth('tracking_position_p202602')?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(partitionMonth('tracking_position_p202613')).toBeNull();
    expect(partitionMonth('other_table')).toBeNull();
    expect(retentionFloor(now, 1).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(retentionFloor(now, 36).toISOString()).toBe('2023-12-01T00:00:00.000Z');
    const names = [
      'tracking_position_p202310',
      'tracking_position_p202311',
      'tracking_position_p202312',
      'tracking_position_p202611',
    ];
    expect(expiredPartitions(names, now, 36)).toEqual([
      'tracking_position_p202310',
      'tracking_position_p202311',
    ]);
    expect(expiredPartitions(names, now, 1)).toEqual(names.slice(0, 3));
  });
});
