import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { type DemoRunResult, runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { CORRECTIONS_DEMO_SIZE, correctionsDemo, correctionsGuardedTables } from './corrections.demo.ts';
import { correctionsModule } from './index.ts';

// `npm run demo`'s corrections step on a fresh platform: a Beihai-sized register made through the services,
// and the seed report's figure (SEED-FIGURES.md): 14 seafarer certificates in 2023 H1, read through
// /api/metrics by the city's leader; the demo accounts sign in; a second run makes nothing.
describe('corrections demo data', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';
  const guarded = [...platformGuardedTables, ...correctionsGuardedTables];
  let stepMs = 0;
  let second: DemoRunResult;

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    await runDemo(t.services, new DemoRegistry([platformAccountsDemo], guarded), { clock, password });
    const all = new DemoRegistry([platformAccountsDemo, correctionsDemo], guarded);
    const started = performance.now();
    await runDemo(t.services, all, { clock, password });
    stepMs = performance.now() - started;
    second = await runDemo(t.services, all, { clock, password });
  }, 600_000);
  afterAll(() => t?.close());

  const q = async (text: string) => (await t.database.executeSql(text)).rows as Record<string, unknown>[];

  it('GET /api/metrics/corrections.seafarerCertificates for 2023 H1 → 14', async () => {
    const leader = await signIn(t.app, 'leader', password);
    const res = await leader.request(
      'GET',
      '/api/metrics/corrections.seafarerCertificates?from=2023-01-01&to=2023-06-30',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().value).toBe(14);
    // Outside the half-year there are more: the figure is the period's, not everybody's.
    const all = await q(`select count(*)::int as n from corrections_certificate where kind = 'seafarer'`);
    expect(Number(all[0]?.n)).toBeGreaterThan(14);
    console.info(`corrections.register demo step: ${(stepMs / 1000).toFixed(1)} s`);
  });

  it('a Beihai-sized register: every county, kinds, levels, minors, maritime with vessels, endings', async () => {
    const n = await q(`select count(*)::int as n from corrections_supervisee`);
    expect(Number(n[0]?.n)).toBe(CORRECTIONS_DEMO_SIZE);
    const leader = await signIn(t.app, 'leader', password);
    const byCounty = (
      await leader.request('GET', '/api/metrics/corrections.onRegisterByCounty?from=2026-01-01&to=2026-06-30')
    ).json().value;
    expect(Object.keys(byCounty).sort()).toEqual([
      '合浦县司法局',
      '海城区司法局',
      '铁山港区司法局',
      '银海区司法局',
    ]);
    const kinds = await q(`select distinct sentence_kind from corrections_supervisee order by 1`);
    expect(kinds.map((r) => r.sentence_kind)).toEqual([
      'parole',
      'probation',
      'publicSurveillance',
      'temporaryService',
    ]);
    const levels = await q(`select distinct supervision_level from corrections_supervisee order by 1`);
    expect(levels.map((r) => r.supervision_level)).toEqual(['lenient', 'ordinary', 'strict']);
    const minors = await q(
      `select count(*)::int as n from corrections_supervisee where 'minor' = any(flags)`,
    );
    expect(Number(minors[0]?.n)).toBeGreaterThan(5);
    const windows = await q(`select count(distinct case_id)::int as n from corrections_aboard_window`);
    expect(Number(windows[0]?.n)).toBeGreaterThan(50);
    const endings = await q(
      `select kind, count(*)::int as n from corrections_ending group by kind order by kind`,
    );
    expect(endings.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['release', 'revocation', 'committal']),
    );
    const released = await q(
      `select count(*)::int as n from corrections_ending e join case_document d on d.id = e.certificate_document_id`,
    );
    expect(Number(released[0]?.n)).toBe(Number(endings.find((r) => r.kind === 'release')?.n));
    const sweep = await q(
      `select count(*)::int as n, count(*) filter (where status = 'done')::int as done from corrections_sweep_item`,
    );
    expect(Number(sweep[0]?.n)).toBeGreaterThan(10);
    expect(Number(sweep[0]?.done)).toBeLessThan(Number(sweep[0]?.n));
    const investigations = await q(`select count(*)::int as n from corrections_investigation`);
    expect(Number(investigations[0]?.n)).toBe(40);
  });

  it('the demo officers sign in and see their own units', async () => {
    const officer = await signIn(t.app, 'jzofficer', password);
    const list = (await officer.request('GET', '/api/corrections/supervisees?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((i: { office: { name: string } }) => i.office.name)).size).toBe(1);
    const county = await signIn(t.app, 'jzcounty', password);
    const all = (await county.request('GET', '/api/corrections/supervisees?pageSize=100')).json();
    expect(all.total).toBeGreaterThan(list.total);
  });

  it('a second run makes nothing', () => {
    expect(second.ran).toEqual([]);
    expect(second.created).toEqual({});
  });
});
