import type { CalendarOverrideKind } from '@zhucheng/contracts';

// 「批量录入」: one day (or a range of days) per line, e.g.
//   2027-01-01 放假 元旦
//   2027-02-06 至 2027-02-12 放假 春节
//   2027-02-14 上班 春节调休上班 国务院办公厅通知
// Pure, so it is tested without a DOM.

export interface BatchLine {
  /** 1-based line number in the text. */
  line: number;
  date: string;
  kind: CalendarOverrideKind;
  name: string;
  note: string | null;
}

export interface BatchParseResult {
  items: BatchLine[];
  errors: string[];
}

const kindWords: Record<string, CalendarOverrideKind> = {
  放假: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  holiday: 'holiday',
  上班: 'workday',
  班: 'workday',
  workday: 'workday',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_RANGE_DAYS = 31;

function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end && out.length <= MAX_RANGE_DAYS) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export function parseBatchLines(text: string): BatchParseResult {
  const items: BatchLine[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    // 2027-02-06 至 2027-02-12 / 2027-02-06~2027-02-12 → one token pair
    const parts = trimmed
      .replace(/\s*(?:至|~|～|—)\s*/, '~')
      .split(/\s+/)
      .filter(Boolean);
    const [when = '', kindWord = '', name = '', ...noteParts] = parts;
    const [from = '', to = from] = when.split('~');
    if (!isValidDate(from) || !isValidDate(to)) {
      errors.push(`第 ${line} 行：日期应为 YYYY-MM-DD 格式的有效日期，如 2027-01-01`);
      return;
    }
    if (to < from) {
      errors.push(`第 ${line} 行：结束日期不能早于开始日期`);
      return;
    }
    const kind = kindWords[kindWord];
    if (!kind) {
      errors.push(`第 ${line} 行：第二项应为“放假”或“上班”`);
      return;
    }
    if (!name) {
      errors.push(`第 ${line} 行：请填写名称，如“元旦”或“春节调休上班”`);
      return;
    }
    const dates = datesFrom(from, to);
    if (dates.length > MAX_RANGE_DAYS) {
      errors.push(`第 ${line} 行：一行的日期范围不能超过 ${MAX_RANGE_DAYS} 天`);
      return;
    }
    const note = noteParts.join(' ') || null;
    for (const date of dates) {
      const earlier = seen.get(date);
      if (earlier !== undefined) {
        errors.push(`第 ${line} 行：${date} 已在第 ${earlier} 行填写`);
        continue;
      }
      seen.set(date, line);
      items.push({ line, date, kind, name, note });
    }
  });
  return { items, errors };
}
