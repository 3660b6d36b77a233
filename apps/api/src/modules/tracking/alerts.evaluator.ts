import {
  type FenceCalendar,
  type FencePurpose,
  type FenceShapeInput,
  type GearType,
  gearTypeLabels,
  supervisionLevelLabels,
  type TerminalAlarmKind,
  terminalAlarmLabels,
} from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { expandSubtrees } from '../../platform/org/org.repo.ts';
import type { Logger } from '../../platform/runtime/logger.ts';
import {
  aboardWindows,
  approvedSeaTrips,
  fishingMoratorium,
  type MoratoriumSettings,
  superviseesLevels,
  type TrackingAboardWindow,
  type TrackingSeaTrip,
  type TrackingVessel,
  vesselsByIds,
} from '../corrections/index.ts';
import { breaksMoratorium, defaultNoSignalHours, noSignal, tripStanding } from './alert.rules.ts';
import { trackingFence } from './alerts.schema.ts';
import type { AlertsService, Occurrence } from './alerts.service.ts';
import {
  contains,
  DWELL_CLEAR,
  type DwellState,
  dwell,
  FenceGrid,
  type FenceShape,
  inAnnualWindow,
  type LonLat,
  segmentTouches,
} from './fence.rules.ts';
import * as repo from './terminals.repo.ts';
import type { Committed } from './track.store.ts';

// The alert evaluator: after each commit of the track store it checks the new positions of every vessel with a
// tracked supervisee aboard against the fences (grid index; segment crossing between sparse fixes; a dwell before
// a fence event fires), the moratorium (gear exemptions), the approved sea trips, and turns terminal alarms into
// alerts. A periodic sweep raises "no signal" for vessels at sea silent beyond their supervision level's limit.
// It runs beside the writer, not inside its transaction: a slow rule never delays a terminal's 0x8001.
// "At sea" means outside every port fence that applies to the vessel; without one, the at-sea rules stay silent
// (the platform cannot tell a harbour from the sea), the prohibited zones still apply.

export interface EvaluatorDeps {
  db: Database;
  clock: Clock;
  alerts: AlertsService;
  logger?: Logger;
  /** How long vessels, installations, fences and sea trips are cached (fence edits reload at once). */
  refreshMs?: number;
}

/** Alerts raised per transaction. */
const RAISE_CHUNK = 10;
/** Grace before an at-sea rule (moratorium, no sea trip, past the planned return) fires. */
const SEA_RULE_GRACE_MS = 10 * 60_000;

interface CompiledFence {
  id: string;
  version: number;
  name: string;
  purpose: FencePurpose;
  shape: FenceShape;
  calendar: FenceCalendar;
  exempt: ReadonlySet<GearType>;
  dwellMs: number;
  vesselIds: ReadonlySet<string> | null;
  /** The fence's unit and everything below it. */
  units: ReadonlySet<number>;
}

interface Context {
  loadedAt: number;
  fences: CompiledFence[];
  /** The port and the permitted fences (few: checked for every fix without the grid). */
  ports: CompiledFence[];
  permitted: CompiledFence[];
  grid: FenceGrid<CompiledFence>;
  installs: Map<string, { vesselId: string; from: Date; to: Date | null }[]>;
  vessels: Map<string, TrackingVessel>;
  windows: Map<string, TrackingAboardWindow[]>;
  trips: Map<string, TrackingSeaTrip[]>;
  moratorium: MoratoriumSettings;
}

interface VesselState {
  last: { at: Date; p: LonLat } | null;
  dwell: Map<string, DwellState>;
}

export class AlertEvaluator {
  readonly #d: EvaluatorDeps;
  readonly #state = new Map<string, VesselState>();
  #context: Context | null = null;
  #chain: Promise<void> = Promise.resolve();
  readonly stats = { batches: 0, positions: 0, raised: 0, folded: 0, errors: 0 };

  constructor(deps: EvaluatorDeps) {
    this.#d = deps;
  }

