import type { MetricSummary } from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';
import { formatFigure, orderedParts, partLabel } from './format.ts';

const flow: MetricSummary = {
  name: 'platform.cases',
  label: '全部案件收结案情况',
  description: null,
  measure: '件',
  kind: 'flow',
  recordKind: 'case',
  parts: [
    { key: 'carriedIn', label: '上期结转' },
    { key: 'received', label: '本期收案' },
  ],
};

describe('metric figures', () => {
  it('writes numbers with separators and the measure', () => {
    expect(formatFigure(1447, '人次')).toBe('1,447 人次');
    expect(formatFigure(3080000, '元')).toBe('3,080,000 元');
    expect(formatFigure(12001800.5, '元')).toBe('12,001,800.5 元');
    expect(formatFigure(98.73, '%')).toBe('98.73%');
  });

  it('labels and orders the parts of a breakdown', () => {
    expect(partLabel(flow, 'received')).toBe('本期收案');
    expect(partLabel(flow, 'tourism')).toBe('tourism');
    expect(orderedParts(flow, { extra: 1, received: 3, carriedIn: 2 })).toEqual([
      ['carriedIn', 2],
      ['received', 3],
      ['extra', 1],
    ]);
  });
});
