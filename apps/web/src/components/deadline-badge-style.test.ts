import { describe, expect, it } from 'vitest';
import { deadlineBadgeStyle, deadlineBadgeText, deadlineBadgeTooltip } from './deadline-badge-style.ts';

const title = '受理审查期限：5 个工作日（行政复议法第三十条）';

describe('deadline badge', () => {
  it('colours each state as UI.md says', () => {
    expect(deadlineBadgeStyle('ok').color).toBe('green');
    expect(deadlineBadgeStyle('dueSoon').color).toBe('gold');
    expect(deadlineBadgeStyle('overdue').color).toBe('red');
    expect(deadlineBadgeStyle('stopped').color).toBe('default');
    expect(deadlineBadgeStyle('met').color).toBe('default');
    expect(deadlineBadgeStyle('paused').color).toBe('blue');
    expect(deadlineBadgeStyle('needsCalendar').color).toBe('orange');
  });

  it('shows the API label, or the state word when there is none', () => {
    expect(deadlineBadgeText({ state: 'dueSoon', label: '剩余 3 个工作日' })).toBe('剩余 3 个工作日');
    expect(deadlineBadgeText({ state: 'overdue', label: '已超期 2 天' })).toBe('已超期 2 天');
    expect(deadlineBadgeText({ state: 'met', label: '' })).toBe('已办结');
    expect(deadlineBadgeStyle('overdue').stateLabel).toBe('已超期');
  });

  it('names the rule and its article on hover, and says what to do when the calendar is missing', () => {
    expect(deadlineBadgeTooltip({ state: 'ok', title })).toBe(title);
    const missing = deadlineBadgeTooltip({ state: 'needsCalendar', title });
    expect(missing).toContain('行政复议法第三十条');
    expect(missing).toContain('节假日设置');
  });
});
