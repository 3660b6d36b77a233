import { z } from 'zod';

// 台账导入与列表导出: legacy ledgers imported from .xlsx by kind (a downloadable template with Chinese
// headers, every row validated, all-or-nothing), and lists exported as streamed .xlsx.

export const importColumnSchema = z.object({
  key: z.string(),
  /** The Chinese column header of the template, e.g. 姓名. */
  header: z.string(),
  required: z.boolean(),
  /** A sample value shown in the template's example row. */
  example: z.string().nullable(),
  /** The format the column expects, in Chinese (e.g. 日期，格式 2026-03-01). */
  note: z.string().nullable(),
  /** The allowed values of an enum column (a dropdown in the template). */
  options: z.array(z.string()).nullable(),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

export const importKindSchema = z.object({
  /** `<module>.<what>`, e.g. legalAid.ledger. */
  code: z.string(),
  /** Chinese: 法律援助案件台账. */
  name: z.string(),
  columns: z.array(importColumnSchema),
  /** Most data rows one file may hold. */
  maxRows: z.number().int(),
});
export type ImportKind = z.infer<typeof importKindSchema>;

export const importKindListSchema = z.object({ items: z.array(importKindSchema) });
export type ImportKindList = z.infer<typeof importKindListSchema>;

/** One problem in one cell: the row number as Excel shows it (the header is row 1) and the column header. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** 422: the file was read but some rows are wrong; nothing was written. */
export const importReportSchema = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  kind: z.string(),
  /** Data rows read (without the header). */
  rows: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** More errors than listed were found (the list stops at a few thousand). */
  truncated: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** 201: every row was written in one transaction. */
export const importResultSchema = z.object({
  kind: z.string(),
  rows: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
