import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { activeSessionSchema } from '@zhucheng/contracts';
import { apiGet, apiSend } from '../../../lib/api.ts';

export type ActiveSession = ReturnType<typeof activeSessionSchema.parse>;

export const sessionsQueryKey = ['access', 'sessions'] as const;

export function useActiveSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) =>
      apiGet<{ items: ActiveSession[] }>('/api/access/sessions', undefined, { signal }),
    refetchInterval: 60_000,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/access/sessions/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
