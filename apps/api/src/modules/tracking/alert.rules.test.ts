import { describe, expect, it } from 'vitest';
import { fold, foldKey, noSignal, slaStanding, triage } from './alert.rules.ts';

// Alerts for issue 9 (started here): folding, the triage state machine, SLA escalation, no-signal by level.

const t = (s: string) => new Date(`2026-07-01T${s}:00+08:00`);

describe('alert rules', () => {
  it('folds repeats of one open alert (vessel, kind, fence) and opens a new one for another fence', () => {
    const key = foldKey({ vesselId: 'v1', kind: 'enteredProhibitedZone', subject: 'fence-7' });
    const first = fold(undefined, key, t('10:00'));
    expect(first.isNew).toBe(true);
    const again = fold(first.alert, key, t('10:05'));
    expect(again).toEqual({
      alert: { key, firstAt: t('10:00'), lastAt: t('10:05'), occurrences: 2 },
      isNew: false,
    });
    // a late (blind-area) repeat keeps the latest time and moves the first back
    expect(fold(again.alert, key, t('09:58')).alert).toMatchObject({
      firstAt: t('09:58'),
      lastAt: t('10:05'),
      occurrences: 3,
    });
    const other = foldKey({ vesselId: 'v1', kind: 'enteredProhibitedZone', subject: 'fence-8' });
    expect(fold(again.alert, other, t('10:06')).isNew).toBe(true);
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
});
