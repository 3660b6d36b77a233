import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { readSetting, writeSetting } from './settings.repo.ts';

export const START_RECORD_SETTING = 'platform.starts';

export interface StartRecord {
  firstStartedAt: string;
  lastStartedAt: string;
  starts: number;
  lastVersion: string;
}

/** Counts start-ups in the database itself: operators see restarts, and a restart must keep the count. */
export async function recordStart(db: Database, clock: Clock, version: string): Promise<StartRecord> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const previous = await readSetting<StartRecord>(tx, START_RECORD_SETTING);
    const record: StartRecord = {
      firstStartedAt: previous?.firstStartedAt ?? now.toISOString(),
      lastStartedAt: now.toISOString(),
      starts: (previous?.starts ?? 0) + 1,
      lastVersion: version,
    };
    await writeSetting(tx, START_RECORD_SETTING, record, now);
    return record;
  });
}
