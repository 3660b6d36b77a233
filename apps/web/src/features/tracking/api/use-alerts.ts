import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AlertKind,
  alertAssigneesSchema,
  alertDetailSchema,
  alertListSchema,
  type FenceInput,
  type FenceUpdateInput,
  fenceDetailSchema,
  fenceListSchema,
  fenceViewSchema,
  type TriageInput,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../lib/api.ts';

// 海上定位 part 2: the console's calls for alerts (the triage queue) and fences (/api/tracking/alerts, …/fences).
// The queue refreshes every 10 s so a new alert shows within seconds.

const key = ['tracking'] as const;
export const ALERTS_REFRESH_MS = 10_000;

// ---- alerts ----

export interface AlertFilters {
  state?: 'open' | 'new' | 'acknowledged' | 'assigned' | 'resolved' | 'all';
  kind?: AlertKind;
  vesselId?: string;
  page?: number;
  pageSize?: number;
}

export function useAlerts(query: AlertFilters) {
  return useQuery({
    queryKey: [...key, 'alerts', query],
    queryFn: () => apiGet(`/api/tracking/alerts${queryString({ ...query })}`, alertListSchema),
    refetchInterval: ALERTS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useAlert(alertId: string) {
  return useQuery({
    queryKey: [...key, 'alert', alertId],
    queryFn: () => apiGet(`/api/tracking/alerts/${alertId}`, alertDetailSchema),
    enabled: alertId !== '',
  });
}

export function useAlertAssignees(alertId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'alert', alertId, 'assignees'],
    queryFn: () => apiGet(`/api/tracking/alerts/${alertId}/assignees`, alertAssigneesSchema),
    enabled: enabled && alertId !== '',
  });
}

/** acknowledge / assign / resolve / reopen, with the alert's version (409 when someone else acted first). */
export function useTriage(alertId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageInput) =>
      apiSend('POST', `/api/tracking/alerts/${alertId}/triage`, body, alertDetailSchema),
    onSuccess: (detail) => queryClient.setQueryData([...key, 'alert', alertId], detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...key, 'alerts'] }),
  });
}

// ---- fences ----

export function useFences() {
  return useQuery({
    queryKey: [...key, 'fences'],
    queryFn: () => apiGet('/api/tracking/fences', fenceListSchema),
  });
}

export function useFence(fenceId: string) {
  return useQuery({
    queryKey: [...key, 'fence', fenceId],
    queryFn: () => apiGet(`/api/tracking/fences/${fenceId}`, fenceDetailSchema),
    enabled: fenceId !== '',
  });
}

export function useCreateFence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: FenceInput; idempotencyKey: string }) =>
      apiSend('POST', '/api/tracking/fences', v.body, fenceViewSchema, { idempotencyKey: v.idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'fences'] }),
  });
}

export function useUpdateFence(fenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FenceUpdateInput) =>
      apiSend('PATCH', `/api/tracking/fences/${fenceId}`, body, fenceDetailSchema),
    onSuccess: (detail) => queryClient.setQueryData([...key, 'fence', fenceId], detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...key, 'fences'] }),
  });
}
