import type { SanctionBreach, SanctionKind, SentenceKind } from '@zhucheng/contracts';
import { sanctionKindLabels } from '@zhucheng/contracts';

// 奖惩建议 (implementing measures (2020) [verify article]): from the breach and the supervisee's history.
// 训诫: late report or absence up to 10 days; a minor breach of reporting, visitor, travel or moving rules;
// missing education. 警告: absence over 10 days; a minor breach of a prohibition order; two admonitions; not
// filing medical re-checks. 提请撤销: a serious breach of a prohibition order; absence over 1 month; still
// non-compliant after a public-security penalty; two warnings. The "revocation" step depends on the sentence:
// probation / parole → 提请撤销缓刑、假释; temporary service outside prison → 提请收监执行; public surveillance
// (管制, which cannot be revoked) → 提请治安管理处罚. The officer confirms or chooses another step.

export const ABSENCE_ADMONITION_MAX_DAYS = 10;
export const ABSENCE_WARNING_MAX_DAYS = 30;

export interface SanctionHistory {
  /** Admonitions since the last warning (or since the start), withdrawn ones not counted. */
  admonitions: number;
  /** Warnings of the term, withdrawn ones not counted. */
  warnings: number;
}

export interface Suggestion {
  kind: SanctionKind | null;
  reasons: string[];
}

/** The step above a warning for this sentence kind. */
export function revocationStep(sentence: SentenceKind): SanctionKind {
  if (sentence === 'probation' || sentence === 'parole') return 'requestRevocation';
  if (sentence === 'temporaryService') return 'requestCommittal';
  return 'requestPenalty';
}

type Step = 'praise' | 'admonition' | 'warning' | 'revoke' | 'penalty';

function stepOfBreach(
  breach: SanctionBreach,
  absenceDays: number | null,
): { step: Step; reason: string } | null {
  switch (breach) {
    case 'merit':
      return { step: 'praise', reason: '表现突出' };
    case 'lateReport':
      return { step: 'admonition', reason: '未按规定时间报到' };
    case 'absence': {
      const d = absenceDays ?? 0;
      if (d > ABSENCE_WARNING_MAX_DAYS) return { step: 'revoke', reason: `脱离监管${d}天，超过一个月` };
      if (d > ABSENCE_ADMONITION_MAX_DAYS) return { step: 'warning', reason: `脱离监管${d}天，超过十日` };
      return { step: 'admonition', reason: `脱离监管${d}天，不超过十日` };
    }
    case 'reportingRules':
      return { step: 'admonition', reason: '违反报告、会客、外出、迁居规定，情节轻微' };
    case 'missedEducation':
      return { step: 'admonition', reason: '不按规定参加教育学习、社区服务' };
    case 'refusedReport':
      return { step: 'warning', reason: '拒不按规定报告' };
    case 'prohibitionMinor':
      return { step: 'warning', reason: '违反禁止令，情节轻微' };
    case 'medicalRecheck':
      return { step: 'warning', reason: '不按规定提交病情复查情况' };
    case 'prohibitionSerious':
      return { step: 'revoke', reason: '违反禁止令，情节严重' };
    case 'afterPenalty':
      return { step: 'revoke', reason: '受到治安管理处罚后仍不改正' };
    case 'publicSecurityOffence':
      return { step: 'penalty', reason: '违反治安管理' };
    case 'other':
      return null;
  }
}

/** The suggested step for a breach given the history; the reasons are shown to the officer. */
export function suggestSanction(
  breach: SanctionBreach,
  absenceDays: number | null,
  history: SanctionHistory,
  sentence: SentenceKind,
): Suggestion {
  const base = stepOfBreach(breach, absenceDays);
  if (!base) return { kind: null, reasons: ['该情形无对应的建议，请按实际情况决定'] };
  const reasons = [base.reason];
  let step = base.step;
  if (step === 'admonition' && history.admonitions >= 1) {
    step = 'warning';
    reasons.push(`已受训诫${history.admonitions}次，再次违规应予警告`);
  }
  if (step === 'warning' && history.warnings >= 1) {
    step = 'revoke';
    reasons.push(`已受警告${history.warnings}次，再次受到警告的应提请撤销或收监`);
  }
  const kind: SanctionKind =
    step === 'revoke' ? revocationStep(sentence) : step === 'penalty' ? 'requestPenalty' : step;
  if (step === 'revoke' && kind === 'requestPenalty') reasons.push('管制不适用撤销，提请公安机关处理');
  return { kind, reasons };
}

/** Counts the history from a term's sanctions (oldest first, withdrawn excluded by the caller). */
export function historyOf(kinds: readonly SanctionKind[]): SanctionHistory {
  let admonitions = 0;
  let warnings = 0;
  for (const k of kinds) {
    if (k === 'admonition') admonitions += 1;
    if (k === 'warning') {
      warnings += 1;
      admonitions = 0;
    }
  }
  return { admonitions, warnings };
}

/** The refusal when the chosen step departs from the suggestion without a note, or null. */
export function deviationRefusal(
  chosen: SanctionKind,
  suggested: SanctionKind | null,
  note: string | null | undefined,
): string | null {
  if (!suggested || chosen === suggested || (note && note.trim() !== '')) return null;
  return `系统建议为“${sanctionKindLabels[suggested]}”，选择“${sanctionKindLabels[chosen]}”请说明理由`;
}
