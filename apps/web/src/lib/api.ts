import { apiErrorSchema } from '@zhucheng/contracts';

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const INVALID_RESPONSE_MESSAGE = '服务器返回的数据无法识别，请稍后重试';

export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export interface ApiGetOptions {
  signal?: AbortSignal;
  /** Statuses besides 2xx whose body is the expected data (a degraded health check answers 503). */
  alsoOk?: number[];
}

export interface FieldError {
  path: string;
  message: string;
}

/** Any failed API call. `message` is Chinese and can be shown to the user as it is. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: FieldError[];

  constructor(init: {
    message: string;
    status: number;
    code: string;
    requestId?: string;
    fields?: FieldError[];
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

function messageForStatus(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '您没有权限进行此操作';
  if (status === 404) return '请求的内容不存在或已被删除';
  if (status === 413) return '提交的内容过大，请减小后重试';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status === 502 || status === 503 || status === 504) return '服务暂时不可用，请稍后重试';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试';
  return `请求失败（${status}），请稍后重试`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

async function toRequestError(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiRequestError({ status: response.status, ...parsed.data });
  }
  return new ApiRequestError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: messageForStatus(response.status),
  });
}

export async function apiGet<T>(
  path: string,
  schema?: ResponseSchema<T>,
  options: ApiGetOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }

  if (!response.ok && !options.alsoOk?.includes(response.status)) {
    throw await toRequestError(response);
  }

  let data: unknown;
  try {
    data = await readJson(response);
  } catch {
    throw new ApiRequestError({
      status: response.status,
      code: 'INVALID_RESPONSE',
      message: INVALID_RESPONSE_MESSAGE,
    });
  }
  if (!schema) return data as T;
  try {
    return schema.parse(data);
  } catch {
    throw new ApiRequestError({
      status: response.status,
      code: 'INVALID_RESPONSE',
      message: INVALID_RESPONSE_MESSAGE,
    });
  }
}

/** The Chinese message to show for any error a query or mutation produced. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return '操作失败，请稍后重试';
}
