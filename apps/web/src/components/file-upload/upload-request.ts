import { apiErrorSchema, type StoredFile, storedFileSchema } from '@zhucheng/contracts';
import { ApiRequestError, NETWORK_ERROR_MESSAGE } from '../../lib/api.ts';

export interface UploadRequest {
  file: Blob & { name?: string };
  caseId?: string | undefined;
  category: string;
  /** The same key on a retry: the server stores the file once even if the first answer was lost. */
  idempotencyKey: string;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

function errorOf(status: number, text: string): ApiRequestError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) return new ApiRequestError({ status, ...parsed.data });
  const message =
    status === 413
      ? '文件过大，请压缩或拆分后再上传'
      : status === 401
        ? '登录已失效，请重新登录'
        : `上传失败（${status}），请重试`;
  return new ApiRequestError({ status, code: `HTTP_${status}`, message });
}

/** POST /api/files by XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadFile(request: UploadRequest): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // The fields go first: the server decides where the file may go before it reads the file.
    if (request.caseId) form.append('caseId', request.caseId);
    form.append('category', request.category);
    form.append('file', request.file, request.file.name ?? 'file');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', request.idempotencyKey);
    if (request.csrfToken) xhr.setRequestHeader('X-CSRF-Token', request.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = storedFileSchema.safeParse(JSON.parse(xhr.responseText || 'null'));
        if (parsed.success) resolve(parsed.data);
        else
          reject(
            new ApiRequestError({
              status: xhr.status,
              code: 'INVALID_RESPONSE',
              message: '服务器返回的数据无法识别，请重试',
            }),
          );
      } else {
        reject(errorOf(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () =>
      reject(new ApiRequestError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE }));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
