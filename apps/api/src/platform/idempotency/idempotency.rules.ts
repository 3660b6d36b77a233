import type { RequestContext } from '../access/principal.ts';

// What makes two create requests "the same": who sends them, under which key, and with which content.
// Pure functions: no I/O.

export const IDEMPOTENCY_KEY_MAX = 100;
/** How long a key is remembered: a client retries within minutes, a day covers an overnight resend. */
export const IDEMPOTENCY_TTL_HOURS = 24;

const keyPattern = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`);
export const IDEMPOTENCY_KEY_MESSAGE = `Idempotency-Key 应为 1—${IDEMPOTENCY_KEY_MAX} 个可见 ASCII 字符（不含空格），例如一个 UUID`;

/** 1–100 visible ASCII characters (a UUID, a ULID…). */
export function isIdempotencyKey(key: string): boolean {
  return keyPattern.test(key);
}

/**
 * Keys are scoped to the caller, so one account can never replay another's response: `staff:<id>` or
 * `citizen:<id>`, and for public creates the client address.
 */
export function idempotencyAccount(ctx: RequestContext): string {
  return ctx.principal ? `${ctx.principal.kind}:${ctx.principal.id}` : `anonymous:${ctx.ip}`;
}

/** JSON with object keys in sorted order, so `{a, b}` and `{b, a}` count as one request. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  const plain =
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  if (Array.isArray(plain)) return plain.map(sortKeys);
  if (plain === null || typeof plain !== 'object') return plain;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(plain).sort()) out[key] = sortKeys((plain as Record<string, unknown>)[key]);
  return out;
}
