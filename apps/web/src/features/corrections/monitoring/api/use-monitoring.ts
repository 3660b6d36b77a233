import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MonitoringStatus, monitoringListSchema, monitoringViewSchema } from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 电子定位监管 (第二十九条): calls to /api/corrections/monitoring-orders and a supervisee's orders.

const key = ['corrections', 'monitoring'] as const;

export function useMonitoringOrders(filters: { status?: MonitoringStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'list', filters],
    queryFn: () =>
      apiGet(`/api/corrections/monitoring-orders${queryString({ ...filters })}`, monitoringListSchema),
  });
}

export function useSuperviseeMonitoring(caseId: string) {
  return useQuery({
    queryKey: [...key, 'supervisee', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}/monitoring-orders`, monitoringListSchema),
  });
}

export function useProposeMonitoring(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend(
        'POST',
        `/api/corrections/supervisees/${caseId}/monitoring-orders`,
        v.body,
        monitoringViewSchema,
        {
          idempotencyKey: v.idempotencyKey,
        },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export type MonitoringAction = 'decision' | 'review' | 'renew' | 'end';

export function useMonitoringAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: MonitoringAction; body: unknown }) =>
      apiSend('POST', `/api/corrections/monitoring-orders/${v.id}/${v.action}`, v.body, monitoringViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
