import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RoleView, roleViewSchema } from '@zhucheng/contracts';
import { apiGet, apiSend } from '../../../lib/api.ts';
import type { DataScope } from '../labels/data-scope-labels.ts';

export interface RoleList {
  items: RoleView[];
  permissionCatalogue: string[];
}

export const rolesQueryKey = ['access', 'roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesQueryKey,
    queryFn: ({ signal }) => apiGet<RoleList>('/api/access/roles', undefined, { signal }),
    enabled,
  });
}

export interface RoleInput {
  name: string;
  description?: string | undefined;
  dataScope: DataScope;
  permissions: string[];
  customUnitIds?: number[] | undefined;
}

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rolesQueryKey });
}

export function useCreateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (input: RoleInput & { code: string }) =>
      apiSend('POST', '/api/access/roles', input, roleViewSchema),
    onSuccess: invalidate,
  });
}

export function useUpdateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ id, ...input }: RoleInput & { id: number; version: number }) =>
      apiSend('PUT', `/api/access/roles/${id}`, input, roleViewSchema),
    onSettled: invalidate,
  });
}

export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (id: number) => apiSend('DELETE', `/api/access/roles/${id}`),
    onSettled: invalidate,
  });
}
