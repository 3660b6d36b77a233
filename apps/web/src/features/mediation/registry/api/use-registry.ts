import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CommitteeInput,
  type CommitteeUpdate,
  type CommitteeView,
  committeeListSchema,
  committeeParentListSchema,
  committeeViewSchema,
  type MediatorInput,
  type MediatorTrainingInput,
  type MediatorUpdate,
  type MediatorView,
  mediatorAccountListSchema,
  mediatorListSchema,
  mediatorPhoneRevealSchema,
  mediatorTrainingListSchema,
  mediatorTrainingViewSchema,
  mediatorViewSchema,
  type StudioInput,
  type StudioUpdate,
  type StudioView,
  studioListSchema,
  studioViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';
import { orgTreeQueryKey } from '../../../../lib/org-units.ts';

// 人民调解组织: the console's calls to /api/mediation/{committees,mediators,studios}. Every change refreshes
// the registry's lists (they are small and cross-linked: counts of mediators, lead mediators of studios).

const registryKey = ['mediation', 'registry'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: registryKey });
}

/** One Idempotency-Key per drawer opening, so a retried save never creates twice. */
export const newIdempotencyKey = () => crypto.randomUUID();

export interface CommitteeFilters {
  kind?: string | undefined;
  industry?: string | undefined;
  countyId?: number | undefined;
  townCode?: string | undefined;
  name?: string | undefined;
}

export function useCommittees(filters: CommitteeFilters = {}) {
  return useQuery({
    queryKey: [...registryKey, 'committees', filters],
    queryFn: ({ signal }) =>
      apiGet(`/api/mediation/committees${queryString({ ...filters })}`, committeeListSchema, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useCommitteeParents(enabled: boolean) {
  return useQuery({
    queryKey: [...registryKey, 'committee-parents'],
    queryFn: ({ signal }) =>
      apiGet('/api/mediation/committee-parents', committeeParentListSchema, { signal }),
    enabled,
  });
}

export function useSaveCommittee() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
      idempotencyKey,
    }: {
      id?: number;
      body: CommitteeInput | CommitteeUpdate;
      idempotencyKey?: string;
    }): Promise<CommitteeView> =>
      id
        ? apiSend('PUT', `/api/mediation/committees/${id}`, body, committeeViewSchema)
        : apiSend(
            'POST',
            '/api/mediation/committees',
            body,
            committeeViewSchema,
            idempotencyKey ? { idempotencyKey } : {},
          ),
    onSuccess: async () => {
      // A new committee is a new unit of the org tree.
      await queryClient.invalidateQueries({ queryKey: orgTreeQueryKey });
      await invalidate();
    },
  });
}

export interface MediatorFilters {
  unitId?: number | undefined;
  name?: string | undefined;
  status?: string | undefined;
  employment?: string | undefined;
  needsTraining?: boolean | undefined;
  trainingYear?: number | undefined;
  asOf?: string | undefined;
}

export function useMediators(filters: MediatorFilters = {}) {
  const { needsTraining, ...rest } = filters;
  return useQuery({
    queryKey: [...registryKey, 'mediators', filters],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/mediation/mediators${queryString({ ...rest, needsTraining: needsTraining ? 'true' : undefined })}`,
        mediatorListSchema,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

export function useMediatorAccounts(enabled: boolean) {
  return useQuery({
    queryKey: [...registryKey, 'mediator-accounts'],
    queryFn: ({ signal }) =>
      apiGet('/api/mediation/mediator-accounts', mediatorAccountListSchema, { signal }),
    enabled,
  });
}

export function useSaveMediator() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
      idempotencyKey,
    }: {
      id?: string;
      body: MediatorInput | MediatorUpdate;
      idempotencyKey?: string;
    }): Promise<MediatorView> =>
      id
        ? apiSend('PUT', `/api/mediation/mediators/${id}`, body, mediatorViewSchema)
        : apiSend(
            'POST',
            '/api/mediation/mediators',
            body,
            mediatorViewSchema,
            idempotencyKey ? { idempotencyKey } : {},
          ),
    onSuccess: invalidate,
  });
}

export function useRevealMediatorPhone() {
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('POST', `/api/mediation/mediators/${id}/reveal-phone`, undefined, mediatorPhoneRevealSchema),
  });
}

export function useTrainings(mediatorId: string | undefined) {
  return useQuery({
    queryKey: [...registryKey, 'trainings', mediatorId ?? ''],
    queryFn: ({ signal }) =>
      apiGet(`/api/mediation/mediators/${mediatorId}/trainings`, mediatorTrainingListSchema, { signal }),
    enabled: mediatorId !== undefined,
  });
}

export function useAddTraining() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      mediatorId,
      body,
      idempotencyKey,
    }: {
      mediatorId: string;
      body: MediatorTrainingInput;
      idempotencyKey: string;
    }) =>
      apiSend('POST', `/api/mediation/mediators/${mediatorId}/trainings`, body, mediatorTrainingViewSchema, {
        idempotencyKey,
      }),
    onSuccess: invalidate,
  });
}

export function useStudios(filters: { status?: string | undefined } = {}) {
  return useQuery({
    queryKey: [...registryKey, 'studios', filters],
    queryFn: ({ signal }) =>
      apiGet(`/api/mediation/studios${queryString({ ...filters })}`, studioListSchema, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useSaveStudio() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
      idempotencyKey,
    }: {
      id?: string;
      body: StudioInput | StudioUpdate;
      idempotencyKey?: string;
    }): Promise<StudioView> =>
      id
        ? apiSend('PUT', `/api/mediation/studios/${id}`, body, studioViewSchema)
        : apiSend(
            'POST',
            '/api/mediation/studios',
            body,
            studioViewSchema,
            idempotencyKey ? { idempotencyKey } : {},
          ),
    onSuccess: invalidate,
  });
}

export function useMarkStudioCreated() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ studio, createdOn }: { studio: StudioView; createdOn: string }) =>
      apiSend(
        'POST',
        `/api/mediation/studios/${studio.id}/created`,
        { version: studio.version, createdOn },
        studioViewSchema,
      ),
    onSuccess: invalidate,
  });
}
