import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { registerEncryptedColumn } from '../crypto/encrypted-columns.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// Re-encrypted by `npm run keys:rotate`.
registerEncryptedColumn({
  table: 'citizen_account',
  idColumn: 'id',
  column: 'phone_enc',
  blindIndex: { column: 'phone_index', purpose: 'phone' },
});
registerEncryptedColumn({
  table: 'citizen_account',
  idColumn: 'id',
  column: 'id_number_enc',
  blindIndex: { column: 'id_number_index', purpose: 'idNumber' },
});

/** Citizens sign in with a phone and a one-time code; real-name details are filled when first needed. */
export const citizenAccount = pgTable('citizen_account', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  phoneEnc: text('phone_enc').notNull(),
  phoneIndex: text('phone_index').notNull().unique(),
  realName: text('real_name'),
  idNumberEnc: text('id_number_enc'),
  idNumberIndex: text('id_number_index'),
  status: text('status', { enum: ['active', 'disabled'] })
    .notNull()
    .default('active'),
  createdAt: at('created_at').notNull(),
  lastLoginAt: at('last_login_at'),
});

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const authSession = pgTable(
  'auth_session',
  {
    id: text('id').primaryKey(),
    accountKind: text('account_kind', { enum: ['staff', 'citizen'] }).notNull(),
    accountId: uuid('account_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    revokedAt: at('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('auth_session_account_idx').on(t.accountKind, t.accountId)],
);

/** One-time codes for citizens' phone sign-in; only a hash of the code is kept. */
export const otpChallenge = pgTable(
  'otp_challenge',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phoneIndex: text('phone_index').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: at('consumed_at'),
  },
  (t) => [index('otp_challenge_phone_idx').on(t.phoneIndex, t.createdAt)],
);
