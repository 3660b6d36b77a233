import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { RequestContext } from '../access/principal.ts';
import type { Transaction } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MESSAGE, isIdempotencyKey } from './idempotency.rules.ts';
import type { IdempotencyService } from './idempotency.service.ts';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on a response that repeats an earlier one. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** For a create route's `schema.headers`, so the header shows in the API documentation. */
export const idempotencyHeaders = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z
    .string()
    .refine(isIdempotencyKey, IDEMPOTENCY_KEY_MESSAGE)
    .optional()
    .describe(
      `幂等键（1—${IDEMPOTENCY_KEY_MAX} 个可见 ASCII 字符，建议用 UUID）：24 小时内以同一键重复提交，` +
        '返回第一次的结果而不重复创建（响应头 Idempotent-Replayed: true）；同一键用于不同内容返回 422',
    ),
});

/** What the helper reads from a Fastify request (any route's request fits). */
export interface IdempotentHttpRequest {
  headers: IncomingHttpHeaders;
  ctx: RequestContext;
  method: string;
  url: string;
  body?: unknown;
}

/** What the helper sets on a Fastify reply. */
export interface IdempotentHttpReply {
  header(name: string, value: string): unknown;
  code(statusCode: number): unknown;
}

export function idempotencyKeyOf(request: Pick<IdempotentHttpRequest, 'headers'>): string | undefined {
  const value = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return undefined;
  // Sent twice: ambiguous, so refused rather than guessed.
  if (Array.isArray(value)) {
    throw AppError.badRequest(IDEMPOTENCY_KEY_MESSAGE, [
      { path: '请求头 Idempotency-Key', message: '只能提供一个 Idempotency-Key' },
    ]);
  }
  return value;
}

/**
 * A create route's handler body: runs `create` in a transaction under the request's `Idempotency-Key`
 * (when it has one) and answers its result with `status` (201 by default), or the stored response of an
 * earlier request with the same key. The service's create use case takes the transaction it is given:
 *
 *   async (request, reply) =>
 *     idempotentCreate(deps.idempotency, request, reply, (tx) => deps.cases.create(tx, request.ctx, request.body))
 */
export async function idempotentCreate<T>(
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
  request: IdempotentHttpRequest,
  reply: IdempotentHttpReply,
  create: (tx: Transaction) => Promise<T>,
  options: { status?: number } = {},
): Promise<T> {
  const status = options.status ?? 201;
  const outcome = await idempotency.withIdempotency(
    {
      key: idempotencyKeyOf(request),
      ctx: request.ctx,
      method: request.method,
      path: request.url,
      body: request.body,
    },
    async (tx) => ({ status, body: await create(tx) }),
  );
  if (outcome.replayed) reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  reply.code(outcome.status);
  return outcome.body;
}
