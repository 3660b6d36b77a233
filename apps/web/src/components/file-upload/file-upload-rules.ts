import { allowedFileTypes, allowedFileTypesText, type FilePolicy, formatFileSize } from '@zhucheng/contracts';

// What the upload form checks before sending (the server checks again, by content) and what it says.

export const defaultFilePolicy: FilePolicy = {
  maxBytes: 20 * 1024 * 1024,
  allowed: allowedFileTypes.map((t) => ({ ...t })),
};

/** Camera capture: photos only. */
export const cameraAccept = 'image/jpeg,image/png,.jpg,.jpeg,.png';

export function acceptOf(policy: FilePolicy): string {
  const extensions = policy.allowed.flatMap((t) =>
    t.extension === 'jpg' ? ['.jpg', '.jpeg'] : [`.${t.extension}`],
  );
  return [...extensions, ...policy.allowed.map((t) => t.mime)].join(',');
}

/** "支持 PDF、JPG、PNG、Word（DOCX）、Excel（XLSX），单个文件不超过 20 MB" */
export function uploadHint(policy: FilePolicy): string {
  const types = policy.allowed.map((t) => t.label).join('、') || allowedFileTypesText;
  return `支持 ${types}，单个文件不超过 ${formatFileSize(policy.maxBytes)}`;
}

/** Why a chosen file will not be sent, or null. The type is judged by name and browser type here only. */
export function precheckFile(
  file: { name: string; size: number; type: string },
  policy: FilePolicy,
): string | null {
  if (file.size === 0) return `“${file.name}”是空文件，请选择有内容的文件`;
  if (file.size > policy.maxBytes) {
    return `“${file.name}”大小为 ${formatFileSize(file.size)}，超过上限 ${formatFileSize(policy.maxBytes)}，请压缩或拆分后再上传`;
  }
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  const known = policy.allowed.some(
    (t) =>
      t.extension === extension || (t.extension === 'jpg' && extension === 'jpeg') || t.mime === file.type,
  );
  if (!known) {
    return `“${file.name}”的类型不支持，只能上传 ${policy.allowed.map((t) => t.label).join('、')} 文件`;
  }
  return null;
}
