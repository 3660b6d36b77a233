import { describe, expect, it } from 'vitest';
import { defineMetric, type MetricDef, MetricRegistry, metricProblems } from './metric-registry.ts';
import { percent, yuan } from './metrics.rules.ts';

const metric = (over: Partial<MetricDef> = {}): MetricDef => ({
  name: 'mediation.accepted',
  label: '受理纠纷数',
  measure: '件',
  kind: 'flow',
  permission: 'case:read',
  compute: async () => ({ value: 0 }),
  ...over,
});

describe('metric definitions', () => {
  it('accepts a sound definition and names what is wrong with a broken one', () => {
    expect(metricProblems(metric())).toEqual([]);
    expect(metricProblems(metric({ name: 'Mediation.accepted' }))).toHaveLength(1);
    expect(metricProblems(metric({ name: 'mediation' }))).toHaveLength(1);
    expect(metricProblems(metric({ label: ' ' }))).toHaveLength(1);
    expect(
      metricProblems(
        metric({
          parts: [
            { key: 'a', label: '甲' },
            { key: 'a', label: '乙' },
          ],
        }),
      ),
    ).toHaveLength(1);
    expect(() => defineMetric(metric({ name: 'x' }))).toThrow(/<module>\.<metric>/);
  });

  it('refuses a name registered twice', () => {
    const registry = new MetricRegistry(metric());
    expect(() => registry.add(metric())).toThrow(/registered twice/);
    expect(registry.find('mediation.accepted')?.label).toBe('受理纠纷数');
    expect(registry.find('mediation.other')).toBeUndefined();
  });
});

describe('figures as the report rounds them', () => {
  it('rounds percentages: 1008 of 1021 settled is 98.73, 11 of 37 withdrawn is 29.7 to one decimal', () => {
    expect(percent(1008, 1021)).toBe(98.73);
    expect(percent(11, 37, 1)).toBe(29.7);
    expect(percent(69, 69)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });

  it('reads numeric sums of money as yuan rounded to the fen', () => {
    expect(yuan('3080000.00')).toBe(3080000);
    expect(yuan('12001800')).toBe(12001800);
    expect(yuan('0.105')).toBe(0.11);
    expect(yuan(null)).toBe(0);
  });
});
