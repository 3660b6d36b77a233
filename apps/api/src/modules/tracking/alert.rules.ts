import type {
  AlertKind,
  Disposition,
  GearType,
  Severity,
  SupervisionLevel,
  TriageState,
} from '@zhucheng/contracts';
import { inAnnualWindow } from './fence.rules.ts';

// 告警 (issue 9, pure): kinds and severities, the key repeats fold on, the triage state machine
// (new → acknowledged → assigned → resolved with a disposition), SLA timers by severity with escalation, and
// the no-signal threshold by supervision level (satellite latency is expected, not "offline").

/** Severity by kind: what may be dangerous (a prohibited zone, an SOS) first. */
export const alertSeverity: Record<AlertKind, Severity> = {
  enteredProhibitedZone: 'high',
  terminalAlarm: 'high',
  leftPermittedArea: 'medium',
  atSeaInMoratorium: 'medium',
  atSeaWithoutTrip: 'medium',
  pastPlannedReturn: 'medium',
  noSignal: 'low',
};

// ---- folding ----------------------------------------------------------------------------------------------

export interface AlertKey {
  vesselId: string;
  kind: AlertKind;
  /** The fence (not its version) for fence alerts, the alarm kind for terminal alarms; empty otherwise. */
  subject: string;
}

/**
 * Repeats of an open alert fold into it: the service upserts on this key while the alert is not resolved (a
 * partial unique index), adding to its count and last time; once resolved, the next repeat opens a new alert.
 */
export const foldKey = (k: AlertKey) => `${k.vesselId}|${k.kind}|${k.subject}`;

// ---- triage ------------------------------------------------------------------------------------------------

export type TriageAction = 'acknowledge' | 'assign' | 'resolve' | 'reopen';

const moves: Record<TriageAction, { from: readonly TriageState[]; to: TriageState }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  assign: { from: ['new', 'acknowledged', 'assigned'], to: 'assigned' },
  resolve: { from: ['new', 'acknowledged', 'assigned'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'acknowledged' },
};

/** The next state, or the Chinese reason the action is refused. */
export function triage(
  state: TriageState,
  action: TriageAction,
  input: { disposition?: Disposition; note?: string; assignee?: string } = {},
): { state: TriageState } | { refused: string } {
  const move = moves[action];
  if (!move.from.includes(state)) return { refused: `告警当前状态不能${actionLabels[action]}` };
  if (action === 'assign' && !input.assignee) return { refused: '请选择负责处置的工作人员' };
  if (action === 'resolve') {
    if (!input.disposition) return { refused: '请选择处置结果' };
    if ((input.disposition === 'other' || input.disposition === 'falseAlarm') && !input.note?.trim()) {
      return { refused: '误报或其他处置结果须说明理由' };
    }
  }
  return { state: move.to };
}

const actionLabels: Record<TriageAction, string> = {
  acknowledge: '确认',
  assign: '指派',
  resolve: '办结',
  reopen: '重新打开',
};

// ---- SLA and escalation -------------------------------------------------------------------------------------

/** Minutes to acknowledge and to resolve, by severity (configuration with these defaults). */
export const defaultSla: Record<Severity, { acknowledgeMin: number; resolveMin: number }> = {
  high: { acknowledgeMin: 15, resolveMin: 4 * 60 },
  medium: { acknowledgeMin: 60, resolveMin: 24 * 60 },
  low: { acknowledgeMin: 4 * 60, resolveMin: 72 * 60 },
};

/**
 * Where an alert stands against its SLA at `now`: escalate (to the responsible officer's supervisor) once the
 * acknowledge or the resolve time has passed in a state that still owes it.
 */
export function slaStanding(
  severity: Severity,
  state: TriageState,
  openedAt: Date,
  now: Date,
  sla = defaultSla,
): { acknowledgeBy: Date; resolveBy: Date; escalate: 'acknowledge' | 'resolve' | null } {
  const s = sla[severity];
  const acknowledgeBy = new Date(openedAt.getTime() + s.acknowledgeMin * 60_000);
  const resolveBy = new Date(openedAt.getTime() + s.resolveMin * 60_000);
  let escalate: 'acknowledge' | 'resolve' | null = null;
  if (state === 'new' && now >= acknowledgeBy) escalate = 'acknowledge';
  else if (state !== 'resolved' && now >= resolveBy) escalate = 'resolve';
  return { acknowledgeBy, resolveBy, escalate };
}

// ---- no signal ----------------------------------------------------------------------------------------------

/** Hours without a fix, at sea, before "no signal" is raised, by supervision level (configuration). */
export const defaultNoSignalHours: Record<SupervisionLevel, number> = { strict: 2, ordinary: 6, lenient: 12 };

/**
 * Whether a vessel at sea has been silent too long for the strictest level aboard (no level known: ordinary).
 * In port nothing is raised: terminals are often switched off there.
 */
export function noSignal(
  lastFixAt: Date | null,
  now: Date,
  atSea: boolean,
  levelsAboard: readonly (SupervisionLevel | null)[],
  hours = defaultNoSignalHours,
): boolean {
  if (!atSea || !lastFixAt) return false;
  const known = levelsAboard.map((l) => l ?? 'ordinary');
  const limit = Math.min(...(known.length > 0 ? known : ['ordinary' as const]).map((l) => hours[l]));
  return now.getTime() - lastFixAt.getTime() > limit * 3600_000;
}

// ---- sea trips and the moratorium ----------------------------------------------------------------------------

/** A sea trip covers a departure this much ahead of its planned time (boats leave early with the tide). */
export const TRIP_EARLY_MS = 60 * 60_000;

export interface TripWindow {
  tripId: string;
  plannedDeparture: Date;
  departedAt: Date | null;
  returnedAt: Date | null;
  /** Planned return plus the configured grace. */
  returnDueBy: Date;
}

/**
 * Where a vessel at sea at `at` stands against its approved trips: covered by one (from an hour before its
 * departure to its return due time), past the due time of one not yet reported back (overdue), or without any.
 */
export function tripStanding<T extends TripWindow>(
  trips: readonly T[],
  at: Date,
): { covering: T | null; overdue: T | null; none: boolean } {
  const t = at.getTime();
  const started = trips.filter(
    (trip) =>
      Math.min(trip.plannedDeparture.getTime(), trip.departedAt?.getTime() ?? Infinity) - TRIP_EARLY_MS <=
        t &&
      (!trip.returnedAt || t <= trip.returnedAt.getTime()),
  );
  const covering = started.find((trip) => t <= trip.returnDueBy.getTime()) ?? null;
  const overdue = covering ? null : (started.find((trip) => t > trip.returnDueBy.getTime()) ?? null);
  return { covering, overdue, none: started.length === 0 };
}

/** At sea inside the moratorium's annual window (Beijing time, half-open), the vessel's gear not exempt. */
export function breaksMoratorium(
  settings: { start: string; end: string; exemptGearTypes: readonly GearType[] },
  gearType: GearType,
  at: Date,
): boolean {
  return !settings.exemptGearTypes.includes(gearType) && inAnnualWindow(settings, at);
}
