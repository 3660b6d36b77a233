import type {
  LegalAidChannel,
  LegalAidDraftData,
  LegalAidHardshipInput,
  LegalAidMatterInput,
  MeansTestResult,
} from '@zhucheng/contracts';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** The legal-aid detail of a `legalAid.application` case: the matter, hardship and the means test. */
export const legalAidApplication = pgTable(
  'legal_aid_application',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    channel: text('channel').$type<LegalAidChannel>().notNull(),
    /** The citizen account that applied online; null at the counter. */
    citizenAccountId: text('citizen_account_id'),
    /** The person (persons table); null until linked for an online application. */
    applicantPersonId: uuid('applicant_person_id'),
    applicantName: text('applicant_name').notNull(),
    /** First 6 and last 4 characters only; the full number lives encrypted on the person. */
    applicantIdMasked: text('applicant_id_masked'),
    applicantTags: jsonb('applicant_tags').$type<string[]>().notNull(),
    placeUnitId: integer('place_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    matter: jsonb('matter').$type<LegalAidMatterInput>().notNull(),
    hardship: jsonb('hardship').$type<LegalAidHardshipInput>().notNull(),
    meansTest: jsonb('means_test').$type<MeansTestResult>().notNull(),
    urgent: boolean('urgent').notNull(),
    urgentReason: text('urgent_reason'),
    /** The portal draft it came from: one application per draft, however often it is submitted. */
    draftId: uuid('draft_id').unique('legal_aid_application_draft_key'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('legal_aid_application_citizen_idx').on(t.citizenAccountId)],
);

/** A citizen's application in progress (网上申请草稿): resumable, several per citizen. */
export const legalAidDraft = pgTable(
  'legal_aid_draft',
  {
    id: uuid('id').primaryKey(),
    citizenAccountId: text('citizen_account_id').notNull(),
    data: jsonb('data').$type<LegalAidDraftData>().notNull(),
    version: integer('version').notNull(),
    /** Set on submit. */
    caseId: uuid('case_id').references(() => caseRecord.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('legal_aid_draft_citizen_idx').on(t.citizenAccountId),
    unique('legal_aid_draft_case_key').on(t.caseId),
  ],
);

export type LegalAidApplicationRow = typeof legalAidApplication.$inferSelect;
export type LegalAidDraftRow = typeof legalAidDraft.$inferSelect;
