import {
  type ReleaseNoticeRecipient,
  releaseNoticeRecipients,
  type TerminationReason,
  terminationReasonLabels,
} from '@zhucheng/contracts';

// 解除与终止的规则 (社区矫正法第四十四条、第四十五条), pure.

/** Why a release on `releasedOn` is refused, or null. 第四十四条: 矫正期满 — on or after the period's last day. */
export function releaseRefusal(periodEnd: string, releasedOn: string, today: string): string | null {
  if (releasedOn > today) return '解除日期不能晚于今天';
  if (releasedOn < periodEnd) {
    return `社区矫正期限至 ${periodEnd} 届满，期满之前不能解除社区矫正（第四十四条）；提前结束请办理终止`;
  }
  return null;
}

/** Why a termination is refused, or null. Revocation applies to probation and parole only (第四十六条). */
export function terminationRefusal(input: {
  reason: TerminationReason;
  sentenceKind: string;
  endedOn: string;
  periodStart: string;
  today: string;
}): string | null {
  if (input.endedOn > input.today) return '终止日期不能晚于今天';
  if (input.endedOn < input.periodStart) return '终止日期不能早于社区矫正期限开始日期';
  if (input.reason === 'revocation' && !['probation', 'parole'].includes(input.sentenceKind)) {
    return `“${terminationReasonLabels.revocation}”只适用于缓刑、假释的社区矫正对象`;
  }
  return null;
}

/** The authorities not yet notified of the ending (法院、检察院、公安机关 each get a notice). */
export function missingNotices(sent: readonly ReleaseNoticeRecipient[]): ReleaseNoticeRecipient[] {
  return releaseNoticeRecipients.filter((r) => !sent.includes(r));
}
