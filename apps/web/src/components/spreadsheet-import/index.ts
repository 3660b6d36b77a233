export { SpreadsheetImportDialog, type SpreadsheetImportDialogProps } from './import-dialog.tsx';
export { saveErrorReport, sendImport, useImportKinds } from './import-request.ts';
