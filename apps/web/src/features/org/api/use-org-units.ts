import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgUnitInput, UpdateOrgUnitInput } from '@zhucheng/contracts';
import { apiSend } from '../../../lib/api.ts';
import { type OrgUnit, orgTreeQueryKey } from '../../../lib/org-units.ts';

function useInvalidateTree() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgTreeQueryKey });
}

export function useCreateUnit() {
  const invalidate = useInvalidateTree();
  return useMutation({
    mutationFn: (input: CreateOrgUnitInput) => apiSend<OrgUnit>('POST', '/api/org/units', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateTree();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateOrgUnitInput & { id: number }) =>
      apiSend<OrgUnit>('PATCH', `/api/org/units/${id}`, input),
    // Also after a 409: the fresh tree shows what the other administrator changed.
    onSettled: invalidate,
  });
}
