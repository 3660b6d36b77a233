import type { AgreementForm, ConfirmationResult, PerformanceStatus } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

// 调解过程: the sessions and their records, the agreement and its performance, follow-up visits, and the
// court's judicial confirmation of a dispute case.

const at = (name: string) => timestamp(name, { withTimezone: true });
const fileIds = () => uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`);

/** 调解笔录: one mediation session (time, place, who was there, what was said). */
export const mediationSession = pgTable(
  'mediation_session',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    heldAt: at('held_at').notNull(),
    place: text('place').notNull(),
    /** The mediators present (mediator ids). */
    mediatorIds: uuid('mediator_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Everyone else present, as the record names them (parties, relatives, village cadres…). */
    attendees: text('attendees').notNull(),
    record: text('record').notNull(),
    fileIds: fileIds(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('mediation_session_case_idx').on(t.caseId, t.heldAt)],
);
export type MediationSessionRow = typeof mediationSession.$inferSelect;

/**
 * 调解协议: written (第二十九条, generated as .docx, effective when signed) or oral (第三十条, recorded by the
 * mediator, effective when agreed); its performance (第三十一条).
 */
export const mediationAgreement = pgTable('mediation_agreement', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  form: text('form').$type<AgreementForm>().notNull(),
  /** The terms: what each party undertakes. */
  terms: text('terms').notNull(),
  /** How and by when it is performed. */
  performanceTerms: text('performance_terms'),
  performanceDueOn: date('performance_due_on'),
  /** The day it takes effect (signed, or agreed orally): the 30-day confirmation window starts here. */
  effectiveOn: date('effective_on').notNull(),
  /** The generated 人民调解协议书 (case_document) of a written agreement. */
  documentId: uuid('document_id'),
  /** The signed scan, once uploaded. */
  signedFileIds: fileIds(),
  performanceStatus: text('performance_status').$type<PerformanceStatus>().notNull().default('pending'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});
export type MediationAgreementRow = typeof mediationAgreement.$inferSelect;

/** 回访: a follow-up visit or call after the agreement, and what it found of the performance. */
export const mediationFollowUp = pgTable(
  'mediation_follow_up',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    visitedOn: date('visited_on').notNull(),
    /** visit / phone / other. */
    method: text('method').notNull(),
    visitor: text('visitor').notNull(),
    note: text('note').notNull(),
    performanceStatus: text('performance_status').$type<PerformanceStatus>().notNull(),
    fileIds: fileIds(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('mediation_follow_up_case_idx').on(t.caseId, t.visitedOn)],
);
export type MediationFollowUpRow = typeof mediationFollowUp.$inferSelect;

/** 司法确认 (第三十三条): the parties' joint application to the court, and the court's ruling. */
export const mediationConfirmation = pgTable('mediation_confirmation', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  court: text('court').notNull(),
  appliedOn: date('applied_on').notNull(),
  result: text('result').$type<ConfirmationResult>(),
  ruledOn: date('ruled_on'),
  /** The ruling's number, e.g. （2026）桂0502民特12号. */
  rulingNo: text('ruling_no'),
  note: text('note'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});
export type MediationConfirmationRow = typeof mediationConfirmation.$inferSelect;
