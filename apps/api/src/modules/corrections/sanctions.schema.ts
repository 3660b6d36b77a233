import type { SanctionBreach, SanctionKind } from '@zhucheng/contracts';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 奖惩: the detail row of a `corrections.sanction` case; the suggestion offered and the step chosen. */
export const correctionsSanction = pgTable(
  'corrections_sanction',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    superviseeCaseId: uuid('supervisee_case_id')
      .notNull()
      .references(() => caseRecord.id),
    kind: text('kind').$type<SanctionKind>().notNull(),
    breach: text('breach').$type<SanctionBreach>().notNull(),
    absenceDays: integer('absence_days'),
    suggestedKind: text('suggested_kind').$type<SanctionKind>(),
    suggestionReasons: jsonb('suggestion_reasons').$type<string[]>().notNull(),
    deviationNote: text('deviation_note'),
    facts: text('facts').notNull(),
    basis: text('basis').notNull(),
    decidedOn: date('decided_on').notNull(),
    decidedBy: text('decided_by').notNull(),
    documentId: uuid('document_id'),
    withdrawReason: text('withdraw_reason'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_sanction_supervisee_idx').on(t.superviseeCaseId, t.decidedOn)],
);
export type CorrectionsSanctionRow = typeof correctionsSanction.$inferSelect;
