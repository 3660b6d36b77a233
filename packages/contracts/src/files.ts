import { z } from 'zod';

// Uploaded and generated files (附件): what kinds are accepted, what they are for, and how the API shows them.

/** What a file is for; the Chinese labels are shown in lists and on upload forms. */
export const fileCategories = [
  'evidence',
  'hardshipProof',
  'identity',
  'document',
  'photo',
  'other',
] as const;
export type FileCategory = (typeof fileCategories)[number];

export const fileCategoryLabels: Record<FileCategory, string> = {
  evidence: '证据材料',
  hardshipProof: '经济困难证明',
  identity: '身份证明',
  document: '文书',
  photo: '照片',
  other: '其他材料',
};

/** The accepted types, recognised from the content (not from the name or the browser's claim). */
export const allowedFileTypes = [
  { mime: 'application/pdf', extension: 'pdf', label: 'PDF' },
  { mime: 'image/jpeg', extension: 'jpg', label: 'JPG' },
  { mime: 'image/png', extension: 'png', label: 'PNG' },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    label: 'Word（DOCX）',
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    label: 'Excel（XLSX）',
  },
] as const;
export type AllowedFileMime = (typeof allowedFileTypes)[number]['mime'];

/** For an `<input accept>`: extensions and MIME types. */
export const allowedFileAccept = [
  ...allowedFileTypes.map((t) => `.${t.extension}`),
  '.jpeg',
  ...allowedFileTypes.map((t) => t.mime),
].join(',');

/** "PDF、JPG、PNG、Word（DOCX）、Excel（XLSX）" */
export const allowedFileTypesText = allowedFileTypes.map((t) => t.label).join('、');

/** "20 MB", "1.5 MB", "512 KB" */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

export const fileOwnerKinds = ['staff', 'citizen'] as const;

export const storedFileSchema = z.object({
  id: z.uuid(),
  /** The case it belongs to; null while it belongs only to its owner (e.g. proof uploaded before applying). */
  caseId: z.uuid().nullable(),
  category: z.enum(fileCategories),
  /** The original file name, cleaned of paths and control characters. */
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** SHA-256 of the content, hex. */
  sha256: z.string(),
  ownerKind: z.enum(fileOwnerKinds),
  createdAt: z.string(),
  /** Where to download it (checks access and is audited every time). */
  downloadUrl: z.string(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/** What the upload form needs to know before sending. */
export const filePolicySchema = z.object({
  maxBytes: z.number().int(),
  allowed: z.array(z.object({ mime: z.string(), extension: z.string(), label: z.string() })),
});
export type FilePolicy = z.infer<typeof filePolicySchema>;

export const storedFileListSchema = z.object({ items: z.array(storedFileSchema) });
