import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRecord } from '../cases/cases.schema.ts';
import { storedFile } from '../files/files.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 文书模板: one per case type and code, seeded from the modules' defaults and then data a bureau's
 * administrator edits. `version` counts the edits; every version is kept in document_template_version.
 */
export const documentTemplate = pgTable(
  'document_template',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    caseType: text('case_type').notNull(),
    /** e.g. 给予法律援助决定书. */
    name: text('name').notNull(),
    /** The documentNo series its documents are numbered in; null for documents without a number. */
    numberSeries: text('number_series'),
    title: text('title').notNull(),
    /** Paragraphs of the body, each with `{{placeholder}}` fields. */
    body: jsonb('body').$type<string[]>().notNull(),
    version: integer('version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    updatedBy: text('updated_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [unique('document_template_type_code_key').on(t.caseType, t.code)],
);
export type DocumentTemplateRow = typeof documentTemplate.$inferSelect;

/** Every version a template had, so a document names the exact text it was made from. */
export const documentTemplateVersion = pgTable(
  'document_template_version',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => documentTemplate.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<string[]>().notNull(),
    updatedBy: text('updated_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ name: 'document_template_version_pk', columns: [t.templateId, t.version] })],
);

/** What a generated document says, kept so the PDF preview shows exactly what the .docx holds. */
export interface DocumentContent {
  docNo: string | null;
  title: string;
  paragraphs: string[];
  issuingUnit: string;
  /** `2026年11月27日`. */
  date: string;
}

/** 案件文书: a document generated for a case, stored as a file of the case. */
export const caseDocument = pgTable(
  'case_document',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    templateId: integer('template_id')
      .notNull()
      .references(() => documentTemplate.id),
    templateVersion: integer('template_version').notNull(),
    name: text('name').notNull(),
    docNo: text('doc_no'),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    content: jsonb('content').$type<DocumentContent>().notNull(),
    createdBy: text('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('case_document_case_idx').on(t.caseId, t.createdAt)],
);
export type CaseDocumentRow = typeof caseDocument.$inferSelect;
