import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type LegalAidPaymentBatchInput,
  type LegalAidPledgeCheckInput,
  type LegalAidPledgeCheckStatus,
  type LegalAidRateInput,
  type LegalAidSubsidyRateInput,
  legalAidCasePledgeSchema,
  legalAidCaseRatingSchema,
  legalAidPaymentBatchListSchema,
  legalAidPaymentBatchSchema,
  legalAidPledgeListSchema,
  legalAidSubsidyRateListSchema,
  legalAidSubsidyRateSchema,
} from '@zhucheng/contracts';
import { casesQueryKey } from '../../../../components/case-kit/case-api.ts';
import { apiGet, apiSend } from '../../../../lib/api.ts';

// 质量评估、补贴标准、补贴发放、承诺核查: /api/legal-aid/cases/:caseId/{rating,pledge-check}, subsidy-rates,
// payment-batches, pledge-checks.

export const qualityKey = ['legalAid', 'quality'] as const;
const base = '/api/legal-aid';

/** Amounts with thousands separators and fen: 2,800.00 元. */
export const yuan = (n: number) =>
  `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

export function useCaseRating(caseId: string) {
  return useQuery({
    queryKey: [...qualityKey, 'rating', caseId],
    queryFn: ({ signal }) => apiGet(`${base}/cases/${caseId}/rating`, legalAidCaseRatingSchema, { signal }),
  });
}

export function useRate(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LegalAidRateInput) =>
      apiSend('POST', `${base}/cases/${caseId}/rating`, body, legalAidCaseRatingSchema),
    onSuccess: (view) => client.setQueryData([...qualityKey, 'rating', caseId], view),
  });
}

export function useSubsidyRates() {
  return useQuery({
    queryKey: [...qualityKey, 'rates'],
    queryFn: ({ signal }) => apiGet(`${base}/subsidy-rates`, legalAidSubsidyRateListSchema, { signal }),
  });
}

export function useAddRate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LegalAidSubsidyRateInput) =>
      apiSend('POST', `${base}/subsidy-rates`, body, legalAidSubsidyRateSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: qualityKey }),
  });
}

export function usePaymentBatches() {
  return useQuery({
    queryKey: [...qualityKey, 'batches'],
    queryFn: ({ signal }) =>
      apiGet(`${base}/payment-batches`, legalAidPaymentBatchListSchema, { signal }).then((r) => r.items),
  });
}

export function useCreateBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LegalAidPaymentBatchInput) =>
      apiSend('POST', `${base}/payment-batches`, body, legalAidPaymentBatchSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: qualityKey }),
  });
}

export const batchExportUrl = (id: string) => `${base}/payment-batches/${id}/export.xlsx`;

export function useCasePledge(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...qualityKey, 'pledge', caseId],
    queryFn: ({ signal }) =>
      apiGet(`${base}/cases/${caseId}/pledge-check`, legalAidCasePledgeSchema, { signal }),
    enabled,
  });
}

/** A check may end the aid (终止) or refuse it: the case page refreshes too. */
function usePledgeStep<T>(caseId: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) =>
      apiSend('POST', `${base}/cases/${caseId}/${path}`, body, legalAidCasePledgeSchema),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: qualityKey }),
        client.invalidateQueries({ queryKey: casesQueryKey }),
        client.invalidateQueries({ queryKey: ['legalAid'] }),
      ]);
    },
  });
}
export const useCheckPledge = (caseId: string) =>
  usePledgeStep<LegalAidPledgeCheckInput>(caseId, 'pledge-check');
export const useMarkRecovered = (caseId: string) =>
  usePledgeStep<{ recoveredOn: string }>(caseId, 'pledge-check/recovered');

export function usePledgeList(status: LegalAidPledgeCheckStatus) {
  return useQuery({
    queryKey: [...qualityKey, 'pledges', status],
    queryFn: ({ signal }) =>
      apiGet(`${base}/pledge-checks?status=${status}`, legalAidPledgeListSchema, { signal }).then(
        (r) => r.items,
      ),
  });
}
