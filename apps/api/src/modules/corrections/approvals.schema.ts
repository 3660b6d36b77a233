import type { ApprovalKind, ApprovalLevel } from '@zhucheng/contracts';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 审批事项: the detail row of a `corrections.approval` case (its status is the case's), linked to the
 * supervisee's term. The required level is fixed when applied (the settings of that day).
 */
export const correctionsApproval = pgTable(
  'corrections_approval',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    superviseeCaseId: uuid('supervisee_case_id')
      .notNull()
      .references(() => caseRecord.id),
    kind: text('kind').$type<ApprovalKind>().notNull(),
    destination: text('destination').notNull(),
    reason: text('reason').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    days: integer('days'),
    priorDaysInWindow: integer('prior_days_in_window').notNull().default(0),
    requiredLevel: text('required_level').$type<ApprovalLevel>().notNull(),
    levelReason: text('level_reason').notNull(),
    appliedBy: text('applied_by').$type<'supervisee' | 'staff'>().notNull(),
    appliedAt: at('applied_at').notNull(),
    forwardOpinion: text('forward_opinion'),
    decidedBy: text('decided_by'),
    decidedLevel: text('decided_level').$type<ApprovalLevel>(),
    decidedUnit: text('decided_unit'),
    decidedAt: at('decided_at'),
    opinion: text('opinion'),
    documentId: uuid('document_id'),
    returnedOn: date('returned_on'),
    returnNote: text('return_note'),
  },
  (t) => [index('corrections_approval_supervisee_idx').on(t.superviseeCaseId, t.fromDate)],
);
export type CorrectionsApprovalRow = typeof correctionsApproval.$inferSelect;
