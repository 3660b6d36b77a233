import type { ImportKind, PermissionCode } from '@zhucheng/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../access/principal.ts';
import type { Transaction } from '../db/database.ts';

// A kind of ledger (台账) that can be imported from .xlsx: its Chinese columns, each checked by a zod schema,
// and the one function that writes the checked rows. Modules define theirs next to their service and the
// composition root puts them into the registry.

export interface ImportColumnDef {
  key: string;
  /** The Chinese header of the template, matched exactly (after trimming) when a file is read. */
  header: string;
  required?: boolean;
  /** A sample value for the template's example row. */
  example?: string;
  /** The format, in Chinese, for the template's notes sheet (e.g. 日期，格式 2026-03-01). */
  note?: string;
  /** Allowed values: a dropdown in the template; the schema should check them too. */
  options?: readonly string[];
  /** Checks the cell's text (trimmed, never empty) and turns it into the row's value; messages in Chinese. */
  schema?: z.ZodType;
  /** Column width in characters. */
  width?: number;
}

/** A checked row: its values by column key (an empty optional cell is absent) and its Excel row number. */
export interface ImportRow {
  row: number;
  values: Record<string, unknown>;
}

export interface ImportKindDef {
  /** `<module>.<what>`. */
  code: string;
  /** Chinese: …台账. */
  name: string;
  /** Needed to download the template and to import. */
  permission: PermissionCode;
  columns: readonly ImportColumnDef[];
  /** Most data rows in one file (defaults to the service's limit). */
  maxRows?: number;
  /**
   * Writes every row inside the import's one transaction; throwing rolls all of it back. A row the database
   * refuses may be reported with `ImportRowRefused` (row number and column), which becomes a 422 report.
   */
  commit(tx: Transaction, ctx: RequestContext, rows: ImportRow[]): Promise<void>;
}

export function defineImportKind(def: ImportKindDef): ImportKindDef {
  const seen = new Set<string>();
  for (const c of def.columns) {
    if (seen.has(c.header)) throw new Error(`${def.code}: duplicate header ${c.header}`);
    seen.add(c.header);
  }
  return def;
}

/** Thrown by a kind's commit for a row the data refuses (a duplicate number, an unknown unit). */
export class ImportRowRefused extends Error {
  override name = 'ImportRowRefused';
  constructor(
    readonly row: number,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

export class ImportKindRegistry {
  readonly #kinds = new Map<string, ImportKindDef>();

  constructor(...kinds: ImportKindDef[]) {
    for (const k of kinds) this.add(k);
  }

  add(kind: ImportKindDef): void {
    if (this.#kinds.has(kind.code)) throw new Error(`import kind ${kind.code} registered twice`);
    this.#kinds.set(kind.code, kind);
  }

  find(code: string): ImportKindDef | undefined {
    return this.#kinds.get(code);
  }

  all(): ImportKindDef[] {
    return [...this.#kinds.values()];
  }
}

export function describeImportKind(kind: ImportKindDef, defaultMaxRows: number): ImportKind {
  return {
    code: kind.code,
    name: kind.name,
    maxRows: kind.maxRows ?? defaultMaxRows,
    columns: kind.columns.map((c) => ({
      key: c.key,
      header: c.header,
      required: c.required ?? false,
      example: c.example ?? null,
      note: c.note ?? null,
      options: c.options ? [...c.options] : null,
    })),
  };
}
