import type { MonitoringCondition, SanctionBreach, SanctionKind } from '@zhucheng/contracts';

// 电子定位监管 (社区矫正法第二十九条): the five conditions, each to be evidenced by a record of this term; the
// term of at most 3 months and renewals of at most 3 months each, only after a recorded review.

export const MONITORING_MAX_MONTHS = 3;

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const toUtc = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const addDays = (day: string, n: number) => ymd(toUtc(day) + n * 86_400_000);

/** `months` calendar months after `day` (clamped to the month's end). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return ymd(target.getTime());
}

/** The last day a term starting on `start` may run to: 3 months, both ends counted (1 Oct → 31 Dec). */
export function latestEnd(start: string, months = MONITORING_MAX_MONTHS): string {
  return addDays(addMonths(start, months), -1);
}

/** Why a proposed term is not allowed, or null. */
export function termRefusal(startsOn: string, endsOn: string): string | null {
  if (endsOn < startsOn) return '结束日期不能早于开始日期';
  const last = latestEnd(startsOn);
  if (endsOn > last) return `电子定位监管期限不得超过三个月（最迟至${last}）`;
  return null;
}

/** Why a renewal is not allowed, or null: only after an unused review; at most 3 more months. */
export function renewalRefusal(
  currentEnd: string,
  newEnd: string,
  review: { conclusion: 'renew' | 'end' } | null,
): string | null {
  if (!review) return '续期前须先复查评估并记录复查情况';
  if (review.conclusion !== 'renew') return '复查结论为解除，不能续期';
  if (newEnd <= currentEnd) return '续期结束日期应晚于当前结束日期';
  const last = latestEnd(addDays(currentEnd, 1));
  if (newEnd > last) return `每次续期不得超过三个月（最迟至${last}）`;
  return null;
}

/** The record offered as evidence of a condition (of the same term). */
export interface MonitoringEvidence {
  sanction?: { kind: SanctionKind; breach: SanctionBreach; withdrawn: boolean } | null;
  /** A leave whose return was late (or is past its end and not returned). */
  approval?: { kind: string; overdue: boolean } | null;
}

/** Why the evidence does not establish the condition, or null. */
export function conditionRefusal(condition: MonitoringCondition, e: MonitoringEvidence): string | null {
  const s = e.sanction && !e.sanction.withdrawn ? e.sanction : null;
  const ok = (() => {
    switch (condition) {
      case 'prohibitionBreach':
        return !!s && (s.breach === 'prohibitionMinor' || s.breach === 'prohibitionSerious');
      case 'leftWithoutApproval':
        return (
          (!!s && s.breach === 'absence') ||
          (!!e.approval && e.approval.kind === 'leave' && e.approval.overdue)
        );
      case 'warningRefusedReport':
        return !!s && s.kind === 'warning' && s.breach === 'refusedReport';
      case 'publicSecurityPenalty':
        return !!s && (s.kind === 'requestPenalty' || s.breach === 'afterPenalty');
      case 'pendingRevocation':
        return !!s && (s.kind === 'requestRevocation' || s.kind === 'requestCommittal');
    }
  })();
  if (ok) return null;
  const need: Record<MonitoringCondition, string> = {
    prohibitionBreach: '违反禁止令的奖惩记录',
    leftWithoutApproval: '脱离监管的奖惩记录或逾期未归的请假记录',
    warningRefusedReport: '因拒不报告被给予警告的记录',
    publicSecurityPenalty: '提请治安管理处罚的记录',
    pendingRevocation: '提请撤销缓刑、假释或收监执行的记录',
  };
  return `适用该情形须以本矫正期内${need[condition]}为依据`;
}
