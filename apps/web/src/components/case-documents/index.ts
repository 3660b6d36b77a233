export { CaseDocuments } from './case-documents.tsx';
export {
  documentsKey,
  openPdfPreview,
  useCaseDocuments,
  useDocumentTemplates,
  useGenerateDocument,
} from './use-case-documents.ts';
