import { type SQL, sql } from 'drizzle-orm';

// Keyset pagination for exports: each batch starts after the last row of the one before, by the list's own
// order (a sort key, then the id), so a long export never uses OFFSET and never holds more than one batch.

export const EXPORT_BATCH = 1000;

/** The sort key's SQL type, for comparing the text cursor with the key (whitelisted here, never user text). */
export type KeyType = 'text' | 'date' | 'timestamptz';

export interface KeysetOrder {
  /** The sort expression (a column or a scalar subquery). */
  key: SQL;
  keyType: KeyType;
  /** The tie-breaker: a unique column. */
  id: SQL;
  idType: 'uuid' | 'bigint' | 'text';
  order: 'asc' | 'desc';
}

/** Where the previous batch stopped: the last row's key as text (null when it had none) and its id. */
export interface KeysetCursor {
  key: string | null;
  id: string;
}

/**
 * Rows after the cursor in the order `key <order> nulls last, id <order>`: a further key, the same key with a
 * further id, or no key at all (nulls come last); after a null key only null keys with a further id.
 */
export function afterCursor(o: KeysetOrder, cursor: KeysetCursor): SQL {
  const cmp = o.order === 'asc' ? sql.raw('>') : sql.raw('<');
  const keyCast = sql.raw(`::${o.keyType}`);
  const idCast = sql.raw(`::${o.idType}`);
  const idAfter = sql`${o.id} ${cmp} ${cursor.id}${idCast}`;
  if (cursor.key === null) return sql`(${o.key} is null and ${idAfter})`;
  const key = sql`${cursor.key}${keyCast}`;
  return sql`(${o.key} ${cmp} ${key} or (${o.key} = ${key} and ${idAfter}) or ${o.key} is null)`;
}

export function keysetOrderBy(o: KeysetOrder): SQL[] {
  const dir = o.order === 'asc' ? sql.raw('asc') : sql.raw('desc');
  return [sql`${o.key} ${dir} nulls last`, sql`${o.id} ${dir}`];
}

/** The key as text, selected with each row to make the next cursor. */
export function cursorKey(o: KeysetOrder): SQL<string | null> {
  return sql<string | null>`(${o.key})::text`;
}

/**
 * Batches from `fetch` until one comes back short. `fetch(after, limit)` runs one keyset query and returns
 * its rows with the cursor of the last one.
 */
export async function* keysetBatches<Row>(
  fetch: (
    after: KeysetCursor | undefined,
    limit: number,
  ) => Promise<{ rows: Row[]; last: KeysetCursor | undefined }>,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<Row[]> {
  let after: KeysetCursor | undefined;
  for (;;) {
    const { rows, last } = await fetch(after, batchSize);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize || !last) return;
    after = last;
  }
}
