import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, idNumber, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule } from './index.ts';

// 安全排查 over HTTP: a county bureau opens 春节前安全大排查 over two offices; every supervisee on the register
// there gets a checklist item; an office ticks its own off; completion is counted by office.
describe('corrections safety sweeps', () => {
  let t: TestApp;
  const clock = fixedClock('2027-01-20T02:00:00Z');
  let officer: Awaited<ReturnType<typeof staffAccount>>;
  let county: Awaited<ReturnType<typeof staffAccount>>;
  let hepu: Awaited<ReturnType<typeof staffAccount>>;
  let office: number;
  let second: number;
  let hepuOffice: number;

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    office = await unitId(t, '海城区中街司法所');
    const rows = (
      await t.database.executeSql(
        `select o.id from org_unit o join org_unit c on c.id = o.parent_id
         where c.name = '海城区司法局' and o.kind = 'justiceOffice' and o.id <> $1 order by o.id limit 1`,
        [office],
      )
    ).rows as { id: number }[];
    second = Number(rows[0]?.id);
    hepuOffice = await unitId(t, '合浦县廉州司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    county = await staffAccount(t, 'hcjz', await unitId(t, '海城区司法局'), ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', hepuOffice, ['correctionsOfficer']);
    const people: [number, string, string, string][] = [
      [office, '李海明', '1988-03-03', '011'],
      [office, '黄志华', '1979-04-04', '031'],
      [second, '陈国强', '1982-05-05', '051'],
    ];
    for (const [k, [unit, name, birth, seq]] of people.entries()) {
      const res = await county.request(
        'POST',
        '/api/corrections/supervisees',
        courtNotice(unit, {
          person: { name, idType: 'residentIdCard', idNumber: idNumber(birth, seq) },
          judgmentEffectiveOn: '2026-12-01',
          periodStart: '2026-12-01',
          phone: `1390779500${k}`,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await hepu.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(hepuOffice, {
        person: { name: '钟海军', idType: 'residentIdCard', idNumber: idNumber('1985-06-06', '071') },
        judgmentEffectiveOn: '2026-12-01',
        periodStart: '2026-12-01',
        phone: '13907795009',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => t?.close());

  let campaignId = '';

  it('opens a campaign only over offices in scope; one item per supervisee on the register there', async () => {
    const body = {
      name: '春节前安全大排查',
      startsOn: '2027-01-20',
      endsOn: '2027-02-05',
      officeIds: [office, second],
    };
    const outside = await county.request('POST', '/api/corrections/sweeps', {
      ...body,
      officeIds: [hepuOffice],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toBe('参加排查的单位应为您管辖范围内的司法所');
    const res = await county.request('POST', '/api/corrections/sweeps', body);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    campaignId = c.id;
    expect(c).toMatchObject({ name: '春节前安全大排查', total: 3, done: 0, percent: 0 });
    expect(c.offices.map((o: { total: number }) => o.total).sort()).toEqual([1, 2]);
  });

  it('an office ticks its items off; completing needs all three checks; completion by office', async () => {
    const items = (await officer.request('GET', `/api/corrections/sweeps/${campaignId}/items`)).json().items;
    expect(items).toHaveLength(2);
    const [a, b] = items;
    const half = await officer.request('PUT', `/api/corrections/sweeps/${campaignId}/items/${a.id}`, {
      version: a.version,
      contactVerified: true,
      homeVisited: false,
      riskAssessed: true,
      risk: 'none',
      complete: true,
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().message).toMatch(/三项均完成后才能标记为已排查/);
    const done = await officer.request('PUT', `/api/corrections/sweeps/${campaignId}/items/${a.id}`, {
      version: a.version,
      contactVerified: true,
      homeVisited: true,
      riskAssessed: true,
      risk: 'none',
      note: '家中走访，情绪稳定',
      complete: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedOn: '2027-01-20', version: 2 });
    const stale = await officer.request('PUT', `/api/corrections/sweeps/${campaignId}/items/${a.id}`, {
      version: a.version,
      contactVerified: true,
      homeVisited: true,
      riskAssessed: true,
    });
    expect(stale.statusCode).toBe(409);
    const c = (await county.request('GET', `/api/corrections/sweeps/${campaignId}`)).json();
    expect(c).toMatchObject({ total: 3, done: 1, percent: 33.33 });
    expect(c.offices.find((o: { officeId: number }) => o.officeId === office)).toMatchObject({
      total: 2,
      done: 1,
      percent: 50,
    });
    // The office sees its own progress only.
    const own = (await officer.request('GET', `/api/corrections/sweeps/${campaignId}`)).json();
    expect(own.offices).toHaveLength(1);
    expect(b.status).toBe('pending');
  });

  it('a retried creation with the same Idempotency-Key makes one campaign', async () => {
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/corrections/sweeps',
        headers: {
          cookie: county.cookie,
          'x-csrf-token': county.csrfToken,
          'idempotency-key': 'sweep-retry-1',
        },
        payload: {
          name: '国庆前安全排查',
          startsOn: '2027-01-20',
          endsOn: '2027-01-31',
          officeIds: [second],
        },
      });
    const first = await send();
    const again = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.database.executeSql(
      `select count(*)::int as n from corrections_sweep_campaign where name = '国庆前安全排查'`,
    );
    expect(Number((rows.rows[0] as { n: number }).n)).toBe(1);
  });

  it('another county neither sees the campaign nor writes its items', async () => {
    expect((await hepu.request('GET', '/api/corrections/sweeps')).json().items).toEqual([]);
    expect((await hepu.request('GET', `/api/corrections/sweeps/${campaignId}`)).statusCode).toBe(404);
    const items = (await officer.request('GET', `/api/corrections/sweeps/${campaignId}/items`)).json().items;
    const res = await hepu.request('PUT', `/api/corrections/sweeps/${campaignId}/items/${items[0].id}`, {
      version: 1,
      contactVerified: true,
      homeVisited: true,
      riskAssessed: true,
    });
    expect(res.statusCode).toBe(404);
  });
});
