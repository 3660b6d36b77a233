import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { readSetting } from '../settings/settings.repo.ts';
import { HEARTBEAT_SETTING, heartbeatJob } from './heartbeat.job.ts';
import { JobQueue } from './jobs.ts';

const quiet = { info() {}, warn() {}, error() {} };

async function waitForState(queue: JobQueue, name: string, id: string, wanted: string): Promise<string> {
  let state: string | undefined;
  for (let i = 0; i < 200; i++) {
    state = await queue.stateOf(name, id);
    if (state === wanted) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  return state ?? 'missing';
}

describe('JobQueue', () => {
  let database: DatabaseHandle;
  let queue: JobQueue;
  const attempts: number[] = [];
  const clock = fixedClock('2026-11-27T08:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = new JobQueue(database, { timeZone: 'Asia/Shanghai', logger: quiet, pollingIntervalSeconds: 0.5 });
    queue.define(heartbeatJob(database.db, clock));
    queue.define<{ failTimes: number }>({
      name: 'test.flaky',
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: false,
      async run(data) {
        attempts.push(Date.now());
        if (attempts.length <= data.failTimes) throw new Error('temporary failure');
      },
    });
    await queue.start();
  });

  afterAll(async () => {
    await queue.stop();
    await database.close();
  });

  it('runs the heartbeat smoke job and records when it ran', async () => {
    const id = await queue.send('platform.heartbeat', { source: 'test' });
    expect(await waitForState(queue, 'platform.heartbeat', id, 'completed')).toBe('completed');
    const beat = await readSetting<{ at: string; jobId: string; source: string }>(
      database.db,
      HEARTBEAT_SETTING,
    );
    expect(beat).toEqual({ at: '2026-11-27T08:00:00.000Z', jobId: id, source: 'test' });
  });

  it('retries a failing job until it succeeds', async () => {
    const id = await queue.send('test.flaky', { failTimes: 1 });
    expect(await waitForState(queue, 'test.flaky', id, 'completed')).toBe('completed');
    expect(attempts).toHaveLength(2);
  });

  it('refuses jobs nobody defined', async () => {
    await expect(queue.send('test.unknown', {})).rejects.toThrow('unknown job test.unknown');
  });

  it('stops cleanly and then refuses new work', async () => {
    await queue.stop();
    expect(queue.started).toBe(false);
    await expect(queue.send('platform.heartbeat', {})).rejects.toThrow('job queue is not running');
  });
});