  /** Fences, installations or trips changed: reload before the next evaluation. */
  invalidate(): void {
    this.#context = null;
  }

  /** The writer's commit listener: queues the batch behind the ones being evaluated. */
  readonly onCommit = (committed: Committed): void => {
    this.#chain = this.#chain.then(() =>
      this.evaluate(committed).catch((err: unknown) => {
        this.stats.errors += 1;
        this.#d.logger?.error({ err }, 'tracking alert evaluation failed');
      }),
    );
  };

  /** Resolves once every queued batch is evaluated (tests, shutdown). */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.#chain;
      await current;
    } while (current !== this.#chain);
  }

  async evaluate(committed: Committed): Promise<void> {
    let ctx = await this.#load();
    // A terminal installed since the last load: reload once.
    if (
      committed.positions.some((f) => !ctx.installs.has(f.terminalId)) &&
      Date.now() - ctx.loadedAt > 2000
    ) {
      this.#context = null;
      ctx = await this.#load();
    }
    const found: Occurrence[] = [];
    const byVessel = new Map<string, (typeof committed.positions)[number][]>();
    for (const fix of committed.positions) {
      const vesselId = vesselAt(ctx, fix.terminalId, fix.time);
      if (!vesselId) continue;
      const list = byVessel.get(vesselId);
      if (list) list.push(fix);
      else byVessel.set(vesselId, [fix]);
    }
    for (const [vesselId, fixes] of byVessel) {
      fixes.sort((a, b) => a.time.getTime() - b.time.getTime());
      for (const fix of fixes)
        found.push(...this.#check(ctx, vesselId, fix.terminalId, fix.time, [fix.lon, fix.lat]));
    }
    for (const alarm of committed.alarms) {
      const vesselId = vesselAt(ctx, alarm.terminalId, alarm.at);
      const vessel = vesselId ? ctx.vessels.get(vesselId) : undefined;
      const aboard = vesselId ? trackedAboard(ctx, vesselId, alarm.at) : [];
      if (!vessel || aboard.length === 0) continue;
      found.push({
        ...this.#base(vessel, aboard, alarm.at, alarm.lat, alarm.lon, alarm.terminalId),
        kind: 'terminalAlarm',
        subject: alarm.kind,
        terminalAlarm: alarm.kind,
        rule: `终端报警：${terminalAlarmLabels[alarm.kind as TerminalAlarmKind] ?? alarm.kind}`,
      });
    }
    this.stats.batches += 1;
    this.stats.positions += committed.positions.length;
    if (found.length > 0) await this.#raise(found);
  }

  /** Raises "no signal" for vessels at sea (by their last fix) silent beyond the strictest level aboard. */
  async sweepNoSignal(): Promise<number> {
    const ctx = await this.#load(true);
    const now = this.#d.clock.now();
    const current = [...ctx.installs.entries()].flatMap(([terminalId, list]) =>
      list
        .filter((i) => i.from <= now && (!i.to || i.to > now))
        .map((i) => ({ terminalId, vesselId: i.vesselId })),
    );
    const last = await repo.lastPositions(
      this.#d.db,
      current.map((c) => c.terminalId),
      now,
    );
    const found: Occurrence[] = [];
    const aboardAll = current.flatMap((c) => trackedAboard(ctx, c.vesselId, now));
    const levels = await superviseesLevels(this.#d.db, [...new Set(aboardAll)]);
    for (const c of current) {
      const vessel = ctx.vessels.get(c.vesselId);
      const aboard = trackedAboard(ctx, c.vesselId, now);
      const p = last.get(c.terminalId);
      if (!vessel || aboard.length === 0 || !p) continue;
      const atSea = this.#atSea(ctx, vessel, [p.lon, p.lat], p.fixedAt);
      const levelsAboard = aboard.map((id) => levels.get(id)?.level ?? null);
      if (!noSignal(p.fixedAt, now, atSea === true, levelsAboard)) continue;
      const strictest =
        levelsAboard
          .map((l) => l ?? 'ordinary')
          .sort((a, b) => defaultNoSignalHours[a] - defaultNoSignalHours[b])[0] ?? 'ordinary';
      found.push({
        ...this.#base(vessel, aboard, now, p.lat, p.lon, c.terminalId),
        kind: 'noSignal',
        subject: '',
        rule: `在海上超过 ${defaultNoSignalHours[strictest]} 小时没有定位（${supervisionLevelLabels[strictest]}对象在船；最后定位 ${beijingTime(p.fixedAt)}）`,
      });
    }
    if (found.length > 0) await this.#raise(found, levels);
    return found.length;
  }

  // ---- the rules for one fix -------------------------------------------------------------------------------

  #check(ctx: Context, vesselId: string, terminalId: string, at: Date, p: LonLat): Occurrence[] {
    const vessel = ctx.vessels.get(vesselId);
    if (!vessel) return [];
    const state = this.#state.get(vesselId) ?? { last: null, dwell: new Map<string, DwellState>() };
    this.#state.set(vesselId, state);
    // A blind-area upload older than what was already seen: stored, but not replayed through the rules.
    if (state.last && at <= state.last.at) return [];
    const prev = state.last;
    state.last = { at, p };
    const aboard = trackedAboard(ctx, vesselId, at);
    if (aboard.length === 0) return [];
    const out: Occurrence[] = [];
    const base = () => this.#base(vessel, aboard, at, p[1], p[0], terminalId);
    const step = (key: string, holds: boolean, graceMs: number) => {
      const r = dwell(state.dwell.get(key) ?? DWELL_CLEAR, holds, at, graceMs);
      state.dwell.set(key, r.state);
      return r.fire;
    };

    // Only the fences whose grid cells the move touches are tested (thousands of fences stay fast).
    const near = ctx.grid.candidates(prev?.p ?? p, p).filter((f) => applies(f, vessel, at));
    const nearIds = new Set(near.map((f) => f.id));
    // A prohibited zone left far behind: its dwell starts again next time.
    for (const key of state.dwell.keys()) {
      if (key.startsWith('fence:') && !nearIds.has(key.slice(6))) state.dwell.delete(key);
    }

    // Prohibited zones: inside (after the dwell), or crossed between two sparse fixes (at once).
    for (const f of near) {
      if (f.purpose !== 'prohibited') continue;
      const inside = contains(f.shape, p);
      const crossed = !inside && prev !== null && segmentTouches(f.shape, prev.p, p);
      const fire = step(`fence:${f.id}`, inside, f.dwellMs);
      if (fire || crossed) {
        out.push({
          ...base(),
          kind: 'enteredProhibitedZone',
          subject: f.id,
          fence: { id: f.id, version: f.version, name: f.name },
          rule: crossed
            ? `航迹穿越禁止区域「${f.name}」（第 ${f.version} 版）`
            : `进入禁止区域「${f.name}」（第 ${f.version} 版）${f.dwellMs > 0 ? `并停留 ${Math.round(f.dwellMs / 60_000)} 分钟以上` : ''}`,
        });
      }
    }

    const atSea = this.#atSea(ctx, vessel, p, at);
    if (atSea === null) return out;

    // Permitted areas: at sea outside all of them.
    const permitted = ctx.permitted.filter((f) => applies(f, vessel, at));
    if (permitted.length > 0) {
      const inside = permitted.some((f) => nearIds.has(f.id) && contains(f.shape, p));
      const graceMs = Math.min(...permitted.map((f) => f.dwellMs));
      const main = [...permitted].sort((a, b) => a.id.localeCompare(b.id))[0] as CompiledFence;
      if (step('permitted', atSea && !inside, graceMs)) {
        out.push({
          ...base(),
          kind: 'leftPermittedArea',
          subject: '',
          fence: { id: main.id, version: main.version, name: main.name },
          rule: `在海上驶出允许作业区域（${permitted.map((f) => `「${f.name}」第 ${f.version} 版`).join('、')}）${graceMs > 0 ? `超过 ${Math.round(graceMs / 60_000)} 分钟` : ''}`,
        });
      }
    }

    // The moratorium, unless the gear is exempt.
    const m = ctx.moratorium;
    if (step('moratorium', atSea && breaksMoratorium(m, vessel.gearType, at), SEA_RULE_GRACE_MS)) {
      out.push({
        ...base(),
        kind: 'atSeaInMoratorium',
        subject: '',
        rule: `休渔期（每年 ${m.start.replace('T', ' ')} 至 ${m.end.replace('T', ' ')}）内在海上，作业类型「${gearTypeLabels[vessel.gearType]}」不在豁免之列`,
      });
    }

    // Sea trips: at sea without an approved one, or past its planned return (with the grace).
    const trips = tripStanding(ctx.trips.get(vesselId) ?? [], at);
    if (step('noTrip', atSea && trips.none, SEA_RULE_GRACE_MS)) {
      out.push({ ...base(), kind: 'atSeaWithoutTrip', subject: '', rule: '在海上，但没有已批准的出海报备' });
    }
    const overdue = trips.overdue;
    if (step(`overdue:${overdue?.tripId ?? ''}`, atSea && !!overdue, 0) && overdue) {
      out.push({
        ...base(),
        kind: 'pastPlannedReturn',
        subject: overdue.tripId,
        tripId: overdue.tripId,
        rule: `出海报备（${overdue.seaArea}）计划 ${beijingTime(overdue.plannedReturn)} 返港，宽限至 ${beijingTime(overdue.returnDueBy)}，逾期仍在海上`,
      });
    }
    return out;
  }

  /** Whether the vessel is at sea at p: outside every port fence that applies; null without any. */
  #atSea(ctx: Context, vessel: TrackingVessel, p: LonLat, at: Date): boolean | null {
    const ports = ctx.ports.filter((f) => applies(f, vessel, at));
    if (ports.length === 0) return null;
    return !ports.some((f) => contains(f.shape, p));
  }

  #base(
    vessel: TrackingVessel,
    aboard: string[],
    at: Date,
    lat: number | null,
    lon: number | null,
    terminalId: string,
  ): Omit<Occurrence, 'kind' | 'subject' | 'rule'> {
    return {
      vesselId: vessel.vesselId,
      unitId: vessel.unitId,
      vesselName: vessel.name,
      supervisees: aboard.map((caseId) => ({ caseId, caseNo: null })),
      at,
      lat,
      lon,
      terminalId,
    };
  }

  async #raise(found: Occurrence[], known?: Map<string, { caseNo: string | null }>): Promise<void> {
    const caseNos =
      known ??
      (await superviseesLevels(this.#d.db, [
        ...new Set(found.flatMap((o) => o.supervisees.map((s) => s.caseId))),
      ]));
    // Small transactions: on the embedded database one connection serves the writer too, so an alert storm
    // must not hold it for seconds.
    for (let i = 0; i < found.length; i += RAISE_CHUNK) {
      await this.#d.db.transaction(async (tx) => {
        for (const o of found.slice(i, i + RAISE_CHUNK)) {
          const r = await this.#d.alerts.raise(tx, {
            ...o,
            supervisees: o.supervisees.map((s) => ({
              caseId: s.caseId,
              caseNo: caseNos.get(s.caseId)?.caseNo ?? null,
            })),
          });
          if (r.isNew) this.stats.raised += 1;
          else this.stats.folded += 1;
        }
      });
    }
  }

  // ---- the cached context ------------------------------------------------------------------------------------

  async #load(fresh = false): Promise<Context> {
    const refreshMs = this.#d.refreshMs ?? 30_000;
    if (!fresh && this.#context && Date.now() - this.#context.loadedAt < refreshMs) return this.#context;
    const db = this.#d.db;
    const now = this.#d.clock.now();
    const [fenceRows, installRows, moratorium] = await Promise.all([
      db.select().from(trackingFence).where(eq(trackingFence.active, true)),
      repo.installationsOf(db, {}),
      fishingMoratorium(db),
    ]);
    const subtrees = new Map<number, Set<number>>();
    for (const unitId of new Set(fenceRows.map((f) => f.unitId))) {
      subtrees.set(unitId, await expandSubtrees(db, [unitId]));
    }
    const fences: CompiledFence[] = fenceRows.map((f) => ({
      id: f.id,
      version: f.version,
      name: f.name,
      purpose: f.purpose,
      shape: toShape(f.shape),
      calendar: f.calendar,
      exempt: new Set(f.exemptGearTypes),
      dwellMs: f.dwellMinutes * 60_000,
      vesselIds: f.vesselIds.length > 0 ? new Set(f.vesselIds) : null,
      units: subtrees.get(f.unitId) ?? new Set([f.unitId]),
    }));
    const installs = new Map<string, { vesselId: string; from: Date; to: Date | null }[]>();
    for (const i of installRows) {
      const list = installs.get(i.terminalId) ?? [];
      list.push({ vesselId: i.vesselId, from: i.fromAt, to: i.toAt });
      installs.set(i.terminalId, list);
    }
    const vesselIds = [...new Set(installRows.map((i) => i.vesselId))];
    const [vessels, windows, trips] = await Promise.all([
      vesselsByIds(db, vesselIds),
      aboardWindows(db),
      approvedSeaTrips(db, { from: new Date(now.getTime() - 30 * 86_400_000) }),
    ]);
    const group = <T extends { vesselId: string }>(items: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of items) map.set(item.vesselId, [...(map.get(item.vesselId) ?? []), item]);
      return map;
    };
    this.#context = {
      loadedAt: Date.now(),
      fences,
      ports: fences.filter((f) => f.purpose === 'port'),
      permitted: fences.filter((f) => f.purpose === 'permitted'),
      grid: new FenceGrid(fences),
      installs,
      vessels: new Map(vessels.map((v) => [v.vesselId, v])),
      windows: group(windows.filter((w) => w.tracked)),
      trips: group(trips),
      moratorium,
    };
    return this.#context;
  }
}

