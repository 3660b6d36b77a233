import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { percent } from '../../platform/metrics/metrics.rules.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { mediationModule } from './index.ts';
import { currentHalfYear } from './sweep.overview.ts';

const H1 = 'from=2023-01-01&to=2023-06-30';

// The mediation figures over dispute rows written straight into the tables (the arithmetic, not the
// services): 1,008 settled of 1,021 accepted is 98.73; the period is the acceptance day; a settlement after
// `to` is not yet a settlement; a county's clerk counts only their county; drill-down lists the ids.
describe('mediation metrics', () => {
  let t: TestApp;
  const clock = fixedClock('2023-07-10T02:00:00Z');
  let leader: SessionClient;
  let haicheng: SessionClient;
  let office: SessionClient;
  let u: { zhongjie: number; dongjie: number; tourism: number; hepuVillage: number; hepuOffice: number };

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  /** `n` disputes at `unit`, accepted on `acceptedOn`, with the given columns. */
  const disputes = async (
    n: number,
    unit: number,
    d: {
      acceptedOn: string | null;
      kind?: string;
      enterprise?: boolean;
      amount?: number | null;
      outcome?: string | null;
      outcomeOn?: string | null;
    },
  ): Promise<string[]> => {
    const rows = await q(
      `with c as (
         insert into case_record (id, case_type, status, competent_unit_id, receiving_unit_id, title, created_at, updated_at)
         select gen_random_uuid(), 'mediation.dispute', coalesce($6, 'mediating'), $2, $2, '测试纠纷', now(), now()
         from generate_series(1, $1::int) returning id)
       insert into mediation_dispute (case_id, source, kind, involves_enterprise, amount_involved_yuan, facts,
         fingerprint, accepted_on, outcome, outcome_on, created_at, updated_at)
       select id, 'walkIn', $3, $4, $5, '测试', id::text, $7::date, $6, $8::date, now(), now() from c
       returning case_id`,
      [
        n,
        unit,
        d.kind ?? 'neighbour',
        d.enterprise ?? false,
        d.amount ?? null,
        d.outcome ?? null,
        d.acceptedOn,
        d.outcomeOn ?? null,
      ],
    );
    return rows.map((r) => String(r.case_id));
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [mediationModule] });
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const committee = async (parentId: number, name: string) => {
      const res = await admin.request('POST', '/api/org/units', {
        parentId,
        kind: 'mediationCommittee',
        name,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const zhongjie = await unitId('海城区中街司法所');
    const hepuOffice = await unitId('合浦县廉州司法所');
    u = {
      zhongjie,
      hepuOffice,
      dongjie: await committee(zhongjie, '中街街道东街社区人民调解委员会'),
      // An industry committee directly under the county bureau: no town.
      tourism: await committee(await unitId('海城区司法局'), '海城区旅游纠纷人民调解委员会'),
      hepuVillage: await committee(hepuOffice, '廉州镇还珠村人民调解委员会'),
    };
    const staff = async (username: string, unit: number, roleCode: string) => {
      const created = await admin.request('POST', '/api/access/users', {
        username,
        displayName: username,
        unitId: unit,
      });
      const { user, initialPassword } = created.json();
      await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes: [roleCode] });
      const first = await signIn(t.app, username, initialPassword);
      await first.request('POST', '/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Beihai#2026stat',
      });
      return signIn(t.app, username, 'Beihai#2026stat');
    };
    leader = await staff('leader1', await unitId('北海市司法局'), 'leader');
    haicheng = await staff('hccounty', await unitId('海城区司法局'), 'countyStaff');
    office = await staff('zjoffice', zhongjie, 'officeStaff');
  });
  afterAll(() => t?.close());

  const metric = async (client: SessionClient, name: string, query = H1) => {
    const res = await client.request('GET', `/api/metrics/${name}?${query}&records=1`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { value: unknown; records: unknown };
  };

  it('rounds the success rate half up to two decimals, and is 0 with nothing accepted', async () => {
    expect(percent(1008, 1021)).toBe(98.73);
    expect(percent(1, 8)).toBe(12.5);
    // 2 / 3 = 66.666… → 66.67; 1 / 6 = 16.666… → 16.67; 1 / 200 = 0.5 exactly.
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 6)).toBe(16.67);
    expect(percent(1, 200)).toBe(0.5);
    expect(percent(0, 0)).toBe(0);
    expect((await metric(leader, 'mediation.successRate')).value).toBe(0);
    expect((await metric(leader, 'mediation.landForestWater')).value).toEqual({
      accepted: 0,
      closed: 0,
      closureRate: 0,
    });
  });

  it('counts 1,021 accepted and 1,008 settled as 98.73, by the acceptance day', async () => {
    await disputes(1000, u.dongjie, {
      acceptedOn: '2023-03-15',
      amount: 10_000,
      outcome: 'settled',
      outcomeOn: '2023-03-20',
    });
    await disputes(8, u.hepuVillage, {
      acceptedOn: '2023-06-30',
      kind: 'land',
      amount: 1_200.5,
      outcome: 'settled',
      outcomeOn: '2023-06-30',
    });
    await disputes(8, u.hepuVillage, {
      acceptedOn: '2023-01-01',
      kind: 'forest',
      outcome: 'unsettled',
      outcomeOn: '2023-01-10',
    });
    await disputes(5, u.tourism, {
      acceptedOn: '2023-05-01',
      kind: 'tourism',
      enterprise: true,
      amount: 3_000,
      outcome: 'terminated',
      outcomeOn: '2023-05-02',
    });
    // Not in the figures: accepted the day after the period; never accepted (received, declined).
    await disputes(3, u.dongjie, { acceptedOn: '2023-07-01', outcome: 'settled', outcomeOn: '2023-07-01' });
    await disputes(2, u.dongjie, { acceptedOn: null });
    expect((await metric(leader, 'mediation.accepted')).value).toBe(1021);
    expect((await metric(leader, 'mediation.settled')).value).toBe(1008);
    expect((await metric(leader, 'mediation.successRate')).value).toBe(98.73);
    // 1000 × 10,000 + 8 × 1,200.50 + 5 × 3,000, to the fen.
    expect((await metric(leader, 'mediation.amountInvolved')).value).toBe(10_024_604);
    expect((await metric(leader, 'mediation.landForestWater')).value).toEqual({
      accepted: 16,
      closed: 16,
      closureRate: 100,
    });
    expect((await metric(leader, 'mediation.enterpriseDisputesByKind')).value).toEqual({
      contract: 0,
      production: 0,
      labour: 0,
      consumer: 0,
      tourism: 5,
    });
  });

  it('a settlement after `to` is not one yet; land disputes still mediating are not closed', async () => {
    const late = await disputes(2, u.hepuVillage, {
      acceptedOn: '2023-06-29',
      kind: 'water',
      outcome: 'settled',
      outcomeOn: '2023-07-03',
    });
    const open = await disputes(1, u.hepuVillage, { acceptedOn: '2023-06-29', kind: 'land' });
    expect((await metric(leader, 'mediation.accepted')).value).toBe(1024);
    expect((await metric(leader, 'mediation.settled')).value).toBe(1008);
    const lfw = await metric(leader, 'mediation.landForestWater');
    // 16 + 3 accepted, 16 closed: 84.21 %.
    expect(lfw.value).toEqual({ accepted: 19, closed: 16, closureRate: 84.21 });
    const records = lfw.records as { accepted: string[]; closed: string[] };
    expect(records.accepted).toEqual(expect.arrayContaining([...late, ...open]));
    expect(records.closed).not.toContain(late[0]);
    // Through 10 July the late two are settled.
    expect((await metric(leader, 'mediation.settled', 'from=2023-01-01&to=2023-07-10')).value).toBe(
      1008 + 3 + 2,
    );
    await q('delete from mediation_dispute where case_id = any($1)', [[...late, ...open]]);
    await q('delete from case_record where id = any($1)', [[...late, ...open]]);
  });

  it('a county counts only its own county; drill-down lists the ids, oldest acceptance first', async () => {
    const county = await metric(haicheng, 'mediation.accepted');
    expect(county.value).toBe(1005);
    const ids = county.records as string[];
    const expected = (
      await q(
        `select d.case_id from mediation_dispute d join case_record c on c.id = d.case_id
         where c.competent_unit_id = any($1) and d.accepted_on between '2023-01-01' and '2023-06-30'
         order by d.accepted_on, d.case_id`,
        [[u.dongjie, u.tourism]],
      )
    ).map((r) => String(r.case_id));
    expect(ids).toEqual(expected);
    expect((await metric(haicheng, 'mediation.successRate')).value).toBe(percent(1000, 1005));
    expect((await metric(office, 'mediation.accepted')).value).toBe(1000);
    // The leader choosing Hepu's office: its village committee only.
    const hepu = await metric(leader, 'mediation.accepted', `${H1}&unit=${u.hepuOffice}`);
    expect(hepu.value).toBe(16);
    // A unit outside the caller's scope does not exist for them.
    const outside = await haicheng.request(
      'GET',
      `/api/metrics/mediation.accepted?${H1}&unit=${u.hepuOffice}`,
    );
    expect(outside.statusCode).toBe(404);
  });

  it('breaks the figures down by committee, town and county', async () => {
    expect((await metric(leader, 'mediation.acceptedByCommittee')).value).toEqual({
      中街街道东街社区人民调解委员会: 1000,
      海城区旅游纠纷人民调解委员会: 5,
      廉州镇还珠村人民调解委员会: 16,
    });
    // The tourism committee sits under the county bureau, in no town.
    expect((await metric(leader, 'mediation.acceptedByTown')).value).toEqual({
      海城区中街司法所: 1000,
      合浦县廉州司法所: 16,
    });
    expect((await metric(leader, 'mediation.settledByCounty')).value).toEqual({
      海城区司法局: 1000,
      合浦县司法局: 8,
    });
    expect((await metric(haicheng, 'mediation.amountInvolvedByCounty')).value).toEqual({
      海城区司法局: 10_015_000,
    });
    const byCommittee = await metric(office, 'mediation.settledByCommittee');
    expect(Object.keys(byCommittee.value as object)).toEqual(['中街街道东街社区人民调解委员会']);
    expect(Object.values(byCommittee.records as Record<string, string[]>)[0]).toHaveLength(1000);
  });

  it('the overview: totals for the scope and the county → town → committee rows', async () => {
    const res = await haicheng.request('GET', `/api/mediation/overview?${H1}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.totals).toMatchObject({
      accepted: 1005,
      settled: 1000,
      successRate: 99.5,
      amountInvolved: 10_015_000,
      sweeps: 0,
    });
    const row = (name: string) => body.rows.find((r: { name: string }) => r.name === name);
    expect(row('海城区司法局')).toMatchObject({
      level: 'county',
      parentId: null,
      accepted: 1005,
      settled: 1000,
    });
    expect(row('海城区中街司法所')).toMatchObject({ level: 'town', accepted: 1000, successRate: 100 });
    expect(row('海城区旅游纠纷人民调解委员会')).toMatchObject({
      level: 'committee',
      parentId: row('海城区司法局').unitId,
      accepted: 5,
      settled: 0,
      successRate: 0,
    });
    expect(row('合浦县司法局')).toBeUndefined();
    // Default period: this half-year (the clock stands in July 2023).
    expect(currentHalfYear('2023-07-10')).toEqual({ from: '2023-07-01', to: '2023-12-31' });
    const now = (await haicheng.request('GET', '/api/mediation/overview')).json();
    expect(now).toMatchObject({ from: '2023-07-01', to: '2023-12-31' });
    expect(now.totals.accepted).toBe(3);
    const bad = await haicheng.request('GET', '/api/mediation/overview?from=2023-07-01&to=2023-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('开始日期不能晚于结束日期');
  });
});
