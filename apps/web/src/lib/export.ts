import { apiErrorSchema } from '@zhucheng/contracts';
import { ApiRequestError, NETWORK_ERROR_MESSAGE } from './api.ts';

// Downloads of files the API makes (streamed exports, templates) and files the page makes (error reports).

/** The file name of `Content-Disposition`: the UTF-8 `filename*` when present, else the plain one. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header);
  return plain?.[1] || fallback;
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * GETs a file from the API and saves it under the server's file name. The server streams it; the browser
 * keeps it until it is saved. Failures are `ApiRequestError` with the server's Chinese message.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiRequestError(
      parsed.success
        ? { status: response.status, ...parsed.data }
        : {
            status: response.status,
            code: `HTTP_${response.status}`,
            message:
              response.status === 403 ? '您没有权限导出' : `下载失败（${response.status}），请稍后重试`,
          },
    );
  }
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  saveBlob(await response.blob(), filename);
  return filename;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV that Excel opens in Chinese: UTF-8 with a byte-order mark, CRLF line ends. */
export function csvBlob(rows: readonly (readonly (string | number)[])[]): Blob {
  const text = rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
  return new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' });
}
