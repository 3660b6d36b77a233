import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CorrectionsClock,
  type InvestigationRequestInput,
  investigationListSchema,
  investigationViewSchema,
  type SuperviseeRegisterInput,
  type SuperviseeUpdateInput,
  superviseeListSchema,
  superviseeViewSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../../lib/api.ts';

// 社区矫正: the console's calls to /api/corrections/{supervisees,investigations}.

const key = ['corrections'] as const;
/** The shared case page (调查评估 uses it) reads the case through this key. */
const casesKey = ['cases'] as const;

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

/** 入矫登记 from the court's notice; the key makes a retry after a lost answer register once. */
export function useRegisterSupervisee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: SuperviseeRegisterInput; idempotencyKey: string }) =>
      apiSend('POST', '/api/corrections/supervisees', input, superviseeViewSchema, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** 修改台账信息 over the version read (a stale one answers 409). */
export function useUpdateSupervisee(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SuperviseeUpdateInput) =>
      apiSend('PATCH', `/api/corrections/supervisees/${caseId}`, input, superviseeViewSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
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

/** 失联查找: a step of a running search (`steps`) or its end (`close`). */
export function useLostContactAction(caseId: string, action: 'steps' | 'close') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lostContactId, body }: { lostContactId: string; body: unknown }) =>
      apiSend(
        'POST',
        `/api/corrections/supervisees/${caseId}/lost-contacts/${lostContactId}/${action}`,
        body,
        superviseeViewSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export interface InvestigationFilters {
  status?: string;
  requesterKind?: string;
  page: number;
  pageSize: number;
}

export function useInvestigations(filters: InvestigationFilters) {
  return useQuery({
    queryKey: [...key, 'investigations', filters],
    queryFn: () =>
      apiGet(`/api/corrections/investigations${queryString({ ...filters })}`, investigationListSchema),
  });
}

export function useInvestigation(caseId: string) {
  return useQuery({
    queryKey: [...key, 'investigation', caseId],
    queryFn: () => apiGet(`/api/corrections/investigations/${caseId}`, investigationViewSchema),
  });
}

/** 登记调查评估委托; the key makes a retry after a lost answer register once. */
export function useRequestInvestigation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: InvestigationRequestInput; idempotencyKey: string }) =>
      apiSend('POST', '/api/corrections/investigations', input, investigationViewSchema, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** 评估 (issues the 调查评估意见书) or 送达; both move the case, so the case page is refreshed too. */
export function useInvestigationStep(caseId: string, step: 'assess' | 'deliver') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiSend('POST', `/api/corrections/investigations/${caseId}/${step}`, body, investigationViewSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: casesKey }),
        queryClient.invalidateQueries({ queryKey: ['documents'] }),
      ]),
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
