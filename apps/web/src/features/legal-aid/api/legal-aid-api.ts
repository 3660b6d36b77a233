import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type LegalAidApplicationInput,
  type LegalAidDraft,
  type LegalAidDraftData,
  legalAidApplicationSchema,
  legalAidDraftListSchema,
  legalAidDraftSchema,
  legalAidSubmitResultSchema,
  myLegalAidApplicationListSchema,
  myLegalAidApplicationSchema,
} from '@zhucheng/contracts';
import { ApiRequestError, apiGet, apiSend } from '../../../lib/api.ts';

// The legal-aid routes of apps/api/src/modules/legal-aid: the citizen's drafts and applications, the
// counter's registration, the centre's view of one application.

export const legalAidKey = ['legalAid'] as const;
const base = '/api/legal-aid';

// ---- places (事项发生地): the city and its counties --------------------------------------------------------

export interface LegalAidPlace {
  id: number;
  name: string;
}

export function usePlaces() {
  return useQuery({
    queryKey: [...legalAidKey, 'places'],
    queryFn: ({ signal }) =>
      apiGet<{ items: LegalAidPlace[] }>(`${base}/places`, undefined, { signal }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

// ---- the citizen's draft ----------------------------------------------------------------------------------

/** The citizen's open draft (not yet submitted), or null. */
export function useOpenDraft(enabled: boolean) {
  return useQuery({
    queryKey: [...legalAidKey, 'drafts'],
    queryFn: ({ signal }) =>
      apiGet(`${base}/drafts`, legalAidDraftListSchema, { signal }).then(
        (r) => r.items.find((d) => d.caseId === null) ?? null,
      ),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Saves the draft: creates it the first time, then updates it; a stale version is re-read and saved again. */
export async function saveDraft(
  draft: LegalAidDraft | null,
  data: LegalAidDraftData,
): Promise<LegalAidDraft> {
  if (!draft) return apiSend('POST', `${base}/drafts`, { data }, legalAidDraftSchema);
  try {
    return await apiSend(
      'PUT',
      `${base}/drafts/${draft.id}`,
      { data, version: draft.version },
      legalAidDraftSchema,
    );
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.status !== 409) throw error;
    const fresh = await apiGet(`${base}/drafts/${draft.id}`, legalAidDraftSchema);
    return apiSend(
      'PUT',
      `${base}/drafts/${draft.id}`,
      { data, version: fresh.version },
      legalAidDraftSchema,
    );
  }
}

export function useSubmitDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: LegalAidDraft) =>
      apiSend('POST', `${base}/drafts/${draft.id}/submit`, undefined, legalAidSubmitResultSchema, {
        // One key per draft: a second press or a retry after a lost answer gets the same application.
        idempotencyKey: `legal-aid-draft-${draft.id}-submit`,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: legalAidKey }),
  });
}

// ---- the citizen's applications ---------------------------------------------------------------------------

export function useMyApplications() {
  return useQuery({
    queryKey: [...legalAidKey, 'mine'],
    queryFn: ({ signal }) => apiGet(`${base}/applications/mine`, myLegalAidApplicationListSchema, { signal }),
  });
}

export function useMyApplication(caseId: string) {
  return useQuery({
    queryKey: [...legalAidKey, 'mine', caseId],
    queryFn: ({ signal }) =>
      apiGet(`${base}/applications/mine/${encodeURIComponent(caseId)}`, myLegalAidApplicationSchema, {
        signal,
      }),
  });
}

// ---- staff ------------------------------------------------------------------------------------------------

/** 窗口登记: the counter enters a walk-in application; routed to the competent centre by the place. */
export function useRegisterApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: LegalAidApplicationInput; idempotencyKey: string }) =>
      apiSend('POST', `${base}/applications`, input, legalAidSubmitResultSchema, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useApplication(caseId: string | number) {
  return useQuery({
    queryKey: [...legalAidKey, 'application', String(caseId)],
    queryFn: ({ signal }) =>
      apiGet(`${base}/applications/${encodeURIComponent(String(caseId))}`, legalAidApplicationSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
