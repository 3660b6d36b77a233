import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { correctionsModule } from '../corrections/index.ts';
import { trackingModule, trackingServicesOf } from './index.ts';

// `npm run demo`'s tracking step after the corrections register: a terminal on each demo vessel, registered
// and installed, and the last days' tracks; a county officer sees the boats on 船舶位置.
describe('tracking demo data', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule, trackingModule] });
    const guarded = [
      ...platformGuardedTables,
      ...(correctionsModule.demoGuardedTables ?? []),
      ...(trackingModule.demoGuardedTables ?? []),
    ];
    const steps = [
      platformAccountsDemo,
      ...(correctionsModule.demoSteps ?? []),
      ...(trackingModule.demoSteps ?? []),
    ];
    await runDemo(t.services, new DemoRegistry(steps, guarded), { clock, password });
  }, 600_000);
  afterAll(() => t?.close());

  it('puts a registered terminal on every demo vessel and the boats on 船舶位置 with recent positions', async () => {
    const terminals = (
      await t.database.executeSql(
        `select count(*)::int as n, count(registered_at)::int as registered from tracking_terminal`,
      )
    ).rows[0] as { n: number; registered: number };
    const vessels = (
      await t.database.executeSql(
        `select count(*)::int as n from corrections_vessel where terminal_id is not null`,
      )
    ).rows[0] as { n: number };
    expect(terminals.n).toBe(vessels.n);
    expect(terminals.registered).toBe(vessels.n);
    const officer = await signIn(t.app, 'jzcounty', password);
    const res = await officer.request('GET', '/api/tracking/vessels/positions');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { position: { time: string; lat: number } | null }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.position).not.toBeNull();
      expect(Date.now() - Date.parse(item.position?.time ?? '')).toBeLessThan(2 * 3600_000);
      expect(item.position?.lat).toBeGreaterThan(20.5);
    }
    const filtered = (await t.database.executeSql(`select count(*)::int as n from tracking_filtered_fix`))
      .rows[0];
    expect(filtered).toEqual({ n: 0 });

    // The city's fences, seen by a county officer; the demo trips stay inside the permitted area, so no alert
    // (and the demo's aboard windows are not tracked: no consent on record).
    const fences = (await officer.request('GET', '/api/tracking/fences')).json().items as {
      name: string;
      purpose: string;
      version: number;
    }[];
    expect(fences.map((f) => f.purpose).sort()).toEqual([
      'permitted',
      'port',
      'port',
      'port',
      'prohibited',
      'prohibited',
    ]);
    expect(fences.every((f) => f.version === 1)).toBe(true);
    await trackingServicesOf(t.services).evaluator.idle();
    expect((await officer.request('GET', '/api/tracking/alerts')).json().total).toBe(0);
  });
});
