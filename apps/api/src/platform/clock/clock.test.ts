import { describe, expect, it } from 'vitest';
import { calendarDay, fixedClock, systemClock } from './clock.ts';

describe('Clock', () => {
  it('counts an evening in Beihai on the Beihai calendar day, not the UTC one', () => {
    // 30 June 2023 23:30 in Beihai is 15:30 UTC: still the first half-year there.
    expect(calendarDay(new Date('2023-06-30T15:30:00Z'), 'Asia/Shanghai')).toBe('2023-06-30');
    // Half an hour later it is 1 July in Beihai while UTC still says 30 June.
    expect(calendarDay(new Date('2023-06-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2023-07-01');
  });

  it('a fixed clock stands still until set or advanced', () => {
    const clock = fixedClock('2026-11-27T01:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-27T01:00:00.000Z');
    expect(clock.today()).toBe('2026-11-27');
    clock.advance(16 * 60 * 60 * 1000);
    expect(clock.today()).toBe('2026-11-28');
    clock.set('2023-01-01T00:00:00+08:00');
    expect(clock.today()).toBe('2023-01-01');
  });

  it('a fixed clock hands out copies, so callers cannot move time', () => {
    const clock = fixedClock('2026-11-27T01:00:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('rejects an invalid time', () => {
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });

  it('the system clock follows real time in its zone', () => {
    const clock = systemClock('Asia/Shanghai');
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(clock.today()).toBe(calendarDay(new Date(), 'Asia/Shanghai'));
  });
});
