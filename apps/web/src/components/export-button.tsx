import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, queryString } from '../lib/api.ts';
import { downloadFile } from '../lib/export.ts';

export type ExportQuery = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query: ExportQuery): string {
  const flat: Record<string, string | number | undefined | null> = {};
  for (const [k, v] of Object.entries(query)) flat[k] = typeof v === 'boolean' ? String(v) : v;
  return `${path}${queryString(flat)}`;
}

/** Starts an export download with a 正在导出 notice; at most one at a time. */
export function useExportDownload(): { busy: boolean; start: (path: string, query?: ExportQuery) => void } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const start = useCallback(
    (path: string, query: ExportQuery = {}) => {
      if (busy) return;
      setBusy(true);
      const key = `export:${path}`;
      message.open({ key, type: 'loading', content: '正在导出，请稍候…', duration: 0 });
      downloadFile(withQuery(path, query), 'export.xlsx')
        .then((name) => message.open({ key, type: 'success', content: `已导出：${name}` }))
        .catch((error: unknown) => message.open({ key, type: 'error', content: errorMessage(error) }))
        .finally(() => setBusy(false));
    },
    [busy, message],
  );
  return { busy, start };
}

export interface ExportButtonProps {
  /** E.g. /api/cases/export.xlsx */
  path: string;
  /** The list's current filters (without paging). */
  query?: ExportQuery;
  children?: string;
}

/** 导出: the list with its current filters, as an .xlsx the server streams. */
export function ExportButton({ path, query, children = '导出' }: ExportButtonProps) {
  const { busy, start } = useExportDownload();
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => start(path, query)}>
      {children}
    </Button>
  );
}
