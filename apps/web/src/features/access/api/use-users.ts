import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type UserView, userViewSchema } from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../lib/api.ts';

export interface UserListFilters {
  keyword?: string | undefined;
  unitId?: number | undefined;
  status?: 'active' | 'disabled' | undefined;
  page: number;
  pageSize: number;
}

export interface UserList {
  total: number;
  items: UserView[];
}

export const usersQueryKey = ['access', 'users'] as const;

export function useUsers(filters: UserListFilters) {
  return useQuery({
    queryKey: [...usersQueryKey, filters],
    queryFn: ({ signal }) =>
      apiGet<UserList>(`/api/access/users${queryString({ ...filters })}`, undefined, { signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQueryKey });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: number;
  phone?: string | undefined;
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      apiSend<{ user: UserView; initialPassword: string }>('POST', '/api/access/users', input),
    onSuccess: invalidate,
  });
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  unitId?: number;
  phone?: string | null;
  status?: 'active' | 'disabled';
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      apiSend('PATCH', `/api/access/users/${id}`, input, userViewSchema),
    // A 409 (changed by someone else) also needs the fresh row.
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend<{ temporaryPassword: string }>('POST', `/api/access/users/${id}/reset-password`),
    onSuccess: invalidate,
  });
}

export function useRevealPhone() {
  return useMutation({
    mutationFn: (id: string) =>
      apiSend<{ phone: string | null }>('POST', `/api/access/users/${id}/reveal-phone`),
  });
}

export function useAssignRoles() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, roleCodes }: { id: string; roleCodes: string[] }) =>
      apiSend('PUT', `/api/access/users/${id}/roles`, { roleCodes }, userViewSchema),
    onSuccess: invalidate,
  });
}
