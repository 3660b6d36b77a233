import type { LegalAidAssignmentMethod } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staffUser } from '../../platform/access/access.schema.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { legalAidLawyer } from './registry.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 指派: one lawyer on one aided case for a stretch of time. A change of lawyer ends the current row and
 * starts another, so the history of who handled the case stays. At most one current row per case.
 */
export const legalAidAssignment = pgTable(
  'legal_aid_assignment',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    lawyerId: uuid('lawyer_id')
      .notNull()
      .references(() => legalAidLawyer.id),
    /** rotation (值班轮派), chosen (点援制: the applicant's choice), expertPanel (minors), manual. */
    method: text('method').$type<LegalAidAssignmentMethod>().notNull(),
    /** Why this lawyer when not the rotation's suggestion; why the change. */
    reason: text('reason'),
    assignedBy: uuid('assigned_by').references(() => staffUser.id),
    assignedAt: at('assigned_at').notNull(),
    acceptedAt: at('accepted_at'),
    endedAt: at('ended_at'),
    /** declined (the lawyer returned it), changed (the centre changed the lawyer), terminated. */
    endReason: text('end_reason'),
    endNote: text('end_note'),
    /** The 指派通知书 generated with the assignment (a case document). */
    noticeDocumentId: uuid('notice_document_id'),
  },
  (t) => [
    index('legal_aid_assignment_case_idx').on(t.caseId),
    index('legal_aid_assignment_lawyer_idx').on(t.lawyerId, t.assignedAt),
    uniqueIndex('legal_aid_assignment_current_key').on(t.caseId).where(sql`${t.endedAt} is null`),
  ],
);
export type LegalAidAssignmentRow = typeof legalAidAssignment.$inferSelect;
