import type { LegalAidCaseOutcome, LegalAidProgressKind } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import { date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUser } from '../../platform/access/access.schema.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });
/** Yuan with fen, read as a JS number (amounts stay far below 2^53 fen). */
const yuan = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** 办案记录: one step of the lawyer's work (meeting the client, filing, a hearing …) with its files. */
export const legalAidProgressEntry = pgTable(
  'legal_aid_progress_entry',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    kind: text('kind').$type<LegalAidProgressKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note').notNull(),
    /** Case files (stored_file ids) attached to this step. */
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => staffUser.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('legal_aid_progress_entry_case_idx').on(t.caseId, t.occurredOn)],
);
export type LegalAidProgressEntryRow = typeof legalAidProgressEntry.$inferSelect;

/** 结案: the lawyer's closing of the aided case, one per case. */
export const legalAidClosing = pgTable(
  'legal_aid_closing',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    outcome: text('outcome').$type<LegalAidCaseOutcome>().notNull(),
    summary: text('summary').notNull(),
    /** For pay and work-injury claims: what the aided person actually got (挽回损失), yuan. */
    amountRecoveredYuan: yuan('amount_recovered_yuan'),
    /** The day the matter ended (judgment served, agreement signed …); metrics count closings by it. */
    closedOn: date('closed_on').notNull(),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    closedBy: uuid('closed_by').references(() => staffUser.id),
    closedAt: at('closed_at').notNull(),
  },
  (t) => [index('legal_aid_closing_closed_on_idx').on(t.closedOn)],
);
export type LegalAidClosingRow = typeof legalAidClosing.$inferSelect;
