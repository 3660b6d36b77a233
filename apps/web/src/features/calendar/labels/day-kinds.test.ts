import { describe, expect, it } from 'vitest';
import { describeYears, shortHolidayName } from './day-kinds.ts';

describe('calendar labels', () => {
  it('shorten holiday names to fit a day cell', () => {
    expect(shortHolidayName('国庆节')).toBe('国庆');
    expect(shortHolidayName('清明节')).toBe('清明');
    expect(shortHolidayName('春节')).toBe('春节');
    expect(shortHolidayName('元旦')).toBe('元旦');
    expect(shortHolidayName('国庆节、中秋节')).toBe('国庆');
  });

  it('collapse consecutive years into ranges', () => {
    expect(describeYears([2006, 2004, 2005, 2008])).toBe('2004—2006 年、2008 年');
    expect(describeYears([2026])).toBe('2026 年');
    expect(describeYears([])).toBe('');
  });
});
