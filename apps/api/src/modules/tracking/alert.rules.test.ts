import { describe, expect, it } from 'vitest';
import { breaksMoratorium, foldKey, noSignal, slaStanding, triage, tripStanding } from './alert.rules.ts';

// Alert rules (issue 9): the folding key (the folding itself: alerts.routes.test.ts), the triage state machine, SLA escalation, no-signal by level, sea trip windows,
// the moratorium with its gear exemptions.

const t = (s: string) => new Date(`2026-07-01T${s}:00+08:00`);

describe('alert rules', () => {
  it('keys an alert by vessel, kind and subject: another fence is another alert', () => {
    const key = foldKey({ vesselId: 'v1', kind: 'enteredProhibitedZone', subject: 'fence-7' });
    expect(key).toBe('v1|enteredProhibitedZone|fence-7');
    expect(foldKey({ vesselId: 'v1', kind: 'enteredProhibitedZone', subject: 'fence-8' })).not.toBe(key);
    expect(foldKey({ vesselId: 'v2', kind: 'enteredProhibitedZone', subject: 'fence-7' })).not.toBe(key);
  });

  it('moves new → acknowledged → assigned → resolved, with a disposition, and refuses the rest in Chinese', () => {
    expect(triage('new', 'acknowledge')).toEqual({ state: 'acknowledged' });
    expect(triage('acknowledged', 'assign', { assignee: 's1' })).toEqual({ state: 'assigned' });
    expect(triage('acknowledged', 'assign')).toEqual({ refused: '请选择负责处置的工作人员' });
    expect(triage('assigned', 'resolve')).toEqual({ refused: '请选择处置结果' });
    expect(triage('assigned', 'resolve', { disposition: 'falseAlarm' })).toEqual({
      refused: '误报或其他处置结果须说明理由',
    });
    expect(triage('assigned', 'resolve', { disposition: 'falseAlarm', note: '定位漂移' })).toEqual({
      state: 'resolved',
    });
    expect(triage('assigned', 'resolve', { disposition: 'sanctionStarted' })).toEqual({ state: 'resolved' });
    expect(triage('resolved', 'acknowledge')).toEqual({ refused: '告警当前状态不能确认' });
    expect(triage('resolved', 'reopen')).toEqual({ state: 'acknowledged' });
  });

  it('escalates an unacknowledged high alert after 15 minutes and an unresolved one after 4 hours', () => {
    expect(slaStanding('high', 'new', t('10:00'), t('10:14')).escalate).toBeNull();
    expect(slaStanding('high', 'new', t('10:00'), t('10:15')).escalate).toBe('acknowledge');
    expect(slaStanding('high', 'acknowledged', t('10:00'), t('13:59')).escalate).toBeNull();
    expect(slaStanding('high', 'assigned', t('10:00'), t('14:00')).escalate).toBe('resolve');
    expect(slaStanding('low', 'new', t('10:00'), t('13:00')).escalate).toBeNull();
    expect(slaStanding('high', 'resolved', t('10:00'), t('23:00')).escalate).toBeNull();
  });

  it('raises no signal at sea by the strictest level aboard, never in port', () => {
    const last = t('08:00');
    expect(noSignal(last, t('10:01'), true, ['strict'])).toBe(true);
    expect(noSignal(last, t('10:01'), true, ['ordinary'])).toBe(false);
    expect(noSignal(last, t('14:01'), true, ['ordinary', null])).toBe(true);
    expect(noSignal(last, t('10:01'), true, ['lenient', 'strict'])).toBe(true);
    expect(noSignal(last, t('19:59'), true, ['lenient'])).toBe(false);
    expect(noSignal(last, t('23:00'), false, ['strict'])).toBe(false);
    expect(noSignal(null, t('23:00'), true, ['strict'])).toBe(false);
  });

  it('checks a vessel at sea against its approved sea trips: covered, early departure, overdue, none', () => {
    const day = (s: string) => new Date(`2026-09-28T${s}:00+08:00`);
    const trip = {
      tripId: 'trip-1',
      plannedDeparture: day('06:00'),
      departedAt: null,
      returnedAt: null,
      returnDueBy: day('20:00'), // planned 18:00 + 2 h grace
    };
    expect(tripStanding([trip], day('04:59'))).toEqual({ covering: null, overdue: null, none: true });
    expect(tripStanding([trip], day('05:00')).covering).toBe(trip); // an hour early with the tide
    expect(tripStanding([trip], day('20:00')).covering).toBe(trip);
    expect(tripStanding([trip], day('20:01'))).toEqual({ covering: null, overdue: trip, none: false });
    // reported back at 17:00: a later outing is not covered by it
    const back = { ...trip, departedAt: day('06:10'), returnedAt: day('17:00') };
    expect(tripStanding([back], day('17:30'))).toEqual({ covering: null, overdue: null, none: true });
    // a second approved trip covers the evening
    const evening = { ...trip, tripId: 'trip-2', plannedDeparture: day('19:00'), returnDueBy: day('23:59') };
    expect(tripStanding([back, evening], day('18:30')).covering).toBe(evening);
  });

  it('flags the moratorium from 1 May 12:00 to 16 August 12:00, except exempt gear', () => {
    const settings = { start: '05-01T12:00', end: '08-16T12:00', exemptGearTypes: ['hookAndLine' as const] };
    const at = (s: string) => new Date(`2026-${s}+08:00`);
    expect(breaksMoratorium(settings, 'trawl', at('05-01T11:59:59'))).toBe(false);
    expect(breaksMoratorium(settings, 'trawl', at('05-01T12:00:00'))).toBe(true);
    expect(breaksMoratorium(settings, 'trawl', at('08-16T11:59:59'))).toBe(true);
    expect(breaksMoratorium(settings, 'trawl', at('08-16T12:00:00'))).toBe(false);
    expect(breaksMoratorium(settings, 'hookAndLine', at('06-15T08:00:00'))).toBe(false);
  });
});
