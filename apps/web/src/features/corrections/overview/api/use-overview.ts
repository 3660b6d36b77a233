import { useQuery } from '@tanstack/react-query';
import { metricResultSchema } from '@zhucheng/contracts';
import { apiGet, queryString } from '../../../../lib/api.ts';

// 社区矫正概览: the corrections metrics through /api/metrics/:name (the caller's units), with records on demand.

export interface OverviewPeriod {
  from: string;
  to: string;
}

export function useCorrectionsMetric(name: string, period: OverviewPeriod, records = false, enabled = true) {
  return useQuery({
    queryKey: ['corrections', 'overview', name, period, records],
    enabled,
    queryFn: () =>
      apiGet(
        `/api/metrics/${name}${queryString({ from: period.from, to: period.to, ...(records ? { records: 1 } : {}) })}`,
        metricResultSchema,
      ),
  });
}
