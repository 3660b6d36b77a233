import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { createDemoContext } from '../../platform/demo/demo-context.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { mediationModule } from './index.ts';
import {
  demoCommitteeName,
  registryDemo,
  registryDemoFigures,
  registryGuardedTables,
} from './registry.demo.ts';

// The registry demo on Beihai's tree: every justice office's township committee, village and community
// committees, the industry committees, mediators with 2023 training, 20 studios planned for H2, and the
// `mediator` and `committee` accounts on 中街街道's committee.
describe('mediation registry demo data', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';
  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const counts = async () =>
    q(`select (select count(*)::int from mediation_committee) as committees,
              (select count(*)::int from org_unit where kind = 'mediationCommittee') as units,
              (select count(*)::int from mediator) as mediators,
              (select count(*)::int from mediator_training) as trainings,
              (select count(*)::int from mediation_studio) as studios,
              (select count(*)::int from staff_user) as accounts`);

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [mediationModule] });
    const registry = new DemoRegistry(
      [platformAccountsDemo, registryDemo],
      [...platformGuardedTables, ...registryGuardedTables],
    );
    await runDemo(t.services, registry, { clock, password });
  }, 240_000);
  afterAll(() => t?.close());

  it('a township committee under each of the 30 offices, villages, and the industry committees', async () => {
    const [c] = await counts();
    expect(c?.committees).toBe(registryDemoFigures.committees);
    expect(c?.units).toBe(registryDemoFigures.committees);
    const offices = await q(`select o.name, count(c.unit_id)::int as n from org_unit o
      left join org_unit u on u.parent_id = o.id and u.kind = 'mediationCommittee'
      left join mediation_committee c on c.unit_id = u.id and c.kind = 'township'
      where o.kind = 'justiceOffice' group by o.name`);
    expect(offices).toHaveLength(30);
    expect(offices.every((o) => o.n === 1)).toBe(true);
    const industry =
      await q(`select u.name, p.name as parent from mediation_committee c join org_unit u on u.id = c.unit_id
      join org_unit p on p.id = u.parent_id where c.kind = 'industry' order by u.name`);
    expect(industry.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        '北海市旅游纠纷人民调解委员会',
        '北海市劳动争议人民调解委员会',
        '北海市医疗纠纷人民调解委员会',
        '北海市道路交通事故纠纷人民调解委员会',
        '合浦县涉企纠纷人民调解委员会',
      ]),
    );
    expect(industry.find((r) => r.name === '合浦县涉企纠纷人民调解委员会')?.parent).toBe('合浦县司法局');
    expect(industry.find((r) => r.name === '北海市医疗纠纷人民调解委员会')?.parent).toBe('北海市司法局');
    const villages = await q(
      `select kind, count(*)::int as n from mediation_committee where kind in ('village', 'community') group by kind order by kind`,
    );
    expect(villages.reduce((n, r) => n + Number(r.n), 0)).toBeGreaterThanOrEqual(12);
    // Coordinates in Beihai (涠洲岛 lies south, at 21.04 N).
    const off = await q(`select count(*)::int as n from mediation_committee
      where latitude is null or latitude not between 21.0 and 21.95 or longitude not between 108.9 and 109.8`);
    expect(off[0]?.n).toBe(0);
    const towns = await q(
      `select count(*)::int as n from mediation_committee where kind <> 'industry' and town_code !~ '^\\d{12}$'`,
    );
    expect(towns[0]?.n).toBe(0);
  });

  it('2 to 4 mediators per committee; some need training at the end of 2023', async () => {
    const sizes = await q('select unit_id, count(*)::int as n from mediator group by unit_id');
    expect(sizes).toHaveLength(registryDemoFigures.committees);
    expect(sizes.every((s) => Number(s.n) >= 2 && Number(s.n) <= 4)).toBe(true);
    const employment = await q(
      'select employment, count(*)::int as n from mediator group by employment order by employment',
    );
    expect(employment.map((e) => e.employment)).toEqual(['fullTime', 'partTime']);
    const leader = await signIn(t.app, 'leader', password);
    const all = (
      await leader.request('GET', '/api/mediation/mediators?asOf=2023-12-31&trainingYear=2023')
    ).json();
    const needs = (
      await leader.request('GET', '/api/mediation/mediators?needsTraining=true&asOf=2023-12-31')
    ).json();
    expect(needs.items.length).toBeGreaterThan(0);
    expect(needs.items.length).toBeLessThan(all.items.length / 3);
    expect(all.items.some((m: { trainingHours: number }) => m.trainingHours >= 8)).toBe(true);
    const plain = await q(`select count(*)::int as n from mediator where phone_enc like '139%'`);
    expect(plain[0]?.n).toBe(0);
  });

  it('20 studios planned for the second half, none created: mediation.studios', async () => {
    const leader = await signIn(t.app, 'leader', password);
    const res = await leader.request('GET', '/api/metrics/mediation.studios?from=2023-01-01&to=2023-06-30');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().value).toEqual({ planned: 20, created: 0 });
    const list = (await leader.request('GET', '/api/mediation/studios')).json();
    expect(list.progress).toEqual({ planned: 20, created: 0 });
    expect(new Set(list.items.map((s: { targetDate: string }) => s.targetDate))).toEqual(
      new Set(['2023-12-31']),
    );
  });

  it('the mediator and committee accounts work on 中街街道 committee', async () => {
    const committee = await signIn(t.app, 'committee', password);
    const mine = (await committee.request('GET', '/api/mediation/committees')).json().items;
    expect(mine.map((c: { name: string }) => c.name)).toEqual([demoCommitteeName]);
    expect(mine[0].mediatorCount).toBeGreaterThanOrEqual(3);
    await signIn(t.app, 'mediator', password);
    const linked =
      await q(`select m.name, u.display_name, m.unit_id, u.unit_id as account_unit from mediator m
      join staff_user u on u.id = m.staff_user_id where u.username = 'mediator'`);
    expect(linked).toHaveLength(1);
    expect(linked[0]?.name).toBe(linked[0]?.display_name);
    expect(linked[0]?.unit_id).toBe(linked[0]?.account_unit);
  });

  it('runs once, and a second run of the step makes nothing new', async () => {
    const before = await counts();
    const again = await runDemo(
      t.services,
      new DemoRegistry(
        [platformAccountsDemo, registryDemo],
        [...platformGuardedTables, ...registryGuardedTables],
      ),
      { clock, password },
    );
    expect(again.ran).toEqual([]);
    expect(again.skipped).toEqual(['platform.accounts', 'mediation.registry']);
    await registryDemo.run(
      createDemoContext({ services: t.services, clock, stepId: registryDemo.id, password }),
    );
    clock.set(null);
    expect(await counts()).toEqual(before);
  });
});
