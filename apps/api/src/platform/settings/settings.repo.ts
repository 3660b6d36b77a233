import { eq } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { systemSetting } from './settings.schema.ts';

export async function readSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const rows = await db.select().from(systemSetting).where(eq(systemSetting.key, key)).limit(1);
  return rows[0]?.value as T | undefined;
}

export async function writeSetting(db: Executor, key: string, value: unknown, at: Date): Promise<void> {
  await db
    .insert(systemSetting)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: systemSetting.key, set: { value, updatedAt: at } });
}
