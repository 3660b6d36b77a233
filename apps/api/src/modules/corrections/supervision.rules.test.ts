import { defaultCheckInSchedule } from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkInSchedule,
  classifyCheckIn,
  instantAt,
  localDate,
  locationText,
  missedWindows,
  mondayOf,
  monthRange,
  obligationsStart,
  recentMonths,
  scheduleLabel,
  windowState,
  windowsFor,
} from './supervision.rules.ts';

const schedule = defaultCheckInSchedule;
const iso = (d: Date) => d.toISOString();

describe('check-in windows (Asia/Shanghai)', () => {
  it('strict: three fixed windows a day, in Beijing time', () => {
    const w = windowsFor(schedule, 'strict', '2026-11-28');
    expect(w.map((x) => [x.key, x.label, iso(x.opensAt), iso(x.closesAt)])).toEqual([
      ['2026-11-28#1', '08:00–09:00', '2026-11-28T00:00:00.000Z', '2026-11-28T01:00:00.000Z'],
      ['2026-11-28#2', '12:00–13:00', '2026-11-28T04:00:00.000Z', '2026-11-28T05:00:00.000Z'],
      ['2026-11-28#3', '18:00–19:00', '2026-11-28T10:00:00.000Z', '2026-11-28T11:00:00.000Z'],
    ]);
  });

  it('ordinary: one a day; lenient: one a week, Monday to Sunday', () => {
    expect(windowsFor(schedule, 'ordinary', '2026-11-28').map((x) => x.label)).toEqual(['08:00–20:00']);
    // 2026-11-28 is a Saturday: the week of Monday 11-23.
    const [week] = windowsFor(schedule, 'lenient', '2026-11-28');
    expect(week).toMatchObject({ key: 'week:2026-11-23', label: '本周 11月23日 08:00 至 11月29日 20:00' });
    expect(iso(week?.opensAt as Date)).toBe('2026-11-23T00:00:00.000Z');
    expect(iso(week?.closesAt as Date)).toBe('2026-11-29T12:00:00.000Z');
    expect(windowsFor(schedule, 'lenient', '2026-11-23')[0]?.key).toBe('week:2026-11-23');
    expect(windowsFor(schedule, 'lenient', '2026-11-30')[0]?.key).toBe('week:2026-11-30');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
  });

  it('the Beijing day of an instant differs from the UTC day in the evening (UTC)', () => {
    expect(localDate(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29');
    expect(iso(instantAt('2026-11-29', '00:00'))).toBe('2026-11-28T16:00:00.000Z');
  });

  it('a stored schedule overrides the levels it sets validly; the rest keep their defaults', () => {
    const s = checkInSchedule({
      strict: { frequency: 'daily', windows: [{ start: '07:00', end: '08:00' }] },
      ordinary: { frequency: 'daily', windows: [{ start: '20:00', end: '08:00' }] },
      lenient: 'nonsense',
    });
    expect(s.strict.windows).toEqual([{ start: '07:00', end: '08:00' }]);
    expect(s.ordinary).toEqual(defaultCheckInSchedule.ordinary);
    expect(s.lenient).toEqual(defaultCheckInSchedule.lenient);
    expect(checkInSchedule(undefined)).toEqual(defaultCheckInSchedule);
    expect(scheduleLabel(s.strict)).toBe('每日 1 次：07:00–08:00');
    expect(scheduleLabel(defaultCheckInSchedule.lenient)).toBe('每周 1 次（周一 08:00 至周日 20:00）');
  });
});

describe('on time or late', () => {
  it('inside an open window is on time and meets that window; the end is exclusive', () => {
    const at = new Date('2026-11-28T04:30:00Z'); // 12:30
    expect(classifyCheckIn(schedule, 'strict', at)).toMatchObject({
      status: 'onTime',
      window: { key: '2026-11-28#2' },
    });
    expect(classifyCheckIn(schedule, 'strict', new Date('2026-11-28T00:00:00Z')).status).toBe('onTime');
    expect(classifyCheckIn(schedule, 'strict', new Date('2026-11-28T01:00:00Z'))).toEqual({
      status: 'late',
      window: null,
    });
  });

  it('outside every window is late, recorded rather than refused', () => {
    expect(classifyCheckIn(schedule, 'strict', new Date('2026-11-28T02:00:00Z')).status).toBe('late'); // 10:00
    expect(classifyCheckIn(schedule, 'ordinary', new Date('2026-11-28T13:00:00Z')).status).toBe('late'); // 21:00
    // Lenient: any time in the week's window; Sunday 21:00 is after it closed.
    expect(classifyCheckIn(schedule, 'lenient', new Date('2026-11-26T06:00:00Z')).status).toBe('onTime');
    expect(classifyCheckIn(schedule, 'lenient', new Date('2026-11-29T13:00:00Z')).status).toBe('late');
  });
});

describe('missed check-ins', () => {
  const since = obligationsStart('2026-11-26'); // obligations from 11-27 00:00

  it('lists the closed windows without an on-time check-in since the obligations started', () => {
    const now = new Date('2026-11-28T04:30:00Z'); // 11-28 12:30
    const missed = missedWindows(schedule, 'strict', { since, now }, new Set(['2026-11-27#2']));
    expect(missed.map((w) => w.key)).toEqual(['2026-11-27#1', '2026-11-27#3', '2026-11-28#1']);
  });

  it('an open window is not missed yet; a weekly window only after Sunday closes', () => {
    const now = new Date('2026-11-28T00:30:00Z'); // 11-28 08:30
    expect(missedWindows(schedule, 'ordinary', { since, now }, new Set()).map((w) => w.key)).toEqual([
      '2026-11-27#1',
    ]);
    const lenientSince = obligationsStart('2026-11-22');
    expect(
      missedWindows(
        schedule,
        'lenient',
        { since: lenientSince, now: new Date('2026-11-29T11:59:00Z') },
        new Set(),
      ),
    ).toEqual([]);
    expect(
      missedWindows(
        schedule,
        'lenient',
        { since: lenientSince, now: new Date('2026-11-29T12:00:00Z') },
        new Set(),
      ).map((w) => w.key),
    ).toEqual(['week:2026-11-23']);
    // A week that began before the obligations does not count.
    expect(
      missedWindows(schedule, 'lenient', { since, now: new Date('2026-11-30T12:00:00Z') }, new Set()),
    ).toEqual([]);
  });

  it('stops at the end of the term', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const missed = missedWindows(schedule, 'ordinary', { since, now, until: '2026-11-28' }, new Set());
    expect(missed.map((w) => w.key)).toEqual(['2026-11-27#1', '2026-11-28#1']);
  });

  it('a window is upcoming, open, done or missed', () => {
    const [w] = windowsFor(schedule, 'strict', '2026-11-28');
    if (!w) throw new Error('no window');
    expect(windowState(w, new Date('2026-11-27T23:00:00Z'), false)).toBe('upcoming');
    expect(windowState(w, new Date('2026-11-28T00:10:00Z'), false)).toBe('open');
    expect(windowState(w, new Date('2026-11-28T02:00:00Z'), false)).toBe('missed');
    expect(windowState(w, new Date('2026-11-28T02:00:00Z'), true)).toBe('done');
  });
});

describe('formats', () => {
  it('location as text with its accuracy; months', () => {
    expect(locationText({ latitude: 21.48126, longitude: 109.12008, accuracy: 14.6 })).toBe(
      '北纬 21.4813°，东经 109.1201°（精度约 15 米）',
    );
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
