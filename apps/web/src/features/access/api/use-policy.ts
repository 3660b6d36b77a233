import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { securityPolicySchema } from '@zhucheng/contracts';
import { apiGet, apiSend } from '../../../lib/api.ts';

export type SecurityPolicy = ReturnType<typeof securityPolicySchema.parse>;

const policyQueryKey = ['access', 'policy'] as const;

export function useSecurityPolicy() {
  return useQuery({
    queryKey: policyQueryKey,
    queryFn: ({ signal }) => apiGet('/api/access/policy', securityPolicySchema, { signal }),
  });
}

export function useUpdateSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SecurityPolicy) =>
      apiSend('PUT', '/api/access/policy', policy, securityPolicySchema),
    onSuccess: (policy) => queryClient.setQueryData(policyQueryKey, policy),
  });
}
