import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  gatewayStatusSchema,
  type TerminalStatus,
  terminalDetailSchema,
  terminalListSchema,
  terminalViewSchema,
  trackViewSchema,
  vendorKeySchema,
  vendorListSchema,
  vendorViewSchema,
  vesselListSchema,
  vesselPositionListSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../lib/api.ts';

// 海上定位: the console's calls to /api/tracking/… (and the vessel picker's /api/corrections/vessels).

const key = ['tracking'] as const;
export const newIdempotencyKey = () => crypto.randomUUID();

// ---- positions and tracks ----

export function useVesselPositions() {
  return useQuery({
    queryKey: [...key, 'positions'],
    queryFn: () => apiGet('/api/tracking/vessels/positions', vesselPositionListSchema),
    refetchInterval: 60_000,
  });
}

export interface TrackRange {
  from: string;
  to: string;
}

/** `kind` vessel: GET /api/tracking/vessels/:id/track; supervisee: GET /api/tracking/supervisees/:caseId/track. */
export function useTrack(kind: 'vessel' | 'supervisee', id: string, range: TrackRange | null) {
  const base = kind === 'vessel' ? 'vessels' : 'supervisees';
  return useQuery({
    queryKey: [...key, 'track', kind, id, range],
    queryFn: () => apiGet(`/api/tracking/${base}/${id}/track${queryString({ ...range })}`, trackViewSchema),
    enabled: id !== '' && range !== null,
    placeholderData: keepPreviousData,
  });
}

// ---- terminals ----

export interface TerminalFilters {
  q?: string;
  status?: TerminalStatus;
  page: number;
  pageSize: number;
}

export function useTerminals(filters: TerminalFilters) {
  return useQuery({
    queryKey: [...key, 'terminals', 'list', filters],
    queryFn: () => apiGet(`/api/tracking/terminals${queryString({ ...filters })}`, terminalListSchema),
    placeholderData: keepPreviousData,
  });
}

export function useTerminal(terminalId: string) {
  return useQuery({
    queryKey: [...key, 'terminals', 'detail', terminalId],
    queryFn: () => apiGet(`/api/tracking/terminals/${terminalId}`, terminalDetailSchema),
    enabled: terminalId !== '',
  });
}

export function useCreateTerminal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', '/api/tracking/terminals', v.body, terminalViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** PATCH with the version (edit, 停用 with `retired: true`); 409 when someone else saved first. */
export function useUpdateTerminal(terminalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiSend('PATCH', `/api/tracking/terminals/${terminalId}`, body, terminalViewSchema),
    // Also after a failure: a 409 means the terminal changed, so the page reloads it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** 安装到船舶 (path `installations`) and 拆除 (path `installations/:id/end`): both answer the whole detail. */
export function useInstallationChange(terminalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; body: unknown }) =>
      apiSend('POST', `/api/tracking/terminals/${terminalId}/${v.path}`, v.body, terminalDetailSchema),
    onSuccess: (data) => {
      queryClient.setQueryData([...key, 'terminals', 'detail', terminalId], data);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/** The vessel picker: the corrections module's vessels in the caller's scope. */
export function useVesselOptions(q: string) {
  return useQuery({
    queryKey: [...key, 'vessel-options', q],
    queryFn: () =>
      apiGet(`/api/corrections/vessels${queryString({ q, page: 1, pageSize: 20 })}`, vesselListSchema),
    placeholderData: keepPreviousData,
  });
}

// ---- vendors and the gateway ----

export function useVendors(enabled = true) {
  return useQuery({
    queryKey: [...key, 'vendors'],
    queryFn: () => apiGet('/api/tracking/vendors', vendorListSchema),
    enabled,
  });
}

export function useCreateVendor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', '/api/tracking/vendors', v.body, vendorViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'vendors'] }),
  });
}

export function useIssueVendorKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vendorId: string) =>
      apiSend('POST', `/api/tracking/vendors/${vendorId}/key`, undefined, vendorKeySchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'vendors'] }),
  });
}

export function useRevokeVendorKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vendorId: string) =>
      apiSend('DELETE', `/api/tracking/vendors/${vendorId}/key`, undefined, vendorViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'vendors'] }),
  });
}

export function useGatewayStatus() {
  return useQuery({
    queryKey: [...key, 'gateway'],
    queryFn: () => apiGet('/api/tracking/gateway', gatewayStatusSchema),
    refetchInterval: 15_000,
  });
}
