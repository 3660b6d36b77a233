import crypto from 'node:crypto';
import {
  type CaseDocument,
  type DocumentTemplate,
  type DocumentTemplateUpdate,
  documentPlaceholderLabels,
  type PartyRole,
  type PermissionCode,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../access/principal.ts';
import { findCase } from '../cases/cases.repo.ts';
import type { CaseRecordRow } from '../cases/cases.schema.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor, Transaction } from '../db/database.ts';
import { contentDisposition } from '../files/files.rules.ts';
import type { FilesService } from '../files/files.service.ts';
import { AppError } from '../http/app-error.ts';
import type { NumberingService } from '../numbering/numbering.service.ts';
import { findUnit } from '../org/org.repo.ts';
import { listCaseParties } from '../persons/persons.repo.ts';
import { DOCX_MIME, renderDocx } from './document-docx.ts';
import { DEFAULT_CJK_FONT_DIR, renderPdf } from './document-pdf.ts';
import type { DocumentTemplateRegistry } from './document-template.ts';
import {
  type CaseDocumentWithCode,
  findCaseDocument,
  findTemplate,
  findTemplateByCode,
  insertCaseDocument,
  insertTemplateVersion,
  listCaseDocuments,
  listTemplates,
  seedTemplate,
  updateTemplate,
} from './documents.repo.ts';
import { documentDate, fillPlaceholders, joinNames, unknownPlaceholders } from './documents.rules.ts';
import type { DocumentContent, DocumentTemplateRow } from './documents.schema.ts';

export interface DocumentsServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  numbering: Pick<NumberingService, 'allocate'>;
  files: Pick<FilesService, 'storeGenerated'>;
  templates: DocumentTemplateRegistry;
  /** The case type's Chinese name (from the workflow registry). */
  caseTypeName?: (caseType: string) => string;
  /** Where fonts-noto-cjk keeps its collections (the PDF preview's fonts). */
  fontDir?: string;
}

export interface PdfPreview {
  /** For Content-Disposition. */
  name: string;
  bytes: Buffer;
}

/** The party roles whose names `partyNames` lists (not agents or guardians). */
const namedRoles: readonly PartyRole[] = ['applicant', 'respondent', 'thirdParty', 'party', 'victim'];

function requirePermission(p: Principal, code: PermissionCode): void {
  if (!p.permissions.has(code)) throw AppError.forbidden();
}

const contentDispositionInline = (name: string) => contentDisposition(name, 'inline');

/**
 * 文书: templates per case type (seeded from the modules' defaults, then edited by a bureau's administrator,
 * every version kept) and the documents generated from them for a case — numbered, rendered to .docx in
 * the GB/T 9704 layout and stored as a file of the case in one transaction, with a PDF preview.
 */
export class DocumentsService {
  readonly #d: DocumentsServiceDeps;
  #seeded = false;

  constructor(deps: DocumentsServiceDeps) {
    this.#d = deps;
  }

  get templates(): DocumentTemplateRegistry {
    return this.#d.templates;
  }

  /** Inserts the modules' default templates not yet in the table (a later edit is never overwritten). */
  async seedDefaults(executor: Executor = this.#d.db): Promise<void> {
    const now = this.#d.clock.now();
    for (const def of this.#d.templates.all()) {
      await seedTemplate(executor, {
        code: def.code,
        caseType: def.caseType,
        name: def.name,
        numberSeries: def.numberSeries ?? null,
        title: def.title,
        body: [...def.body],
        updatedBy: null,
        updatedAt: now,
      });
    }
  }

  async #ensureSeeded(): Promise<void> {
    if (this.#seeded) return;
    await this.seedDefaults();
    this.#seeded = true;
  }

