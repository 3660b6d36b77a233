import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseDocumentListSchema, caseDocumentSchema, documentTemplateListSchema } from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from '../../lib/api.ts';
import { filesKey } from '../file-upload/index.ts';

export const documentsKey = ['documents'] as const;

/** Document templates, of one case type or all. */
export function useDocumentTemplates(caseType?: string) {
  return useQuery({
    queryKey: [...documentsKey, 'templates', caseType ?? null],
    queryFn: ({ signal }) =>
      apiGet(`/api/documents/templates${queryString({ caseType })}`, documentTemplateListSchema, { signal }),
  });
}

/** The documents generated for a case, newest first. */
export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: [...documentsKey, 'case', caseId],
    queryFn: ({ signal }) => apiGet(`/api/cases/${caseId}/documents`, caseDocumentListSchema, { signal }),
  });
}

export function useGenerateDocument(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ templateCode, idempotencyKey }: { templateCode: string; idempotencyKey: string }) =>
      apiSend('POST', `/api/cases/${caseId}/documents`, { templateCode }, caseDocumentSchema, {
        idempotencyKey,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...documentsKey, 'case', caseId] });
      // The .docx is also a file of the case (附件).
      await queryClient.invalidateQueries({ queryKey: filesKey });
    },
  });
}

/**
 * Opens a PDF preview in a new tab. The tab is opened on the click (so no popup blocker stops it) and
 * filled when the PDF arrives; when the server cannot make one (503 without the fonts) the tab closes and
 * the Chinese message comes back to show.
 */
export async function openPdfPreview(url: string): Promise<string | null> {
  const tab = window.open('', '_blank');
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      tab?.close();
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      return body?.message ?? '无法生成 PDF 预览，请稍后重试';
    }
    const objectUrl = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = objectUrl;
    else window.location.href = objectUrl;
    // The tab has loaded it by then; the URL is not needed afterwards.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    return null;
  } catch {
    tab?.close();
    return '网络连接失败，请检查网络后重试';
  }
}
