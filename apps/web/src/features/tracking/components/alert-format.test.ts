import { describe, expect, it } from 'vitest';
import {
  alertTrackPath,
  alertTrackRange,
  allowedActions,
  beijingDateTime,
  beijingShort,
  dispositionNeedsNote,
  slaText,
} from './alert-format.ts';

const now = Date.parse('2026-09-28T10:00:00+08:00');

describe('Beijing time', () => {
  it('shows times in Beijing time whatever the instant is written in', () => {
    expect(beijingDateTime('2026-09-28T02:05:00Z')).toBe('2026-09-28 10:05');
    expect(beijingDateTime('2026-09-27T16:00:00Z')).toBe('2026-09-28 00:00');
    expect(beijingDateTime(null)).toBe('—');
  });
  it('leaves the date out on the same Beijing day', () => {
    expect(beijingShort('2026-09-28T23:59:00+08:00', now)).toBe('23:59');
    expect(beijingShort('2026-09-29T00:15:00+08:00', now)).toBe('09-29 00:15');
  });
});

describe('slaText', () => {
  const alert = {
    acknowledgeBy: '2026-09-28T10:15:00+08:00',
    resolveBy: '2026-09-28T13:45:00+08:00',
  };
  it('asks a new alert to be acknowledged and an acknowledged or assigned one resolved', () => {
    expect(slaText({ ...alert, state: 'new' }, now)).toEqual({ text: '应于 10:15 前确认', overdue: false });
    expect(slaText({ ...alert, state: 'acknowledged' }, now)).toEqual({
      text: '应于 13:45 前办结',
      overdue: false,
    });
    expect(slaText({ ...alert, state: 'assigned' }, now)?.text).toBe('应于 13:45 前办结');
    expect(slaText({ ...alert, state: 'resolved' }, now)).toBeNull();
  });
  it('says when the time has passed', () => {
    const later = Date.parse('2026-09-28T10:15:00+08:00');
    expect(slaText({ ...alert, state: 'new' }, later)).toEqual({
      text: '已超时，应于 10:15 前确认',
      overdue: true,
    });
    expect(slaText({ ...alert, state: 'assigned' }, later)?.overdue).toBe(false);
  });
  it('names the day of a time on another day', () => {
    expect(
      slaText(
        { state: 'assigned', acknowledgeBy: alert.acknowledgeBy, resolveBy: '2026-09-30T09:00:00+08:00' },
        now,
      ),
    ).toEqual({ text: '应于 09-30 09:00 前办结', overdue: false });
  });
});

describe('the track an alert links to', () => {
  it('runs from 2 hours before the first to 2 hours after the last sighting', () => {
    const alert = {
      firstAt: '2026-09-28T08:30:00+08:00',
      lastAt: '2026-09-28T09:10:00+08:00',
      vessel: { id: 'v1', name: '桂北渔60777号', registrationNo: 'HY-000777' },
    };
    expect(alertTrackRange(alert)).toEqual({
      from: '2026-09-27T22:30:00.000Z',
      to: '2026-09-28T03:10:00.000Z',
    });
    expect(alertTrackPath(alert)).toBe(
      '/tracking/vessels/v1/track?from=2026-09-27T22%3A30%3A00.000Z&to=2026-09-28T03%3A10%3A00.000Z',
    );
  });
  it('keeps within the 31 days a track query may span', () => {
    const range = alertTrackRange({ firstAt: '2026-07-01T00:00:00Z', lastAt: '2026-09-28T00:00:00Z' });
    expect(range).toEqual({ from: '2026-08-28T02:00:00.000Z', to: '2026-09-28T02:00:00.000Z' });
  });
});

describe('actions', () => {
  it('follows the server state machine', () => {
    expect(allowedActions('new')).toEqual(['acknowledge', 'assign', 'resolve']);
    expect(allowedActions('acknowledged')).toEqual(['assign', 'resolve']);
    expect(allowedActions('assigned')).toEqual(['assign', 'resolve']);
    expect(allowedActions('resolved')).toEqual(['reopen']);
  });
  it('asks a reason for 误报 and 其他 only', () => {
    expect(dispositionNeedsNote('falseAlarm')).toBe(true);
    expect(dispositionNeedsNote('other')).toBe(true);
    expect(dispositionNeedsNote('verifiedHandled')).toBe(false);
    expect(dispositionNeedsNote(undefined)).toBe(false);
  });
});
