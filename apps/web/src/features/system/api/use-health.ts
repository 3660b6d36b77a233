import { useQuery } from '@tanstack/react-query';
import { healthSchema } from '@zhucheng/contracts';
import { apiGet } from '../../../lib/api.ts';

export const healthQueryKey = ['system', 'health'] as const;

export function useHealth() {
  return useQuery({
    queryKey: healthQueryKey,
    // A degraded server answers 503 with the same body: still worth showing.
    queryFn: ({ signal }) => apiGet('/api/health', healthSchema, { signal, alsoOk: [503] }),
    refetchInterval: 30_000,
    staleTime: 0,
  });
}
