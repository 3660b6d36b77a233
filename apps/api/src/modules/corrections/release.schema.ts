import type { DeliveryMethod, EndingKind, ReleaseNoticeRecipient } from '@zhucheng/contracts';
import { bigserial, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { caseDocument } from '../../platform/documents/documents.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// 解除与终止 (第四十四条、第四十五条): how a term ended (one row per ended term; the same transaction sets
// `corrections_supervisee.ended_on`), and the notices sent to the court, procuratorate and police.

export const correctionsEnding = pgTable(
  'corrections_ending',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    kind: text('kind').$type<EndingKind>().notNull(),
    endedOn: date('ended_on').notNull(),
    summary: text('summary'),
    /** Termination: the ruling, decision or death certificate it rests on. */
    documentNo: text('document_no'),
    /** Release: the 解除社区矫正证明书 generated through the platform's documents. */
    certificateDocumentId: uuid('certificate_document_id').references(() => caseDocument.id),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_ending_ended_idx').on(t.kind, t.endedOn)],
);
export type CorrectionsEndingRow = typeof correctionsEnding.$inferSelect;

export const correctionsReleaseNotice = pgTable(
  'corrections_release_notice',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    recipient: text('recipient').$type<ReleaseNoticeRecipient>().notNull(),
    recipientName: text('recipient_name').notNull(),
    sentOn: date('sent_on').notNull(),
    method: text('method').$type<DeliveryMethod>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_release_notice_case_idx').on(t.caseId)],
);
export type CorrectionsReleaseNoticeRow = typeof correctionsReleaseNotice.$inferSelect;
