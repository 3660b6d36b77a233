import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { storedFile } from '../files/files.schema.ts';
import {
  type CaseDocumentRow,
  caseDocument,
  type DocumentTemplateRow,
  documentTemplate,
  documentTemplateVersion,
} from './documents.schema.ts';

export async function listTemplates(executor: Executor, caseType?: string): Promise<DocumentTemplateRow[]> {
  return executor
    .select()
    .from(documentTemplate)
    .where(caseType ? eq(documentTemplate.caseType, caseType) : undefined)
    .orderBy(asc(documentTemplate.caseType), asc(documentTemplate.id));
}

export async function findTemplate(
  executor: Executor,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<DocumentTemplateRow | undefined> {
  const query = executor.select().from(documentTemplate).where(eq(documentTemplate.id, id));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export async function findTemplateByCode(
  executor: Executor,
  caseType: string,
  code: string,
): Promise<DocumentTemplateRow | undefined> {
  const rows = await executor
    .select()
    .from(documentTemplate)
    .where(and(eq(documentTemplate.caseType, caseType), eq(documentTemplate.code, code)));
  return rows[0];
}

/** Inserts a default template unless its (case type, code) exists; its first version too. */
export async function seedTemplate(
  executor: Executor,
  values: Omit<typeof documentTemplate.$inferInsert, 'id' | 'version'>,
): Promise<void> {
  const [row] = await executor.insert(documentTemplate).values(values).onConflictDoNothing().returning();
  if (!row) return;
  await insertTemplateVersion(executor, row);
}

export async function insertTemplateVersion(executor: Executor, row: DocumentTemplateRow): Promise<void> {
  await executor.insert(documentTemplateVersion).values({
    templateId: row.id,
    version: row.version,
    name: row.name,
    title: row.title,
    body: row.body,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  });
}

/** The new text and a version one higher; undefined when `version` is no longer the current one. */
export async function updateTemplate(
  executor: Executor,
  change: {
    id: number;
    version: number;
    name: string;
    title: string;
    body: string[];
    active: boolean;
    updatedBy: string;
    updatedAt: Date;
  },
): Promise<DocumentTemplateRow | undefined> {
  const rows = await executor
    .update(documentTemplate)
    .set({
      name: change.name,
      title: change.title,
      body: change.body,
      active: change.active,
      version: sql`${documentTemplate.version} + 1`,
      updatedBy: change.updatedBy,
      updatedAt: change.updatedAt,
    })
    .where(and(eq(documentTemplate.id, change.id), eq(documentTemplate.version, change.version)))
    .returning();
  return rows[0];
}

export async function insertCaseDocument(
  executor: Executor,
  values: typeof caseDocument.$inferInsert,
): Promise<CaseDocumentRow> {
  const [row] = await executor.insert(caseDocument).values(values).returning();
  if (!row) throw new Error('case_document insert returned no row');
  return row;
}

export interface CaseDocumentWithCode {
  document: CaseDocumentRow;
  templateCode: string;
}

/** A case's documents, newest first, leaving out those whose file was deleted. */
export async function listCaseDocuments(executor: Executor, caseId: string): Promise<CaseDocumentWithCode[]> {
  const rows = await executor
    .select({ document: caseDocument, templateCode: documentTemplate.code })
    .from(caseDocument)
    .innerJoin(documentTemplate, eq(documentTemplate.id, caseDocument.templateId))
    .innerJoin(storedFile, eq(storedFile.id, caseDocument.fileId))
    .where(and(eq(caseDocument.caseId, caseId), sql`${storedFile.deletedAt} is null`))
    .orderBy(desc(caseDocument.createdAt), desc(caseDocument.id));
  return rows;
}

export async function findCaseDocument(
  executor: Executor,
  id: string,
): Promise<CaseDocumentWithCode | undefined> {
  const rows = await executor
    .select({ document: caseDocument, templateCode: documentTemplate.code })
    .from(caseDocument)
    .innerJoin(documentTemplate, eq(documentTemplate.id, caseDocument.templateId))
    .where(eq(caseDocument.id, id));
  return rows[0];
}
