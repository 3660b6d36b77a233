import { z } from 'zod';

// 文书: templates per case type (editable by a bureau's administrator, versioned) and the documents
// generated from them for a case (.docx in the layout of GB/T 9704, with a PDF preview).

/**
 * The placeholders every template may use, written `{{code}}` in the title or a paragraph. A case type may
 * add its own fields (listed with each template as `fields`).
 */
export const documentPlaceholderLabels = {
  caseNo: '案号',
  docNo: '文号（发文字号）',
  issuingUnit: '发文机关（承办机构名称）',
  date: '成文日期（如 2026年11月27日）',
  title: '案件名称',
  applicantNames: '申请人姓名（多人以顿号分隔）',
  respondentNames: '被申请人姓名（多人以顿号分隔）',
  partyNames: '全部当事人姓名（多人以顿号分隔）',
} as const;
export type DocumentPlaceholder = keyof typeof documentPlaceholderLabels;
export const documentPlaceholders = Object.keys(documentPlaceholderLabels) as DocumentPlaceholder[];

export const DOCUMENT_TITLE_MAX = 100;
export const DOCUMENT_PARAGRAPH_MAX = 2000;
export const DOCUMENT_PARAGRAPHS_MAX = 100;

export const documentFieldSchema = z.object({ code: z.string(), label: z.string() });
export type DocumentField = z.infer<typeof documentFieldSchema>;

export const documentTemplateSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  caseType: z.string(),
  /** The case type's Chinese name, e.g. 法律援助申请. */
  caseTypeName: z.string(),
  name: z.string(),
  /** The document-number series; null when documents of this template carry no number. */
  numberSeries: z.string().nullable(),
  title: z.string(),
  body: z.array(z.string()),
  version: z.number().int(),
  active: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** Every placeholder this template may use (common and its case type's own). */
  fields: z.array(documentFieldSchema),
});
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;

export const documentTemplateUpdateSchema = z.object({
  /** The version the editor read: another edit in between answers 409. */
  version: z.number().int().min(1),
  name: z
    .string({ error: '请填写文书名称' })
    .trim()
    .min(1, '请填写文书名称')
    .max(DOCUMENT_TITLE_MAX, `文书名称不能超过 ${DOCUMENT_TITLE_MAX} 个字`),
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .min(1, '请填写标题')
    .max(DOCUMENT_TITLE_MAX, `标题不能超过 ${DOCUMENT_TITLE_MAX} 个字`),
  body: z
    .array(z.string().max(DOCUMENT_PARAGRAPH_MAX, `每段不能超过 ${DOCUMENT_PARAGRAPH_MAX} 个字`))
    .min(1, '正文至少要有一段')
    .max(DOCUMENT_PARAGRAPHS_MAX, `正文不能超过 ${DOCUMENT_PARAGRAPHS_MAX} 段`),
  active: z.boolean().optional(),
});
export type DocumentTemplateUpdate = z.infer<typeof documentTemplateUpdateSchema>;

export const caseDocumentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  templateId: z.number().int(),
  templateCode: z.string(),
  templateVersion: z.number().int(),
  name: z.string(),
  docNo: z.string().nullable(),
  fileId: z.string(),
  /** The .docx through the guarded, audited file download. */
  downloadUrl: z.string(),
  previewUrl: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const generateDocumentSchema = z.object({
  templateCode: z.string({ error: '请选择文书模板' }).trim().min(1, '请选择文书模板'),
});
export type GenerateDocument = z.infer<typeof generateDocumentSchema>;

export const documentTemplateListSchema = z.object({ items: z.array(documentTemplateSchema) });
export const caseDocumentListSchema = z.object({ items: z.array(caseDocumentSchema) });
