import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ConsultationInput,
  type ConsultationUpdate,
  type ConsultationView,
  consultationListSchema,
  consultationViewSchema,
  type DutyEntryInput,
  type DutyEntryUpdate,
  type DutyEntryView,
  dutyEntryListSchema,
  dutyEntryViewSchema,
  type LawyerInput,
  type LawyerUpdate,
  type LawyerView,
  lawyerAccountListSchema,
  lawyerListSchema,
  lawyerViewSchema,
  type StationInput,
  type StationUpdate,
  type StationView,
  type SupportTeamInput,
  type SupportTeamUpdate,
  type SupportTeamView,
  stationListSchema,
  stationViewSchema,
  supportTeamListSchema,
  supportTeamViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../../lib/api.ts';

// 法律援助登记: the console's calls to /api/legal-aid/{lawyers,duty-roster,workstations,support-teams,
// consultations}. Every change refreshes the registry's lists (they are small and cross-linked).

const registryKey = ['legal-aid', 'registry'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: registryKey });
}

export function useLawyers() {
  return useQuery({
    queryKey: [...registryKey, 'lawyers'],
    queryFn: ({ signal }) => apiGet('/api/legal-aid/lawyers', lawyerListSchema, { signal }),
  });
}

export function useLawyerAccounts(enabled: boolean) {
  return useQuery({
    queryKey: [...registryKey, 'lawyer-accounts'],
    queryFn: ({ signal }) => apiGet('/api/legal-aid/lawyer-accounts', lawyerAccountListSchema, { signal }),
    enabled,
  });
}

export function useSaveLawyer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: LawyerInput | LawyerUpdate }): Promise<LawyerView> =>
      id
        ? apiSend('PUT', `/api/legal-aid/lawyers/${id}`, body, lawyerViewSchema)
        : apiSend('POST', '/api/legal-aid/lawyers', body, lawyerViewSchema),
    onSuccess: invalidate,
  });
}

export function useDutyEntries(on: string | undefined) {
  return useQuery({
    queryKey: [...registryKey, 'duty', on ?? ''],
    queryFn: ({ signal }) =>
      apiGet(`/api/legal-aid/duty-roster${queryString({ on })}`, dutyEntryListSchema, { signal }),
  });
}

export function useSaveDutyEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: DutyEntryInput | DutyEntryUpdate;
    }): Promise<DutyEntryView> =>
      id
        ? apiSend('PUT', `/api/legal-aid/duty-roster/${id}`, body, dutyEntryViewSchema)
        : apiSend('POST', '/api/legal-aid/duty-roster', body, dutyEntryViewSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteDutyEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (entry: DutyEntryView) =>
      apiSend('DELETE', `/api/legal-aid/duty-roster/${entry.id}${queryString({ version: entry.version })}`),
    onSuccess: invalidate,
  });
}

export function useStations() {
  return useQuery({
    queryKey: [...registryKey, 'stations'],
    queryFn: ({ signal }) => apiGet('/api/legal-aid/workstations', stationListSchema, { signal }),
  });
}

export function useSaveStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: StationInput | StationUpdate }): Promise<StationView> =>
      id
        ? apiSend('PUT', `/api/legal-aid/workstations/${id}`, body, stationViewSchema)
        : apiSend('POST', '/api/legal-aid/workstations', body, stationViewSchema),
    onSuccess: invalidate,
  });
}

export function useSupportTeams() {
  return useQuery({
    queryKey: [...registryKey, 'teams'],
    queryFn: ({ signal }) => apiGet('/api/legal-aid/support-teams', supportTeamListSchema, { signal }),
  });
}

export function useSaveSupportTeam() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: SupportTeamInput | SupportTeamUpdate;
    }): Promise<SupportTeamView> =>
      id
        ? apiSend('PUT', `/api/legal-aid/support-teams/${id}`, body, supportTeamViewSchema)
        : apiSend('POST', '/api/legal-aid/support-teams', body, supportTeamViewSchema),
    onSuccess: invalidate,
  });
}

export interface ConsultationFilters {
  from?: string | undefined;
  to?: string | undefined;
  channel?: string | undefined;
  page: number;
  pageSize: number;
}

export function useConsultations(filters: ConsultationFilters) {
  return useQuery({
    queryKey: [...registryKey, 'consultations', filters],
    queryFn: ({ signal }) =>
      apiGet(`/api/legal-aid/consultations${queryString({ ...filters })}`, consultationListSchema, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useSaveConsultation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: ConsultationInput | ConsultationUpdate;
    }): Promise<ConsultationView> =>
      id
        ? apiSend('PUT', `/api/legal-aid/consultations/${id}`, body, consultationViewSchema)
        : apiSend('POST', '/api/legal-aid/consultations', body, consultationViewSchema),
    onSuccess: invalidate,
  });
}

export function useDeleteConsultation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (c: ConsultationView) =>
      apiSend('DELETE', `/api/legal-aid/consultations/${c.id}${queryString({ version: c.version })}`),
    onSuccess: invalidate,
  });
}
