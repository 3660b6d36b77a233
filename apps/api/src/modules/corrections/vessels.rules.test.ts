import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MORATORIUM,
  firstOverlap,
  inFishingMoratorium,
  moratoriumConflict,
  moratoriumMessage,
  moratoriumSettings,
  nextSeaTripStatus,
  seaTripOverdue,
  windowCovers,
  windowsOverlap,
} from './vessels.rules.ts';

const bj = (s: string) => new Date(`${s}+08:00`);

describe('fishing moratorium (South China Sea, 1 May 12:00 – 16 August 12:00 Beijing time)', () => {
  const m = DEFAULT_MORATORIUM;

  it('refuses a trawler trip that touches the moratorium, and names the period', () => {
    const p = moratoriumConflict(m, 'trawl', bj('2027-04-28T06:00:00'), bj('2027-05-03T18:00:00'));
    expect(p).toEqual({ start: bj('2027-05-01T12:00:00'), end: bj('2027-08-16T12:00:00') });
    expect(moratoriumMessage(p as NonNullable<typeof p>)).toBe(
      '计划出海时间与休渔期（2027年5月1日12:00至2027年8月16日12:00）重叠，该船舶的作业类型不在豁免范围内，不能出海',
    );
  });

  it('is half-open at 12:00: back at 1 May 12:00 or out at 16 Aug 12:00 is allowed, a minute more is not', () => {
    expect(moratoriumConflict(m, 'trawl', bj('2027-04-30T06:00:00'), bj('2027-05-01T12:00:00'))).toBeNull();
    expect(
      moratoriumConflict(m, 'trawl', bj('2027-04-30T06:00:00'), bj('2027-05-01T12:01:00')),
    ).not.toBeNull();
    expect(moratoriumConflict(m, 'gillnet', bj('2027-08-16T12:00:00'), bj('2027-08-20T12:00:00'))).toBeNull();
    expect(
      moratoriumConflict(m, 'gillnet', bj('2027-08-16T11:59:00'), bj('2027-08-20T12:00:00')),
    ).not.toBeNull();
    expect(inFishingMoratorium(m, 'purseSeine', bj('2027-05-01T11:59:59'))).toBe(false);
    expect(inFishingMoratorium(m, 'purseSeine', bj('2027-05-01T12:00:00'))).toBe(true);
    expect(inFishingMoratorium(m, 'purseSeine', bj('2027-08-16T11:59:59'))).toBe(true);
    expect(inFishingMoratorium(m, 'purseSeine', bj('2027-08-16T12:00:00'))).toBe(false);
  });

  it('lets exempt gear types out during the moratorium (hook and line, cage culture, transport by default)', () => {
    for (const g of ['hookAndLine', 'cageCulture', 'transport'] as const) {
      expect(moratoriumConflict(m, g, bj('2027-06-01T06:00:00'), bj('2027-06-03T18:00:00'))).toBeNull();
    }
    expect(
      moratoriumConflict(m, 'trap', bj('2027-06-01T06:00:00'), bj('2027-06-03T18:00:00')),
    ).not.toBeNull();
  });

  it('catches a trip spanning the whole moratorium, and one in another year', () => {
    expect(
      moratoriumConflict(m, 'trawl', bj('2027-04-01T06:00:00'), bj('2027-09-01T06:00:00')),
    ).not.toBeNull();
    expect(moratoriumConflict(m, 'trawl', bj('2026-12-28T06:00:00'), bj('2027-01-05T06:00:00'))).toBeNull();
  });

  it('reads the setting with its exemptions; a malformed one falls back to the default', () => {
    const s = moratoriumSettings({
      start: '04-15T00:00',
      end: '08-01T00:00',
      exemptGearTypes: ['trawl', 'nonsense'],
    });
    expect(s).toEqual({ start: '04-15T00:00', end: '08-01T00:00', exemptGearTypes: ['trawl'] });
    expect(moratoriumConflict(s, 'trawl', bj('2027-05-10T06:00:00'), bj('2027-05-12T06:00:00'))).toBeNull();
    expect(
      moratoriumConflict(s, 'gillnet', bj('2027-04-20T06:00:00'), bj('2027-04-22T06:00:00')),
    ).not.toBeNull();
    expect(moratoriumSettings({ start: '5月1日' })).toEqual(DEFAULT_MORATORIUM);
    expect(moratoriumSettings(null)).toEqual(DEFAULT_MORATORIUM);
  });
});

