import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type MetricSummary, metricListSchema, metricResultSchema } from '@zhucheng/contracts';
import { apiGet, queryString } from '../../../lib/api.ts';

const metricsKey = ['metrics'] as const;

/** The period and unit every figure on the page is computed for; dates inclusive, `YYYY-MM-DD`. */
export interface MetricFilter {
  from: string;
  to: string;
  unit?: number | undefined;
}

/** The metrics the user may see, and the platform's today (the presets count from it). */
export function useMetricList() {
  return useQuery({
    queryKey: [...metricsKey, 'list'],
    queryFn: ({ signal }) => apiGet('/api/metrics', metricListSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

function path(metric: MetricSummary, filter: MetricFilter, records: boolean): string {
  return `/api/metrics/${encodeURIComponent(metric.name)}${queryString({
    from: filter.from,
    to: filter.to,
    unit: filter.unit,
    records: records ? '1' : undefined,
  })}`;
}

/** One figure; `records` also fetches the ids behind it (the drill-down, only when opened). */
export function useMetricValue(metric: MetricSummary, filter: MetricFilter, records = false, enabled = true) {
  return useQuery({
    queryKey: [...metricsKey, 'value', metric.name, filter.from, filter.to, filter.unit ?? null, records],
    queryFn: ({ signal }) => apiGet(path(metric, filter, records), metricResultSchema, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
