import { allowedFileTypes, allowedFileTypesText, formatFileSize } from '@zhucheng/contracts';

// Pure rules for stored files: names, headers, messages. No I/O.

export const FILE_NAME_MAX = 200;
export const UNNAMED_FILE = '未命名文件';

const extensionsOf: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/**
 * The name a file is kept and offered under: without any path the browser sent, without control or
 * bidirectional-override characters, at most 200 characters, and ending in the extension of what the
 * content really is (a camera capture named `image` becomes `image.jpg`).
 */
export function cleanFileName(raw: string | undefined, mime: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extensions = extensionsOf[mime] ?? [];
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const wanted = extensions[0];
  if (!name) name = UNNAMED_FILE;
  if (wanted && !extensions.includes(ext)) name = `${name}.${wanted}`;
  const chars = Array.from(name);
  if (chars.length > FILE_NAME_MAX) {
    // Cut the stem, keep the extension.
    const lastDot = chars.lastIndexOf('.');
    const suffix = lastDot > 0 && chars.length - lastDot <= 10 ? chars.slice(lastDot) : [];
    name = [...chars.slice(0, FILE_NAME_MAX - suffix.length), ...suffix].join('');
  }
  return name;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 5987): the quoted name is an ASCII
 * fallback for old clients, the starred one carries the Chinese name.
 */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Shown inline (preview) only for types a browser renders without running anything. */
export function canShowInline(mime: string): boolean {
  return mime === 'application/pdf' || mime === 'image/jpeg' || mime === 'image/png';
}

export function tooLargeMessage(maxBytes: number): string {
  return `文件超过大小上限 ${formatFileSize(maxBytes)}，请压缩或拆分后再上传`;
}

export function unsupportedTypeMessage(): string {
  return `不支持该文件类型，只能上传 ${allowedFileTypesText} 文件`;
}

export const EMPTY_FILE_MESSAGE = '文件是空的，请选择有内容的文件';

export const allowedMimes: ReadonlySet<string> = new Set(allowedFileTypes.map((t) => t.mime));
