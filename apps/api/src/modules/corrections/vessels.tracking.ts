import type {
  AboardRole,
  GearType,
  SeaAreaShape,
  SeaTripStatus,
  SupervisionLevel,
} from '@zhucheng/contracts';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import { findSupervisee } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';
import {
  MORATORIUM_SETTING,
  type MoratoriumSettings,
  moratoriumSettings,
  RETURN_GRACE_SETTING,
  returnGraceHours,
  TRACKED_TRIP_STATUSES,
} from './vessels.rules.ts';
import { correctionsAboardWindow, correctionsSeaTrip, correctionsVessel } from './vessels.schema.ts';

// What the tracking module (issues 8/9) reads of corrections: vessels with their terminal ids, who is aboard
// which vessel when, approved sea trips and the moratorium settings. Read-only, any scope (tracking applies
// its own supervisee-level scope to what it shows); plain objects, never drizzle rows.

export interface TrackingVessel {
  vesselId: string;
  name: string;
  registrationNo: string;
  homePort: string;
  gearType: GearType;
  /** The registering supervising office (org unit id). */
  unitId: number;
  /** The satellite terminal's id as written on the vessel record. */
  terminalId: string;
}

export interface TrackingAboardWindow {
  windowId: string;
  vesselId: string;
  /** The supervisee's term (`corrections.supervisee` case id). */
  superviseeCaseId: string;
  role: AboardRole;
  from: Date;
  /** Null: still aboard (open-ended). */
  to: Date | null;
  /** Included in whole-term vessel tracking: the local rule and the supervisee's written consent are on record. */
  tracked: boolean;
}

export interface TrackingSeaTrip {
  tripId: string;
  vesselId: string;
  /** The supervisee who filed (or for whom it was filed). */
  superviseeCaseId: string;
  /** Every supervisee aboard by the windows at filing, the filer included. */
  crewCaseIds: string[];
  status: Extract<SeaTripStatus, 'approved' | 'atSea' | 'returned'>;
  seaArea: string;
  area: SeaAreaShape | null;
  plannedDeparture: Date;
  plannedReturn: Date;
  /** Planned return plus the configured grace: past it (and not returned) a vessel is overdue. */
  returnDueBy: Date;
  approvedAt: Date | null;
  departedAt: Date | null;
  returnedAt: Date | null;
}

/** Vessels that carry a satellite terminal id. */
export async function vesselsForTracking(executor: Executor): Promise<TrackingVessel[]> {
  const v = correctionsVessel;
  const rows = await executor
    .select()
    .from(v)
    .where(and(isNotNull(v.terminalId), sql`${v.terminalId} <> ''`))
    .orderBy(asc(v.registrationNo));
  return rows.map((r) => ({
    vesselId: r.id,
    name: r.name,
    registrationNo: r.registrationNo,
    homePort: r.homePort,
    gearType: r.gearType,
    unitId: r.unitId,
    terminalId: r.terminalId ?? '',
  }));
}

/** Aboard windows, optionally of one vessel or one supervisee, or covering one instant (`at`). */
export async function aboardWindows(
  executor: Executor,
  filter: { vesselId?: string; superviseeCaseId?: string; at?: Date } = {},
): Promise<TrackingAboardWindow[]> {
  const w = correctionsAboardWindow;
  const where: (SQL | undefined)[] = [
    filter.vesselId ? eq(w.vesselId, filter.vesselId) : undefined,
    filter.superviseeCaseId ? eq(w.caseId, filter.superviseeCaseId) : undefined,
    filter.at ? and(lte(w.fromAt, filter.at), or(isNull(w.toAt), gt(w.toAt, filter.at))) : undefined,
  ];
  const rows = await executor
    .select()
    .from(w)
    .where(and(...where))
    .orderBy(asc(w.vesselId), asc(w.fromAt));
  return rows.map((r) => ({
    windowId: r.id,
    vesselId: r.vesselId,
    superviseeCaseId: r.caseId,
    role: r.role,
    from: r.fromAt,
    to: r.toAt,
    tracked: r.tracked,
  }));
}

/**
 * Approved sea trips (approved, at sea, or returned — the ones a vessel at sea is checked against), of one
 * vessel, overlapping [from, to) by their planned or actual times.
 */
