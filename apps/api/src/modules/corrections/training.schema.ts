import type { CertificateKind, GuidanceKind } from '@zhucheng/contracts';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// 教育帮扶 (第三十六条、第三十七条、第四十条): vocational training, certificates and employment guidance of a
// term (`corrections.supervisee` case): the case's scope is theirs.

/** 职业技能培训: course, provider, hours, from … to. */
export const correctionsTraining = pgTable(
  'corrections_training',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    course: text('course').notNull(),
    provider: text('provider').notNull(),
    hours: integer('hours').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_training_case_idx').on(t.caseId)],
);
export type CorrectionsTrainingRow = typeof correctionsTraining.$inferSelect;

/** 证书: kind (海员证 …), number, issued on, issuer; `corrections.seafarerCertificates` counts `seafarer`. */
export const correctionsCertificate = pgTable(
  'corrections_certificate',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    kind: text('kind').$type<CertificateKind>().notNull(),
    name: text('name'),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuer: text('issuer').notNull(),
    trainingId: uuid('training_id').references(() => correctionsTraining.id),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('corrections_certificate_case_idx').on(t.caseId),
    index('corrections_certificate_issued_idx').on(t.kind, t.issuedOn),
  ],
);
export type CorrectionsCertificateRow = typeof correctionsCertificate.$inferSelect;

/** 就业指导: kind, note, whether during the fishing moratorium. */
export const correctionsEmploymentGuidance = pgTable(
  'corrections_employment_guidance',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    kind: text('kind').$type<GuidanceKind>().notNull(),
    givenOn: date('given_on').notNull(),
    note: text('note').notNull(),
    duringMoratorium: boolean('during_moratorium').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_employment_guidance_case_idx').on(t.caseId)],
);
export type CorrectionsEmploymentGuidanceRow = typeof correctionsEmploymentGuidance.$inferSelect;
