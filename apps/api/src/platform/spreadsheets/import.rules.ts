import type { ImportRowError } from '@zhucheng/contracts';
import type { ImportColumnDef, ImportKindDef, ImportRow } from './import-kind.ts';

// Checking an uploaded ledger against its kind, without I/O: the header row, then every cell of every row.
// All problems are collected (up to a limit), so one upload shows the user everything to fix.

/** A sheet as read from the file: cell texts (trimmed, empty cells absent) by 1-based column number. */
export interface SheetData {
  header: Map<number, string>;
  rows: { number: number; cells: Map<number, string> }[];
}

/** The report stops listing after this many problems (a wrong file would otherwise list every cell). */
export const MAX_REPORTED_ERRORS = 2000;

export type HeaderCheck =
  | { ok: true; columns: Map<string, number> }
  | { ok: false; missing: string[]; unknown: string[]; duplicate: string[] };

/** Each kind column's position in the file. Required columns must be there; unknown headers are refused. */
export function matchHeader(kind: ImportKindDef, header: Map<number, string>): HeaderCheck {
  const byText = new Map<string, number>();
  const duplicate: string[] = [];
  for (const [col, text] of header) {
    if (byText.has(text)) duplicate.push(text);
    else byText.set(text, col);
  }
  const known = new Set(kind.columns.map((c) => c.header));
  const unknown = [...byText.keys()].filter((t) => !known.has(t));
  const missing = kind.columns.filter((c) => c.required && !byText.has(c.header)).map((c) => c.header);
  if (missing.length > 0 || unknown.length > 0 || duplicate.length > 0) {
    return { ok: false, missing, unknown, duplicate };
  }
  const columns = new Map<string, number>();
  for (const c of kind.columns) {
    const col = byText.get(c.header);
    if (col !== undefined) columns.set(c.key, col);
  }
  return { ok: true, columns };
}

export function headerProblem(check: Extract<HeaderCheck, { ok: false }>): string {
  const parts: string[] = [];
  if (check.missing.length > 0) parts.push(`缺少列：${check.missing.join('、')}`);
  if (check.unknown.length > 0) parts.push(`无法识别的列：${check.unknown.join('、')}`);
  if (check.duplicate.length > 0) parts.push(`重复的列：${check.duplicate.join('、')}`);
  return `表头与模板不一致（${parts.join('；')}），请下载最新模板后按模板填写`;
}

function checkCell(
  column: ImportColumnDef,
  text: string | undefined,
): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text === undefined) {
    return column.required ? { ok: false, message: '必填，不能为空' } : { ok: true, value: undefined };
  }
  if (column.options && !column.options.includes(text)) {
    return { ok: false, message: `应为以下之一：${column.options.join('、')}` };
  }
  if (!column.schema) return { ok: true, value: text };
  const parsed = column.schema.safeParse(text);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? '格式不正确' };
}

export interface RowCheck {
  rows: ImportRow[];
  errors: ImportRowError[];
  truncated: boolean;
}

/** Every cell of every row by its column's rules. */
export function checkRows(kind: ImportKindDef, columns: Map<string, number>, sheet: SheetData): RowCheck {
  const rows: ImportRow[] = [];
  const errors: ImportRowError[] = [];
  let truncated = false;
  for (const r of sheet.rows) {
    const values: Record<string, unknown> = {};
    for (const column of kind.columns) {
      const col = columns.get(column.key);
      const outcome = checkCell(column, col === undefined ? undefined : r.cells.get(col));
      if (outcome.ok) {
        if (outcome.value !== undefined) values[column.key] = outcome.value;
      } else if (errors.length < MAX_REPORTED_ERRORS) {
        errors.push({ row: r.number, column: column.header, message: outcome.message });
      } else {
        truncated = true;
      }
    }
    rows.push({ row: r.number, values });
  }
  return { rows, errors, truncated };
}
