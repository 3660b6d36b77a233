import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { readSetting } from './settings.repo.ts';
import { recordStart, START_RECORD_SETTING } from './start-record.ts';

describe('start record', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('keeps the first start and counts every later one', async () => {
    const clock = fixedClock('2026-11-27T01:00:00Z');
    await recordStart(database.db, clock, '0.1.0');
    clock.advance(60_000);
    await recordStart(database.db, clock, '0.2.0');
    expect(await readSetting(database.db, START_RECORD_SETTING)).toEqual({
      firstStartedAt: '2026-11-27T01:00:00.000Z',
      lastStartedAt: '2026-11-27T01:01:00.000Z',
      starts: 2,
      lastVersion: '0.2.0',
    });
  });
});
