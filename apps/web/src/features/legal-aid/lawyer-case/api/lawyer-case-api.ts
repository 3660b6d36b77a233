import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type LegalAidCloseInput,
  type LegalAidProgressInput,
  legalAidCaseworkSchema,
  legalAidMyCaseListSchema,
} from '@zhucheng/contracts';
import { casesQueryKey } from '../../../../components/case-kit/case-api.ts';
import { apiGet, apiSend } from '../../../../lib/api.ts';

// 律师办案: /api/legal-aid/my-cases and /api/legal-aid/cases/:caseId/{accept,decline,progress,close,casework}.

export const lawyerCaseKey = ['legalAid', 'lawyerCase'] as const;
const base = '/api/legal-aid';

export function useMyCases(status: string | undefined) {
  return useQuery({
    queryKey: [...lawyerCaseKey, 'mine', status ?? 'all'],
    queryFn: ({ signal }) =>
      apiGet(`${base}/my-cases${status ? `?status=${status}` : ''}`, legalAidMyCaseListSchema, {
        signal,
      }).then((r) => r.items),
  });
}

export function useCasework(caseId: string) {
  return useQuery({
    queryKey: [...lawyerCaseKey, 'casework', caseId],
    queryFn: ({ signal }) => apiGet(`${base}/cases/${caseId}/casework`, legalAidCaseworkSchema, { signal }),
  });
}

/** Every step refreshes the lawyer's list, the casework and the case page (status, version, timeline). */
function useStep<T>(send: (caseId: string, body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: T }) => send(caseId, body),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: lawyerCaseKey }),
        client.invalidateQueries({ queryKey: casesQueryKey }),
      ]);
    },
  });
}

export const useAccept = () =>
  useStep<{ version: number }>((caseId, body) =>
    apiSend('POST', `${base}/cases/${caseId}/accept`, body, legalAidCaseworkSchema),
  );
export const useDecline = () =>
  useStep<{ reason: string; version: number }>((caseId, body) =>
    apiSend('POST', `${base}/cases/${caseId}/decline`, body, legalAidCaseworkSchema),
  );
export const useAddProgress = () =>
  useStep<LegalAidProgressInput>((caseId, body) =>
    apiSend('POST', `${base}/cases/${caseId}/progress`, body, legalAidCaseworkSchema),
  );
export const useCloseCase = () =>
  useStep<LegalAidCloseInput>((caseId, body) =>
    apiSend('POST', `${base}/cases/${caseId}/close`, body, legalAidCaseworkSchema),
  );
