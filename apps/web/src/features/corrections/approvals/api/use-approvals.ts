import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ApprovalKind,
  type ApprovalStatus,
  approvalListSchema,
  approvalSettingsViewSchema,
  approvalViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 审批事项: the console's and the portal's calls to /api/corrections/{approvals,…}.

const key = ['corrections', 'approvals'] as const;
export const newIdempotencyKey = () => crypto.randomUUID();

export function useApprovalSettings() {
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => apiGet('/api/corrections/approval-settings', approvalSettingsViewSchema),
    staleTime: 5 * 60_000,
  });
}

export function useApprovals(filters: {
  status?: ApprovalStatus;
  kind?: ApprovalKind;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...key, 'list', filters],
    queryFn: () => apiGet(`/api/corrections/approvals${queryString({ ...filters })}`, approvalListSchema),
  });
}

export function useSuperviseeApprovals(caseId: string) {
  return useQuery({
    queryKey: [...key, 'supervisee', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}/approvals`, approvalListSchema),
  });
}

export function useRegisterApproval(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', `/api/corrections/supervisees/${caseId}/approvals`, v.body, approvalViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useApprovalAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'decision' | 'forward' | 'return'; body: unknown }) =>
      apiSend('POST', `/api/corrections/approvals/${v.id}/${v.action}`, v.body, approvalViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function usePortalApplications() {
  return useQuery({
    queryKey: [...key, 'portal'],
    queryFn: () => apiGet('/api/corrections/portal/approvals', approvalListSchema),
    retry: false,
  });
}

export function usePortalApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', '/api/corrections/portal/approvals', v.body, approvalViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'portal'] }),
  });
}
