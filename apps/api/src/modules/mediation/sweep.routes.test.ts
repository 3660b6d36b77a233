import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { mediationModule } from './index.ts';

// 矛盾纠纷排查 over HTTP: plan, record as held, cancel; scope by the sweep's unit (a county's clerk does not
// find another county's sweep, on reads and writes); stale versions; Chinese 400s; the disputes a sweep
// found; and mediation.sweeps over what was held.
describe('dispute sweeps', () => {
  let t: TestApp;
  // 10:00 in Beihai on Monday 2023-07-10.
  const clock = fixedClock('2023-07-10T02:00:00Z');
  let office: SessionClient; // 海城区中街司法所
  let committee: SessionClient; // 中街街道东街社区人民调解委员会
  let haicheng: SessionClient; // 海城区司法局
  let hepu: SessionClient; // 合浦县司法局
  let aid: SessionClient; // 海城区法律援助中心: case:read, no mediation
  let units: { office: number; committee: number; otherCommittee: number; hepuOffice: number };

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [mediationModule] });
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const officeId = await unitId('海城区中街司法所');
    const hepuOffice = await unitId('合浦县廉州司法所');
    const committeeUnit = async (parentId: number, name: string) => {
      const res = await admin.request('POST', '/api/org/units', {
        parentId,
        kind: 'mediationCommittee',
        name,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    units = {
      office: officeId,
      committee: await committeeUnit(officeId, '中街街道东街社区人民调解委员会'),
      otherCommittee: await committeeUnit(officeId, '中街街道西街社区人民调解委员会'),
      hepuOffice,
    };
    const staff = async (username: string, unit: number, roleCode: string) => {
      const created = await admin.request('POST', '/api/access/users', {
        username,
        displayName: username,
        unitId: unit,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user, initialPassword } = created.json();
      const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, {
        roleCodes: [roleCode],
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const first = await signIn(t.app, username, initialPassword);
      await first.request('POST', '/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Beihai#2026sweep',
      });
      return signIn(t.app, username, 'Beihai#2026sweep');
    };
    office = await staff('zjoffice', officeId, 'officeStaff');
    committee = await staff('dongjie', units.committee, 'mediationCommitteeStaff');
    haicheng = await staff('hccounty', await unitId('海城区司法局'), 'countyStaff');
    hepu = await staff('hpcounty', await unitId('合浦县司法局'), 'countyStaff');
    aid = await staff('hcaid', await unitId('海城区法律援助中心'), 'legalAidStaff');
  });
  afterAll(() => t?.close());

  const plan = (over: Record<string, unknown> = {}) => ({
    unitId: units.committee,
    title: '2023年第二季度矛盾纠纷集中排查',
    plannedOn: '2023-07-12',
    area: '东街社区一至六网格、东街农贸市场',
    participants: '调委会主任、网格员',
    ...over,
  });
  const held = (version: number, over: Record<string, unknown> = {}) => ({
    version,
    heldOn: '2023-07-08',
    participants: '调委会主任黄海、委员陈丽、网格员 4 名',
    participantCount: 6,
    findings: '走访商户 32 户，发现相邻漏水纠纷 1 起、租赁押金纠纷 1 起，已登记调解。',
    risksFound: 2,
    ...over,
  });

  it('plans a sweep for the committee, audited, seen by the office and the county but not another county', async () => {
    const res = await committee.request('POST', '/api/mediation/sweeps', plan());
    expect(res.statusCode, res.body).toBe(201);
    const sweep = res.json();
    expect(sweep).toMatchObject({
      unitName: '中街街道东街社区人民调解委员会',
      status: 'planned',
      heldOn: null,
      disputeCount: 0,
      version: 1,
    });
    expect(await q('select action from audit_log where entity_id = $1', [sweep.id])).toEqual([
      { action: 'mediation.sweep.plan' },
    ]);
    for (const client of [office, haicheng, committee]) {
      const got = await client.request('GET', `/api/mediation/sweeps/${sweep.id}`);
      expect(got.statusCode, got.body).toBe(200);
    }
    expect((await hepu.request('GET', `/api/mediation/sweeps/${sweep.id}`)).statusCode).toBe(404);
    expect((await hepu.request('GET', '/api/mediation/sweeps')).json().items).toEqual([]);
    // Writes outside the scope are 404 too, and change nothing.
    const foreign = await hepu.request('POST', `/api/mediation/sweeps/${sweep.id}/hold`, held(1));
    expect(foreign.statusCode).toBe(404);
    expect((await q('select status from dispute_sweep where id = $1', [sweep.id]))[0]).toEqual({
      status: 'planned',
    });
    // A legal-aid centre holds case:read but not mediation:readRegistry.
    expect((await aid.request('GET', '/api/mediation/sweeps')).statusCode).toBe(403);
  });

  it('refuses a unit outside the scope, and other bad input, in Chinese, writing nothing', async () => {
    const before = await q('select count(*)::int as n from dispute_sweep');
    const cases: [SessionClient, Record<string, unknown>, string][] = [
      [
        committee,
        plan({ unitId: units.otherCommittee }),
        '组织排查的单位应为您数据范围内的司法所或人民调解委员会',
      ],
      [office, plan({ unitId: units.hepuOffice }), '组织排查的单位应为您数据范围内的司法所或人民调解委员会'],
      // A county bureau is not an office or a committee.
      [
        haicheng,
        plan({ unitId: await unitId('海城区司法局') }),
        '组织排查的单位应为您数据范围内的司法所或人民调解委员会',
      ],
      [office, plan({ title: '  ' }), '请填写排查名称'],
      [office, plan({ plannedOn: '2023-02-30' }), '计划日期不是有效日期'],
      [office, plan({ area: undefined }), '请填写排查范围'],
      [office, plan({ unitId: 'x' }), '请选择组织排查的单位'],
    ];
    for (const [client, body, message] of cases) {
      const res = await client.request('POST', '/api/mediation/sweeps', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toContain(message);
    }
    expect(await q('select count(*)::int as n from dispute_sweep')).toEqual(before);
  });

  it('records the sweep as held, then corrects it; a stale version is a 409', async () => {
    const sweep = (
      await office.request('POST', '/api/mediation/sweeps', plan({ unitId: units.office }))
    ).json();
    const bad = await office.request(
      'POST',
      `/api/mediation/sweeps/${sweep.id}/hold`,
      held(1, { participantCount: 0 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('参加人数至少为 1 人');
    const future = await office.request(
      'POST',
      `/api/mediation/sweeps/${sweep.id}/hold`,
      held(1, { heldOn: '2023-07-11' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('排查日期不能晚于今天');
    const done = await office.request('POST', `/api/mediation/sweeps/${sweep.id}/hold`, held(1));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'held',
      heldOn: '2023-07-08',
      participantCount: 6,
      risksFound: 2,
      version: 2,
    });
    const stale = await haicheng.request(
      'POST',
      `/api/mediation/sweeps/${sweep.id}/hold`,
      held(1, { risksFound: 3 }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该排查记录已被他人修改，请刷新后重试');
    const corrected = await haicheng.request(
      'POST',
      `/api/mediation/sweeps/${sweep.id}/hold`,
      held(2, { risksFound: 3 }),
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ risksFound: 3, version: 3 });
    // Held: no cancelling, no changing the plan.
    const cancel = await office.request('POST', `/api/mediation/sweeps/${sweep.id}/cancel`, {
      version: 3,
      reason: '台风',
    });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().message).toBe('已开展的排查不能取消');
    const edit = await office.request('PUT', `/api/mediation/sweeps/${sweep.id}`, {
      ...plan({ unitId: units.office }),
      version: 3,
    });
    expect(edit.statusCode).toBe(409);
    const actions = await q('select action from audit_log where entity_id = $1 order by id', [sweep.id]);
    expect(actions.map((a) => a.action)).toEqual([
      'mediation.sweep.plan',
      'mediation.sweep.hold',
      'mediation.sweep.hold',
    ]);
  });

  it('edits and cancels a planned sweep with its reason', async () => {
    const sweep = (
      await committee.request('POST', '/api/mediation/sweeps', plan({ title: '汛期前排查' }))
    ).json();
    const edited = await committee.request('PUT', `/api/mediation/sweeps/${sweep.id}`, {
      ...plan({ title: '汛期前水利纠纷排查', plannedOn: '2023-07-20' }),
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '汛期前水利纠纷排查', plannedOn: '2023-07-20', version: 2 });
    const noReason = await committee.request('POST', `/api/mediation/sweeps/${sweep.id}/cancel`, {
      version: 2,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('请填写取消原因');
    const cancelled = await committee.request('POST', `/api/mediation/sweeps/${sweep.id}/cancel`, {
      version: 2,
      reason: '台风“泰利”过境，改期',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', findings: '台风“泰利”过境，改期' });
    const hold = await committee.request('POST', `/api/mediation/sweeps/${sweep.id}/hold`, held(3));
    expect(hold.statusCode).toBe(409);
  });

  it('records a sweep held without a plan, once under one Idempotency-Key', async () => {
    const body = {
      ...plan({ plannedOn: '2023-06-28' }),
      heldOn: '2023-06-28',
      participants: '调委会委员 3 名',
      participantCount: 3,
      findings: '未发现新的矛盾纠纷。',
    };
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/mediation/sweeps/held',
        headers: {
          cookie: committee.cookie,
          'x-csrf-token': committee.csrfToken,
          'idempotency-key': 'sweep-record-0001',
        },
        payload: body,
      });
    const first = await post();
    expect(first.statusCode, first.body).toBe(201);
    const again = await post();
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.json()).toMatchObject({ status: 'held', risksFound: 0 });
  });

  it('lists with filters: unit, period (held or planned day), status', async () => {
    const ids = async (client: SessionClient, query: string) =>
      (await client.request('GET', `/api/mediation/sweeps?${query}`))
        .json()
        .items.map((s: { title: string; status: string }) => `${s.status}:${s.title}`);
    expect(await ids(office, 'status=held')).toEqual([
      'held:2023年第二季度矛盾纠纷集中排查',
      'held:2023年第二季度矛盾纠纷集中排查',
    ]);
    expect(await ids(office, `unitId=${units.office}`)).toEqual(['held:2023年第二季度矛盾纠纷集中排查']);
    expect(await ids(office, 'from=2023-07-01&to=2023-07-31&status=planned')).toEqual([
      'planned:2023年第二季度矛盾纠纷集中排查',
    ]);
    expect(await ids(committee, 'from=2023-06-01&to=2023-06-30')).toEqual([
      'held:2023年第二季度矛盾纠纷集中排查',
    ]);
    const bad = await office.request('GET', '/api/mediation/sweeps?status=done');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('排查状态不正确');
    const page = (await office.request('GET', '/api/mediation/sweeps?pageSize=2')).json();
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('offers the offices and committees in scope', async () => {
    const names = async (client: SessionClient) =>
      (await client.request('GET', '/api/mediation/sweeps/units'))
        .json()
        .items.map((u: { name: string }) => u.name);
    expect(await names(committee)).toEqual(['中街街道东街社区人民调解委员会']);
    expect(await names(office)).toEqual([
      '海城区中街司法所',
      '中街街道东街社区人民调解委员会',
      '中街街道西街社区人民调解委员会',
    ]);
  });

  it("lists the disputes a sweep found, within the caller's case scope", async () => {
    const sweep = (await committee.request('GET', '/api/mediation/sweeps?status=held&pageSize=1')).json()
      .items[0];
    const now = new Date('2023-06-28T08:00:00Z');
    const dispute = async (no: string, unit: number) => {
      const id = crypto.randomUUID();
      await q(
        `insert into case_record (id, case_type, case_no, status, competent_unit_id, receiving_unit_id, title, created_at, updated_at)
         values ($1, 'mediation.dispute', $2, 'mediating', $3, $3, '相邻漏水纠纷', $4, $4)`,
        [id, no, unit, now],
      );
      await q(
        `insert into mediation_dispute (case_id, source, sweep_id, kind, facts, fingerprint, created_at, updated_at)
         values ($1, 'sweep', $2, 'neighbour', '楼上漏水', $3, $4, $4)`,
        [id, sweep.id, `fp-${no}`, now],
      );
    };
    await dispute('东街社区调〔2023〕第1号', units.committee);
    await dispute('西街社区调〔2023〕第1号', units.otherCommittee);
    const mine = (await committee.request('GET', `/api/mediation/sweeps/${sweep.id}`)).json();
    expect(mine.disputeCount).toBe(2);
    expect(mine.disputes.map((d: { caseNo: string }) => d.caseNo)).toEqual(['东街社区调〔2023〕第1号']);
    expect(mine.disputes[0]).toMatchObject({
      kind: 'neighbour',
      statusLabel: '调解中',
      committeeName: '中街街道东街社区人民调解委员会',
    });
    const theOffice = (await office.request('GET', `/api/mediation/sweeps/${sweep.id}`)).json();
    expect(theOffice.disputes).toHaveLength(2);
  });

  it('mediation.sweeps counts the sessions held in the period, for the caller’s units, with drill-down', async () => {
    const metric = async (client: SessionClient, query: string) => {
      const res = await client.request('GET', `/api/metrics/mediation.sweeps?${query}&records=1`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { value: number; records: string[] };
    };
    const heldIds = (await q(`select id from dispute_sweep where status = 'held' order by held_on, id`)).map(
      (r) => r.id,
    );
    expect(await metric(haicheng, 'from=2023-06-01&to=2023-07-31')).toEqual(
      expect.objectContaining({ value: 2, records: heldIds }),
    );
    // The sweep held on 8 July is not in the first half-year; planned and cancelled ones never count.
    expect((await metric(haicheng, 'from=2023-01-01&to=2023-06-30')).value).toBe(1);
    expect((await metric(hepu, 'from=2023-06-01&to=2023-07-31')).value).toBe(0);
    expect((await metric(committee, 'from=2023-06-01&to=2023-07-31')).value).toBe(1);
    const byTown = await haicheng.request(
      'GET',
      '/api/metrics/mediation.sweepsByTown?from=2023-06-01&to=2023-07-31',
    );
    expect(byTown.json().value).toEqual({ 海城区中街司法所: 2 });
    const byCommittee = await haicheng.request(
      'GET',
      '/api/metrics/mediation.sweepsByCommittee?from=2023-06-01&to=2023-07-31',
    );
    expect(byCommittee.json().value).toEqual({ 中街街道东街社区人民调解委员会: 1 });
  });
});
