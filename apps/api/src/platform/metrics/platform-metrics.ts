import { caseFlowMetric } from './case-metrics.ts';
import type { MetricDef } from './metric-registry.ts';

// The platform's own figures, over every business line's cases. Modules declare theirs in
// `modules/<module>/<module>.metrics.ts`.
export const platformMetrics: MetricDef[] = [
  caseFlowMetric({
    name: 'platform.cases',
    label: '全部案件收结案情况',
    description:
      '各业务条线的案件合计，按主管单位统计。上期结转：开始日期前登记且当时未办结；本期收案：期间内登记；本期办结：期间内进入办结状态；期末未结 = 上期结转 + 本期收案 − 本期办结。',
    caseTypes: 'all',
  }),
];
