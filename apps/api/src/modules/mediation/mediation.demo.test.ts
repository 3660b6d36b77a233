import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { type DemoRunResult, runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { mediationModule } from './index.ts';
import {
  mediationDemoFigures,
  mediationDisputesDemo,
  mediationDisputesGuardedTables,
} from './mediation.demo.ts';
import { registryDemo, registryGuardedTables } from './registry.demo.ts';

// `npm run demo`'s mediation steps on a fresh platform reproduce every people's-mediation figure of the seed
// report (SEED-FIGURES.md) for 2023-01-01 – 2023-06-30, read by the city's leader through /api/metrics; a
// second run makes nothing.
describe('mediation dispute demo data', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';
  const period = 'from=2023-01-01&to=2023-06-30';
  const guarded = [...platformGuardedTables, ...registryGuardedTables, ...mediationDisputesGuardedTables];
  let disputesMs = 0;
  let second: DemoRunResult;

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [mediationModule] });
    await runDemo(t.services, new DemoRegistry([platformAccountsDemo, registryDemo], guarded), {
      clock,
      password,
    });
    const all = new DemoRegistry([platformAccountsDemo, registryDemo, mediationDisputesDemo], guarded);
    const started = performance.now();
    await runDemo(t.services, all, { clock, password });
    disputesMs = performance.now() - started;
    second = await runDemo(t.services, all, { clock, password });
  }, 600_000);
  afterAll(() => t?.close());

  const metric = async (name: string) => {
    const leader = await signIn(t.app, 'leader', password);
    const res = await leader.request('GET', `/api/metrics/${name}?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value;
  };
  const q = async (text: string) => (await t.database.executeSql(text)).rows;

  it('every people’s-mediation figure of the seed report', async () => {
    const f = mediationDemoFigures;
    expect(await metric('mediation.sweeps')).toBe(639);
    expect(await metric('mediation.accepted')).toBe(1021);
    expect(await metric('mediation.settled')).toBe(1008);
    expect(await metric('mediation.successRate')).toBe(98.73);
    expect(await metric('mediation.amountInvolved')).toBe(12_001_800);
    expect(await metric('mediation.landForestWater')).toEqual({ accepted: 69, closed: 69, closureRate: 100 });
    expect(await metric('mediation.enterpriseDisputesByKind')).toEqual({
      contract: 13,
      production: 27,
      labour: 24,
      consumer: 3,
      tourism: 30,
    });
    expect(f.accepted).toBe(1021);
    console.info(`mediation.disputes demo step: ${(disputesMs / 1000).toFixed(1)} s`);
  });

  it('a second run makes nothing', () => {
    expect(second.ran).toEqual([]);
    expect(second.created).toEqual({});
  });

  it('the records behind the figures are plausible: every door, both forms, committees and months', async () => {
    const sources = await q(
      `select source, count(*)::int as n from mediation_dispute where accepted_on is not null group by source order by source`,
    );
    expect(sources.map((r) => r.source)).toEqual([
      'court',
      'hotline',
      'petition',
      'police',
      'sweep',
      'walkIn',
    ]);
    const fromSweeps = await q(
      `select count(*)::int as n from mediation_dispute d join dispute_sweep s on s.id = d.sweep_id
       where s.status = 'held' and s.held_on <= (select min(created_at) from case_record c where c.id = d.case_id)::date`,
    );
    expect(Number(fromSweeps[0]?.n)).toBeGreaterThan(50);
    const forms = await q(
      `select form, count(*)::int as n from mediation_agreement group by form order by form`,
    );
    expect(forms.map((r) => r.form)).toEqual(['oral', 'written']);
    expect(Number(forms.find((r) => r.form === 'written')?.n)).toBeGreaterThan(800);
    const outcomes = await q(
      `select status, count(*)::int as n from case_record where case_type = 'mediation.dispute' group by status order by status`,
    );
    expect(Object.fromEntries(outcomes.map((r) => [r.status, Number(r.n)]))).toEqual({
      declined: 3,
      received: 4,
      settled: 1008,
      terminated: 5,
      unsettled: 8,
    });
    const committees = await q(
      `select count(distinct competent_unit_id)::int as n from case_record where case_type = 'mediation.dispute'`,
    );
    expect(Number(committees[0]?.n)).toBeGreaterThan(40);
    const byTown = (await metric('mediation.acceptedByTown')) as Record<string, number>;
    expect(Object.keys(byTown).length).toBeGreaterThan(20);
    const byCounty = (await metric('mediation.acceptedByCounty')) as Record<string, number>;
    expect(Object.keys(byCounty).sort()).toEqual([
      '合浦县司法局',
      '海城区司法局',
      '铁山港区司法局',
      '银海区司法局',
    ]);
    expect(Number((await q(`select count(*)::int as n from mediation_follow_up`))[0]?.n)).toBeGreaterThan(5);
    expect(Number((await q(`select count(*)::int as n from mediation_confirmation`))[0]?.n)).toBeGreaterThan(
      3,
    );
  });
});
