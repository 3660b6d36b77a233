import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { registerEncryptedColumn } from '../crypto/encrypted-columns.ts';
import { orgUnit } from '../org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// Re-encrypted by `npm run keys:rotate`.
registerEncryptedColumn({
  table: 'staff_user',
  idColumn: 'id',
  column: 'phone_enc',
  blindIndex: { column: 'phone_index', purpose: 'phone' },
});
registerEncryptedColumn({ table: 'staff_user', idColumn: 'id', column: 'totp_secret_enc' });

/** Staff accounts (工作人员账号). Citizens have their own table: a different kind of account. */
export const staffUser = pgTable(
  'staff_user',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Stored lower-case; unique across the platform. */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** SM4-encrypted (platform/crypto); the blind index finds a user by phone without decrypting. */
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: at('password_changed_at'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    lastLoginAt: at('last_login_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('staff_user_unit_idx').on(t.unitId), index('staff_user_phone_idx').on(t.phoneIndex)],
);

export const role = pgTable('role', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  builtin: boolean('builtin').notNull().default(false),
  /** 三员分立: 'system' | 'security' | 'audit' for the three administrator roles. */
  duty: text('duty', { enum: ['system', 'security', 'audit'] }),
  dataScope: text('data_scope', { enum: ['all', 'unitAndBelow', 'unit', 'self', 'custom'] }).notNull(),
  permissions: jsonb('permissions').$type<string[]>().notNull(),
  customUnitIds: jsonb('custom_unit_ids').$type<number[]>().notNull().default([]),
  /** Who may hold it: staff roles, or the implicit role of citizens. */
  accountKind: text('account_kind', { enum: ['staff', 'citizen'] })
    .notNull()
    .default('staff'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const staffUserRole = pgTable(
  'staff_user_role',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUser.id),
    roleId: integer('role_id')
      .notNull()
      .references(() => role.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);
