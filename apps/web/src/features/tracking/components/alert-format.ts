import type { AlertView, Disposition, Severity, TriageState } from '@zhucheng/contracts';
import { TRACK_MAX_DAYS } from './format.ts';

// 海上告警: pure helpers of the triage queue and the alert page (Beijing time whatever the browser's zone,
// the SLA line, the track range an alert links to, the actions the state machine allows).

const beijing = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', ...options });
const ymd = beijing({ year: 'numeric', month: '2-digit', day: '2-digit' });
const hm = beijing({ hour: '2-digit', minute: '2-digit' });
const md = beijing({ month: '2-digit', day: '2-digit' });

const at = (iso: string | number) => new Date(iso);

/** `2026-09-28` in Beijing time. */
export const beijingDate = (iso: string | number) => ymd.format(at(iso));

/** `10:05` in Beijing time. */
export const beijingTime = (iso: string | number) => hm.format(at(iso));

/** `2026-09-28 10:05` in Beijing time; `—` when missing. */
export const beijingDateTime = (iso: string | null | undefined) =>
  iso ? `${beijingDate(iso)} ${beijingTime(iso)}` : '—';

/** `10:05` on the same Beijing day as `now`, else `09-29 10:05`. */
export function beijingShort(iso: string, now: number): string {
  return beijingDate(iso) === beijingDate(now)
    ? beijingTime(iso)
    : `${md.format(at(iso))} ${beijingTime(iso)}`;
}

/** Tag colours (UI.md): 紧急 red, 重要 orange, 一般 default. */
export const severityColor: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'default' };

/** 待确认 waits on us (orange), 已确认 / 已指派 are being handled (blue), 已办结 done (green). */
export const triageStateColor: Record<TriageState, string> = {
  new: 'orange',
  acknowledged: 'blue',
  assigned: 'geekblue',
  resolved: 'green',
};

/** The events of an alert's life, in words. */
export const alertActionLabels: Record<string, string> = {
  raise: '告警产生',
  acknowledge: '确认',
  assign: '指派',
  resolve: '办结',
  reopen: '重新打开',
  escalate: '超时升级',
};

export type TriageAction = 'acknowledge' | 'assign' | 'resolve' | 'reopen';

/** The actions the server's state machine (alert.rules.ts `triage`) allows from a state, in button order. */
export function allowedActions(state: TriageState): TriageAction[] {
  switch (state) {
    case 'new':
      return ['acknowledge', 'assign', 'resolve'];
    case 'acknowledged':
    case 'assigned':
      return ['assign', 'resolve'];
    case 'resolved':
      return ['reopen'];
  }
}

/** 误报 and 其他 must say why (the server refuses them without a note, with this message). */
export const DISPOSITION_NOTE_REQUIRED = '误报或其他处置结果须说明理由';
export const dispositionNeedsNote = (d: Disposition | undefined | null) =>
  d === 'falseAlarm' || d === 'other';

export interface SlaText {
  text: string;
  overdue: boolean;
}

/**
 * What the alert still owes against its SLA at `now`: a new alert must be acknowledged by `acknowledgeBy`, an
 * acknowledged or assigned one resolved by `resolveBy`; a resolved one owes nothing (null).
 */
export function slaText(
  alert: Pick<AlertView, 'state' | 'acknowledgeBy' | 'resolveBy'>,
  now: number,
): SlaText | null {
  if (alert.state === 'resolved') return null;
  const [by, what] = alert.state === 'new' ? [alert.acknowledgeBy, '确认'] : [alert.resolveBy, '办结'];
  const text = `应于 ${beijingShort(by, now)} 前${what}`;
  const overdue = Date.parse(by) <= now;
  return { text: overdue ? `已超时，${text}` : text, overdue };
}

const HOUR = 3600_000;

/**
 * The track to look at for an alert: from 2 hours before it was first seen to 2 hours after it was last seen,
 * at most the track's 31 days (ending at the end).
 */
export function alertTrackRange(alert: Pick<AlertView, 'firstAt' | 'lastAt'>): { from: string; to: string } {
  const to = Date.parse(alert.lastAt) + 2 * HOUR;
  const from = Math.max(Date.parse(alert.firstAt) - 2 * HOUR, to - TRACK_MAX_DAYS * 24 * HOUR);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** `/tracking/vessels/:id/track?from=…&to=…` for the alert's time range. */
export function alertTrackPath(alert: Pick<AlertView, 'firstAt' | 'lastAt' | 'vessel'>): string {
  const range = alertTrackRange(alert);
  return `/tracking/vessels/${alert.vessel.id}/track?${new URLSearchParams(range).toString()}`;
}
