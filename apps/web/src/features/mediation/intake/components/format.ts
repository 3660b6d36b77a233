/** 1,200.50 元: amounts right-aligned with 元 and thousands separators (UI.md). */
export function formatYuan(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** UI.md status colours: processing blue, waiting orange, done green, closed grey. */
export const toneColor: Record<string, string> = {
  processing: 'processing',
  waiting: 'warning',
  done: 'success',
  closed: 'default',
};
