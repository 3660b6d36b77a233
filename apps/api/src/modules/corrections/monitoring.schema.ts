import type { MonitoringCondition } from '@zhucheng/contracts';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 电子定位监管决定 (第二十九条): the detail row of a `corrections.monitoring` case. Not the whole-term vessel
 * tracking of maritime supervisees (vessels.*: local rules + written consent).
 */
export const correctionsMonitoringOrder = pgTable(
  'corrections_monitoring_order',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    superviseeCaseId: uuid('supervisee_case_id')
      .notNull()
      .references(() => caseRecord.id),
    condition: text('condition').$type<MonitoringCondition>().notNull(),
    evidenceSanctionId: uuid('evidence_sanction_id').references(() => caseRecord.id),
    evidenceApprovalId: uuid('evidence_approval_id').references(() => caseRecord.id),
    reason: text('reason').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    proposedBy: text('proposed_by').notNull(),
    approvedBy: text('approved_by'),
    opinion: text('opinion'),
    decidedAt: at('decided_at'),
    documentId: uuid('document_id'),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_monitoring_supervisee_idx').on(t.superviseeCaseId)],
);
export type CorrectionsMonitoringOrderRow = typeof correctionsMonitoringOrder.$inferSelect;

/** 复查: recorded before a renewal (or ending); `renewedUntil` once a renewal used it. */
export const correctionsMonitoringReview = pgTable(
  'corrections_monitoring_review',
  {
    id: uuid('id').primaryKey(),
    orderCaseId: uuid('order_case_id')
      .notNull()
      .references(() => caseRecord.id),
    reviewedOn: date('reviewed_on').notNull(),
    conclusion: text('conclusion').$type<'renew' | 'end'>().notNull(),
    note: text('note').notNull(),
    reviewedBy: text('reviewed_by').notNull(),
    renewedUntil: date('renewed_until'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_monitoring_review_order_idx').on(t.orderCaseId)],
);
export type CorrectionsMonitoringReviewRow = typeof correctionsMonitoringReview.$inferSelect;
