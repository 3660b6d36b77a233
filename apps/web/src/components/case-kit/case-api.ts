import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CaseDetail,
  type CaseListQuery,
  type CaseParticipantBody,
  type CaseTransitionBody,
  caseDetailSchema,
  caseHistorySchema,
  caseListSchema,
  type UserView,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../lib/api.ts';

// The shared case routes (apps/api: GET /api/cases, /api/cases/:id, its history, transitions and
// participants). Every module's case pages read and act through these.

export const casesQueryKey = ['cases'] as const;

/** GET /api/cases: the query of `apiQuery` (case-list-query.ts), a module's extra parameters included. */
export function useCaseList(query: CaseListQuery | Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...casesQueryKey, 'list', query],
    queryFn: ({ signal }) => apiGet(`/api/cases${queryString({ ...query })}`, caseListSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: [...casesQueryKey, 'detail', caseId],
    queryFn: ({ signal }) => apiGet(`/api/cases/${encodeURIComponent(caseId)}`, caseDetailSchema, { signal }),
  });
}

export function useCaseHistory(caseId: string) {
  return useQuery({
    queryKey: [...casesQueryKey, 'history', caseId],
    queryFn: ({ signal }) =>
      apiGet(`/api/cases/${encodeURIComponent(caseId)}/history`, caseHistorySchema, { signal }),
  });
}

/** After any change: the case, its timeline and every list (status, handler, badge may all change). */
function useApplyCase(caseId: string) {
  const queryClient = useQueryClient();
  return (detail: CaseDetail | undefined) => {
    if (detail) queryClient.setQueryData([...casesQueryKey, 'detail', caseId], detail);
    return queryClient.invalidateQueries({ queryKey: casesQueryKey });
  };
}

export function useTransition(caseId: string) {
  const apply = useApplyCase(caseId);
  return useMutation({
    mutationFn: (body: CaseTransitionBody) =>
      apiSend('POST', `/api/cases/${encodeURIComponent(caseId)}/transitions`, body, caseDetailSchema),
    onSuccess: (detail) => apply(detail),
  });
}

export function useAddParticipant(caseId: string) {
  const apply = useApplyCase(caseId);
  return useMutation({
    mutationFn: (body: CaseParticipantBody) =>
      apiSend('POST', `/api/cases/${encodeURIComponent(caseId)}/participants`, body),
    onSettled: () => apply(undefined),
  });
}

export function useRemoveParticipant(caseId: string) {
  const apply = useApplyCase(caseId);
  return useMutation({
    mutationFn: ({ role, accountId }: { role: string; accountId: string }) =>
      apiSend(
        'DELETE',
        `/api/cases/${encodeURIComponent(caseId)}/participants/${encodeURIComponent(role)}/${encodeURIComponent(accountId)}`,
      ),
    onSettled: () => apply(undefined),
  });
}

/** Active staff accounts matching the words typed, for 指定承办人 (needs user:read). */
export function useStaffSearch(keyword: string, enabled: boolean) {
  return useQuery({
    queryKey: ['access', 'users', 'case-assign', keyword],
    queryFn: ({ signal }) =>
      apiGet<{ total: number; items: UserView[] }>(
        `/api/access/users${queryString({ keyword: keyword || undefined, status: 'active', pageSize: 20 })}`,
        undefined,
        { signal },
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}
