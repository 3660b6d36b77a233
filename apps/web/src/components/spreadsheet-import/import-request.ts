import { useQuery } from '@tanstack/react-query';
import {
  apiErrorSchema,
  type ImportReport,
  type ImportResult,
  importKindListSchema,
  importReportSchema,
  importResultSchema,
} from '@zhucheng/contracts';
import { ApiRequestError, apiGet, NETWORK_ERROR_MESSAGE } from '../../lib/api.ts';
import { csvBlob, saveBlob } from '../../lib/export.ts';

export function useImportKinds() {
  return useQuery({
    queryKey: ['imports', 'kinds'],
    queryFn: ({ signal }) => apiGet('/api/imports', importKindListSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; report: ImportReport };

/** POST /api/imports/:kind with the file; a 422 is not a failure of the call but the report to show. */
export async function sendImport(kind: string, file: File, csrfToken: string | null): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/imports/${encodeURIComponent(kind)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
      body: form,
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.status === 201) {
    const parsed = importResultSchema.safeParse(body);
    if (parsed.success) return { ok: true, result: parsed.data };
  }
  if (response.status === 422) {
    const parsed = importReportSchema.safeParse(body);
    if (parsed.success) return { ok: false, report: parsed.data };
  }
  const error = apiErrorSchema.safeParse(body);
  throw new ApiRequestError(
    error.success
      ? { status: response.status, ...error.data }
      : {
          status: response.status,
          code: `HTTP_${response.status}`,
          message:
            response.status === 413 ? '文件过大，请拆分后再导入' : `导入失败（${response.status}），请重试`,
        },
  );
}

/** 下载错误报告: the report as a CSV Excel opens in Chinese. */
export function saveErrorReport(kindName: string, report: ImportReport): void {
  saveBlob(
    csvBlob([['行号', '列', '问题'], ...report.errors.map((e) => [e.row, e.column, e.message])]),
    `${kindName}导入错误报告.csv`,
  );
}
