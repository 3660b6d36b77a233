import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api.ts';
import { type OrgUnit, orgTreeQueryKey } from '../../../lib/org-units.ts';
import type { OrgUnitKind } from '../org-kinds.ts';

export interface CreateUnitInput {
  parentId: number | null;
  kind: OrgUnitKind;
  name: string;
  shortName?: string | null | undefined;
  divisionCode?: string | null | undefined;
  sortOrder?: number | undefined;
}

export interface UpdateUnitInput {
  id: number;
  version: number;
  name?: string;
  shortName?: string | null;
  parentId?: number | null;
  status?: 'active' | 'disabled';
  sortOrder?: number;
}

function useInvalidateTree() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgTreeQueryKey });
}

export function useCreateUnit() {
  const invalidate = useInvalidateTree();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => apiSend<OrgUnit>('POST', '/api/org/units', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateTree();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUnitInput) =>
      apiSend<OrgUnit>('PATCH', `/api/org/units/${id}`, input),
    // Also after a 409: the fresh tree shows what the other administrator changed.
    onSettled: invalidate,
  });
}
