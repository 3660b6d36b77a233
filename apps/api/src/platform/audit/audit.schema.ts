import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const auditActorKinds = ['staff', 'citizen', 'system', 'anonymous'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];
export const auditOutcomes = ['success', 'failure'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/**
 * The audit log (审计日志): append-only, one row per login, failure, logout, lockout, change, and reveal or
 * export of personal data. Rows are inserted unhashed in the business transaction; the sealer job fills
 * the seal columns later (see audit-chain.ts). A trigger (migration `audit_append_only`) refuses every
 * other UPDATE and every DELETE that is not a retention prune behind a signed checkpoint.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: auditActorKinds }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    unitId: integer('unit_id'),
    ip: text('ip').notNull(),
    /** `<area>.<verb>`: `auth.login`, `user.create`, `personalData.reveal`, `audit.export`… */
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** Personal fields are masked before they get here (audit-mask.ts). */
    before: jsonb('before'),
    after: jsonb('after'),
    detail: jsonb('detail'),
    requestId: text('request_id').notNull(),
    outcome: text('outcome', { enum: auditOutcomes }).notNull().default('success'),
    /** Position in the hash chain; the chain is walked in this order, not in id order. */
    sealSeq: bigint('seal_seq', { mode: 'number' }).unique('audit_log_seal_seq_key'),
    prevHash: text('prev_hash'),
    /** SM3 over prev_hash and the row's canonical content, hex. */
    hash: text('hash'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_action_idx').on(t.action, t.at),
    // The sealer looks for the few unsealed rows among millions of sealed ones.
    index('audit_log_unsealed_idx').on(t.id).where(sql`${t.hash} is null`),
    check('audit_log_actor_kind_check', sql`${t.actorKind} in ('staff', 'citizen', 'system', 'anonymous')`),
    check('audit_log_outcome_check', sql`${t.outcome} in ('success', 'failure')`),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
