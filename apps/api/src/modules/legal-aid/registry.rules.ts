import type { LawyerUnavailability } from '@zhucheng/contracts';

// Pure rules of the legal-aid registries: years of practice, Art. 26, a lawyer's availability on a day.
// Days are `YYYY-MM-DD` strings, which compare in calendar order.

/**
 * 法律援助法 Art. 26: for a defendant who may be sentenced to life imprisonment or death, the centre
 * assigns a lawyer with at least three years of practice.
 */
export const ARTICLE_26_MIN_PRACTICE_YEARS = 3;

/** Full years of practice on `day`: the anniversary of the start day completes a year (29 Feb → 28 Feb). */
export function practiceYears(practiceStartDate: string, day: string): number {
  if (day < practiceStartDate) return 0;
  const [sy, sm, sd] = practiceStartDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let years = y - sy;
  if (m < sm || (m === sm && d < sd)) years -= 1;
  // A start on 29 February: in a common year the year completes on 28 February.
  if (sm === 2 && sd === 29 && m === 2 && d === 28 && !isLeapYear(y)) years += 1;
  return Math.max(0, years);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whether the lawyer may take a case with a possible life or death sentence on `day` (Art. 26). */
export function meetsArticle26(practiceStartDate: string, day: string): boolean {
  return practiceYears(practiceStartDate, day) >= ARTICLE_26_MIN_PRACTICE_YEARS;
}

export interface LawyerStanding {
  registeredOn: string;
  leftOn: string | null;
  unavailable: readonly LawyerUnavailability[];
}

/** Why the lawyer cannot be assigned on `day`, in Chinese; null when they can. */
export function unavailabilityReason(lawyer: LawyerStanding, day: string): string | null {
  if (day < lawyer.registeredOn) return '尚未入库';
  if (lawyer.leftOn && day >= lawyer.leftOn) return '已退出律师库';
  const period = lawyer.unavailable.find((p) => p.from <= day && day <= p.to);
  return period ? `不可指派：${period.reason}（${period.from} 至 ${period.to}）` : null;
}

export function isAvailable(lawyer: LawyerStanding, day: string): boolean {
  return unavailabilityReason(lawyer, day) === null;
}

/** Whether two day ranges (both ends inclusive) share a day. */
export function rangesOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}