export async function approvedSeaTrips(
  executor: Executor,
  filter: { vesselId?: string; from?: Date; to?: Date } = {},
): Promise<TrackingSeaTrip[]> {
  const t = correctionsSeaTrip;
  const start = sql`least(${t.plannedDepartureAt}, coalesce(${t.departedAt}, ${t.plannedDepartureAt}))`;
  const end = sql`greatest(${t.plannedReturnAt}, coalesce(${t.returnedAt}, ${t.plannedReturnAt}))`;
  const rows = await executor
    .select()
    .from(t)
    .where(
      and(
        inArray(t.status, [...TRACKED_TRIP_STATUSES]),
        filter.vesselId ? eq(t.vesselId, filter.vesselId) : undefined,
        // Still at sea: the trip runs on past its planned return until it is reported back.
        filter.from ? or(sql`${end} > ${filter.from}`, eq(t.status, 'atSea')) : undefined,
        filter.to ? sql`${start} < ${filter.to}` : undefined,
      ),
    )
    .orderBy(asc(t.plannedDepartureAt), asc(t.id));
  const grace = returnGraceHours(await readSetting(executor, RETURN_GRACE_SETTING));
  return rows.map((r) => ({
    tripId: r.id,
    vesselId: r.vesselId,
    superviseeCaseId: r.caseId,
    crewCaseIds: [...new Set([r.caseId, ...r.crew.map((c) => c.caseId)])],
    status: r.status as TrackingSeaTrip['status'],
    seaArea: r.seaArea,
    area: r.area,
    plannedDeparture: r.plannedDepartureAt,
    plannedReturn: r.plannedReturnAt,
    returnDueBy: new Date(r.plannedReturnAt.getTime() + grace * 3600_000),
    approvedAt: r.decidedAt,
    departedAt: r.departedAt,
    returnedAt: r.returnedAt,
  }));
}

/** The fishing moratorium as configured (start/end `MM-DDTHH:mm` Beijing time, exempt gear types). */
export async function fishingMoratorium(executor: Executor): Promise<MoratoriumSettings> {
  return moratoriumSettings(await readSetting(executor, MORATORIUM_SETTING));
}

/**
 * A supervisee's term as the tracking module may show it to this staff member: in their corrections scope
 * (minors only with corrections:readMinors), else undefined (the caller answers 404).
 */
export async function superviseeForTracking(
  executor: Executor,
  staff: Principal,
  caseId: string,
): Promise<{ caseId: string; caseNo: string | null; unitId: number } | undefined> {
  const found = await findSupervisee(executor, staff, caseId);
  if (!found) return undefined;
  return { caseId: found.record.id, caseNo: found.record.caseNo, unitId: found.record.competentUnitId };
}

/** Vessels by id (with or without a terminal id written on them): installation and track views. */
export async function vesselsByIds(executor: Executor, ids: readonly string[]): Promise<TrackingVessel[]> {
  if (ids.length === 0) return [];
  const v = correctionsVessel;
  const rows = await executor
    .select()
    .from(v)
    .where(inArray(v.id, [...ids]));
  return rows.map((r) => ({
    vesselId: r.id,
    name: r.name,
    registrationNo: r.registrationNo,
    homePort: r.homePort,
    gearType: r.gearType,
    unitId: r.unitId,
    terminalId: r.terminalId ?? '',
  }));
}

/** Supervision levels (严管/普管/宽管, null before classification) and case numbers of the given terms. */
export async function superviseesLevels(
  executor: Executor,
  caseIds: readonly string[],
): Promise<Map<string, { caseNo: string | null; level: SupervisionLevel | null }>> {
  if (caseIds.length === 0) return new Map();
  const s = correctionsSupervisee;
  const rows = await executor
    .select({ caseId: s.caseId, level: s.supervisionLevel, caseNo: caseRecord.caseNo })
    .from(s)
    .innerJoin(caseRecord, eq(caseRecord.id, s.caseId))
    .where(inArray(s.caseId, [...caseIds]));
  return new Map(rows.map((r) => [r.caseId, { caseNo: r.caseNo, level: r.level ?? null }]));
}
