import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endingSoonListSchema, superviseeEndingViewSchema } from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 解除与终止: /api/corrections/ending-soon and /api/corrections/supervisees/:caseId/{ending,release,terminate}.

const key = ['corrections', 'release'] as const;

export function useEndingSoon(days: number, officeId?: number) {
  return useQuery({
    queryKey: [...key, 'soon', days, officeId],
    queryFn: () =>
      apiGet(`/api/corrections/ending-soon${queryString({ days, officeId })}`, endingSoonListSchema),
  });
}

export function useEnding(caseId: string) {
  return useQuery({
    queryKey: [...key, 'ending', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}/ending`, superviseeEndingViewSchema),
  });
}

export function useEndTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { caseId: string; action: 'release' | 'terminate' | 'ending/notices'; body: unknown }) =>
      apiSend(
        'POST',
        `/api/corrections/supervisees/${v.caseId}/${v.action}`,
        v.body,
        superviseeEndingViewSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['corrections'] }),
  });
}
