import { type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database.ts';
import type { EncryptedColumn } from './encrypted-columns.ts';
import { createFieldCipher, FieldCipherError } from './field-cipher.ts';
import type { Keyring } from './keyring.ts';

// Re-encrypts every registered column to the keyring's current version, and (on request) recomputes
// blind indexes for a new index key. Rows are paged by primary key in batches; each batch is one
// transaction that locks its rows (`for update`), so a running instance writing the same row waits
// instead of losing its write or ours. A value that cannot be decrypted (tampered, unknown version) is
// counted and skipped, never overwritten.

export interface RowFailure {
  id: string;
  reason: string;
}

export interface ColumnReport {
  table: string;
  column: string;
  /** Rows rewritten by this run. */
  updated: number;
  failed: RowFailure[];
  /** Non-null values per key version after the run (`{ v2: 120 }`). */
  versions: Record<string, number>;
}

export interface RotationReport {
  current: string;
  columns: ColumnReport[];
  updated: number;
  failed: number;
}

export interface RotationOptions {
  batchSize?: number;
  onProgress?: (column: EncryptedColumn, updatedSoFar: number) => void;
}

function tableRef(table: string): SQL {
  return sql.join(
    table.split('.').map((part) => sql.identifier(part)),
    sql.raw('.'),
  );
}

async function rows(db: Executor, query: SQL): Promise<Record<string, unknown>[]> {
  // Both drivers (pglite, node-postgres) answer raw SQL with `{ rows }`.
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

/**
 * Pages through rows with a non-null `column` (plus `extra` conditions) in primary-key order; `handle`
 * runs inside the batch's transaction with the rows locked and returns how many it changed.
 */
async function forEachBatch(
  db: Database,
  c: EncryptedColumn,
  extra: SQL | undefined,
  batchSize: number,
  handle: (tx: Executor, batch: { id: string; value: string }[]) => Promise<number>,
  onProgress?: (updated: number) => void,
): Promise<number> {
  let last: string | undefined;
  let updated = 0;
  for (;;) {
    const id = sql.identifier(c.idColumn);
    const col = sql.identifier(c.column);
    const conditions = [sql`${col} is not null`];
    if (extra) conditions.push(extra);
    // The id goes back as text; PostgreSQL casts the untyped parameter to the id column's type.
    if (last !== undefined) conditions.push(sql`${id} > ${last}`);
    const result = await db.transaction(async (tx) => {
      const batch = (
        await rows(
          tx,
          sql`select ${id}::text as row_key, ${col} as row_value from ${tableRef(c.table)}
              where ${sql.join(conditions, sql` and `)}
              order by ${id} limit ${batchSize} for update`,
        )
      ).map((r) => ({ id: String(r.row_key), value: String(r.row_value) }));
      return { batch, changed: batch.length > 0 ? await handle(tx, batch) : 0 };
    });
    updated += result.changed;
    onProgress?.(updated);
    const tail = result.batch.at(-1);
    if (!tail || result.batch.length < batchSize) return updated;
    last = tail.id;
  }
}

function failureReason(err: unknown): string {
  return err instanceof FieldCipherError ? err.message : String((err as Error)?.message ?? err);
}

/** Non-null values of the column per key version (`v1.…` → v1). */
export async function countKeyVersions(db: Executor, c: EncryptedColumn): Promise<Record<string, number>> {
  const col = sql.identifier(c.column);
  const result = await rows(
    db,
    sql`select split_part(${col}, '.', 1) as version, count(*)::int as n from ${tableRef(c.table)}
        where ${col} is not null group by 1 order by 1`,
  );
  return Object.fromEntries(result.map((r) => [String(r.version), Number(r.n)]));
}

/** Re-encrypts every value not yet on the keyring's current version. */
export async function rotateKeys(
  db: Database,
  keyring: Keyring,
  columns: EncryptedColumn[],
  options: RotationOptions = {},
): Promise<RotationReport> {
  const cipher = createFieldCipher(keyring);
  const current = keyring.current.id;
  const reports: ColumnReport[] = [];
  for (const c of columns) {
    const failed: RowFailure[] = [];
    const col = sql.identifier(c.column);
    const updated = await forEachBatch(
      db,
      c,
      sql`${col} not like ${`${current}.%`}`,
      options.batchSize ?? 200,
      async (tx, batch) => {
        let changed = 0;
        for (const row of batch) {
          let next: string;
          try {
            next = cipher.encrypt(cipher.decrypt(row.value));
          } catch (err) {
            failed.push({ id: row.id, reason: failureReason(err) });
            continue;
          }
          await tx.execute(
            sql`update ${tableRef(c.table)} set ${col} = ${next}
                where ${sql.identifier(c.idColumn)} = ${row.id} and ${col} = ${row.value}`,
          );
          changed += 1;
        }
        return changed;
      },
      (n) => options.onProgress?.(c, n),
    );
    reports.push({
      table: c.table,
      column: c.column,
      updated,
      failed,
      versions: await countKeyVersions(db, c),
    });
  }
  return summarise(current, reports);
}

/**
 * Recomputes the blind index of every registered column that has one, with `keyring`'s index key. Run
 * with the platform stopped: until it finishes, lookups by the old index find nothing.
 */
export async function recomputeBlindIndexes(
  db: Database,
  keyring: Keyring,
  columns: EncryptedColumn[],
  options: RotationOptions = {},
): Promise<RotationReport> {
  const cipher = createFieldCipher(keyring);
  const reports: ColumnReport[] = [];
  for (const c of columns) {
    const index = c.blindIndex;
    if (!index) continue;
    const failed: RowFailure[] = [];
    const idx = sql.identifier(index.column);
    await db.execute(
      sql`update ${tableRef(c.table)} set ${idx} = null
          where ${sql.identifier(c.column)} is null and ${idx} is not null`,
    );
    const updated = await forEachBatch(
      db,
      c,
      undefined,
      options.batchSize ?? 200,
      async (tx, batch) => {
        let changed = 0;
        for (const row of batch) {
          let next: string;
          try {
            next = cipher.blindIndex(cipher.decrypt(row.value), index.purpose);
          } catch (err) {
            failed.push({ id: row.id, reason: failureReason(err) });
            continue;
          }
          await tx.execute(
            sql`update ${tableRef(c.table)} set ${idx} = ${next} where ${sql.identifier(c.idColumn)} = ${row.id}`,
          );
          changed += 1;
        }
        return changed;
      },
      (n) => options.onProgress?.(c, n),
    );
    reports.push({
      table: c.table,
      column: index.column,
      updated,
      failed,
      versions: await countKeyVersions(db, c),
    });
  }
  return summarise(keyring.current.id, reports);
}

function summarise(current: string, columns: ColumnReport[]): RotationReport {
  return {
    current,
    columns,
    updated: columns.reduce((n, c) => n + c.updated, 0),
    failed: columns.reduce((n, c) => n + c.failed.length, 0),
  };
}

/** `*_enc` columns in the database that no module registered: rotation would leave them behind. */
export async function findUnregisteredEncryptedColumns(
  db: Executor,
  columns: EncryptedColumn[],
): Promise<string[]> {
  const known = new Set(
    columns.map((c) => (c.table.includes('.') ? `${c.table}.${c.column}` : `public.${c.table}.${c.column}`)),
  );
  const found = await rows(
    db,
    sql`select table_schema || '.' || table_name || '.' || column_name as name
        from information_schema.columns
        where column_name like '%\\_enc' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1`,
  );
  return found.map((r) => String(r.name)).filter((name) => !known.has(name));
}
