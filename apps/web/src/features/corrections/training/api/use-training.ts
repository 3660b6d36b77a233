import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { certificateListSchema, superviseeTrainingViewSchema } from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 教育培训与就业: /api/corrections/certificates and /api/corrections/supervisees/:caseId/{training,…}.

const key = ['corrections', 'training'] as const;

export function useCertificates(filters: {
  kind?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}) {
  return useQuery({
    queryKey: [...key, 'certificates', filters],
    queryFn: () =>
      apiGet(`/api/corrections/certificates${queryString({ ...filters })}`, certificateListSchema),
  });
}

export function useSuperviseeTraining(caseId: string) {
  return useQuery({
    queryKey: [...key, 'supervisee', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}/training`, superviseeTrainingViewSchema),
  });
}

export type TrainingRecordKind = 'trainings' | 'certificates' | 'guidance';

export function useAddTrainingRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { caseId: string; kind: TrainingRecordKind; body: unknown; idempotencyKey: string }) =>
      apiSend(
        'POST',
        `/api/corrections/supervisees/${v.caseId}/${v.kind}`,
        v.body,
        superviseeTrainingViewSchema,
        {
          idempotencyKey: v.idempotencyKey,
        },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
