import type { ApprovalKind, ApprovalLevel, OrgUnitKind } from '@zhucheng/contracts';
import { approvalLevelLabels } from '@zhucheng/contracts';

// 审批层级 (implementing measures, [verify]; configurable in setting `corrections.leaveApprovalLevels`):
// leave up to 7 days → the township justice office; up to 30 days → the county bureau; more than 30 days, or
// more than 30 days in total within two months → the level above (the city bureau). Change of supervising
// place is the county bureau's (执行地变更); residence changes and visitors the office's.

export const LEAVE_LEVELS_SETTING = 'corrections.leaveApprovalLevels';

export interface LeaveLevelSettings {
  officeMaxDays: number;
  countyMaxDays: number;
  windowMonths: number;
  windowMaxDays: number;
}

export const defaultLeaveLevels: LeaveLevelSettings = {
  officeMaxDays: 7,
  countyMaxDays: 30,
  windowMonths: 2,
  windowMaxDays: 30,
};

/** The stored setting over the defaults; a bad value keeps the default. */
export function leaveLevelSettings(raw: unknown): LeaveLevelSettings {
  const out = { ...defaultLeaveLevels };
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(out) as (keyof LeaveLevelSettings)[]) {
      const v = (raw as Record<string, unknown>)[key];
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[key] = v;
    }
  }
  return out;
}

const rank: Record<ApprovalLevel, number> = { office: 1, county: 2, city: 3 };

/** The level a unit decides at (its kind); null for units that decide no corrections approvals. */
export function levelOfUnit(kind: OrgUnitKind): ApprovalLevel | null {
  if (kind === 'justiceOffice') return 'office';
  if (kind === 'countyBureau') return 'county';
  if (kind === 'cityBureau') return 'city';
  return null;
}

export function levelReaches(actor: ApprovalLevel, required: ApprovalLevel): boolean {
  return rank[actor] >= rank[required];
}

/** The next level up (forwarding, 报请); null at the top. */
export function levelAbove(level: ApprovalLevel): ApprovalLevel | null {
  return level === 'office' ? 'county' : level === 'county' ? 'city' : null;
}

const dayMs = 86_400_000;
const toUtc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Calendar days from `from` to `to`, both counted (a leave of one day has from = to). */
export function leaveDays(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs) + 1;
}

/** `months` calendar months before `day` (clamped to the month's end). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return ymd(target.getTime());
}

export interface PriorLeave {
  fromDate: string;
  toDate: string;
}

/**
 * Leave days of earlier (approved, not refused) leaves that fall within the window of `windowMonths` before
 * this leave's end — only the days inside the window count.
 */
export function priorDaysInWindow(
  leave: { fromDate: string; toDate: string },
  prior: readonly PriorLeave[],
  windowMonths: number,
): number {
  const start = monthsBefore(leave.toDate, windowMonths);
  let sum = 0;
  for (const p of prior) {
    // YYYY-MM-DD strings compare as days; Math.max/min would turn them into NaN.
    // biome-ignore lint/complexity/useMathMinMax: string days, not numbers
    const from = p.fromDate > start ? p.fromDate : start;
    // biome-ignore lint/complexity/useMathMinMax: string days, not numbers
    const to = p.toDate < leave.toDate ? p.toDate : leave.toDate;
    if (to >= from) sum += leaveDays(from, to);
  }
  return sum;
}

export interface RequiredLevel {
  level: ApprovalLevel;
  reason: string;
}

/** Who must decide a leave of `days` with `prior` days already approved in the window. */
export function requiredLeaveLevel(days: number, prior: number, s: LeaveLevelSettings): RequiredLevel {
  if (days > s.countyMaxDays) {
    return { level: 'city', reason: `请假${days}天，超过${s.countyMaxDays}天` };
  }
  if (days + prior > s.windowMaxDays) {
    return {
      level: 'city',
      reason: `${s.windowMonths}个月内累计请假${days + prior}天，超过${s.windowMaxDays}天`,
    };
  }
  if (days > s.officeMaxDays) {
    return { level: 'county', reason: `请假${days}天，超过${s.officeMaxDays}天、不超过${s.countyMaxDays}天` };
  }
  return { level: 'office', reason: `请假${days}天，不超过${s.officeMaxDays}天` };
}

/** The level of a non-leave application. */
export function requiredLevelOf(kind: Exclude<ApprovalKind, 'leave'>): RequiredLevel {
  if (kind === 'placeChange') return { level: 'county', reason: '变更执行地由县级社区矫正机构决定' };
  return { level: 'office', reason: kind === 'visitor' ? '会客由司法所审批' : '变更居住地由司法所审批' };
}

/** The refusal when the actor's level is below the required one, or null. */
export function decisionRefusal(actor: ApprovalLevel | null, required: RequiredLevel): string | null {
  if (actor && levelReaches(actor, required.level)) return null;
  const who = approvalLevelLabels[required.level];
  const here = actor ? approvalLevelLabels[actor] : '本单位';
  return `${required.reason}，应由${who}审批，${here}不能作出决定${actor === 'office' || actor === 'county' ? '，请报请上级' : ''}`;
}
