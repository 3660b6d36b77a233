export { FileUpload, type FileUploadProps } from './file-upload.tsx';
export { acceptOf, cameraAccept, defaultFilePolicy, precheckFile, uploadHint } from './file-upload-rules.ts';
export { uploadFile } from './upload-request.ts';
export { filesKey, useCaseFiles, useFilePolicy, useMyFiles } from './use-files.ts';
