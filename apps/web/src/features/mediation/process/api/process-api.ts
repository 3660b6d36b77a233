import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type MediationAcceptInput,
  type MediationConfirmationInput,
  type MediationDeclineInput,
  type MediationEndInput,
  type MediationFollowUpInput,
  type MediationPerformanceInput,
  type MediationSessionInput,
  type MediationSettleInput,
  mediationBoardSchema,
  mediationMyQueueSchema,
  mediationProcessViewSchema,
} from '@zhucheng/contracts';
import { casesQueryKey } from '../../../../components/case-kit/case-api.ts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 调解过程: /api/mediation/disputes/:caseId/{process,accept,decline,sessions,settle,unsettle,terminate,
// follow-ups,performance,confirmation}, /api/mediation/my-queue and /api/mediation/board.

export const processKey = ['mediation', 'process'] as const;
const base = '/api/mediation';

export function useProcessView(caseId: string) {
  return useQuery({
    queryKey: [...processKey, 'view', caseId],
    queryFn: ({ signal }) =>
      apiGet(`${base}/disputes/${caseId}/process`, mediationProcessViewSchema, { signal }),
  });
}

export function useMyQueue() {
  return useQuery({
    queryKey: [...processKey, 'my-queue'],
    queryFn: ({ signal }) => apiGet(`${base}/my-queue`, mediationMyQueueSchema, { signal }),
  });
}

export function useBoard(unitId: number | undefined) {
  return useQuery({
    queryKey: [...processKey, 'board', unitId ?? 'default'],
    queryFn: ({ signal }) =>
      apiGet(`${base}/board${queryString({ unitId })}`, mediationBoardSchema, { signal }),
  });
}

/** Every step refreshes the process view, the queue, the board and the case page (status, version, timeline). */
function useStep<T>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: T }) =>
      apiSend('POST', `${base}/disputes/${caseId}/${path}`, body, mediationProcessViewSchema),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: processKey }),
        client.invalidateQueries({ queryKey: casesQueryKey }),
      ]);
    },
  });
}

export const useAcceptDispute = () => useStep<MediationAcceptInput>('accept');
export const useDeclineDispute = () => useStep<MediationDeclineInput>('decline');
export const useRecordSession = () => useStep<MediationSessionInput>('sessions');
export const useSettle = () => useStep<MediationSettleInput>('settle');
export const useUnsettle = () => useStep<MediationEndInput>('unsettle');
export const useTerminate = () => useStep<MediationEndInput>('terminate');
export const useRecordFollowUp = () => useStep<MediationFollowUpInput>('follow-ups');
export const useUpdatePerformance = () => useStep<MediationPerformanceInput>('performance');
export const useRecordConfirmation = () => useStep<MediationConfirmationInput>('confirmation');
