import type {
  DeliveryMethod,
  InvestigationOpinion,
  InvestigationRequesterKind,
  SentenceKind,
} from '@zhucheng/contracts';
import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 调查评估 (社区矫正法第十八条): the detail of one `corrections.investigation` case — the request, the
 * assessment and its delivery. The person is the platform's (ID number encrypted there).
 */
export const correctionsInvestigation = pgTable(
  'corrections_investigation',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    requesterKind: text('requester_kind').$type<InvestigationRequesterKind>().notNull(),
    requesterName: text('requester_name').notNull(),
    letterNo: text('letter_no').notNull(),
    receivedOn: date('received_on').notNull(),
    fastTrack: boolean('fast_track').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** Under 18 on the day the request came: restricted visibility (第五十二条). */
    minor: boolean('minor').notNull(),
    offence: text('offence').notNull(),
    proposedSentenceKind: text('proposed_sentence_kind').$type<SentenceKind>(),
    note: text('note'),
    findings: text('findings'),
    opinion: text('opinion').$type<InvestigationOpinion>(),
    assessedOn: date('assessed_on'),
    assessedBy: text('assessed_by'),
    /** The 调查评估意见书 (case_document) generated on assessment. */
    reportDocumentId: uuid('report_document_id'),
    deliveredOn: date('delivered_on'),
    deliveryMethod: text('delivery_method').$type<DeliveryMethod>(),
    deliveredTo: text('delivered_to'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('corrections_investigation_person_idx').on(t.personId)],
);

export type CorrectionsInvestigationRow = typeof correctionsInvestigation.$inferSelect;
