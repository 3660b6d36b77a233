import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CalendarOverrideInput,
  type CalendarOverrideKind,
  calendarDaysSchema,
  calendarOverrideSchema,
  calendarOverridesSchema,
  calendarStatusSchema,
  userViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../lib/api.ts';

const calendarKey = ['calendar'] as const;

/** Every day of one year (at most 366 days: one call). */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarKey, 'days', year],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/calendar/days${queryString({ from: `${year}-01-01`, to: `${year}-12-31` })}`,
        calendarDaysSchema,
        { signal },
      ),
  });
}

export function useCalendarStatus() {
  return useQuery({
    queryKey: [...calendarKey, 'status'],
    queryFn: ({ signal }) => apiGet('/api/calendar/status', calendarStatusSchema, { signal }),
  });
}

/** The administrator's overrides of one year (needs calendar:manage). */
export function useCalendarOverrides(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...calendarKey, 'overrides', year],
    queryFn: ({ signal }) =>
      apiGet(`/api/calendar/overrides${queryString({ year })}`, calendarOverridesSchema, { signal }),
    enabled,
  });
}

function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: calendarKey });
}

export function usePutOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ date, ...body }: CalendarOverrideInput & { date: string }) =>
      apiSend('PUT', `/api/calendar/overrides/${date}`, body, calendarOverrideSchema),
    onSuccess: invalidate,
  });
}

export interface BatchItem {
  date: string;
  kind: CalendarOverrideKind;
  name: string;
  note: string | null;
}

export function usePutOverrides() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (items: BatchItem[]) =>
      apiSend('PUT', '/api/calendar/overrides', { items }, calendarOverridesSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (date: string) => apiSend('DELETE', `/api/calendar/overrides/${date}`),
    onSuccess: invalidate,
  });
}

/**
 * 设置人: the overrides carry user ids; names come from the account API when the viewer may read
 * accounts (user:read), otherwise the column shows only the time.
 */
export function useUserNames(ids: readonly string[], enabled: boolean): Map<string, string> {
  const distinct = [...new Set(ids)];
  const results = useQueries({
    queries: distinct.map((id) => ({
      queryKey: ['access', 'users', 'one', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet(`/api/access/users/${encodeURIComponent(id)}`, userViewSchema, { signal }),
      enabled,
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  for (const result of results) if (result.data) names.set(result.data.id, result.data.displayName);
  return names;
}
