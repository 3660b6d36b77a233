import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { SheetData } from './import.rules.ts';
import type { ImportKindDef } from './import-kind.ts';

// Reading an uploaded ledger, writing an import template, and writing a list export as a stream.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const NOTES_SHEET = '填写说明';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet1';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as the user sees it, trimmed; empty → undefined. Dates typed into Excel arrive as UTC days. */
export function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  else if (typeof value === 'boolean') text = value ? '是' : '否';
  else if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() * 60 + value.getUTCMinutes();
    text = time === 0 ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  } else if ('richText' in value) text = value.richText.map((r) => r.text).join('');
  else if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || typeof result === 'object'
      ? undefined
      : cellText(result as ExcelJS.CellValue);
  } else if ('hyperlink' in value) text = String((value as { text?: unknown }).text ?? '');
  else if ('error' in value) text = String(value.error);
  else text = String(value);
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The ledger sheet of an upload: the first sheet that is not the notes sheet; row 1 is the header. */
export async function readSheet(bytes: Buffer): Promise<SheetData | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets.find((w) => w.name !== NOTES_SHEET);
  if (!sheet) return null;
  const header = new Map<number, string>();
  const rows: SheetData['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value);
      if (text !== undefined) cells.set(col, text);
    });
    if (number === 1) {
      for (const [col, text] of cells) header.set(col, text);
    } else if (cells.size > 0) {
      // Rows that only carry formatting are not data.
      rows.push({ number, cells });
    }
  });
  return { header, rows };
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The template: the ledger sheet (Chinese headers, bold and frozen, text cells, dropdowns) and the notes. */
export async function templateWorkbook(kind: ImportKindDef, maxRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(kind.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = kind.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
    // Text cells: ID numbers and phone numbers keep every digit, dates stay as typed.
    style: { numFmt: '@' },
  }));
  const head = sheet.getRow(1);
  head.height = 22;
  kind.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    if (c.note || c.required) cell.note = [c.required ? '必填' : '选填', c.note].filter(Boolean).join('：');
    if (c.options) {
      const letter = columnLetter(i + 1);
      (
        sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${letter}2:${letter}${maxRows + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.options.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从下拉列表中选择',
        error: `应为以下之一：${c.options.join('、')}`,
      });
    }
  });

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '格式与说明', key: 'note', width: 48 },
    { header: '示例', key: 'example', width: 28 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of kind.columns) {
    const row = notes.addRow({
      header: c.header,
      required: c.required ? '必填' : '选填',
      note: [c.note, c.options ? `可选值：${c.options.join('、')}` : undefined].filter(Boolean).join('；'),
      example: c.example ?? '',
    });
    row.getCell('example').font = { italic: true, color: { argb: 'FF808080' } };
  }
  notes.addRow([]);
  for (const line of [
    `请在“${sheet.name}”工作表中填写，第一行为表头，请勿修改；从第二行起每行一条记录。`,
    '红色表头为必填列。日期请按 2026-03-01 的格式填写。',
    `一个文件最多 ${maxRows} 行。任何一行有误时整个文件都不会导入，请按错误报告修改后重新上传。`,
  ]) {
    notes.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface XlsxColumn<Row> {
  header: string;
  /** Width in characters. */
  width?: number;
  value(row: Row): string | number | Date | null;
}

export interface XlsxExport<Row> {
  sheetName: string;
  columns: readonly XlsxColumn<Row>[];
  rows: AsyncIterable<Row>;
}

/** Rows written between checks of the output's backpressure. */
const DRAIN_EVERY = 500;

/**
 * Writes the rows into `out` as an .xlsx with exceljs' streaming writer: each row is committed as soon as it
 * is written, and the loop waits whenever `out` is full, so memory stays flat however many rows there are.
 * Resolves with the number of data rows once the file is complete (and `out` ended).
 */
export async function writeXlsx<Row>(out: Writable, spec: XlsxExport<Row>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(spec.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.commit();
  let count = 0;
  for await (const row of spec.rows) {
    sheet.addRow(spec.columns.map((c) => c.value(row))).commit();
    count++;
    if (count % DRAIN_EVERY === 0 && out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
  const ended = finished(out, { readable: false });
  await workbook.commit();
  await ended;
  return count;
}

/** Waits for room in `out`; a reader that went away (closed, failed) ends the wait with an error. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('export stream closed before the end'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}

/** `Content-Disposition` for a download with a Chinese file name (RFC 6266 / 5987, with an ASCII fallback). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Sends an .xlsx export as it is written: the rows go through exceljs' streaming writer straight into the
 * response. A failure after the first bytes can only cut the download short; it is logged.
 */
export function streamXlsx<Row>(reply: FastifyReply, filename: string, spec: XlsxExport<Row>): FastifyReply {
  const out = new PassThrough();
  writeXlsx(out, spec).catch((err: unknown) => {
    reply.log.error({ err }, 'xlsx export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentDisposition(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(out);
}
