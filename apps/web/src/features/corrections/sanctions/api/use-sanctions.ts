import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type SanctionBreach,
  type SanctionKind,
  sanctionListSchema,
  sanctionSuggestionSchema,
  sanctionViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 奖惩: calls to /api/corrections/{sanctions,supervisees/:id/sanctions,…}.

const key = ['corrections', 'sanctions'] as const;

export function useSanctions(filters: { kind?: SanctionKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'list', filters],
    queryFn: () => apiGet(`/api/corrections/sanctions${queryString({ ...filters })}`, sanctionListSchema),
  });
}

export function useSuperviseeSanctions(caseId: string) {
  return useQuery({
    queryKey: [...key, 'supervisee', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}/sanctions`, sanctionListSchema),
  });
}

export function useSanctionSuggestion(
  caseId: string,
  breach: SanctionBreach | null,
  absenceDays: number | null,
) {
  return useQuery({
    queryKey: [...key, 'suggestion', caseId, breach, absenceDays],
    enabled: breach !== null && (breach !== 'absence' || absenceDays !== null),
    queryFn: () =>
      apiGet(
        `/api/corrections/supervisees/${caseId}/sanction-suggestion${queryString({
          breach: breach ?? undefined,
          absenceDays: absenceDays ?? undefined,
        })}`,
        sanctionSuggestionSchema,
      ),
  });
}

export function useRecordSanction(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; idempotencyKey: string }) =>
      apiSend('POST', `/api/corrections/supervisees/${caseId}/sanctions`, v.body, sanctionViewSchema, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useWithdrawSanction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: unknown }) =>
      apiSend('POST', `/api/corrections/sanctions/${v.id}/withdraw`, v.body, sanctionViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
