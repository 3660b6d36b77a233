import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../testing/test-database.ts';
import type { DatabaseHandle } from './database.ts';
import { migrateDatabase, migrationsFolder } from './migrate.ts';

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

describe('migrations', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    // From scratch: every other test file starts from a copy of this run's migrated database.
    database = await createTestDatabase({ fresh: true });
  });
  afterAll(async () => {
    await database.close();
  });

  it('applies every committed migration once', async () => {
    const applied = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
    const tables = await database.executeSql(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.rows.map((r) => r.table_name)).toContain('system_setting');
    const ext = await database.executeSql("select extname from pg_extension where extname = 'pg_trgm'");
    expect(ext.rows).toHaveLength(1);
  });

  it('does nothing when started again, even by several instances at once', async () => {
    // On PostgreSQL these run on separate connections and queue on the advisory lock.
    await Promise.all([migrateDatabase(database), migrateDatabase(database), migrateDatabase(database)]);
    const applied = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
  });

  it.runIf(testDatabaseKind() === 'postgres')('holds a server-wide lock while migrating', async () => {
    let sawLock = false;
    await database.withExclusiveLock(45050001, async () => {
      const locks = await database.executeSql(
        "select count(*)::int as n from pg_locks where locktype = 'advisory' and granted",
      );
      sawLock = Number(locks.rows[0]?.n) >= 1;
    });
    expect(sawLock).toBe(true);
  });
});
