import type { CaseListItem } from '@zhucheng/contracts';
import { calendarDay } from '../clock/clock.ts';
import type { XlsxColumn } from './xlsx.ts';

// The columns of the 全部案件 export, as the list shows them.

function deadlineText(item: CaseListItem, timeZone: string): string | null {
  const d = item.deadline;
  if (!d) return null;
  const day = d.dueOn ?? (d.dueAt ? calendarDay(new Date(d.dueAt), timeZone) : null);
  const text = day ?? '待定';
  return d.status === 'paused' ? `${text}（已暂停）` : text;
}

export function caseExportColumns(timeZone: string): XlsxColumn<CaseListItem>[] {
  return [
    { header: '案号', width: 26, value: (c) => c.caseNo },
    { header: '标题', width: 36, value: (c) => c.title },
    { header: '案件类型', width: 16, value: (c) => c.caseTypeName },
    { header: '状态', width: 10, value: (c) => c.statusLabel },
    { header: '承办单位', width: 22, value: (c) => c.competentUnit.name },
    { header: '受理单位', width: 22, value: (c) => c.receivingUnit.name },
    { header: '承办人', width: 16, value: (c) => c.handlers.join('、') || null },
    { header: '期限', width: 18, value: (c) => deadlineText(c, timeZone) },
    { header: '登记日期', width: 12, value: (c) => calendarDay(new Date(c.createdAt), timeZone) },
  ];
}
