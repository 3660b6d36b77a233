import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CheckInInput,
  type CheckInView,
  checkInBoardSchema,
  checkInViewSchema,
  missedCheckInViewSchema,
  type PeriodicReportInput,
  type PeriodicReportView,
  type PortalHome,
  type PortalReportInInput,
  periodicReportViewSchema,
  portalHomeSchema,
  portalRecordsSchema,
  type SupervisionContactInput,
  type SupervisionContactView,
  type SupervisionHoursInput,
  type SupervisionHoursView,
  supervisionContactViewSchema,
  supervisionHoursViewSchema,
  supervisionRecordSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString, type ResponseSchema } from '../../../../lib/api.ts';

// 日常监管: the portal's calls to /api/corrections/portal/{me,records,check-ins,reports,report-in} and the
// console's to /api/corrections/supervisees/:caseId/{supervision,contacts,hours,missed-check-ins} and
// /api/corrections/check-ins/board (supervision.routes.ts).

const portalKey = ['corrections', 'portal'] as const;
const consoleKey = ['corrections', 'supervision'] as const;
export const newIdempotencyKey = () => crypto.randomUUID();

export function usePortalHome() {
  return useQuery({
    queryKey: [...portalKey, 'me'],
    queryFn: ({ signal }) => apiGet('/api/corrections/portal/me', portalHomeSchema, { signal }),
    retry: false,
  });
}

export function usePortalRecords() {
  return useQuery({
    queryKey: [...portalKey, 'records'],
    queryFn: ({ signal }) => apiGet('/api/corrections/portal/records', portalRecordsSchema, { signal }),
    retry: false,
  });
}

function usePortalCreate<I, T>(path: string, schema: ResponseSchema<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: I; idempotencyKey: string }) =>
      apiSend('POST', path, input, schema, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKey }),
  });
}

export const useCheckIn = () =>
  usePortalCreate<CheckInInput, CheckInView>('/api/corrections/portal/check-ins', checkInViewSchema);
export const useSubmitReport = () =>
  usePortalCreate<PeriodicReportInput, PeriodicReportView>(
    '/api/corrections/portal/reports',
    periodicReportViewSchema,
  );
export const usePortalReportIn = () =>
  usePortalCreate<PortalReportInInput, PortalHome>('/api/corrections/portal/report-in', portalHomeSchema);

export function useSupervisionRecord(caseId: string) {
  return useQuery({
    queryKey: [...consoleKey, caseId],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/corrections/supervisees/${encodeURIComponent(caseId)}/supervision`,
        supervisionRecordSchema,
        {
          signal,
        },
      ),
  });
}

function useConsoleCreate<I, T>(caseId: string, path: string, schema: ResponseSchema<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: I; idempotencyKey: string }) =>
      apiSend('POST', `/api/corrections/supervisees/${encodeURIComponent(caseId)}/${path}`, input, schema, {
        idempotencyKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...consoleKey, caseId] }),
  });
}

export const useAddContact = (caseId: string) =>
  useConsoleCreate<SupervisionContactInput, SupervisionContactView>(
    caseId,
    'contacts',
    supervisionContactViewSchema,
  );
export const useAddHours = (caseId: string) =>
  useConsoleCreate<SupervisionHoursInput, SupervisionHoursView>(caseId, 'hours', supervisionHoursViewSchema);

export function useResolveMissed(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note: string }) =>
      apiSend(
        'POST',
        `/api/corrections/supervisees/${encodeURIComponent(caseId)}/missed-check-ins/${id}/resolve`,
        { note },
        missedCheckInViewSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...consoleKey, caseId] }),
  });
}

export function useCheckInBoard(filters: {
  officeId?: number | undefined;
  date?: string | undefined;
  show: string;
}) {
  return useQuery({
    queryKey: [...consoleKey, 'board', filters],
    queryFn: ({ signal }) =>
      apiGet(`/api/corrections/check-ins/board${queryString({ ...filters })}`, checkInBoardSchema, {
        signal,
      }),
  });
}
