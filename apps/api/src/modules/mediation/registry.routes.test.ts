import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStaffPrincipal } from '../../platform/access/principal-loader.ts';
import { fixedClock } from '../../platform/clock/clock.ts';
import { expandSubtrees } from '../../platform/org/org.repo.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { mediationModule } from './index.ts';

// 人民调解组织 over HTTP: committees (an org unit and its profile in one transaction), mediators with an
// encrypted phone and their training, studios and their progress, each limited to the caller's scope.
describe('mediation registry', () => {
  let t: TestApp;
  // 10:00 in Beihai on Monday 2023-07-10.
  const clock = fixedClock('2023-07-10T02:00:00Z');
  let haicheng: SessionClient; // 海城区司法局 (countyStaff)
  let hepu: SessionClient; // 合浦县司法局 (countyStaff)
  let office: SessionClient; // 海城区中街司法所 (officeStaff)
  let leader: SessionClient; // 局领导: reads the whole city
  let units: { city: number; haicheng: number; hepu: number; zhongjie: number; dongjie: number };
  let officeUserId: string;
  let mediatorAccountId: string;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
  const count = async (table: string) => Number((await q(`select count(*)::int as n from ${table}`))[0]?.n);

  const staff = async (username: string, unit: number, roleCodes: string[]) => {
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: username,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#2026mediate',
    });
    return { id: user.id as string, client: () => signIn(t.app, username, 'Beihai#2026mediate') };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [mediationModule] });
    units = {
      city: await unitId('北海市司法局'),
      haicheng: await unitId('海城区司法局'),
      hepu: await unitId('合浦县司法局'),
      zhongjie: await unitId('海城区中街司法所'),
      dongjie: await unitId('海城区东街司法所'),
    };
    haicheng = await (await staff('hcclerk', units.haicheng, ['countyStaff'])).client();
    hepu = await (await staff('hpclerk', units.hepu, ['countyStaff'])).client();
    const o = await staff('zjclerk', units.zhongjie, ['officeStaff']);
    officeUserId = o.id;
    office = await o.client();
    leader = await (await staff('leader1', units.city, ['leader'])).client();
  });
  afterAll(() => t?.close());

  const committeeBody = (over: Record<string, unknown> = {}) => ({
    parentId: units.zhongjie,
    kind: 'township',
    name: '北海市海城区中街街道人民调解委员会',
    servedAreas: ['百货社区', '和平社区'],
    latitude: 21.4821,
    longitude: 109.1183,
    phone: '0779-3022188',
    ...over,
  });

  let zhongjieCommittee: { id: number; version: number };

  describe('committees', () => {
    it('creates the org unit and its profile together; the town comes from the justice office', async () => {
      const res = await office.request('POST', '/api/mediation/committees', committeeBody());
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        name: '北海市海城区中街街道人民调解委员会',
        parentId: units.zhongjie,
        parentName: '海城区中街司法所',
        countyName: '海城区司法局',
        kind: 'township',
        industry: null,
        townCode: '450502001000',
        townName: '中街街道',
        servedAreas: ['百货社区', '和平社区'],
        mediatorCount: 0,
        openDisputes: 0,
        settledThisYear: 0,
        version: 1,
      });
      zhongjieCommittee = body;
      const [unit] = await q('select kind, parent_id, depth from org_unit where id = $1', [body.id]);
      expect(unit).toEqual({ kind: 'mediationCommittee', parent_id: units.zhongjie, depth: 3 });
      const audit = await q('select action from audit_log where entity_id = $1 order by id', [
        String(body.id),
      ]);
      expect(audit.map((a) => a.action)).toEqual(['org.unit.create', 'mediation.committee.create']);
    });

    it('puts industry committees under a bureau, with their field', async () => {
      const res = await haicheng.request('POST', '/api/mediation/committees', {
        parentId: units.haicheng,
        kind: 'industry',
        industry: 'enterprise',
        name: '海城区涉企纠纷人民调解委员会',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'industry', industry: 'enterprise', townCode: null });
    });

    it('refuses bad input in Chinese and writes nothing', async () => {
      const before = [await count('org_unit'), await count('mediation_committee')];
      const cases: [Record<string, unknown>, string][] = [
        [{ parentId: units.haicheng }, '村（居）、社区和乡镇（街道）调委会应设在所在乡镇（街道）的司法所下'],
        [
          { kind: 'industry', industry: 'tourism', name: '中街旅游纠纷人民调解委员会' },
          '行业性专业性调委会应设在县（区）司法局或市司法局下',
        ],
        [
          { parentId: units.haicheng, kind: 'industry', name: '海城区医疗纠纷人民调解委员会' },
          '行业性专业性调委会请选择行业类别',
        ],
        [{ name: '中街调解小组' }, '调委会名称应以“人民调解委员会”结尾'],
        [{ name: '' }, '请填写调委会名称'],
        [{ kind: 'hamlet' }, '请选择调委会类型'],
        [{ townCode: '4505' }, '乡镇（街道）代码应为 12 位数字'],
        [{ latitude: 21.5, longitude: null }, '经度和纬度应同时填写'],
        [{ phone: 'abc' }, '办公电话应为带区号的固定电话'],
        [
          {
            parentId: units.hepu,
            kind: 'industry',
            industry: 'enterprise',
            name: '合浦县涉企纠纷人民调解委员会',
          },
          '上级单位不存在或不在您的数据范围内',
        ],
      ];
      for (const [over, message] of cases) {
        const client = over.kind === 'industry' || over.parentId === units.haicheng ? haicheng : office;
        const res = await client.request('POST', '/api/mediation/committees', committeeBody(over));
        expect(res.statusCode, JSON.stringify(over)).toBe(400);
        expect(res.body).toContain(message);
      }
      const dup = await office.request('POST', '/api/mediation/committees', committeeBody());
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toBe('同一上级单位下已有同名的机构，请换一个名称');
      expect([await count('org_unit'), await count('mediation_committee')]).toEqual(before);
    });

    it('creates the unit and the profile atomically: a failure after the unit leaves no unit', async () => {
      const registry = moduleServices(t.services, mediationModule).registry;
      const loaded = await loadStaffPrincipal(
        t.database.db,
        expandSubtrees,
        officeUserId,
        crypto.randomUUID(),
      );
      const ctx = { principal: loaded?.principal ?? null, ip: '127.0.0.1', requestId: 'test' };
      const before = await count('org_unit');
      // Past the route's checks, a latitude the numeric(9,6) column cannot hold fails the profile's insert.
      await expect(
        registry.createCommittee(
          ctx,
          committeeBody({
            name: '北海市海城区中街街道和平社区人民调解委员会',
            kind: 'community',
            latitude: 12345.5,
            longitude: 109,
          }) as never,
        ),
      ).rejects.toThrow();
      expect(await count('org_unit')).toBe(before);
      expect(
        await q('select id from org_unit where name = $1', ['北海市海城区中街街道和平社区人民调解委员会']),
      ).toEqual([]);
    });

    it('lists with counts and filters, each caller within their scope', async () => {
      const dongjie = await haicheng.request(
        'POST',
        '/api/mediation/committees',
        committeeBody({ parentId: units.dongjie, name: '北海市海城区东街街道人民调解委员会' }),
      );
      expect(dongjie.statusCode, dongjie.body).toBe(201);
      // Two disputes at 中街: one being mediated, one settled this year (its outcome day in 2023).
      const now = new Date('2023-07-01T02:00:00Z');
      for (const [status, outcomeOn] of [
        ['mediating', null],
        ['settled', '2023-06-30'],
        ['settled', '2022-12-30'],
      ] as const) {
        const id = crypto.randomUUID();
        await q(
          `insert into case_record (id, case_type, status, competent_unit_id, receiving_unit_id, title, created_at, updated_at)
           values ($1, 'mediation.dispute', $2, $3, $3, '邻里纠纷', $4, $4)`,
          [id, status, zhongjieCommittee.id, now],
        );
        await q(
          `insert into mediation_dispute (case_id, source, kind, facts, fingerprint, outcome, outcome_on, created_at, updated_at)
           values ($1::uuid, 'walkIn', 'neighbour', '排水沟堵塞', $1::text, $2, $3, $4, $4)`,
          [id, outcomeOn ? 'settled' : null, outcomeOn, now],
        );
      }
      const all = await haicheng.request('GET', '/api/mediation/committees');
      expect(all.statusCode, all.body).toBe(200);
      const names = all.json().items.map((c: { name: string }) => c.name);
      expect(names).toHaveLength(3);
      const zj = all.json().items.find((c: { id: number }) => c.id === zhongjieCommittee.id);
      expect(zj).toMatchObject({ openDisputes: 1, settledThisYear: 1 });

      const townships = await haicheng.request(
        'GET',
        '/api/mediation/committees?kind=township&townCode=450502002000',
      );
      expect(townships.json().items.map((c: { name: string }) => c.name)).toEqual([
        '北海市海城区东街街道人民调解委员会',
      ]);
      const industry = await haicheng.request('GET', '/api/mediation/committees?industry=enterprise');
      expect(industry.json().items).toHaveLength(1);
      const byCounty = await leader.request('GET', `/api/mediation/committees?countyId=${units.hepu}`);
      expect(byCounty.json().items).toEqual([]);
      // The office sees its own committee only; 合浦 sees none of 海城's.
      expect((await office.request('GET', '/api/mediation/committees')).json().items).toHaveLength(1);
      expect((await hepu.request('GET', '/api/mediation/committees')).json().items).toEqual([]);
      const bad = await haicheng.request('GET', '/api/mediation/committees?kind=hamlet');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('调委会类型不正确');
    });

    it("another county's committee is not found, on read and on write", async () => {
      const id = zhongjieCommittee.id;
      expect((await hepu.request('GET', `/api/mediation/committees/${id}`)).statusCode).toBe(404);
      const put = await hepu.request('PUT', `/api/mediation/committees/${id}`, {
        ...committeeBody(),
        version: 1,
      });
      expect(put.statusCode).toBe(404);
      expect((await haicheng.request('GET', `/api/mediation/committees/${id}`)).statusCode).toBe(200);
    });

    it('edits with the version read (stale → 409), renaming the unit too', async () => {
      const id = zhongjieCommittee.id;
      const change = { ...committeeBody({ address: '北海市海城区中山东路100号' }), version: 1 };
      const ok = await office.request('PUT', `/api/mediation/committees/${id}`, change);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        version: 2,
        address: '北海市海城区中山东路100号',
        townCode: '450502001000',
      });
      const stale = await office.request('PUT', `/api/mediation/committees/${id}`, change);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().message).toBe('该记录已被他人修改，请刷新后重试');
      // The name is the org unit's: renaming renames the unit (audited), and back.
      const renamed = await office.request('PUT', `/api/mediation/committees/${id}`, {
        ...change,
        name: '北海市海城区中街人民调解委员会',
        version: 2,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect((await q('select name from org_unit where id = $1', [id]))[0]?.name).toBe(
        '北海市海城区中街人民调解委员会',
      );
      expect(
        await q('select action from audit_log where action = $1 and entity_id = $2', [
          'org.unit.rename',
          String(id),
        ]),
      ).toHaveLength(1);
      const back = await office.request('PUT', `/api/mediation/committees/${id}`, { ...change, version: 3 });
      expect(back.json().name).toBe('北海市海城区中街街道人民调解委员会');
    });

    it('needs manageRegistry to write and readRegistry to read', async () => {
      const res = await leader.request(
        'POST',
        '/api/mediation/committees',
        committeeBody({ name: '北海市海城区中街街道新风社区人民调解委员会', kind: 'community' }),
      );
      expect(res.statusCode).toBe(403);
      expect((await leader.request('GET', '/api/mediation/committees')).statusCode).toBe(200);
      const m = await staff('mediator1', zhongjieCommittee.id, ['mediator']);
      mediatorAccountId = m.id;
      expect((await (await m.client()).request('GET', '/api/mediation/committees')).statusCode).toBe(403);
    });

    it('a committee sees only itself', async () => {
      const c = await (
        await staff('zjcommittee', zhongjieCommittee.id, ['mediationCommitteeStaff'])
      ).client();
      const list = await c.request('GET', '/api/mediation/committees');
      expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([zhongjieCommittee.id]);
    });
  });

  describe('mediators and training', () => {
    const mediatorBody = (over: Record<string, unknown> = {}) => ({
      unitId: zhongjieCommittee.id,
      name: '陈海明',
      gender: 'male',
      phone: '139 7701 5678',
      employment: 'fullTime',
      specialties: ['neighbour', 'marriageFamily'],
      position: '主任',
      joinedOn: '2015-03-01',
      ...over,
    });
    const ids: Record<string, string> = {};

    it('registers a mediator with the phone encrypted and masked, linked to an account', async () => {
      const res = await office.request(
        'POST',
        '/api/mediation/mediators',
        mediatorBody({ staffUserId: mediatorAccountId }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        unitName: '北海市海城区中街街道人民调解委员会',
        phoneMasked: '139****5678',
        staffUsername: 'mediator1',
        employment: 'fullTime',
        needsTraining: true,
        trainingHours: 0,
      });
      ids.chen = body.id;
      const rows = await q('select * from mediator where id = $1', [body.id]);
      expect(JSON.stringify(rows)).not.toContain('13977015678');
      expect(String(rows[0]?.phone_enc)).not.toBe('');
      const audits = await q('select before, after from audit_log where entity_id = $1', [body.id]);
      expect(JSON.stringify(audits)).not.toContain('13977015678');
      const list = await office.request('GET', '/api/mediation/mediators');
      expect(list.body).not.toContain('13977015678');
      const committee = await office.request('GET', `/api/mediation/committees/${zhongjieCommittee.id}`);
      expect(committee.json().mediatorCount).toBe(1);
    });

    it('reveals the phone to those who may, audited', async () => {
      const res = await haicheng.request('POST', `/api/mediation/mediators/${ids.chen}/reveal-phone`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ phone: '13977015678' });
      const audit = await q('select action from audit_log where action = $1 and entity_id = $2', [
        'personalData.reveal',
        ids.chen,
      ]);
      expect(audit).toHaveLength(1);
      expect(
        (await leader.request('POST', `/api/mediation/mediators/${ids.chen}/reveal-phone`)).statusCode,
      ).toBe(403);
      expect(
        (await hepu.request('POST', `/api/mediation/mediators/${ids.chen}/reveal-phone`)).statusCode,
      ).toBe(404);
    });

    it('refuses bad input in Chinese and writes nothing', async () => {
      const before = await count('mediator');
      const cases: [Record<string, unknown>, string][] = [
        [{ phone: '12345' }, '联系电话应为 11 位手机号码'],
        [{ employment: 'volunteer' }, '请选择专职或兼职'],
        [{ specialties: ['gossip'] }, '擅长纠纷类型不正确'],
        [{ status: 'left' }, '已离任的调解员请填写离任日期'],
        [{ joinedOn: '2024-01-01' }, '聘任日期不能晚于今天'],
        [{ staffUserId: mediatorAccountId }, '该账号已关联其他调解员'],
        [{ staffUserId: officeUserId }, '不是调解员（调委会）账号'],
        [{ unitId: units.zhongjie }, '所在调委会不存在或不在您的数据范围内'],
      ];
      for (const [over, message] of cases) {
        const res = await office.request('POST', '/api/mediation/mediators', mediatorBody(over));
        expect(res.statusCode, JSON.stringify(over)).toBe(400);
        expect(res.body).toContain(message);
      }
      expect(await count('mediator')).toBe(before);
    });

    it('scope on read and write, stale version 409', async () => {
      expect((await hepu.request('GET', `/api/mediation/mediators/${ids.chen}`)).statusCode).toBe(404);
      const view = (await office.request('GET', `/api/mediation/mediators/${ids.chen}`)).json();
      const body = {
        ...mediatorBody({ staffUserId: mediatorAccountId, position: '调解员' }),
        version: view.version,
      };
      delete (body as { phone?: string }).phone;
      expect((await hepu.request('PUT', `/api/mediation/mediators/${ids.chen}`, body)).statusCode).toBe(404);
      const ok = await office.request('PUT', `/api/mediation/mediators/${ids.chen}`, body);
      expect(ok.statusCode, ok.body).toBe(200);
      // No phone in the body: the stored one stays.
      expect(ok.json()).toMatchObject({ position: '调解员', phoneMasked: '139****5678', version: 2 });
      expect((await office.request('PUT', `/api/mediation/mediators/${ids.chen}`, body)).statusCode).toBe(
        409,
      );
    });

    it('records training with hours per year; "needs training" lists who had none in 12 months', async () => {
      const add = (id: string, over: Record<string, unknown>) =>
        office.request('POST', `/api/mediation/mediators/${id}/trainings`, {
          heldOn: '2023-03-16',
          topic: '人民调解员业务能力提升培训',
          organiser: '北海市海城区司法局',
          hours: 8,
          certificateNo: '北司调培〔2023〕0001',
          ...over,
        });
      expect((await add(ids.chen as string, {})).statusCode).toBe(201);
      expect(
        (await add(ids.chen as string, { heldOn: '2023-05-23', hours: 4.5, certificateNo: null })).statusCode,
      ).toBe(201);
      const made = async (name: string, over: Record<string, unknown> = {}) => {
        const res = await office.request(
          'POST',
          '/api/mediation/mediators',
          mediatorBody({ name, phone: null, employment: 'partTime', ...over }),
        );
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };
      ids.huang = await made('黄丽华');
      ids.li = await made('李志强');
      ids.gone = await made('梁德荣', { status: 'left', leftOn: '2023-06-30' });
      // 2022-07-09 is not within the 12 months before 2023-07-10; 2022-07-11 is.
      expect((await add(ids.huang, { heldOn: '2022-07-09' })).statusCode).toBe(201);
      expect((await add(ids.li, { heldOn: '2022-07-11', hours: 3 })).statusCode).toBe(201);

      const bad = await add(ids.li, { hours: 0, heldOn: '2023-07-11' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('培训学时应大于 0');
      const future = await add(ids.li, { heldOn: '2023-07-11' });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('培训日期不能晚于今天');
      expect(
        (
          await hepu.request('POST', `/api/mediation/mediators/${ids.li}/trainings`, {
            heldOn: '2023-03-16',
            topic: 'x',
            organiser: 'y',
            hours: 2,
          })
        ).statusCode,
      ).toBe(404);

      const needs = await office.request('GET', '/api/mediation/mediators?needsTraining=true');
      expect(needs.statusCode, needs.body).toBe(200);
      expect(needs.json().items.map((m: { name: string }) => m.name)).toEqual(['黄丽华']);
      expect(needs.json().trainingWindowMonths).toBe(12);
      const all = (await office.request('GET', '/api/mediation/mediators')).json().items as {
        name: string;
        trainingHours: number;
        needsTraining: boolean;
      }[];
      const byName = (items: typeof all) =>
        Object.fromEntries(items.map((m) => [m.name, [m.trainingHours, m.needsTraining]]));
      expect(byName(all)).toEqual({
        陈海明: [12.5, false],
        黄丽华: [0, true],
        李志强: [0, false],
        梁德荣: [0, false],
      });
      const of2022 = (await office.request('GET', '/api/mediation/mediators?trainingYear=2022')).json().items;
      expect(byName(of2022)).toEqual({
        陈海明: [0, false],
        黄丽华: [8, true],
        李志强: [3, false],
        梁德荣: [0, false],
      });
      // A year on, nobody trained in 2022 counts as recent.
      const later = await office.request(
        'GET',
        '/api/mediation/mediators?needsTraining=true&asOf=2024-05-24',
      );
      expect(
        later
          .json()
          .items.map((m: { name: string }) => m.name)
          .sort(),
      ).toEqual(['李志强', '陈海明', '黄丽华']);

      const trainings = await office.request('GET', `/api/mediation/mediators/${ids.chen}/trainings`);
      expect(trainings.statusCode).toBe(200);
      expect(trainings.json().hoursByYear).toEqual({ 2023: 12.5 });
      expect(trainings.json().items.map((x: { heldOn: string }) => x.heldOn)).toEqual([
        '2023-05-23',
        '2023-03-16',
      ]);
    });
  });

  describe('studios', () => {
    let studioIds: string[] = [];

    it('plans studios, marks one created, and shows the progress', async () => {
      const lead = (await office.request('GET', '/api/mediation/mediators?name=陈海明')).json().items[0];
      studioIds = [];
      for (const name of ['老陈调解工作室', '和为贵人民调解工作室', '海角邻里调解工作室']) {
        const res = await haicheng.request('POST', '/api/mediation/studios', {
          name,
          unitId: zhongjieCommittee.id,
          leadMediatorId: name === '老陈调解工作室' ? lead.id : null,
          specialty: '邻里纠纷',
          targetDate: '2023-12-31',
        });
        expect(res.statusCode, res.body).toBe(201);
        studioIds.push(res.json().id);
      }
      const dup = await haicheng.request('POST', '/api/mediation/studios', {
        name: '老陈调解工作室',
        unitId: zhongjieCommittee.id,
      });
      expect(dup.statusCode).toBe(409);
      const badHost = await haicheng.request('POST', '/api/mediation/studios', {
        name: '合浦工作室',
        unitId: units.hepu,
      });
      expect(badHost.statusCode).toBe(400);
      expect(badHost.body).toContain('依托单位不存在或不在您的数据范围内');

      let list = await haicheng.request('GET', '/api/mediation/studios');
      expect(list.json().progress).toEqual({ planned: 3, created: 0 });
      expect(
        list.json().items.find((s: { name: string }) => s.name === '老陈调解工作室').leadMediatorName,
      ).toBe('陈海明');

      const first = list.json().items.find((s: { id: string }) => s.id === studioIds[0]);
      const future = await haicheng.request('POST', `/api/mediation/studios/${first.id}/created`, {
        version: first.version,
        createdOn: '2023-08-01',
      });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('建成日期不能晚于今天');
      const done = await haicheng.request('POST', `/api/mediation/studios/${first.id}/created`, {
        version: first.version,
        createdOn: '2023-07-08',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'created', createdOn: '2023-07-08', version: 2 });
      const stale = await haicheng.request('POST', `/api/mediation/studios/${first.id}/created`, {
        version: first.version,
        createdOn: '2023-07-08',
      });
      expect(stale.statusCode).toBe(409);
      list = await haicheng.request('GET', '/api/mediation/studios');
      expect(list.json().progress).toEqual({ planned: 3, created: 1 });
      expect(
        (await haicheng.request('GET', '/api/mediation/studios?status=planned')).json().items,
      ).toHaveLength(2);
      expect((await hepu.request('GET', '/api/mediation/studios')).json()).toEqual({
        items: [],
        progress: { planned: 0, created: 0 },
      });
      expect(
        (
          await hepu.request('PUT', `/api/mediation/studios/${studioIds[1]}`, {
            name: 'x',
            unitId: units.hepu,
            version: 1,
          })
        ).statusCode,
      ).toBe(404);
    });

    it('mediation.studios: planned and created as of the day', async () => {
      const at = async (to: string) => {
        const res = await leader.request(
          'GET',
          `/api/metrics/mediation.studios?from=2023-01-01&to=${to}&records=1`,
        );
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      };
      expect((await at('2023-07-10')).value).toEqual({ planned: 3, created: 1 });
      // Planned in the platform on 10 July; the one created on the 8th counts from its creation day.
      const eve = await at('2023-07-09');
      expect(eve.value).toEqual({ planned: 1, created: 1 });
      expect(eve.records.created).toEqual([studioIds[0]]);
      expect((await at('2023-06-30')).value).toEqual({ planned: 0, created: 0 });
    });
  });
});