  #view(row: DocumentTemplateRow): DocumentTemplate {
    return {
      id: row.id,
      code: row.code,
      caseType: row.caseType,
      caseTypeName: this.#d.caseTypeName?.(row.caseType) ?? row.caseType,
      name: row.name,
      numberSeries: row.numberSeries,
      title: row.title,
      body: row.body,
      version: row.version,
      active: row.active,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt.toISOString(),
      fields: this.#d.templates.fieldsOf(row.caseType),
    };
  }

  async listTemplates(ctx: RequestContext, caseType?: string): Promise<DocumentTemplate[]> {
    requireStaff(ctx);
    await this.#ensureSeeded();
    return (await listTemplates(this.#d.db, caseType)).map((row) => this.#view(row));
  }

  /** A new version of a template; the version read must still be current (409), placeholders known (400). */
  async updateTemplate(
    ctx: RequestContext,
    id: number,
    input: DocumentTemplateUpdate,
  ): Promise<DocumentTemplate> {
    const p = requireStaff(ctx);
    requirePermission(p, 'document:manageTemplates');
    const body = input.body.map((text) => text.trim());
    return this.#d.db.transaction(async (tx) => {
      const before = await findTemplate(tx, id, { forUpdate: true });
      if (!before) throw AppError.notFound('文书模板');
      const unknown = unknownPlaceholders(
        [input.title, ...body],
        this.#d.templates.fieldsOf(before.caseType),
      );
      if (unknown.length > 0) {
        const message = `模板中有系统不认识的填充项：${unknown.map((u) => `{{${u}}}`).join('、')}，请从右侧的填充项列表中选择`;
        throw AppError.badRequest(message, [{ path: 'body', message }]);
      }
      const after = await updateTemplate(tx, {
        id,
        version: input.version,
        name: input.name,
        title: input.title,
        body,
        active: input.active ?? before.active,
        updatedBy: p.displayName,
        updatedAt: this.#d.clock.now(),
      });
      if (!after) throw AppError.conflict('该模板已被他人修改，请刷新后在最新版本上重新编辑');
      await insertTemplateVersion(tx, after);
      await this.#d.audit(tx, ctx, {
        action: 'document.template.update',
        entityType: 'documentTemplate',
        entityId: String(id),
        before: { version: before.version, name: before.name, title: before.title, body: before.body },
        after: {
          version: after.version,
          name: after.name,
          title: after.title,
          body: after.body,
          active: after.active,
        },
      });
      return this.#view(after);
    });
  }

  /**
   * Generates a document of the case from its type's template, in the caller's transaction (the route
   * wraps it in Idempotency-Key handling): case in scope, the 发文字号 from the template's series, the
   * .docx stored as a file of the case, the case_document row and the audit row commit together — or
   * nothing does, and the number is not used up.
   */
  async generate(
    tx: Transaction,
    ctx: RequestContext,
    caseId: string,
    input: { templateCode: string },
  ): Promise<CaseDocument> {
    const p = requireStaff(ctx);
    requirePermission(p, 'document:generate');
    const found = await findCase(tx, p, caseId);
    if (!found) throw AppError.notFound('案件');
    // Inside the caller's transaction (a second connection would wait for it); not remembered, as the
    // transaction may yet roll back.
    if (!this.#seeded) await this.seedDefaults(tx);
    const template = await findTemplateByCode(tx, found.caseType, input.templateCode);
    if (!template?.active) throw AppError.notFound('文书模板');
    const values = await this.#values(tx, found);
    let docNo: string | null = null;
    if (template.numberSeries) {
      docNo = (
        await this.#d.numbering.allocate(tx, { series: template.numberSeries, unitId: found.competentUnitId })
      ).text;
    }
    values.docNo = docNo ?? '';
    const content: DocumentContent = {
      docNo,
      title: fillPlaceholders(template.title, values),
      paragraphs: template.body.map((text) => fillPlaceholders(text, values)),
      issuingUnit: values.issuingUnit ?? '',
      date: values.date ?? '',
    };
    const bytes = await renderDocx(content);
    const name = `${template.name}${docNo ? `（${docNo}）` : ''}.docx`;
    const file = await this.#d.files.storeGenerated(tx, {
      caseId,
      name,
      mime: DOCX_MIME,
      bytes,
      category: 'document',
      ctx,
    });
    const row = await insertCaseDocument(tx, {
      id: crypto.randomUUID(),
      caseId,
      templateId: template.id,
      templateVersion: template.version,
      name: template.name,
      docNo,
      fileId: file.id,
      content,
      createdBy: p.displayName,
      createdAt: this.#d.clock.now(),
    });
    await this.#d.audit(tx, ctx, {
      action: 'document.generate',
      entityType: 'case',
      entityId: caseId,
      after: {
        documentId: row.id,
        template: template.code,
        templateVersion: template.version,
        docNo,
        fileId: file.id,
      },
    });
    return caseDocumentView({ document: row, templateCode: template.code });
  }

  async listForCase(ctx: RequestContext, caseId: string): Promise<CaseDocument[]> {
    const p = requireStaff(ctx);
    if (!(await findCase(this.#d.db, p, caseId))) throw AppError.notFound('案件');
    return (await listCaseDocuments(this.#d.db, caseId)).map(caseDocumentView);
  }

  /** The document as a PDF (Noto Serif CJK for the official fonts); audited, as it holds personal data. */
  async preview(ctx: RequestContext, id: string): Promise<PdfPreview & { disposition: string }> {
    const p = requireStaff(ctx);
    const found = await findCaseDocument(this.#d.db, id);
    if (!found || !(await findCase(this.#d.db, p, found.document.caseId))) throw AppError.notFound('文书');
    const bytes = await renderPdf(found.document.content, this.#d.fontDir ?? DEFAULT_CJK_FONT_DIR);
    await this.#d.db.transaction((tx) =>
      this.#d.audit(tx, ctx, {
        action: 'document.preview',
        entityType: 'case',
        entityId: found.document.caseId,
        detail: { documentId: id, docNo: found.document.docNo },
      }),
    );
    const name = `${found.document.name}${found.document.docNo ? `（${found.document.docNo}）` : ''}.pdf`;
    return { name, bytes, disposition: contentDispositionInline(name) };
  }

  /** A template set with the placeholders' names in 【】, for its editor (no case data, not audited). */
  async previewTemplate(ctx: RequestContext, id: number): Promise<PdfPreview & { disposition: string }> {
    requireStaff(ctx);
    const template = await findTemplate(this.#d.db, id);
    if (!template) throw AppError.notFound('文书模板');
    const sample: Record<string, string> = {};
    for (const field of this.#d.templates.fieldsOf(template.caseType))
      sample[field.code] = `【${field.label}】`;
    sample.date = documentDate(this.#d.clock.today());
    const content: DocumentContent = {
      docNo: template.numberSeries ? '【文号】' : null,
      title: fillPlaceholders(template.title, sample),
      paragraphs: template.body.map((text) => fillPlaceholders(text, sample)),
      issuingUnit: `【${documentPlaceholderLabels.issuingUnit}】`,
      date: sample.date,
    };
    const bytes = await renderPdf(content, this.#d.fontDir ?? DEFAULT_CJK_FONT_DIR);
    const name = `${template.name}（样式预览）.pdf`;
    return { name, bytes, disposition: contentDispositionInline(name) };
  }

  async #values(executor: Executor, found: CaseRecordRow): Promise<Record<string, string>> {
    const unit = await findUnit(executor, found.competentUnitId);
    const parties = await listCaseParties(executor, found.id);
    const namesOf = (roles: readonly PartyRole[]) =>
      joinNames(
        parties
          .filter((x) => roles.includes(x.party.role))
          .map((x) => x.person?.name ?? x.organisation?.name ?? '')
          .filter((n) => n !== ''),
      );
    const values: Record<string, string> = {
      caseNo: found.caseNo ?? '',
      issuingUnit: unit?.name ?? '',
      date: documentDate(this.#d.clock.today()),
      title: found.title,
      applicantNames: namesOf(['applicant']),
      respondentNames: namesOf(['respondent']),
      partyNames: namesOf(namedRoles),
    };
    for (const set of this.#d.templates.fieldSetsOf(found.caseType)) {
      const extra = await set.load(executor, found.id);
      for (const field of set.fields) values[field.code] = extra[field.code] ?? '';
    }
    return values;
  }
}

export function caseDocumentView({ document, templateCode }: CaseDocumentWithCode): CaseDocument {
  return {
    id: document.id,
    caseId: document.caseId,
    templateId: document.templateId,
    templateCode,
    templateVersion: document.templateVersion,
    name: document.name,
    docNo: document.docNo,
    fileId: document.fileId,
    downloadUrl: `/api/files/${document.fileId}`,
    previewUrl: `/api/documents/${document.id}/preview.pdf`,
    createdBy: document.createdBy,
    createdAt: document.createdAt.toISOString(),
  };
}
