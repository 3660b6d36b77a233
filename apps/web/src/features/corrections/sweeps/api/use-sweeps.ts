import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  sweepCampaignListSchema,
  sweepCampaignViewSchema,
  sweepItemListSchema,
  sweepItemViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 安全排查: /api/corrections/sweeps …

const key = ['corrections', 'sweeps'] as const;

export function useSweepCampaigns() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: () => apiGet('/api/corrections/sweeps', sweepCampaignListSchema),
  });
}

export function useSweepCampaign(id: string | null) {
  return useQuery({
    queryKey: [...key, 'one', id],
    enabled: id !== null,
    queryFn: () => apiGet(`/api/corrections/sweeps/${id}`, sweepCampaignViewSchema),
  });
}

export function useSweepItems(id: string | null, filters: { officeId?: number; status?: string }) {
  return useQuery({
    queryKey: [...key, 'items', id, filters],
    enabled: id !== null,
    queryFn: () =>
      apiGet(`/api/corrections/sweeps/${id}/items${queryString({ ...filters })}`, sweepItemListSchema),
  });
}

export function useCreateSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', '/api/corrections/sweeps', v.body, sweepCampaignViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateSweepItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { campaignId: string; itemId: string; body: unknown }) =>
      apiSend(
        'PUT',
        `/api/corrections/sweeps/${v.campaignId}/items/${v.itemId}`,
        v.body,
        sweepItemViewSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
