import { formatFileSize, type MediationFileRef } from '@zhucheng/contracts';
import { Space } from 'antd';
import { ApiRequestError } from '../../../../lib/api.ts';

/** The files of a session, follow-up or signed agreement, as download links. */
export function FileLinks({ files }: { files: readonly MediationFileRef[] }) {
  if (files.length === 0) return null;
  return (
    <Space wrap size={[12, 4]}>
      {files.map((f) => (
        <a key={f.id} href={`/api/files/${f.id}`} style={{ wordBreak: 'break-all' }}>
          {f.name}
          {f.sizeBytes !== null ? `（${formatFileSize(f.sizeBytes)}）` : ''}
        </a>
      ))}
    </Space>
  );
}

/** The API's Chinese message with the field messages after it. */
export function errorText(e: unknown, fallback: string): string {
  if (!(e instanceof ApiRequestError)) return fallback;
  return [e.message, ...e.fields.map((f) => f.message)].join('：');
}

/** Wraps long Chinese text (records, terms) keeping its line breaks. */
export const prewrap = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: 0 } as const;