describe('aboard windows', () => {
  const w = (from: string, to: string | null, id?: string) => ({
    ...(id ? { id } : {}),
    fromAt: bj(from),
    toAt: to ? bj(to) : null,
  });

  it('overlap when they share an instant; touching ends do not overlap', () => {
    expect(
      windowsOverlap(w('2026-10-01T00:00:00', '2026-10-10T00:00:00'), w('2026-10-09T00:00:00', null)),
    ).toBe(true);
    expect(
      windowsOverlap(
        w('2026-10-01T00:00:00', '2026-10-10T00:00:00'),
        w('2026-10-10T00:00:00', '2026-10-20T00:00:00'),
      ),
    ).toBe(false);
    expect(windowsOverlap(w('2026-10-01T00:00:00', null), w('2027-10-01T00:00:00', null))).toBe(true);
    expect(
      windowsOverlap(w('2026-10-05T00:00:00', null), w('2026-10-01T00:00:00', '2026-10-05T00:00:00')),
    ).toBe(false);
  });

  it('finds the clashing window but not the edited window itself', () => {
    const existing = [
      w('2026-10-01T00:00:00', '2026-10-10T00:00:00', 'a'),
      w('2026-11-01T00:00:00', null, 'b'),
    ];
    expect(firstOverlap(existing, w('2026-10-05T00:00:00', '2026-10-06T00:00:00'))?.id).toBe('a');
    expect(firstOverlap(existing, w('2026-10-05T00:00:00', '2026-10-12T00:00:00', 'a'))).toBeUndefined();
    expect(firstOverlap(existing, w('2026-10-20T00:00:00', null))?.id).toBe('b');
    expect(windowCovers(existing[1] as ReturnType<typeof w>, bj('2030-01-01T00:00:00'))).toBe(true);
  });
});

describe('sea trip states', () => {
  it('filed → approved / rejected / cancelled; approved → at sea → returned', () => {
    expect(nextSeaTripStatus('filed', 'approve')).toBe('approved');
    expect(nextSeaTripStatus('filed', 'reject')).toBe('rejected');
    expect(nextSeaTripStatus('filed', 'cancel')).toBe('cancelled');
    expect(nextSeaTripStatus('approved', 'depart')).toBe('atSea');
    expect(nextSeaTripStatus('approved', 'cancel')).toBe('cancelled');
    expect(nextSeaTripStatus('atSea', 'return')).toBe('returned');
  });

  it('refuses everything else', () => {
    expect(nextSeaTripStatus('filed', 'depart')).toBeNull();
    expect(nextSeaTripStatus('approved', 'approve')).toBeNull();
    expect(nextSeaTripStatus('rejected', 'approve')).toBeNull();
    expect(nextSeaTripStatus('atSea', 'cancel')).toBeNull();
    expect(nextSeaTripStatus('returned', 'return')).toBeNull();
    expect(nextSeaTripStatus('cancelled', 'depart')).toBeNull();
  });

  it('is overdue only past the planned return plus the grace, and only while out', () => {
    const trip = { status: 'atSea' as const, plannedReturnAt: bj('2026-10-05T18:00:00') };
    expect(seaTripOverdue(trip, bj('2026-10-05T19:59:00'), 2)).toBe(false);
    expect(seaTripOverdue(trip, bj('2026-10-05T20:01:00'), 2)).toBe(true);
    expect(seaTripOverdue({ ...trip, status: 'approved' }, bj('2026-10-06T00:00:00'), 2)).toBe(true);
    expect(seaTripOverdue({ ...trip, status: 'returned' }, bj('2026-10-06T00:00:00'), 2)).toBe(false);
    expect(seaTripOverdue({ ...trip, status: 'filed' }, bj('2026-10-06T00:00:00'), 2)).toBe(false);
  });
});
