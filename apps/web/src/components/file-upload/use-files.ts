import { useQuery } from '@tanstack/react-query';
import { type FilePolicy, filePolicySchema, storedFileListSchema } from '@zhucheng/contracts';
import { apiGet } from '../../lib/api.ts';
import { defaultFilePolicy } from './file-upload-rules.ts';

export const filesKey = ['files'] as const;

/** The server's size limit and allowed types; the defaults until it answers. */
export function useFilePolicy(): FilePolicy {
  const { data } = useQuery({
    queryKey: [...filesKey, 'policy'],
    queryFn: ({ signal }) => apiGet('/api/files/policy', filePolicySchema, { signal }),
    staleTime: 10 * 60_000,
  });
  return data ?? defaultFilePolicy;
}

/** A case's files (the case page's 附件 tab). */
export function useCaseFiles(caseId: string | undefined) {
  return useQuery({
    queryKey: [...filesKey, 'case', caseId],
    queryFn: ({ signal }) => apiGet(`/api/cases/${caseId}/files`, storedFileListSchema, { signal }),
    enabled: caseId !== undefined,
  });
}

/** The caller's own files (the portal's 我的材料); `unattached`: only those not yet in a case. */
export function useMyFiles(options: { unattached?: boolean } = {}) {
  return useQuery({
    queryKey: [...filesKey, 'mine', options.unattached === true],
    queryFn: ({ signal }) =>
      apiGet(`/api/files${options.unattached ? '?unattached=true' : ''}`, storedFileListSchema, { signal }),
  });
}
