// The period presets of 统计指标, as inclusive `YYYY-MM-DD` days counted from a given today.

export const periodPresets = ['year', 'firstHalf', 'month', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const periodLabels: Record<PeriodPreset, string> = {
  year: '本年',
  firstHalf: '上半年',
  month: '本月',
  custom: '自定义',
};

export interface Period {
  from: string;
  to: string;
}

/** 本年: 1 January to today; 上半年: 1 January to 30 June; 本月: the 1st to today. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const year = today.slice(0, 4);
  if (preset === 'firstHalf') return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (preset === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  return { from: `${year}-01-01`, to: today };
}

/** “2026-01-01 至 2026-06-30”, one day once. */
export function periodText(p: Period): string {
  return p.from === p.to ? p.from : `${p.from} 至 ${p.to}`;
}
