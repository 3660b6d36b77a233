import { describe, expect, it } from 'vitest';
import { settableClock } from './clock.ts';

describe('settable clock', () => {
  it('follows the system time until set, stands at the set time, and lets go again', () => {
    const clock = settableClock('Asia/Shanghai');
    expect(clock.pinned).toBeNull();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);

    // 23:30 on 30 June in Beihai is still 30 June there.
    clock.set('2026-06-30T23:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2026-06-30T15:30:00.000Z');
    expect(clock.today()).toBe('2026-06-30');
    expect(clock.pinned?.toISOString()).toBe('2026-06-30T15:30:00.000Z');

    clock.set(null);
    expect(clock.pinned).toBeNull();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('refuses a time that is not one', () => {
    const clock = settableClock();
    expect(() => clock.set('2026-02-30 noon')).toThrow(RangeError);
    expect(clock.pinned).toBeNull();
  });
});
