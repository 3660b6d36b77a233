import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { readSetting } from '../apps/api/src/platform/settings/settings.repo.ts';
import { START_RECORD_SETTING, type StartRecord } from '../apps/api/src/platform/settings/start-record.ts';
import { freePort, type RunningServer, spawnServer, tempDataDir, waitForHealth } from './support/server.ts';

// What an operator does with `npm start`: start it, start it twice by mistake, stop it, start it again.
describe('npm start on the embedded database', () => {
  const dataDir = tempDataDir();
  const running: RunningServer[] = [];
  afterAll(async () => {
    for (const s of running) await s.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /api/health with status ok on a fresh data dir, and prints its URLs', async () => {
    const port = await freePort();
    const server = spawnServer(dataDir, port);
    running.push(server);
    const started = Date.now();
    await waitForHealth(server);
    expect(Date.now() - started).toBeLessThan(60_000);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'pglite', ok: true } });
    expect(server.output()).toContain(`工作台（工作人员）  http://127.0.0.1:${port}/`);
    expect(server.output()).toContain(`群众门户（手机）    http://127.0.0.1:${port}/portal/`);
  });

  it('refuses a second start on the same data dir with a clear message', async () => {
    const second = spawnServer(dataDir, await freePort());
    running.push(second);
    const code = await new Promise<number | null>((resolve) => second.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(second.output()).toContain('启动失败：数据目录');
    expect(second.output()).toContain('正被另一个平台进程');
    // The first one is unharmed.
    const health = await fetch(`${running[0]?.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('stops cleanly on Ctrl-C (SIGINT) and releases the data dir', async () => {
    const first = running[0];
    if (!first) throw new Error('no server');
    expect(await first.stop('SIGINT')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'platform.lock'))).toBe(false);
  });

  it('starts again on the same data and keeps it', async () => {
    const again = spawnServer(dataDir, await freePort());
    running.push(again);
    await waitForHealth(again);
    expect(await again.stop('SIGTERM')).toBe(0);
    const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const record = await readSetting<StartRecord>(db.db, START_RECORD_SETTING);
      expect(record?.starts).toBe(2);
      expect(record && record.firstStartedAt < record.lastStartedAt).toBe(true);
    } finally {
      await db.close();
    }
  });
});
