import type {
  ClassificationFactor,
  SentenceKind,
  SuperviseeFlag,
  SupervisionLevel,
} from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { registerEncryptedColumn } from '../../platform/crypto/encrypted-columns.ts';
import { person } from '../../platform/persons/persons.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// The supervisee's mobile phone: the portal identity (a citizen account signed in with the same phone sees
// this term). Re-encrypted by `npm run keys:rotate`, like citizen_account's phone.
registerEncryptedColumn({
  table: 'corrections_supervisee',
  idColumn: 'case_id',
  column: 'phone_enc',
  blindIndex: { column: 'phone_index', purpose: 'phone' },
});

/**
 * 社区矫正对象 (the register): one row per term of community corrections, the detail of a
 * `corrections.supervisee` case. The case's competent unit is the supervising office (执行地司法所), so the
 * platform's data scope follows it. The person is the platform's (ID number encrypted, blind index): one
 * person, and at most one term not yet ended (`ended_on` is set by release or termination, part 2).
 */
export const correctionsSupervisee = pgTable(
  'corrections_supervisee',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    sentenceKind: text('sentence_kind').$type<SentenceKind>().notNull(),
    offence: text('offence').notNull(),
    courtName: text('court_name').notNull(),
    judgmentNo: text('judgment_no').notNull(),
    judgmentEffectiveOn: date('judgment_effective_on').notNull(),
    noticeNo: text('notice_no'),
    noticeReceivedOn: date('notice_received_on'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    prohibitionOrders: jsonb('prohibition_orders').$type<string[]>().notNull(),
    /** `minor` restricts visibility to `corrections:readMinors`; `maritime`: vessels and sea trips. */
    flags: text('flags').array().$type<SuperviseeFlag[]>().notNull().default(sql`'{}'::text[]`),
    supervisionLevel: text('supervision_level').$type<SupervisionLevel>(),
    levelFactors: jsonb('level_factors').$type<ClassificationFactor[]>().notNull().default([]),
    levelReasons: text('level_reasons'),
    levelSetOn: date('level_set_on'),
    /** A platform file (stored_file) of the case. */
    photoFileId: uuid('photo_file_id'),
    /** The supervisee's mobile phone (SM4, recorded at registration): they sign in to the portal with it. */
    phoneEnc: text('phone_enc'),
    /** Blind index of the phone (purpose `phone`, the same as citizen_account.phone_index). */
    phoneIndex: text('phone_index'),
    reportedInOn: date('reported_in_on'),
    /** Release or termination (part 2); null while the term runs. */
    endedOn: date('ended_on'),
    /** Optimistic locking of the register and intake edits (the case's own version moves on transitions). */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('corrections_supervisee_running_term_key').on(t.personId).where(sql`${t.endedOn} is null`),
    index('corrections_supervisee_period_end_idx').on(t.periodEnd),
    index('corrections_supervisee_phone_idx').on(t.phoneIndex),
  ],
);
export type CorrectionsSuperviseeRow = typeof correctionsSupervisee.$inferSelect;

/** 分类管理 history (第二十四条): every decision with its reasons; the current one is on the supervisee. */
export const correctionsClassification = pgTable(
  'corrections_classification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    level: text('level').$type<SupervisionLevel>().notNull(),
    factors: jsonb('factors').$type<ClassificationFactor[]>().notNull(),
    reasons: text('reasons').notNull(),
    decidedOn: date('decided_on').notNull(),
    decidedBy: text('decided_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_classification_case_idx').on(t.caseId)],
);
export type CorrectionsClassificationRow = typeof correctionsClassification.$inferSelect;
