import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImportKind, ImportReport, ImportResult } from '@zhucheng/contracts';
import type { AuditWriter } from '../access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../access/principal.ts';
import type { Database } from '../db/database.ts';
import { bufferSource, sniffFileType } from '../files/file-sniff.ts';
import { EMPTY_FILE_MESSAGE, tooLargeMessage } from '../files/files.rules.ts';
import { AppError } from '../http/app-error.ts';
import { checkRows, headerProblem, matchHeader } from './import.rules.ts';
import {
  describeImportKind,
  type ImportKindDef,
  type ImportKindRegistry,
  ImportRowRefused,
} from './import-kind.ts';
import { readSheet, templateWorkbook, XLSX_MIME } from './xlsx.ts';

// 台账导入: templates per kind, and imports that check every row and then write all of them in one
// transaction, or nothing.

export const DEFAULT_MAX_IMPORT_ROWS = 10_000;

export interface SpreadsheetServiceDeps {
  db: Database;
  audit: AuditWriter;
  imports: ImportKindRegistry;
  /** The upload limit of the files module (UPLOAD_MAX_MB). */
  maxBytes: number;
  /** Most data rows in one file unless a kind says otherwise. */
  maxRows?: number;
}

export interface ImportUpload {
  stream: Readable;
  filename: string;
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; report: ImportReport };

export class SpreadsheetService {
  readonly #d: SpreadsheetServiceDeps;

  constructor(deps: SpreadsheetServiceDeps) {
    this.#d = deps;
  }

  get #maxRows(): number {
    return this.#d.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  }

  /** The kinds the caller may import. */
  kinds(ctx: RequestContext): ImportKind[] {
    const principal = requireStaff(ctx);
    return this.#d.imports
      .all()
      .filter((k) => principal.permissions.has(k.permission))
      .map((k) => describeImportKind(k, this.#maxRows));
  }

  /** The template of a kind: the ledger sheet with its Chinese headers and the notes sheet. */
  async template(ctx: RequestContext, code: string): Promise<{ filename: string; bytes: Buffer }> {
    const kind = this.#kind(requireStaff(ctx), code);
    return {
      filename: `${kind.name}导入模板.xlsx`,
      bytes: await templateWorkbook(kind, kind.maxRows ?? this.#maxRows),
    };
  }

  /**
   * Reads the upload (an .xlsx by its content, within the upload limit), checks the header and every cell,
   * and writes all rows in one transaction with one audit row, or nothing with a report of every problem.
   */
  async import(ctx: RequestContext, code: string, upload: ImportUpload): Promise<ImportOutcome> {
    const kind = this.#kind(requireStaff(ctx), code);
    const bytes = await this.#read(upload.stream);
    if (bytes.length === 0) throw AppError.badRequest(EMPTY_FILE_MESSAGE);
    if ((await sniffFileType(bufferSource(bytes))) !== XLSX_MIME) {
      throw new AppError('UNSUPPORTED_FILE_TYPE', 415, '只能导入 Excel 文件（.xlsx），请使用下载的模板填写');
    }
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(bytes);
    } catch {
      throw AppError.badRequest('无法读取该 Excel 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试');
    }
    if (!sheet || sheet.header.size === 0 || sheet.rows.length === 0) {
      throw AppError.badRequest('没有数据行：请从第二行起填写，每行一条记录');
    }
    const maxRows = kind.maxRows ?? this.#maxRows;
    if (sheet.rows.length > maxRows) {
      throw AppError.badRequest(
        `一次最多导入 ${maxRows} 行，本文件有 ${sheet.rows.length} 行，请拆分成几个文件分别导入`,
      );
    }
    const header = matchHeader(kind, sheet.header);
    if (!header.ok) throw AppError.badRequest(headerProblem(header));
    const checked = checkRows(kind, header.columns, sheet);
    const refused = (errors: ImportReport['errors'], truncated: boolean): ImportOutcome => ({
      ok: false,
      report: {
        code: 'IMPORT_INVALID',
        message: `有 ${truncated ? `${errors.length} 处以上` : `${errors.length} 处`}错误，整个文件都没有导入。请按错误报告修改后重新上传`,
        kind: kind.code,
        rows: sheet.rows.length,
        errors,
        truncated,
      },
    });
    if (checked.errors.length > 0) return refused(checked.errors, checked.truncated);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      await this.#d.db.transaction(async (tx) => {
        await kind.commit(tx, ctx, checked.rows);
        await this.#d.audit(tx, ctx, {
          action: 'import.commit',
          entityType: 'import',
          entityId: kind.code,
          detail: { kind: kind.code, rows: checked.rows.length, sha256, filename: upload.filename },
        });
      });
    } catch (err) {
      if (err instanceof ImportRowRefused) {
        return refused([{ row: err.row, column: err.column, message: err.message }], false);
      }
      throw err;
    }
    return { ok: true, result: { kind: kind.code, rows: checked.rows.length } };
  }

  #kind(principal: Principal, code: string): ImportKindDef {
    const kind = this.#d.imports.find(code);
    // A kind the caller may not use does not exist for them.
    if (!kind || !principal.permissions.has(kind.permission)) throw AppError.notFound('导入类型');
    return kind;
  }

  async #read(stream: Readable): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > this.#d.maxBytes) {
        stream.resume();
        throw new AppError('FILE_TOO_LARGE', 413, tooLargeMessage(this.#d.maxBytes));
      }
      chunks.push(chunk as Buffer);
    }
    // @fastify/multipart marks a file cut off at its own limit.
    if ((stream as Readable & { truncated?: boolean }).truncated) {
      throw new AppError('FILE_TOO_LARGE', 413, tooLargeMessage(this.#d.maxBytes));
    }
    return Buffer.concat(chunks);
  }
}
