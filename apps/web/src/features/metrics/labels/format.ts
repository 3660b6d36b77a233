import type { MetricSummary } from '@zhucheng/contracts';

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 1,447 人次 · 3,080,000 元 · 98.73% */
export function formatFigure(value: number, measure: string): string {
  const text = numberFormat.format(value);
  return measure === '%' ? `${text}%` : `${text} ${measure}`;
}

/** The Chinese label of one part of an object value; an undeclared key shows as itself. */
export function partLabel(metric: MetricSummary, key: string): string {
  return metric.parts.find((p) => p.key === key)?.label ?? key;
}

/** The parts of an object value in the declared order, then any undeclared ones. */
export function orderedParts(metric: MetricSummary, value: Record<string, number>): [string, number][] {
  const declared = metric.parts.map((p) => p.key).filter((k) => k in value);
  const rest = Object.keys(value).filter((k) => !declared.includes(k));
  return [...declared, ...rest].map((k) => [k, value[k] ?? 0]);
}
