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
  /** The caller handles a 401 itself (the who-am-I call), so the session listener is not told. */
  quietSessionProblems?: boolean;
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

// The session's CSRF token (from the login or /api/auth/me answer). The server refuses a write made with
// the session cookie unless it echoes this token in a header.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Answers that mean the signed-in state changed under the page: signed out, or blocked until a step is done. */
const sessionEndedCodes = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);
const sessionBlockedCodes = new Set(['PASSWORD_CHANGE_REQUIRED', 'TOTP_SETUP_REQUIRED']);

export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401 && sessionEndedCodes.has(error.code);
}

export function isSessionBlocked(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 403 && sessionBlockedCodes.has(error.code);
}

type SessionProblemListener = (error: ApiRequestError) => void;
let sessionProblemListener: SessionProblemListener | null = null;

/** The console shell listens here to send the user to the login page when any call finds the session gone. */
export function onSessionProblem(listener: SessionProblemListener): () => void {
  sessionProblemListener = listener;
  return () => {
    if (sessionProblemListener === listener) sessionProblemListener = null;
  };
}

interface RequestOptions {
  signal?: AbortSignal | undefined;
  alsoOk?: number[] | undefined;
  /** The caller handles a 401 itself (the who-am-I call), so the session listener is not told. */
  quietSessionProblems?: boolean | undefined;
  /** Sent as `Idempotency-Key`: a retried create with the same key returns the first result. */
  idempotencyKey?: string | undefined;
}

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  schema: ResponseSchema<T> | undefined,
  options: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }

  if (!response.ok && !options.alsoOk?.includes(response.status)) {
    const error = await toRequestError(response);
    if (!options.quietSessionProblems && (isSessionEnded(error) || isSessionBlocked(error))) {
      sessionProblemListener?.(error);
    }
    throw error;
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

export function apiGet<T>(path: string, schema?: ResponseSchema<T>, options: ApiGetOptions = {}): Promise<T> {
  return request('GET', path, undefined, schema, options);
}

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiSendOptions {
  /**
   * Create routes accept an `Idempotency-Key`: make one per user action (`crypto.randomUUID()`) and send it
   * again on a retry, so a lost answer never creates twice.
   */
  idempotencyKey?: string;
}

/** A write: JSON body, the session's CSRF token, errors parsed like `apiGet`. A 204 resolves to undefined. */
export function apiSend<T = void>(
  method: SendMethod,
  path: string,
  body?: unknown,
  schema?: ResponseSchema<T>,
  options: ApiSendOptions = {},
): Promise<T> {
  return request(method, path, body, schema, options);
}

/** `?a=1&b=x` from the defined, non-empty values; '' when there are none. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The Chinese message to show for any error a query or mutation produced. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return '操作失败，请稍后重试';
}
