import path from 'node:path';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './database.ts';

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../drizzle');

// Any constant works as long as every instance uses the same one; this is "450500" + "01".
const MIGRATION_LOCK_KEY = 45050001;

/**
 * Applies the committed SQL migrations. On PostgreSQL two instances starting together queue on an
 * advisory lock, and the second finds nothing left to do.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config: MigrationConfig = { migrationsFolder, migrationsSchema: 'drizzle' };
  await handle.withExclusiveLock(MIGRATION_LOCK_KEY, async (db) => {
    if (handle.kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase, config);
    else await migrateNodePg(db as unknown as NodePgDatabase, config);
  });
}
