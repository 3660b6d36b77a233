import type { Health } from '@zhucheng/contracts';

export function databaseKindLabel(kind: Health['database']['kind']): string {
  return kind === 'pglite' ? 'PGlite 嵌入式' : 'PostgreSQL';
}

export interface StatusLabel {
  text: string;
  color: 'success' | 'warning' | 'error';
}

export function serviceStatusLabel(status: Health['status']): StatusLabel {
  return status === 'ok'
    ? { text: '运行正常', color: 'success' }
    : { text: '部分功能异常', color: 'warning' };
}

export function databaseStatusLabel(ok: boolean): StatusLabel {
  return ok ? { text: '连接正常', color: 'success' } : { text: '连接异常', color: 'error' };
}
