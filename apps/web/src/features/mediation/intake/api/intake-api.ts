import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type DisputeKind,
  type DisputeSource,
  type DuplicateCheckInput,
  dispatchCommitteeListSchema,
  disputeFactsSchema,
  disputeTownListSchema,
  duplicateCheckResultSchema,
  type MediationApplicationInput,
  mediationApplicationResultSchema,
  myMediationApplicationListSchema,
  myMediationApplicationSchema,
  type RedispatchInput,
  type RegisterDisputeInput,
  registerDisputeResultSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend } from '../../../../lib/api.ts';

// The intake routes of apps/api/src/modules/mediation (intake.routes.ts, dispatch.routes.ts).

export const intakeKey = ['mediation', 'intake'] as const;
const base = '/api/mediation';

export function useTowns() {
  return useQuery({
    queryKey: [...intakeKey, 'towns'],
    queryFn: ({ signal }) => apiGet(`${base}/towns`, disputeTownListSchema, { signal }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

export function useRegisterDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: RegisterDisputeInput; idempotencyKey: string }) =>
      apiSend('POST', `${base}/disputes`, input, registerDisputeResultSchema, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function checkDuplicates(input: DuplicateCheckInput) {
  return apiSend('POST', `${base}/disputes/duplicates`, input, duplicateCheckResultSchema);
}

export function useDisputeFacts(caseId: string) {
  return useQuery({
    queryKey: [...intakeKey, 'facts', caseId],
    queryFn: ({ signal }) =>
      apiGet(`${base}/disputes/${encodeURIComponent(caseId)}/facts`, disputeFactsSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface DisputeSummary {
  caseId: string;
  kind: DisputeKind;
  source: DisputeSource;
  involvesEnterprise: boolean;
  amountInvolvedYuan: number | null;
  duplicateOf: string | null;
}

/** The list page's extra columns for the cases it shows. */
export function useDisputeSummaries(caseIds: readonly string[]) {
  const ids = [...caseIds].sort().join(',');
  return useQuery({
    queryKey: [...intakeKey, 'summaries', ids],
    queryFn: ({ signal }) =>
      apiGet<{ items: DisputeSummary[] }>(`${base}/disputes/summaries?ids=${ids}`, undefined, {
        signal,
      }).then((r) => new Map(r.items.map((s) => [s.caseId, s]))),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useDispatchCommittees(enabled: boolean) {
  return useQuery({
    queryKey: [...intakeKey, 'dispatchCommittees'],
    queryFn: ({ signal }) =>
      apiGet(`${base}/dispatch/committees`, dispatchCommitteeListSchema, { signal }).then((r) => r.items),
    enabled,
  });
}

export function useRedispatch(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RedispatchInput) =>
      apiSend(
        'POST',
        `${base}/disputes/${encodeURIComponent(caseId)}/redispatch`,
        input,
        registerDisputeResultSchema,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKey });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

// ---- portal ------------------------------------------------------------------------------------------------

export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: MediationApplicationInput; idempotencyKey: string }) =>
      apiSend('POST', `${base}/applications`, input, mediationApplicationResultSchema, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...intakeKey, 'mine'] }),
  });
}

export function useMyApplications() {
  return useQuery({
    queryKey: [...intakeKey, 'mine'],
    queryFn: ({ signal }) =>
      apiGet(`${base}/applications/mine`, myMediationApplicationListSchema, { signal }),
  });
}

export function useMyApplication(caseId: string) {
  return useQuery({
    queryKey: [...intakeKey, 'mine', caseId],
    queryFn: ({ signal }) =>
      apiGet(`${base}/applications/mine/${encodeURIComponent(caseId)}`, myMediationApplicationSchema, {
        signal,
      }),
  });
}
