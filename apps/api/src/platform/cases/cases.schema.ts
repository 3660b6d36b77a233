import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnit } from '../org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * What every module's case shares (案件): its type, number, workflow status and the units it belongs to.
 * Modules keep their own detail tables keyed by `id`. `receiving_unit_id` differs from the competent unit
 * under city-wide acceptance (全城通办): either unit's staff see the case.
 */
export const caseRecord = pgTable(
  'case_record',
  {
    id: uuid('id').primaryKey(),
    /** The workflow's case type, e.g. `legalAid.application`. */
    caseType: text('case_type').notNull(),
    /** 案号; null while the type numbers later (or never). */
    caseNo: text('case_no').unique('case_record_case_no_key'),
    status: text('status').notNull(),
    /** Optimistic locking: every transition names the version it read. */
    version: integer('version').notNull().default(1),
    competentUnitId: integer('competent_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    receivingUnitId: integer('receiving_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    title: text('title').notNull(),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('case_record_type_status_idx').on(t.caseType, t.status),
    index('case_record_competent_unit_idx').on(t.competentUnitId),
    index('case_record_receiving_unit_idx').on(t.receivingUnitId),
  ],
);

export type CaseRecordRow = typeof caseRecord.$inferSelect;

export const caseParticipantKinds = ['staff', 'citizen'] as const;
export type CaseParticipantKind = (typeof caseParticipantKinds)[number];

/** Who takes part in a case (handler, assigned lawyer, applicant…): the "self" data scope reads this. */
export const caseParticipant = pgTable(
  'case_participant',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    accountKind: text('account_kind').$type<CaseParticipantKind>().notNull(),
    accountId: text('account_id').notNull(),
    /** handler, assignedLawyer, mediator, applicant, supervisee… */
    role: text('role').notNull(),
    addedAt: at('added_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'case_participant_pk', columns: [t.caseId, t.accountKind, t.accountId, t.role] }),
    index('case_participant_account_idx').on(t.accountKind, t.accountId),
    check('case_participant_kind_check', sql`${t.accountKind} in ('staff', 'citizen')`),
  ],
);

export type CaseParticipantRow = typeof caseParticipant.$inferSelect;

/** The case timeline (办理记录): one row per workflow transition, including creation. */
export const caseHistory = pgTable(
  'case_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    transition: text('transition').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: at('at').notNull(),
    comment: text('comment'),
    attachments: jsonb('attachments').$type<unknown[]>().notNull().default([]),
    data: jsonb('data'),
  },
  (t) => [index('case_history_case_idx').on(t.caseId, t.at)],
);

export type CaseHistoryRow = typeof caseHistory.$inferSelect;
