import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../platform/db/database.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { templateDatabaseName } from './test-run.setup.ts';

// Each test file gets its own fresh, migrated database: an in-memory PGlite by default, or a new
// database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways).
//
// Migrating costs every file several seconds (a fresh PGlite runs initdb), so under the root vitest
// config (its globalSetup, test-run.setup.ts) the first file of a run migrates once and keeps a copy:
// a dump of the PGlite data directory, or a template database on PostgreSQL. Later files start from
// that copy — still their own database, built from this run's migrations. `{ fresh: true }` migrates
// from scratch as before (the migrations' own test).

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export interface TestDatabaseOptions {
  /** Migrate an empty database instead of copying this run's migrated one. */
  fresh?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const run = options.fresh ? undefined : testRun();
  if (!serverUrl) {
    const snapshot = run ? await pgliteSnapshot(run.dir) : undefined;
    const handle = await openDatabase({ loadDataDir: snapshot });
    if (!snapshot) await migrateDatabase(handle);
    return handle;
  }
  const name = `zj_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const template = run ? await postgresTemplate(serverUrl, run.id) : undefined;
  await withAdmin(serverUrl, async (admin) => {
    if (template) await createFromTemplate(admin, name, template);
    else await admin.query(`create database ${name}`);
  });
  const handle = await openDatabase({ url: databaseUrl(serverUrl, name), poolSize: 5 });
  if (!template) await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Runs `fn` on a short-lived connection to the test server (create and drop test databases). */
export async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

function testRun(): { id: string; dir: string } | undefined {
  // Outside the root config (no globalSetup) nothing is provided: migrate every database.
  const id = inject('testRunId');
  const dir = inject('testRunDir');
  return id && dir ? { id, dir } : undefined;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let pgliteDump: Promise<Blob> | undefined;

/** This run's migrated PGlite data directory, dumped once by whichever file needs it first. */
function pgliteSnapshot(dir: string): Promise<Blob> {
  pgliteDump ??= (async () => {
    const file = path.join(dir, 'pglite-migrated.tar');
    if (!fs.existsSync(file)) {
      const handle = await openDatabase({});
      try {
        await migrateDatabase(handle);
        const client = (handle.db as unknown as { $client: PGlite }).$client;
        const dump = await client.dumpDataDir('none');
        // Two workers may build it at once; each writes its own file and the rename is atomic.
        const partial = `${file}.${process.pid}`;
        fs.writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
        fs.renameSync(partial, file);
      } finally {
        await handle.close();
      }
    }
    return new Blob([fs.readFileSync(file)]);
  })();
  return pgliteDump;
}

let pgTemplate: Promise<string> | undefined;
// Serialises building the template across the workers of a run (advisory locks are per database;
// this one is taken on the admin database).
const TEMPLATE_LOCK_KEY = 45050002;

function postgresTemplate(serverUrl: string, runId: string): Promise<string> {
  pgTemplate ??= withAdmin(serverUrl, async (admin) => {
    const template = templateDatabaseName(runId);
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount === 0) {
        const building = `${template}_building`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const handle = await openDatabase({ url: databaseUrl(serverUrl, building), poolSize: 2 });
        try {
          await migrateDatabase(handle);
        } finally {
          await handle.close();
        }
        await admin.query(`alter database ${building} rename to ${template}`);
      }
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
    return template;
  });
  return pgTemplate;
}

/** `create database … template`; retried while another session (autovacuum) still touches the template. */
async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === '55006';
      if (!busy || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's template database (PostgreSQL). */
    testRunId: string;
    /** A directory for this run's migrated PGlite dump; removed at the end of the run. */
    testRunDir: string;
  }
}
