import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { legalAidModule } from './index.ts';
import { registryDemo, registryDemoFigures, registryGuardedTables } from './registry.demo.ts';

// The registry demo data reproduces the seed report's figures (SEED-FIGURES.md) for 2023-01-01 – 2023-06-30,
// read by the city's leader through /api/metrics.
describe('legal-aid registry demo data', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [legalAidModule] });
    const registry = new DemoRegistry(
      [platformAccountsDemo, registryDemo],
      [...platformGuardedTables, ...registryGuardedTables],
    );
    await runDemo(t.services, registry, { clock, password });
  }, 240_000);
  afterAll(() => t?.close());

  it('every registry figure of the seed report', async () => {
    const leader = await signIn(t.app, 'leader', password);
    const expected: Record<string, number> = {
      'legalAid.consultations': registryDemoFigures.consultations,
      'legalAid.supportTeams': registryDemoFigures.supportTeams,
      'legalAid.proBonoDutyLawyers': registryDemoFigures.proBonoDutyLawyers,
      'legalAid.newLawyersRecruited': registryDemoFigures.newLawyersRecruited,
      'legalAid.dutyLawyers': registryDemoFigures.dutyLawyers,
      'legalAid.workstationsOpened': registryDemoFigures.workstationsOpened,
    };
    for (const [name, value] of Object.entries(expected)) {
      const res = await leader.request('GET', `/api/metrics/${name}?from=2023-01-01&to=2023-06-30`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().value, name).toBe(value);
    }
    expect(registryDemoFigures).toEqual({
      consultations: 1447,
      supportTeams: 8,
      proBonoDutyLawyers: 14,
      newLawyersRecruited: 16,
      dutyLawyers: 38,
      workstationsOpened: 2,
    });
  });
});
