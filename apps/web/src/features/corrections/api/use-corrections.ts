import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CorrectionsClock,
  investigationListSchema,
  superviseeListSchema,
  superviseeViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../lib/api.ts';

// 社区矫正: the console's calls to /api/corrections/{supervisees,investigations}.

const key = ['corrections'] as const;

export interface SuperviseeFilters {
  status?: string;
  sentenceKind?: string;
  supervisionLevel?: string;
  flag?: string;
  name?: string;
  page: number;
  pageSize: number;
}

export function useSupervisees(filters: SuperviseeFilters) {
  return useQuery({
    queryKey: [...key, 'supervisees', filters],
    queryFn: () => apiGet(`/api/corrections/supervisees${queryString({ ...filters })}`, superviseeListSchema),
  });
}

export function useSupervisee(caseId: string) {
  return useQuery({
    queryKey: [...key, 'supervisee', caseId],
    queryFn: () => apiGet(`/api/corrections/supervisees/${caseId}`, superviseeViewSchema),
  });
}

/** One intake step (report-in, team, classification, plan, announcement); refreshes the register. */
export function useSuperviseeStep(caseId: string, step: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiSend('POST', `/api/corrections/supervisees/${caseId}/${step}`, body, superviseeViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useInvestigations(filters: { status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'investigations', filters],
    queryFn: () =>
      apiGet(`/api/corrections/investigations${queryString({ ...filters })}`, investigationListSchema),
  });
}

/** The deadline badge's input from a corrections clock. */
export function clockStanding(clock: CorrectionsClock) {
  return {
    state: clock.state as 'ok',
    label: clock.label,
    title: `${clock.ruleName}（${clock.article}），${clock.dueOn ? `${clock.dueOn} 到期` : '暂停计时'}`,
  };
}
