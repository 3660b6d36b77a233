import { type GearType, gearTypes, type SeaTripStatus } from '@zhucheng/contracts';

// Pure rules of vessels and sea trips: the fishing moratorium (休渔期) with its gear exemptions, overlapping
// aboard windows, the sea trip's states and the overdue return. Times are instants; the moratorium's
// dates are read in Beijing time (UTC+8), the time the national notice states them in.

/** Settings keys (system_setting), each with the default below. */
export const MORATORIUM_SETTING = 'corrections.fishingMoratorium';
export const RETURN_GRACE_SETTING = 'corrections.seaTripReturnGraceHours';
export const LOCAL_RULE_SETTING = 'corrections.vesselTrackingLocalRule';

export interface MoratoriumSettings {
  /** `MM-DDTHH:mm`, Beijing time, each year. */
  start: string;
  end: string;
  exemptGearTypes: GearType[];
}

/** South China Sea: 1 May 12:00 to 16 August 12:00 (RULES.md, [verify]: configuration). */
export const DEFAULT_MORATORIUM: MoratoriumSettings = {
  start: '05-01T12:00',
  end: '08-16T12:00',
  exemptGearTypes: ['hookAndLine', 'cageCulture', 'transport'],
};
export const DEFAULT_RETURN_GRACE_HOURS = 2;
export const DEFAULT_LOCAL_RULE = '北海市关于加强涉海涉渔社区矫正对象监督管理的实施意见（2023年）';

const MONTH_DAY_TIME = /^(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The stored setting, or the default when it is missing or malformed. */
export function moratoriumSettings(raw: unknown): MoratoriumSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_MORATORIUM;
  const r = raw as Partial<MoratoriumSettings>;
  const ok = (v: unknown): v is string => typeof v === 'string' && MONTH_DAY_TIME.test(v);
  if (!ok(r.start) || !ok(r.end)) return DEFAULT_MORATORIUM;
  const exempt = Array.isArray(r.exemptGearTypes)
    ? r.exemptGearTypes.filter((g): g is GearType => (gearTypes as readonly string[]).includes(g))
    : DEFAULT_MORATORIUM.exemptGearTypes;
  return { start: r.start, end: r.end, exemptGearTypes: exempt };
}

export function returnGraceHours(raw: unknown): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_RETURN_GRACE_HOURS;
}

export function localRuleName(raw: unknown): string {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_LOCAL_RULE;
}

function beijing(year: number, monthDayTime: string): Date {
  return new Date(`${year}-${monthDayTime}:00+08:00`);
}

export interface Period {
  start: Date;
  end: Date;
}

/** The moratorium of one year (start and end in that year; an end before the start runs into the next). */
export function moratoriumOf(settings: MoratoriumSettings, year: number): Period {
  const start = beijing(year, settings.start);
  let end = beijing(year, settings.end);
  if (end <= start) end = beijing(year + 1, settings.end);
  return { start, end };
}

/** Whether a vessel of this gear type is exempt from the moratorium. */
export function moratoriumExempt(settings: MoratoriumSettings, gearType: GearType): boolean {
  return settings.exemptGearTypes.includes(gearType);
}

/**
 * The moratorium period a trip of [departure, return) would fall into for a vessel of this gear type, or
 * null (exempt, or clear of it). Half-open at both ends: leaving at the end instant (16 Aug 12:00) or
 * coming back at the start instant (1 May 12:00) is allowed.
 */
export function moratoriumConflict(
  settings: MoratoriumSettings,
  gearType: GearType,
  departure: Date,
  ret: Date,
): Period | null {
  if (moratoriumExempt(settings, gearType)) return null;
  const beijingYear = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
  for (let y = beijingYear(departure) - 1; y <= beijingYear(ret); y++) {
    const p = moratoriumOf(settings, y);
    if (departure < p.end && ret > p.start) return p;
  }
  return null;
}

/** Whether this instant is within the moratorium for a vessel of this gear type (for tracking). */
export function inFishingMoratorium(settings: MoratoriumSettings, gearType: GearType, at: Date): boolean {
  return moratoriumConflict(settings, gearType, at, new Date(at.getTime() + 1)) !== null;
}

/** `2026年5月1日12:00` in Beijing time. */
export function beijingLabel(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  const hh = String(b.getUTCHours()).padStart(2, '0');
  const mm = String(b.getUTCMinutes()).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日${hh}:${mm}`;
}

export function moratoriumMessage(p: Period): string {
  return `计划出海时间与休渔期（${beijingLabel(p.start)}至${beijingLabel(p.end)}）重叠，该船舶的作业类型不在豁免范围内，不能出海`;
}

// ---- aboard windows ---------------------------------------------------------------------------------------

export interface Window {
  id?: string;
  fromAt: Date;
  /** Null: open-ended. */
  toAt: Date | null;
}

/** Whether two half-open windows [from, to) share any instant. */
export function windowsOverlap(a: Window, b: Window): boolean {
  const aEndsAfterBStarts = a.toAt === null || a.toAt > b.fromAt;
  const bEndsAfterAStarts = b.toAt === null || b.toAt > a.fromAt;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** The first of `existing` (other than the candidate itself) that overlaps it. */
export function firstOverlap<W extends Window>(existing: readonly W[], candidate: Window): W | undefined {
  return existing.find(
    (w) => (candidate.id === undefined || w.id !== candidate.id) && windowsOverlap(w, candidate),
  );
}

/** Whether a window covers an instant. */
export function windowCovers(w: Window, at: Date): boolean {
  return w.fromAt <= at && (w.toAt === null || w.toAt > at);
}

// ---- sea trips --------------------------------------------------------------------------------------------

export const seaTripActions = ['approve', 'reject', 'depart', 'return', 'cancel'] as const;
export type SeaTripAction = (typeof seaTripActions)[number];

const transitions: Record<SeaTripAction, { from: SeaTripStatus[]; to: SeaTripStatus }> = {
  approve: { from: ['filed'], to: 'approved' },
  reject: { from: ['filed'], to: 'rejected' },
  depart: { from: ['approved'], to: 'atSea' },
  return: { from: ['atSea'], to: 'returned' },
  cancel: { from: ['filed', 'approved'], to: 'cancelled' },
};

/** The state after `action`, or null when the action does not apply in `status`. */
export function nextSeaTripStatus(status: SeaTripStatus, action: SeaTripAction): SeaTripStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

export const seaTripActionRefusals: Record<SeaTripAction, string> = {
  approve: '只有待审批的出海报备可以审批',
  reject: '只有待审批的出海报备可以审批',
  depart: '只有已同意的出海报备可以记录出海',
  return: '只有在海上的出海报备可以报告返港',
  cancel: '只有待审批或已同意、尚未出海的报备可以撤回',
};

/** States in which a trip is expected back (an overdue return is flagged). */
const OUT: readonly SeaTripStatus[] = ['approved', 'atSea'];

/** Past the planned return plus the grace and not back yet. */
export function seaTripOverdue(
  trip: { status: SeaTripStatus; plannedReturnAt: Date },
  now: Date,
  graceHours: number,
): boolean {
  return OUT.includes(trip.status) && now.getTime() > trip.plannedReturnAt.getTime() + graceHours * 3600_000;
}

/** The trip states that the tracking module checks a vessel at sea against. */
export const TRACKED_TRIP_STATUSES: readonly SeaTripStatus[] = ['approved', 'atSea', 'returned'];
