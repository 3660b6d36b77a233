import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { registerEncryptedColumn } from '../crypto/encrypted-columns.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type IdempotencyStatus = 'inProgress' | 'completed';

/**
 * One create request made under an `Idempotency-Key`, kept a day so a repeat gets the first response.
 * The row is inserted before the creation and completed in the same transaction: a second request with
 * the key waits on the primary key until the first commits (then replays) or rolls back (then creates).
 * The response may carry personal data, so it is stored encrypted like every other personal field.
 */
export const idempotencyRecord = pgTable(
  'idempotency_record',
  {
    /** For key rotation, which pages through encrypted columns by a single id. */
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** `staff:<id>`, `citizen:<id>` or `anonymous:<ip>`. */
    account: text('account').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** Keyed hash (HMAC-SM3) of the canonical request body: compares requests without keeping them. */
    requestHash: text('request_hash').notNull(),
    status: text('status').$type<IdempotencyStatus>().notNull(),
    responseStatus: integer('response_status'),
    /** The response body as JSON, encrypted by the field cipher. */
    responseEnc: text('response_enc'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.account, t.key] }),
    unique('idempotency_record_id_unique').on(t.id),
    index('idempotency_record_expires_idx').on(t.expiresAt),
    check('idempotency_record_status_check', sql`${t.status} in ('inProgress', 'completed')`),
    check(
      'idempotency_record_response_check',
      sql`${t.status} = 'inProgress' or (${t.responseStatus} is not null and ${t.responseEnc} is not null)`,
    ),
  ],
);

registerEncryptedColumn({ table: 'idempotency_record', idColumn: 'id', column: 'response_enc' });
