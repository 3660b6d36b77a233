import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { legalAidModule } from './index.ts';
import { demoLawyerUsername, legalAidCasesDemo, legalAidCasesDemoFigures } from './legal-aid.demo.ts';
import { registryDemo, registryDemoFigures, registryGuardedTables } from './registry.demo.ts';

// `npm run demo`'s legal-aid steps on a fresh platform reproduce every legal-aid figure of the seed report
// (SEED-FIGURES.md) for 2023-01-01 – 2023-06-30, read by the city's leader through /api/metrics.
describe('legal-aid demo data', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';
  const period = 'from=2023-01-01&to=2023-06-30';

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [legalAidModule] });
    const registry = new DemoRegistry(
      [platformAccountsDemo, registryDemo, legalAidCasesDemo],
      [...platformGuardedTables, ...registryGuardedTables],
    );
    await runDemo(t.services, registry, { clock, password });
  }, 600_000);
  afterAll(() => t?.close());

  const metric = async (name: string, query = period) => {
    const leader = await signIn(t.app, 'leader', password);
    const res = await leader.request('GET', `/api/metrics/${name}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value;
  };

  it('every legal-aid figure of the seed report', async () => {
    const expected: Record<string, number> = {
      'legalAid.casesAccepted': 357,
      'legalAid.amountRecoveredForMigrantWorkers': 3_080_000,
      'legalAid.consultations': 1447,
      'legalAid.supportTeams': 8,
      'legalAid.proBonoDutyLawyers': 14,
      'legalAid.newLawyersRecruited': 16,
      'legalAid.dutyLawyers': 38,
      'legalAid.workstationsOpened': 2,
    };
    for (const [name, value] of Object.entries(expected)) expect(await metric(name), name).toBe(value);
    expect(legalAidCasesDemoFigures.casesAccepted).toBe(357);
    expect(legalAidCasesDemoFigures.amountRecoveredForMigrantWorkers).toBe(3_080_000);
    expect(registryDemoFigures.consultations).toBe(1447);
  });

  it('the other application figures are not trivial and agree with each other', async () => {
    const f = legalAidCasesDemoFigures;
    expect(await metric('legalAid.received')).toBe(f.casesAccepted + f.refused + f.withdrawn + f.undecided);
    expect(await metric('legalAid.refused')).toBe(f.refused);
    const byType = await metric('legalAid.casesAcceptedByMatterType');
    expect(Object.values(byType as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(357);
    expect(byType.criminal).toBeGreaterThan(0);
    const groups = await metric('legalAid.casesAcceptedByApplicantGroup');
    for (const key of ['migrantWorker', 'gigWorker', 'minor', 'elderly', 'women', 'disabled', 'military']) {
      expect(groups[key], key).toBeGreaterThan(0);
    }
    // The last four grants of June wait for a lawyer on 30 June; the rest were assigned by rotation.
    expect(await metric('legalAid.assigned')).toBe(f.casesAccepted - 4);
    const closed = await metric('legalAid.closed');
    expect(closed).toBeGreaterThan(100);
    expect(closed).toBeLessThan(f.casesAccepted);
    const closedByGroup = await metric('legalAid.closedByApplicantGroup');
    expect(closedByGroup.migrantWorker).toBeGreaterThan(50);
    // Subsidies: the two quarterly batches claim every rating of the half-year (rate × coefficient).
    const paid = (
      await t.database.executeSql(
        `select coalesce(sum(subsidy_yuan), 0)::float as total, count(*)::int as n,
                count(*) filter (where batch_id is null)::int as unclaimed from legal_aid_rating`,
      )
    ).rows[0] as { total: number; n: number; unclaimed: number };
    expect(paid.n).toBeGreaterThan(100);
    expect(paid.unclaimed).toBe(0);
    expect(await metric('legalAid.subsidiesPaid')).toBe(paid.total);
    const flow = await metric('legalAid.applications');
    expect(flow).toMatchObject({ carriedIn: 0, received: await metric('legalAid.received') });
    expect(flow.closed).toBe(closed + f.withdrawn);
  });

  it('a demo lawyer can sign in, linked to a lawyer of the registry', async () => {
    const lawyer = await signIn(t.app, demoLawyerUsername, password);
    expect(lawyer).toBeTruthy();
    const rows = (
      await t.database.executeSql(
        `select l.name from legal_aid_lawyer l join staff_user u on u.id = l.staff_user_id where u.username = $1`,
        [demoLawyerUsername],
      )
    ).rows;
    expect(rows).toHaveLength(1);
  });
});
