import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type LegalAidAssignInput,
  type LegalAidChangeLawyerInput,
  legalAidAssignmentViewSchema,
} from '@zhucheng/contracts';
import { documentsKey } from '../../../../components/case-documents/use-case-documents.ts';
import { casesQueryKey } from '../../../../components/case-kit/case-api.ts';
import { apiGet, apiSend } from '../../../../lib/api.ts';

// 指派律师: /api/legal-aid/cases/:caseId/assignment (GET, POST) and …/assignment/change.

export const assignmentKey = ['legalAid', 'assignment'] as const;
const path = (caseId: string) => `/api/legal-aid/cases/${caseId}/assignment`;

export function useAssignment(caseId: string) {
  return useQuery({
    queryKey: [...assignmentKey, caseId],
    queryFn: ({ signal }) => apiGet(path(caseId), legalAidAssignmentViewSchema, { signal }),
  });
}

/** Each step refreshes the assignment and the case page (status, version, timeline, documents). */
function useStep<T>(send: (caseId: string, body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: T }) => send(caseId, body),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: assignmentKey }),
        client.invalidateQueries({ queryKey: casesQueryKey }),
        client.invalidateQueries({ queryKey: documentsKey }),
      ]);
    },
  });
}

export const useAssign = () =>
  useStep<LegalAidAssignInput>((caseId, body) =>
    apiSend('POST', path(caseId), body, legalAidAssignmentViewSchema),
  );

export const useChangeLawyer = () =>
  useStep<LegalAidChangeLawyerInput>((caseId, body) =>
    apiSend('POST', `${path(caseId)}/change`, body, legalAidAssignmentViewSchema),
  );
