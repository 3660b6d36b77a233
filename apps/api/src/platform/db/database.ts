import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** The Drizzle handle every repository receives, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT>;
/** What `db.transaction` hands its callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A repository's first argument: the database or the transaction it runs in. */
export type Executor = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export interface SqlResult {
  rows: Record<string, unknown>[];
}

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Database;
  /** Raw SQL for infrastructure (the job queue, bulk paths). Parameterless text may hold several statements. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  /** Runs `fn` while holding a cluster-wide lock, so two instances never run it at once. */
  withExclusiveLock<T>(lockKey: number, fn: (db: Database) => Promise<T>): Promise<T>;
  ping(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; unset → PGlite. */
  url?: string | undefined;
  /** PGlite data directory; unset → in memory. */
  dataDir?: string | undefined;
  /** PGlite only: start from this dump of a data directory (`dumpDataDir`) instead of an empty one (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

async function openPglite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  const db = drizzlePglite({ client }) as unknown as Database;
  const executeSql = async (text: string, values?: unknown[]): Promise<SqlResult> => {
    if (values && values.length > 0) {
      const r = await client.query<Record<string, unknown>>(text, values);
      return { rows: r.rows };
    }
    // `exec` takes several statements in one string (pg-boss sends its migrations that way).
    const results = await client.exec(text);
    return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
  };
  return {
    kind: 'pglite',
    db,
    executeSql,
    // One process owns a PGlite directory (the data-dir lock file guards that), so a lock is not needed.
    withExclusiveLock: (_key, fn) => fn(db),
    ping: () => timed(() => client.query('select 1')),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'zhucheng-api' });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    executeSql: async (text, values) => {
      const r = await pool.query(text, values);
      // A multi-statement text answers an array of results.
      const last = Array.isArray(r) ? r.at(-1) : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    withExclusiveLock: async (key, fn) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn(drizzleNodePg({ client }) as unknown as Database);
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    ping: () => timed(() => pool.query('select 1')),
    close: () => pool.end(),
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return Math.round((performance.now() - start) * 100) / 100;
}
