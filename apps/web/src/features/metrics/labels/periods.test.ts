import { describe, expect, it } from 'vitest';
import { periodText, presetPeriod } from './periods.ts';

describe('period presets', () => {
  it('counts from the given today', () => {
    expect(presetPeriod('year', '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-11-27' });
    expect(presetPeriod('firstHalf', '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('month', '2026-11-27')).toEqual({ from: '2026-11-01', to: '2026-11-27' });
  });

  it('writes a period in Chinese', () => {
    expect(periodText({ from: '2026-01-01', to: '2026-06-30' })).toBe('2026-01-01 至 2026-06-30');
    expect(periodText({ from: '2026-03-02', to: '2026-03-02' })).toBe('2026-03-02');
  });
});
