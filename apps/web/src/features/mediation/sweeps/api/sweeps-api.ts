import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type MediationOverview,
  mediationOverviewSchema,
  metricResultSchema,
  type SweepCancelInput,
  type SweepHoldInput,
  type SweepPlanInput,
  type SweepPlanUpdate,
  type SweepRecordInput,
  type SweepStatus,
  type SweepView,
  sweepDetailSchema,
  sweepListSchema,
  sweepUnitOptionSchema,
  sweepViewSchema,
} from '@zhucheng/contracts';
import { z } from 'zod';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 矛盾纠纷排查 and 调解概览: the console's calls to /api/mediation/sweeps and /api/mediation/overview, and
// the drill-down of a figure (/api/metrics/<name>?records=1).

const sweepsKey = ['mediation', 'sweeps'] as const;

export interface SweepFilter {
  unitId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: SweepStatus | undefined;
  page: number;
  pageSize: number;
}

export function useSweeps(filter: SweepFilter) {
  return useQuery({
    queryKey: [...sweepsKey, 'list', filter],
    queryFn: ({ signal }) =>
      apiGet(`/api/mediation/sweeps${queryString({ ...filter })}`, sweepListSchema, { signal }),
  });
}

export function useSweep(id: string | undefined) {
  return useQuery({
    queryKey: [...sweepsKey, 'one', id],
    queryFn: ({ signal }) => apiGet(`/api/mediation/sweeps/${id}`, sweepDetailSchema, { signal }),
    enabled: !!id,
  });
}

export function useSweepUnits() {
  return useQuery({
    queryKey: [...sweepsKey, 'units'],
    queryFn: ({ signal }) =>
      apiGet('/api/mediation/sweeps/units', z.object({ items: z.array(sweepUnitOptionSchema) }), { signal }),
    staleTime: 5 * 60_000,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sweepsKey });
}

/** 计划排查 (new) or 修改计划 (with id). */
export function useSavePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: SweepPlanInput | SweepPlanUpdate;
    }): Promise<SweepView> =>
      id
        ? apiSend('PUT', `/api/mediation/sweeps/${id}`, body, sweepViewSchema)
        : apiSend('POST', '/api/mediation/sweeps', body, sweepViewSchema, {
            idempotencyKey: crypto.randomUUID(),
          }),
    onSuccess: invalidate,
  });
}

/** 登记排查情况 on a planned (or held) sweep, or 登记已开展的排查 without a plan. */
export function useRecordHeld() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: SweepHoldInput | SweepRecordInput;
    }): Promise<SweepView> =>
      id
        ? apiSend('POST', `/api/mediation/sweeps/${id}/hold`, body, sweepViewSchema)
        : apiSend('POST', '/api/mediation/sweeps/held', body, sweepViewSchema, {
            idempotencyKey: crypto.randomUUID(),
          }),
    onSuccess: invalidate,
  });
}

export function useCancelSweep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SweepCancelInput }): Promise<SweepView> =>
      apiSend('POST', `/api/mediation/sweeps/${id}/cancel`, body, sweepViewSchema),
    onSuccess: invalidate,
  });
}

export function useOverview(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['mediation', 'overview', period],
    queryFn: ({ signal }): Promise<MediationOverview> =>
      apiGet(`/api/mediation/overview${queryString({ ...(period ?? {}) })}`, mediationOverviewSchema, {
        signal,
      }),
  });
}

/** The records behind a figure for one unit (its subtree), with their case numbers. */
export function useFigureRecords(
  target: { metric: string; unitId: number | null; from: string; to: string } | null,
) {
  return useQuery({
    queryKey: ['mediation', 'figure-records', target],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/metrics/${target?.metric}${queryString({
          from: target?.from,
          to: target?.to,
          unit: target?.unitId ?? undefined,
          records: 1,
        })}`,
        metricResultSchema,
        { signal },
      ),
    enabled: target !== null,
  });
}
