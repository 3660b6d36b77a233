import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  portalSeaTripsViewSchema,
  type SeaTripStatus,
  seaTripListSchema,
  seaTripViewSchema,
  superviseeVesselsViewSchema,
  vesselListSchema,
  vesselSettingsViewSchema,
  vesselViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 船舶与出海报备: the console's and the portal's calls to /api/corrections/{vessels,sea-trips,…}.

const key = ['corrections', 'vessels'] as const;
export const newIdempotencyKey = () => crypto.randomUUID();

export function useVesselSettings() {
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => apiGet('/api/corrections/vessel-settings', vesselSettingsViewSchema),
    staleTime: 5 * 60_000,
  });
}

export interface VesselFilters {
  q?: string;
  gearType?: string;
  page: number;
  pageSize: number;
}

export function useVessels(filters: VesselFilters) {
  return useQuery({
    queryKey: [...key, 'list', filters],
    queryFn: () => apiGet(`/api/corrections/vessels${queryString({ ...filters })}`, vesselListSchema),
  });
}

export function useSaveVessel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: unknown; idempotencyKey?: string }) =>
      v.id
        ? apiSend('PATCH', `/api/corrections/vessels/${v.id}`, v.body, vesselViewSchema)
        : apiSend('POST', '/api/corrections/vessels', v.body, vesselViewSchema, {
            ...(v.idempotencyKey ? { idempotencyKey: v.idempotencyKey } : {}),
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useSuperviseeVessels(caseId: string) {
  return useQuery({
    queryKey: [...key, 'supervisee', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}/vessels`, superviseeVesselsViewSchema),
  });
}

/** Consent, aboard windows: each answers the whole tab. */
export function useSuperviseeVesselsChange(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: unknown }) =>
      apiSend(
        v.method,
        `/api/corrections/supervisees/${caseId}/${v.path}`,
        v.body,
        superviseeVesselsViewSchema,
      ),
    onSuccess: (data) => {
      queryClient.setQueryData([...key, 'supervisee', caseId], data);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export interface SeaTripFilters {
  status?: SeaTripStatus | undefined;
  overdue?: 'true' | undefined;
  page: number;
  pageSize: number;
}

export function useSeaTrips(filters: SeaTripFilters) {
  return useQuery({
    queryKey: [...key, 'trips', filters],
    queryFn: () => apiGet(`/api/corrections/sea-trips${queryString({ ...filters })}`, seaTripListSchema),
    refetchInterval: 60_000,
  });
}

/** An officer files for a supervisee (the key kept across retries of one dialog). */
export function useSeaTripFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', '/api/corrections/sea-trips', v.body, seaTripViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** approve / reject / depart / return / cancel / logs by the office. */
export function useSeaTripAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: string; body: unknown }) =>
      apiSend('POST', `/api/corrections/sea-trips/${v.id}/${v.action}`, v.body, seaTripViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

// ---- portal ----

const portalKey = ['corrections', 'portal', 'sea-trips'] as const;

export function usePortalSeaTrips() {
  return useQuery({
    queryKey: portalKey,
    queryFn: () => apiGet('/api/corrections/portal/sea-trips', portalSeaTripsViewSchema),
    retry: false,
  });
}

export function usePortalFileTrip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', '/api/corrections/portal/sea-trips', v.body, seaTripViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKey }),
  });
}

export function usePortalTripAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'depart' | 'return' | 'cancel' | 'logs'; body: unknown }) =>
      apiSend('POST', `/api/corrections/portal/sea-trips/${v.id}/${v.action}`, v.body, seaTripViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKey }),
  });
}
