import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, eachDay, isIsoDate, weekdayOf } from './iso-date.ts';
import { CalendarYearUnknownError, packageYears, WorkingCalendar } from './working-calendar.ts';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('ISO date helpers', () => {
  it('step across months, years and leap days without local time', () => {
    expect(addDays('2026-09-28', 12)).toBe('2026-10-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-10-10', '2026-09-28')).toBe(-12);
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('accept only real days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('working calendar from chinese-days', () => {
  const calendar = new WorkingCalendar();

  it('knows National Day 2026 and its make-up Saturday', () => {
    expect(calendar.day('2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      working: false,
      name: '国庆节',
      source: 'package',
    });
    expect(calendar.kind('2026-10-07')).toBe('holiday');
    expect(calendar.kind('2026-10-08')).toBe('workday');
    expect(calendar.kind('2026-10-10')).toBe('makeUpWorkday');
    expect(calendar.holidayName('2026-10-10')).toBe('国庆节');
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.kind('2026-10-11')).toBe('weekend');
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    expect(calendar.holidayName('2026-10-12')).toBeNull();
  });

  it('knows Spring Festival 2026 (15–23 February, make-up Saturdays 14 and 28 February)', () => {
    const days = eachDay('2026-02-13', '2026-02-28').map((d) => calendar.kind(d));
    expect(days).toEqual([
      'workday', // Fri 13
      'makeUpWorkday', // Sat 14
      ...Array(9).fill('holiday'), // Sun 15 – Mon 23
      'workday',
      'workday',
      'workday',
      'workday', // Tue 24 – Fri 27
      'makeUpWorkday', // Sat 28
    ]);
    expect(calendar.holidayName('2026-02-17')).toBe('春节');
    expect(calendar.holidayName('2026-04-05')).toBe('清明节');
  });

  it('covers the package years and treats 2027 as unknown (chinese-days 1.5.7 has no 2027 data)', () => {
    expect(packageYears()).toContain(2026);
    expect(calendar.coveredYears()).toContain(2026);
    expect(calendar.isYearKnown(2027)).toBe(false);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearUnknownError);
    const err = thrown(() => calendar.kind('2027-06-01'));
    expect(err).toBeInstanceOf(CalendarYearUnknownError);
    expect(err).toMatchObject({ year: 2027, code: 'CALENDAR_YEAR_UNKNOWN', statusCode: 409 });
    expect(err.message).toContain('2027 年节假日安排尚未录入');
  });

  it('lets overrides win over the package, in both directions', () => {
    const corrected = new WorkingCalendar([
      { date: '2026-10-08', kind: 'holiday', name: '地方补充假日' },
      { date: '2026-10-10', kind: 'holiday', name: '取消调休' },
      { date: '2026-10-07', kind: 'workday', name: '改为上班' },
      { date: '2026-10-11', kind: 'workday', name: '国庆节调休上班' },
    ]);
    expect(corrected.day('2026-10-08')).toMatchObject({
      kind: 'holiday',
      name: '地方补充假日',
      source: 'override',
    });
    expect(corrected.kind('2026-10-10')).toBe('holiday');
    // A weekday turned into a working day is a plain working day; a weekend one is a make-up day.
    expect(corrected.day('2026-10-07')).toMatchObject({ kind: 'workday', working: true, name: null });
    expect(corrected.day('2026-10-11')).toMatchObject({ kind: 'makeUpWorkday', name: '国庆节调休上班' });
    // The original snapshot is untouched.
    expect(calendar.kind('2026-10-08')).toBe('workday');
  });

  it('knows a year once an administrator has entered its arrangement', () => {
    const with2027 = new WorkingCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
    ]);
    expect(with2027.coveredYears()).toContain(2027);
    expect(with2027.coverage().find((c) => c.year === 2027)).toEqual({
      year: 2027,
      fromPackage: false,
      overrideDays: 2,
    });
    expect(with2027.kind('2027-01-01')).toBe('holiday');
    expect(with2027.kind('2027-01-02')).toBe('weekend');
    expect(with2027.kind('2027-01-04')).toBe('workday');
    expect(with2027.kind('2027-02-20')).toBe('makeUpWorkday');
    expect(with2027.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });
});