function vesselAt(ctx: Context, terminalId: string, at: Date): string | undefined {
  return ctx.installs.get(terminalId)?.find((i) => i.from <= at && (!i.to || at < i.to))?.vesselId;
}

/** Supervisees aboard in a tracked window (local rule and consent on record) at `at`. */
function trackedAboard(ctx: Context, vesselId: string, at: Date): string[] {
  return [
    ...new Set(
      (ctx.windows.get(vesselId) ?? [])
        .filter((w) => w.from <= at && (!w.to || at < w.to))
        .map((w) => w.superviseeCaseId),
    ),
  ];
}

function applies(f: CompiledFence, vessel: TrackingVessel, at: Date): boolean {
  if (f.vesselIds ? !f.vesselIds.has(vessel.vesselId) : !f.units.has(vessel.unitId)) return false;
  if (f.exempt.has(vessel.gearType)) return false;
  const c = f.calendar;
  if (c.kind === 'annual') return inAnnualWindow(c, at);
  if (c.kind === 'period') return at.getTime() >= Date.parse(c.from) && at.getTime() < Date.parse(c.to);
  return true;
}

/** The contract's shape (GeoJSON-style pairs) as the geometry's. */
export function toShape(s: FenceShapeInput): FenceShape {
  if (s.kind === 'polygon') return { kind: 'polygon', ring: s.ring.map(([lon, lat]) => [lon, lat] as const) };
  if (s.kind === 'circle') return { kind: 'circle', center: [s.center[0], s.center[1]], radiusM: s.radiusM };
  return { kind: 'corridor', line: s.line.map(([lon, lat]) => [lon, lat] as const), widthM: s.widthM };
}

const beijingFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
function beijingTime(d: Date): string {
  return beijingFormat.format(d);
}
