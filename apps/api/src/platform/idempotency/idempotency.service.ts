import crypto from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { FieldCipher } from '../access/ports.ts';
import type { RequestContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database, Transaction } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import {
  canonicalJson,
  IDEMPOTENCY_KEY_MESSAGE,
  IDEMPOTENCY_TTL_HOURS,
  idempotencyAccount,
  isIdempotencyKey,
} from './idempotency.rules.ts';
import { idempotencyRecord } from './idempotency.schema.ts';

/** The transaction `db.transaction` hands its callback (db/database.ts's `Transaction` is not it). */

export interface IdempotencyServiceDeps {
  db: Database;
  clock: Clock;
  cipher: Pick<FieldCipher, 'encrypt' | 'decrypt'>;
  /** Keys the request hash (see `idempotencyHashKeyFrom`). */
  hashKey: Buffer;
  ttlHours?: number;
  /**
   * How long a duplicate waits for the first request's transaction before it answers 409 (default 5 s).
   * The wait holds a pooled connection, so it stays short.
   */
  lockTimeoutMs?: number;
}

export interface IdempotentRequest {
  /** The `Idempotency-Key` header; undefined → no idempotency, the creation just runs. */
  key: string | undefined;
  ctx: RequestContext;
  method: string;
  /** The request path (with its query string). */
  path: string;
  body: unknown;
}

export interface IdempotentResponse<T> {
  status: number;
  body: T;
}

export interface IdempotentOutcome<T> extends IdempotentResponse<T> {
  /** True when this is the stored response of an earlier request with the same key. */
  replayed: boolean;
}

/** The request-hash key, derived from the blind-index key with its own label (it must not rotate daily). */
export function idempotencyHashKeyFrom(keyring: Pick<Keyring, 'indexKey'>): Buffer {
  return crypto.createHmac('sm3', keyring.indexKey).update('zhucheng/idempotency-request').digest();
}

export function idempotencyKeyReused(): AppError {
  return new AppError('IDEMPOTENCY_KEY_REUSED', 422, '同一个 Idempotency-Key 不能用于不同的请求内容');
}

export function idempotencyInProgress(): AppError {
  return new AppError('IDEMPOTENCY_IN_PROGRESS', 409, '相同的请求正在处理中，请稍后再试');
}

function isLockTimeout(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '55P03') return true;
  }
  return false;
}

/** Create endpoints' `Idempotency-Key`: a repeat with the same key returns the first result and creates nothing. */
export class IdempotencyService {
  readonly #d: IdempotencyServiceDeps;

  constructor(deps: IdempotencyServiceDeps) {
    this.#d = deps;
  }

  /**
   * Runs `create` in a transaction, unless an earlier request of the same account with the same key has
   * already done so: then its response comes back (`replayed`), or 422 when the request differs. The key's
   * record is written in the creation's transaction, so a crash leaves neither half; a failed creation
   * (any error) leaves no record and may be retried with the same key.
   */
  async withIdempotency<T>(
    request: IdempotentRequest,
    create: (tx: Transaction) => Promise<IdempotentResponse<T>>,
  ): Promise<IdempotentOutcome<T>> {
    const { db } = this.#d;
    if (request.key === undefined) {
      const result = await db.transaction(create);
      return { status: result.status, body: asStored(result.body) as T, replayed: false };
    }
    const key = request.key;
    if (!isIdempotencyKey(key)) {
      throw AppError.badRequest(IDEMPOTENCY_KEY_MESSAGE, [
        { path: '请求头 Idempotency-Key', message: IDEMPOTENCY_KEY_MESSAGE },
      ]);
    }
    const account = idempotencyAccount(request.ctx);
    const requestHash = crypto
      .createHmac('sm3', this.#d.hashKey)
      .update(canonicalJson(request.body ?? null), 'utf8')
      .digest('base64url');
    const thisRecord = and(eq(idempotencyRecord.account, account), eq(idempotencyRecord.key, key));
    try {
      return await db.transaction(async (tx) => {
        const now = this.#d.clock.now();
        await tx.execute(
          sql`select set_config('lock_timeout', ${String(this.#d.lockTimeoutMs ?? 5000)}, true)`,
        );
        // An expired record no longer counts: the key starts afresh.
        await tx.delete(idempotencyRecord).where(and(thisRecord, lte(idempotencyRecord.expiresAt, now)));
        // The claim: a concurrent request with the key waits here until this transaction ends.
        const claimed = await tx
          .insert(idempotencyRecord)
          .values({
            account,
            key,
            method: request.method,
            path: request.path,
            requestHash,
            status: 'inProgress',
            createdAt: now,
            expiresAt: new Date(now.getTime() + (this.#d.ttlHours ?? IDEMPOTENCY_TTL_HOURS) * 3_600_000),
          })
          .onConflictDoNothing({ target: [idempotencyRecord.account, idempotencyRecord.key] })
          .returning({ id: idempotencyRecord.id });
        if (claimed.length === 0) {
          const [earlier] = await tx.select().from(idempotencyRecord).where(thisRecord);
          // Gone between the two statements (pruned or rolled back): ask the client to try again.
          if (earlier?.status !== 'completed') throw idempotencyInProgress();
          const same =
            earlier.method === request.method &&
            earlier.path === request.path &&
            earlier.requestHash === requestHash;
          if (!same) throw idempotencyKeyReused();
          return {
            status: earlier.responseStatus ?? 200,
            body: JSON.parse(this.#d.cipher.decrypt(earlier.responseEnc ?? '')) as T,
            replayed: true,
          };
        }
        // The creation's own statements wait as long as they normally would.
        await tx.execute(sql`set local lock_timeout to default`);
        const result = await create(tx);
        const json = JSON.stringify(result.body ?? null);
        await tx
          .update(idempotencyRecord)
          .set({
            status: 'completed',
            responseStatus: result.status,
            responseEnc: this.#d.cipher.encrypt(json),
          })
          .where(thisRecord);
        // The first caller gets the body as a replay will read it back.
        return { status: result.status, body: JSON.parse(json) as T, replayed: false };
      });
    } catch (err) {
      if (isLockTimeout(err)) throw idempotencyInProgress();
      throw err;
    }
  }

  /** Deletes expired records; answers how many. */
  async prune(): Promise<number> {
    const rows = await this.#d.db
      .delete(idempotencyRecord)
      .where(lte(idempotencyRecord.expiresAt, this.#d.clock.now()))
      .returning({ id: idempotencyRecord.id });
    return rows.length;
  }
}

function asStored(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body ?? null));
}
