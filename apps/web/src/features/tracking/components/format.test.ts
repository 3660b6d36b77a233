import { describe, expect, it } from 'vitest';
import {
  decodeAlarms,
  formatAge,
  formatCourse,
  formatLat,
  formatLon,
  formatSpeed,
  isStale,
} from './format.ts';

describe('coordinates', () => {
  it('shows degrees with five decimals and the hemisphere', () => {
    expect(formatLat(21.481234)).toBe('21.48123°N');
    expect(formatLat(-0.5)).toBe('0.50000°S');
    expect(formatLon(109.123456)).toBe('109.12346°E');
    expect(formatLon(-70.1)).toBe('70.10000°W');
  });

  it('shows speed and course with a rough direction', () => {
    expect(formatSpeed(12.345)).toBe('12.3 km/h');
    expect(formatCourse(0)).toBe('0°（北）');
    expect(formatCourse(135)).toBe('135°（东南）');
    expect(formatCourse(350)).toBe('350°（北）');
  });
});

describe('decodeAlarms', () => {
  it('names the JT/T 808 bits the gateway names and keeps the rest as other bits', () => {
    expect(decodeAlarms(0)).toEqual({ kinds: [], otherBits: 0 });
    expect(decodeAlarms(1)).toEqual({ kinds: ['sos'], otherBits: 0 });
    expect(decodeAlarms((1 << 8) | (1 << 7) | (1 << 5) | (1 << 4))).toEqual({
      kinds: ['gnssFault', 'antennaCut', 'powerLow', 'powerCut'],
      otherBits: 0,
    });
    expect(decodeAlarms((1 << 0) | (1 << 1) | (1 << 31))).toEqual({
      kinds: ['sos'],
      otherBits: ((1 << 1) | (1 << 31)) >>> 0,
    });
  });
});

describe('age', () => {
  const now = Date.parse('2026-09-30T06:00:00+08:00');
  it('says how long ago, in minutes, hours or days', () => {
    expect(formatAge('2026-09-30T05:59:30+08:00', now)).toBe('刚刚');
    expect(formatAge('2026-09-30T05:48:00+08:00', now)).toBe('12 分钟前');
    expect(formatAge('2026-09-30T03:00:00+08:00', now)).toBe('3 小时前');
    expect(formatAge('2026-09-27T06:00:00+08:00', now)).toBe('3 天前');
  });
  it('marks positions older than 30 minutes as stale', () => {
    expect(isStale('2026-09-30T05:45:00+08:00', now)).toBe(false);
    expect(isStale('2026-09-30T05:29:00+08:00', now)).toBe(true);
  });
});
