import type { DeadlineBadgeState, DeadlineStanding } from '@zhucheng/contracts';

// The deadline badge's look (UI.md): green while more than the warning threshold is left, amber at or
// under it, red once overdue; grey when the clock stopped or the case is done, blue while paused, orange
// while the due date waits for a year's holiday arrangement. Pure, so it is tested without a DOM.

export interface DeadlineBadgeStyle {
  /** An antd Tag colour (preset name). */
  color: string;
  /** Short Chinese word for screen readers and legends: 正常 / 即将到期 / 已超期 … */
  stateLabel: string;
}

const styles: Record<DeadlineBadgeState, DeadlineBadgeStyle> = {
  ok: { color: 'green', stateLabel: '正常' },
  dueSoon: { color: 'gold', stateLabel: '即将到期' },
  overdue: { color: 'red', stateLabel: '已超期' },
  paused: { color: 'blue', stateLabel: '暂停计时' },
  stopped: { color: 'default', stateLabel: '已停止计时' },
  met: { color: 'default', stateLabel: '已办结' },
  needsCalendar: { color: 'orange', stateLabel: '期限待计算' },
};

export function deadlineBadgeStyle(state: DeadlineBadgeState): DeadlineBadgeStyle {
  return styles[state];
}

/** The text on the badge: the API's label, or the state's word when the label is empty. */
export function deadlineBadgeText(standing: Pick<DeadlineStanding, 'state' | 'label'>): string {
  const label = standing.label.trim();
  return label || styles[standing.state].stateLabel;
}

/** The hover text: the rule and its article, plus what to do when the due date cannot be computed. */
export function deadlineBadgeTooltip(standing: Pick<DeadlineStanding, 'state' | 'title'>): string {
  if (standing.state === 'needsCalendar') {
    return `${standing.title}。所需年度的节假日安排尚未录入，请系统管理员在“节假日设置”中录入后自动计算`;
  }
  return standing.title;
}
