import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DocumentTemplateUpdate, documentTemplateSchema } from '@zhucheng/contracts';
import { documentsKey } from '../../../components/case-documents/index.ts';
import { apiSend } from '../../../lib/api.ts';

export { useDocumentTemplates } from '../../../components/case-documents/index.ts';

/** Saves a template as its next version (409 when someone saved in between). */
export function useUpdateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DocumentTemplateUpdate & { id: number }) =>
      apiSend('PUT', `/api/documents/templates/${id}`, body, documentTemplateSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...documentsKey, 'templates'] }),
  });
}

/** `{{code}}` as it is written in a template. */
export function placeholderText(code: string): string {
  return `{{${code}}}`;
}

/** The editor shows the body one paragraph per line; blank lines are dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
