import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';

// The shared case pages over HTTP, on the worked example case type: who sees which cases, the filters and
// sorts of the list, the case page's buttons, transitions and participants, and "my deadlines".
describe('case pages', () => {
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  // 10:00 in Beihai on Monday 2026-03-02.
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const atBeihai = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const units = { city: 0, haicheng: 0, yinhai: 0, haichengOffice: 0 };
  const people = {} as Record<
    'haichengClerk' | 'haichengColleague' | 'yinhaiClerk' | 'chief' | 'leader',
    { id: string; client: SessionClient }
  >;
  const cases = {} as Record<'overdue' | 'dueSoon' | 'yinhai' | 'cross' | 'paused', string>;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  const createStaff = async (username: string, displayName: string, unit: number, roleCodes: string[]) => {
    const created = await admin.request('POST', '/api/access/users', { username, displayName, unitId: unit });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    const changed = await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#2026case',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return { id: user.id as string, client: await signIn(t.app, username, 'Beihai#2026case') };
  };

  /** A case opened by the platform's staff on the given day, handled by the given accounts. */
  const open = async (
    day: string,
    title: string,
    competentUnitId: number,
    handlers: string[],
    receivingUnitId?: number,
  ) => {
    clock.set(atBeihai(day));
    const row = await t.services.workflow.create(staffContext({ all: true }, ['org:read']), {
      type: 'example.application',
      competentUnitId,
      ...(receivingUnitId ? { receivingUnitId } : {}),
      title,
      participants: handlers.map((accountId) => ({
        accountKind: 'staff' as const,
        accountId,
        role: 'handler',
      })),
    });
    return row.id;
  };

  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp({ clock, caseTypes: [exampleApplication], numberSeries: [exampleCaseSeries] });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    units.city = await unitId('北海市司法局');
    units.haicheng = await unitId('海城区司法局');
    units.yinhai = await unitId('银海区司法局');
    units.haichengOffice = Number(
      (
        await q(
          "select id from org_unit where kind = 'justiceOffice' and parent_id = $1 order by id limit 1",
          [units.haicheng],
        )
      )[0]?.id,
    );
    // Deciding and refusing borrow org:manage in the worked example.
    const chiefRole = await secadmin.request('POST', '/api/access/roles', {
      code: 'countyChief',
      name: '县区局科长',
      dataScope: 'unitAndBelow',
      permissions: ['case:read', 'case:assign', 'org:read', 'org:manage'],
    });
    expect(chiefRole.statusCode, chiefRole.body).toBe(201);
    people.haichengClerk = await createStaff('hcclerk', '海城区承办人', units.haicheng, ['countyStaff']);
    people.haichengColleague = await createStaff('hcmate', '海城区协办人', units.haicheng, ['countyStaff']);
    people.yinhaiClerk = await createStaff('yhclerk', '银海区承办人', units.yinhai, ['countyStaff']);
    people.chief = await createStaff('hcchief', '海城区科长', units.haicheng, ['countyChief']);
    people.leader = await createStaff('leader01', '局领导甲', units.city, ['leader']);

    const mine = [people.haichengClerk.id];
    // Due 2026-02-27: overdue on 03-02.
    cases.overdue = await open('2026-02-20', '张三申请法律援助', units.haicheng, mine);
    // Due 2026-03-03, amber from 03-01: due soon on 03-02.
    cases.dueSoon = await open('2026-02-24', '李四_100%申请法律援助', units.haichengOffice, mine);
    cases.yinhai = await open('2026-03-02', '王五申请法律援助', units.yinhai, [people.yinhaiClerk.id]);
    // Received in 海城区 under city-wide acceptance, competent in 银海区: both see it.
    cases.cross = await open('2026-03-02', '赵六申请法律援助', units.yinhai, [], units.haicheng);
    cases.paused = await open('2026-03-02', '钱七申请法律援助', units.haicheng, mine);
    await t.services.workflow.transition(staffContext({ all: true }, ['org:read']), {
      caseId: cases.paused,
      transition: 'requestCorrection',
      version: 1,
    });
    clock.set(atBeihai('2026-03-02'));
  });
  afterAll(() => t.close());

  it('lists only the cases in the caller’s scope; a case received in one unit is seen by both', async () => {
    const hc = await people.haichengClerk.client.request('GET', '/api/cases?pageSize=100');
    expect(hc.statusCode, hc.body).toBe(200);
    expect(new Set(ids(hc))).toEqual(new Set([cases.overdue, cases.dueSoon, cases.cross, cases.paused]));
    expect(hc.json().total).toBe(4);
    const yh = await people.yinhaiClerk.client.request('GET', '/api/cases?pageSize=100');
    expect(new Set(ids(yh))).toEqual(new Set([cases.yinhai, cases.cross]));
    const leader = await people.leader.client.request('GET', '/api/cases');
    expect(leader.json().total).toBe(5);
  });

  it('shows each case with its type, status, units, handlers and nearest clock', async () => {
    const res = await people.haichengClerk.client.request('GET', '/api/cases?sort=dueOn&order=asc');
    const [first] = res.json().items;
    expect(first).toMatchObject({
      id: cases.overdue,
      caseType: 'example.application',
      caseTypeName: '示例申请',
      title: '张三申请法律援助',
      status: 'received',
      statusLabel: '待受理',
      statusTone: 'processing',
      competentUnit: { id: units.haicheng, name: '海城区司法局' },
      receivingUnit: { id: units.haicheng, name: '海城区司法局' },
      handlers: ['海城区承办人'],
      deadline: { ruleCode: 'legalAid.decide', dueOn: '2026-02-27', status: 'running' },
    });
    expect(first.deadline.standing.state).toBe('overdue');
    const paused = res.json().items.find((i: { id: string }) => i.id === cases.paused);
    expect(paused).toMatchObject({
      statusLabel: '待补正',
      statusTone: 'waiting',
      deadline: { status: 'paused' },
    });
  });

  it('filters by type, status, unit subtree, text, registration day, clock and participation', async () => {
    const get = async (query: string, who = people.haichengClerk) => {
      const res = await who.client.request('GET', `/api/cases?pageSize=100&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return new Set(ids(res));
    };
    expect((await get('type=example.application')).size).toBe(4);
    expect(await get('type=other.thing')).toEqual(new Set());
    expect(await get('status=awaitingCorrection')).toEqual(new Set([cases.paused]));
    expect(await get(`unitId=${units.haichengOffice}`)).toEqual(new Set([cases.dueSoon]));
    expect(await get(`unitId=${units.haicheng}`)).toEqual(
      new Set([cases.overdue, cases.dueSoon, cases.cross, cases.paused]),
    );
    // The 银海区 clerk filtering by 海城区 finds the case received there; 银海区's own case is not in it.
    expect(await get(`unitId=${units.haicheng}`, people.yinhaiClerk)).toEqual(new Set([cases.cross]));
    // % and _ match themselves.
    expect(await get(`q=${encodeURIComponent('100%')}`)).toEqual(new Set([cases.dueSoon]));
    expect(await get(`q=${encodeURIComponent('_')}`)).toEqual(new Set([cases.dueSoon]));
    expect(await get(`q=${encodeURIComponent('海城司援〔2026〕第1号')}`)).toEqual(new Set([cases.overdue]));
    expect(await get('createdFrom=2026-02-24&createdTo=2026-02-24')).toEqual(new Set([cases.dueSoon]));
    expect(await get('createdFrom=2026-03-02')).toEqual(new Set([cases.cross, cases.paused]));
    expect(await get('deadline=overdue')).toEqual(new Set([cases.overdue]));
    expect(await get('deadline=dueSoon')).toEqual(new Set([cases.dueSoon]));
    expect(await get('deadline=running')).toEqual(new Set([cases.overdue, cases.dueSoon, cases.cross]));
    expect(await get('mine=true')).toEqual(new Set([cases.overdue, cases.dueSoon, cases.paused]));
  });

  it('sorts by whitelisted keys with paging totals, and refuses others in Chinese', async () => {
    const c = people.haichengClerk.client;
    const byDue = await c.request('GET', '/api/cases?sort=dueOn&order=asc');
    expect(ids(byDue).slice(0, 2)).toEqual([cases.overdue, cases.dueSoon]);
    // Case numbers run per unit (海城司援〔2026〕第1号…); the order follows the database's collation.
    const numbers = async (order: string) =>
      (await c.request('GET', `/api/cases?sort=caseNo&order=${order}`))
        .json()
        .items.map((i: { caseNo: string }) => i.caseNo);
    const ascending = await numbers('asc');
    expect(new Set(ascending)).toEqual(
      new Set([
        '海城司援〔2026〕第1号',
        '海城司援〔2026〕第2号',
        '海城中街司援〔2026〕第1号',
        '银海司援〔2026〕第2号',
      ]),
    );
    expect(ascending.indexOf('海城司援〔2026〕第1号')).toBeLessThan(
      ascending.indexOf('海城司援〔2026〕第2号'),
    );
    expect(await numbers('desc')).toEqual([...ascending].reverse());
    const page2 = await c.request('GET', '/api/cases?sort=createdAt&order=desc&page=2&pageSize=3');
    expect(page2.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(ids(page2)).toEqual([cases.overdue]);
    const bad = await c.request('GET', '/api/cases?sort=title');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const badDay = await c.request('GET', '/api/cases?createdFrom=2026-02-30');
    expect(badDay.statusCode).toBe(400);
  });

  it('shows the case page with its people, clocks and the buttons the caller may press', async () => {
    const clerk = await people.haichengClerk.client.request('GET', `/api/cases/${cases.overdue}`);
    expect(clerk.statusCode, clerk.body).toBe(200);
    const page = clerk.json();
    expect(page.participants).toEqual([
      expect.objectContaining({
        accountKind: 'staff',
        role: 'handler',
        roleLabel: '承办人',
        name: '海城区承办人',
      }),
    ]);
    expect(page.deadlines).toEqual([
      expect.objectContaining({ ruleCode: 'legalAid.decide', ruleDescription: expect.any(String) }),
    ]);
    expect(page.transitions.map((x: { name: string }) => x.name)).toEqual(['requestCorrection', 'accept']);
    expect(page.canAssign).toBe(true);
    const chief = (await people.chief.client.request('GET', `/api/cases/${cases.overdue}`)).json();
    expect(chief.transitions.map((x: { name: string }) => x.name)).toEqual([
      'requestCorrection',
      'accept',
      'refuse',
    ]);
    expect(chief.transitions.find((x: { name: string }) => x.name === 'refuse')).toMatchObject({
      destructive: true,
      inputSchema: { properties: { reason: { title: '不予受理的理由' } } },
    });
    const leader = (await people.leader.client.request('GET', `/api/cases/${cases.overdue}`)).json();
    expect(leader.canAssign).toBe(false);

    const outside = await people.haichengClerk.client.request('GET', `/api/cases/${cases.yinhai}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toBe('案件不存在或您无权查看');
    expect(
      (await people.haichengClerk.client.request('GET', `/api/cases/${cases.yinhai}/history`)).statusCode,
    ).toBe(404);
    const malformed = await people.haichengClerk.client.request('GET', '/api/cases/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('moves a case through HTTP; a stale version answers 409 and changes nothing; a guard answers 422', async () => {
    const c = people.chief.client;
    const accepted = await c.request('POST', `/api/cases/${cases.overdue}/transitions`, {
      transition: 'accept',
      version: 1,
      comment: '材料齐全',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', statusLabel: '已受理', version: 2 });
    expect(accepted.json().transitions.map((x: { name: string }) => x.name)).toEqual(['decide', 'refuse']);

    const before = await q('select status, version from case_record where id = $1', [cases.overdue]);
    const historyBefore = await q('select count(*)::int as n from case_history where case_id = $1', [
      cases.overdue,
    ]);
    const stale = await c.request('POST', `/api/cases/${cases.overdue}/transitions`, {
      transition: 'refuse',
      version: 1,
      input: { reason: '不符合条件' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该案件已被他人处理，请刷新后重试');
    expect(await q('select status, version from case_record where id = $1', [cases.overdue])).toEqual(before);
    expect(
      await q('select count(*)::int as n from case_history where case_id = $1', [cases.overdue]),
    ).toEqual(historyBefore);

    const guarded = await c.request('POST', `/api/cases/${cases.overdue}/transitions`, {
      transition: 'decide',
      version: 2,
      input: {},
    });
    expect(guarded.statusCode).toBe(422);
    expect(guarded.json().message).toBe('尚未填写决定内容，不能作出决定');

    // The clerk has no permission for the decision.
    const forbidden = await people.haichengClerk.client.request(
      'POST',
      `/api/cases/${cases.overdue}/transitions`,
      { transition: 'decide', version: 2, input: { decisionText: '给予法律援助' } },
    );
    expect(forbidden.statusCode).toBe(403);
    // Outside the caller's scope the case does not exist.
    const outside = await people.yinhaiClerk.client.request(
      'POST',
      `/api/cases/${cases.overdue}/transitions`,
      {
        transition: 'accept',
        version: 2,
      },
    );
    expect(outside.statusCode).toBe(404);

    const history = await c.request('GET', `/api/cases/${cases.overdue}/history`);
    expect(history.json().entries).toEqual([
      expect.objectContaining({
        transition: 'create',
        transitionLabel: '登记',
        fromStatus: null,
        fromLabel: null,
        toLabel: '待受理',
      }),
      expect.objectContaining({
        transition: 'accept',
        transitionLabel: '受理',
        fromLabel: '待受理',
        toLabel: '已受理',
        actorName: '海城区科长',
        comment: '材料齐全',
      }),
    ]);
  });

  it('adds and removes participants, audited, without a new version; out of scope answers 404', async () => {
    const c = people.haichengClerk.client;
    const url = `/api/cases/${cases.dueSoon}/participants`;
    const version = async () =>
      (await q('select version from case_record where id = $1', [cases.dueSoon]))[0]?.version;
    const v0 = await version();

    const added = await c.request('POST', url, { accountId: people.haichengColleague.id, role: 'assistant' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().participants).toContainEqual(
      expect.objectContaining({
        accountId: people.haichengColleague.id,
        role: 'assistant',
        roleLabel: '协办人',
        name: '海城区协办人',
      }),
    );
    const again = await c.request('POST', url, { accountId: people.haichengColleague.id, role: 'assistant' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('“海城区协办人”已是本案的协办人');
    // An account of another district, or none at all, is not found.
    const foreign = await c.request('POST', url, { accountId: people.yinhaiClerk.id, role: 'handler' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe('人员不存在或您无权查看');
    expect((await c.request('POST', url, { accountId: 'nobody', role: 'handler' })).statusCode).toBe(404);
    // Writes on a case outside the caller's scope.
    expect(
      (
        await people.yinhaiClerk.client.request('POST', url, {
          accountId: people.yinhaiClerk.id,
          role: 'handler',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await people.yinhaiClerk.client.request(
          'DELETE',
          `/api/cases/${cases.dueSoon}/participants/assistant/${people.haichengColleague.id}`,
        )
      ).statusCode,
    ).toBe(404);
    // Without case:assign.
    expect(
      (
        await people.leader.client.request('POST', url, {
          accountId: people.haichengColleague.id,
          role: 'handler',
        })
      ).statusCode,
    ).toBe(403);

    const removed = await c.request(
      'DELETE',
      `/api/cases/${cases.dueSoon}/participants/assistant/${people.haichengColleague.id}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().participants.map((p: { accountId: string }) => p.accountId)).toEqual([
      people.haichengClerk.id,
    ]);
    const removedAgain = await c.request(
      'DELETE',
      `/api/cases/${cases.dueSoon}/participants/assistant/${people.haichengColleague.id}`,
    );
    expect(removedAgain.statusCode).toBe(404);

    expect(await version()).toBe(v0);
    expect(
      await q(
        "select action, actor_id from audit_log where entity_type = 'case' and entity_id = $1 and action like 'case.participant%' order by id",
        [cases.dueSoon],
      ),
    ).toEqual([
      { action: 'case.participantAdd', actor_id: people.haichengClerk.id },
      { action: 'case.participantRemove', actor_id: people.haichengClerk.id },
    ]);
  });

  it('lists my deadlines nearest first, paused after running, with the counts of both warnings', async () => {
    const c = people.haichengClerk.client;
    const all = await c.request('GET', '/api/deadlines/mine');
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    expect(body.counts).toEqual({ dueSoon: 1, overdue: 1 });
    // The overdue case's clock is still running (accepting does not stop it).
    expect(body.items.map((i: { caseId: string }) => i.caseId)).toEqual([
      cases.overdue,
      cases.dueSoon,
      cases.paused,
    ]);
    expect(body.items[0]).toMatchObject({
      caseTypeName: '示例申请',
      caseNo: '海城司援〔2026〕第1号',
      caseTitle: '张三申请法律援助',
      statusLabel: '已受理',
      ruleCode: 'legalAid.decide',
      standing: { state: 'overdue' },
    });
    expect(body.items[2]).toMatchObject({ status: 'paused', statusLabel: '待补正' });
    const soon = (await c.request('GET', '/api/deadlines/mine?filter=dueSoon')).json();
    expect(soon.items.map((i: { caseId: string }) => i.caseId)).toEqual([cases.dueSoon]);
    expect(soon.total).toBe(1);
    // The yinhai clerk handles only their own case.
    const yh = (await people.yinhaiClerk.client.request('GET', '/api/deadlines/mine')).json();
    expect(yh.items.map((i: { caseId: string }) => i.caseId)).toEqual([cases.yinhai]);
  });

  it('refuses a disabled account, counts registration days in Beihai time, and shows unknown types by code', async () => {
    const c = people.haichengClerk.client;
    const retired = await createStaff('hcold', '海城区退休人员', units.haicheng, ['countyStaff']);
    const version = (await q('select version from staff_user where id = $1', [retired.id]))[0]?.version;
    const disabled = await admin.request('PATCH', `/api/access/users/${retired.id}`, {
      version,
      status: 'disabled',
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const refused = await c.request('POST', `/api/cases/${cases.paused}/participants`, {
      accountId: retired.id,
      role: 'assistant',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('“海城区退休人员”的账号已停用，不能加入案件');

    // 00:30 on 03-03 in Beihai is still 03-02 in UTC: the list counts Beihai's day.
    clock.set(new Date('2026-03-03T00:30:00+08:00'));
    const late = await open('2026-03-03', '孙八申请法律援助', units.yinhai, []);
    await q('update case_record set created_at = $2 where id = $1', [late, '2026-03-03T00:30:00+08:00']);
    clock.set(atBeihai('2026-03-02'));
    const yh = people.yinhaiClerk.client;
    const on = async (query: string) => ids(await yh.request('GET', `/api/cases?pageSize=100&${query}`));
    expect(await on('createdFrom=2026-03-03')).toEqual([late]);
    expect(await on('createdTo=2026-03-02')).not.toContain(late);

    // A case of a type no longer registered (old data) is listed with its codes, without buttons.
    const old = '00000000-0000-4000-8000-0000000000aa';
    await q(
      `insert into case_record (id, case_type, status, competent_unit_id, receiving_unit_id, title, created_at, updated_at)
       values ($1, 'retired.thing', 'open', $2, $2, '旧系统案件', now(), now())`,
      [old, units.yinhai],
    );
    const listed = (await yh.request('GET', '/api/cases?type=retired.thing')).json().items;
    expect(listed).toEqual([
      expect.objectContaining({
        id: old,
        caseTypeName: 'retired.thing',
        statusLabel: 'open',
        statusTone: 'processing',
        deadline: null,
      }),
    ]);
    const page = (await yh.request('GET', `/api/cases/${old}`)).json();
    expect(page.transitions).toEqual([]);
  });

  it('does not let a citizen use the case pages', async () => {
    const phone = '13907790009';
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    const outbox = await t.app.inject({
      method: 'GET',
      url: `/api/test/outbox?recipient=${phone}&template=auth.otp`,
    });
    const code = /(\d{6})/.exec(outbox.json().messages[0]?.body ?? '')?.[1] ?? '';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(login.statusCode, login.body).toBe(200);
    const raw = login.headers['set-cookie'];
    const cookie = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0] ?? '';
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect((await get('/api/cases')).statusCode).toBe(403);
    expect((await get(`/api/cases/${cases.overdue}`)).statusCode).toBe(403);
    const mine = await get('/api/deadlines/mine');
    expect(mine.statusCode).toBe(403);
    expect(mine.json().message).toBe('该功能仅限工作人员使用');
  });
});
