import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { legalAidModule } from './index.ts';

const H1 = 'from=2023-01-01&to=2023-06-30';

// 法律援助登记 over HTTP: lawyers, roster, workstations, teams and consultations, each metric over records at
// fixed dates in and out of the first half of 2023, a county centre's clerk counting only their county.
describe('legal-aid registries', () => {
  let t: TestApp;
  // 10:00 in Beihai on Monday 2023-07-10.
  const clock = fixedClock('2023-07-10T02:00:00Z');
  let hepu: SessionClient; // 合浦县法律援助中心
  let city: SessionClient; // 北海市法律援助中心
  let leader: SessionClient; // 局领导: the whole city
  let units: { hepu: number; city: number; haicheng: number };
  let lawyerAccountId: string;
  let plainAccountId: string;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  let seq = 0;
  const licence = () => `14505202310${String(++seq).padStart(6, '0')}`;

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [legalAidModule] });
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    units = {
      hepu: await unitId('合浦县法律援助中心'),
      city: await unitId('北海市法律援助中心'),
      haicheng: await unitId('海城区法律援助中心'),
    };
    const cityBureau = await unitId('北海市司法局');
    const staff = async (username: string, unit: number, roleCodes: string[]) => {
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
        newPassword: 'Beihai#2026legal',
      });
      return { id: user.id as string, client: () => signIn(t.app, username, 'Beihai#2026legal') };
    };
    hepu = await (await staff('hpclerk', units.hepu, ['legalAidStaff'])).client();
    city = await (await staff('cityclerk', units.city, ['legalAidStaff'])).client();
    leader = await (await staff('leader1', cityBureau, ['leader'])).client();
    lawyerAccountId = (await staff('lawyer1', units.hepu, ['lawyer'])).id;
    plainAccountId = (await staff('plain1', units.hepu, ['countyStaff'])).id;
  });
  afterAll(() => t?.close());

  const lawyerBody = (over: Record<string, unknown> = {}) => ({
    unitId: units.hepu,
    name: '陈海明',
    lawFirm: '广西海合律师事务所',
    licenceNumber: licence(),
    practiceStartDate: '2015-04-01',
    specialties: ['labourDispute', 'wageArrears'],
    registeredOn: '2023-03-01',
    ...over,
  });

  const metric = async (client: SessionClient, name: string, query = H1) => {
    const res = await client.request('GET', `/api/metrics/${name}?${query}&records=1`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { value: number; records: string[] };
  };

  describe('lawyers', () => {
    it('registers a lawyer linked to a lawyer account, with years of practice, audited', async () => {
      const res = await hepu.request(
        'POST',
        '/api/legal-aid/lawyers',
        lawyerBody({ staffUserId: lawyerAccountId }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        name: '陈海明',
        unitName: '合浦县法律援助中心',
        staffUsername: 'lawyer1',
        // 2015-04-01 → 2023-07-10: eight full years.
        practiceYears: 8,
        availableToday: true,
        version: 1,
      });
      const audit = await q('select action, entity_id from audit_log where action = $1', [
        'legalAid.lawyer.create',
      ]);
      expect(audit).toEqual([{ action: 'legalAid.lawyer.create', entity_id: body.id }]);
    });

    it('lists the lawyer accounts in scope for linking', async () => {
      const res = await hepu.request('GET', '/api/legal-aid/lawyer-accounts');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((a: { username: string }) => a.username)).toEqual(['lawyer1']);
      expect((await city.request('GET', '/api/legal-aid/lawyer-accounts')).json().items).toEqual([]);
    });

    it('refuses bad input in Chinese and writes nothing', async () => {
      const before = await q('select count(*)::int as n from legal_aid_lawyer');
      const cases: [Record<string, unknown>, string][] = [
        [{ licenceNumber: '1450520231' }, '执业证号应为 17 位数字'],
        [{ name: '' }, '请填写姓名'],
        [{ practiceStartDate: '2023-02-30' }, '执业开始日期不是有效日期'],
        [{ practiceStartDate: '2024-01-01' }, '执业开始日期不能晚于今天'],
        [{ proBonoFrom: '2023-05-01', proBonoTo: '2023-04-01' }, '公益值班岗结束日期不能早于开始日期'],
        [{ staffUserId: plainAccountId }, '关联账号不存在或不是律师账号'],
        [{ staffUserId: lawyerAccountId }, '该账号已关联其他律师'],
        [{ unitId: units.city }, '所属单位不存在或不在您的数据范围内'],
        [
          { unavailable: [{ from: '2023-05-10', to: '2023-05-01', reason: '休假' }] },
          '不可指派结束日期不能早于开始日期',
        ],
      ];
      for (const [over, message] of cases) {
        const res = await hepu.request('POST', '/api/legal-aid/lawyers', lawyerBody(over));
        expect(res.statusCode, JSON.stringify(over)).toBe(400);
        expect(res.body).toContain(message);
      }
      const taken = (await q('select licence_number from legal_aid_lawyer limit 1'))[0]?.licence_number;
      const dup = await hepu.request('POST', '/api/legal-aid/lawyers', lawyerBody({ licenceNumber: taken }));
      expect(dup.statusCode).toBe(400);
      expect(dup.json().message).toBe('该执业证号已在律师库中登记');
      expect(await q('select count(*)::int as n from legal_aid_lawyer')).toEqual(before);
    });

    it('updates with the version read (stale → 409), and records unavailability', async () => {
      const created = (
        await hepu.request('POST', '/api/legal-aid/lawyers', lawyerBody({ name: '黄丽华' }))
      ).json();
      const change = {
        ...lawyerBody({ name: '黄丽华', licenceNumber: created.licenceNumber }),
        unavailable: [{ from: '2023-07-01', to: '2023-07-31', reason: '产假' }],
        version: 1,
      };
      const ok = await hepu.request('PUT', `/api/legal-aid/lawyers/${created.id}`, change);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ version: 2, availableToday: false });
      const stale = await hepu.request('PUT', `/api/legal-aid/lawyers/${created.id}`, change);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().message).toBe('该记录已被他人修改，请刷新后重试');
      const audit = await q('select before, after from audit_log where action = $1 and entity_id = $2', [
        'legalAid.lawyer.update',
        created.id,
      ]);
      expect(audit).toHaveLength(1);
    });

    it("another centre's clerk does not find the county's lawyer", async () => {
      const [row] = await q('select id from legal_aid_lawyer limit 1');
      expect((await city.request('GET', `/api/legal-aid/lawyers/${row?.id}`)).statusCode).toBe(404);
      expect((await city.request('GET', '/api/legal-aid/lawyers')).json().items).toEqual([]);
      expect((await hepu.request('GET', `/api/legal-aid/lawyers/${row?.id}`)).statusCode).toBe(200);
    });

    it('lawyer standings: Art. 26 years, availability and duty for the assignment step', async () => {
      const junior = (
        await hepu.request(
          'POST',
          '/api/legal-aid/lawyers',
          lawyerBody({ name: '李新', practiceStartDate: '2021-09-01' }),
        )
      ).json();
      const service = moduleServices(t.services, legalAidModule).registry;
      const standings = await service.lawyerStandings(t.database.db, [units.hepu], '2023-07-10');
      const byName = new Map(standings.map((s) => [s.name, s]));
      expect(byName.get('李新')).toMatchObject({ id: junior.id, practiceYears: 1, meetsArticle26: false });
      expect(byName.get('陈海明')).toMatchObject({ meetsArticle26: true, available: true });
      expect(byName.get('黄丽华')).toMatchObject({
        available: false,
        unavailableReason: '不可指派：产假（2023-07-01 至 2023-07-31）',
      });
    });
  });

  describe('metrics over fixed dates', () => {
    beforeAll(async () => {
      const lawyer = async (
        unit: number,
        name: string,
        registeredOn: string,
        extra: Record<string, unknown> = {},
      ) => {
        const res = await (unit === units.hepu ? hepu : city).request(
          'POST',
          '/api/legal-aid/lawyers',
          lawyerBody({ unitId: unit, name, registeredOn, ...extra }),
        );
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };
      // Recruited: 陈海明, 黄丽华, 李新 above (2023-03-01, 合浦) are in the period; these test the edges.
      const cityIn = await lawyer(units.city, '周文', '2023-01-01', { proBonoFrom: '2023-06-30' });
      const cityOut = await lawyer(units.city, '吴强', '2022-12-31', { proBonoFrom: '2022-12-01' });
      const hepuLate = await lawyer(units.hepu, '郑敏', '2023-07-01', {
        proBonoFrom: '2023-01-01',
        proBonoTo: '2023-03-01',
      });
      const duty = async (
        client: SessionClient,
        unit: number,
        lawyerId: string,
        from: string,
        to: string,
      ) => {
        const res = await client.request('POST', '/api/legal-aid/duty-roster', {
          unitId: unit,
          lawyerId,
          place: '合浦县人民法院',
          from,
          to,
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      // Covering 30 June: cityIn (twice: one person), hepuLate; ended before: cityOut; starts after: none.
      await duty(city, units.city, cityIn, '2023-06-01', '2023-06-30');
      await duty(city, units.city, cityIn, '2023-06-15', '2023-07-15');
      await duty(city, units.city, cityOut, '2023-01-01', '2023-06-29');
      await duty(hepu, units.hepu, hepuLate, '2023-06-30', '2023-12-31');
      await duty(city, units.city, cityOut, '2023-07-01', '2023-07-31');

      const station = async (client: SessionClient, unit: number, name: string, openedOn: string) => {
        const res = await client.request('POST', '/api/legal-aid/workstations', {
          unitId: unit,
          name,
          hostName: name.replace('法律援助工作站', ''),
          openedOn,
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };
      await station(city, units.city, '武警北海支队法律援助工作站', '2023-03-15');
      await station(city, units.city, '北海海警局法律援助工作站', '2023-06-30');
      await station(hepu, units.hepu, '合浦县看守所法律援助工作站', '2022-11-01');
      await station(hepu, units.hepu, '合浦县人民法院法律援助工作站', '2023-07-01');

      const team = async (
        client: SessionClient,
        unit: number,
        name: string,
        setUpOn: string,
        dissolvedOn?: string,
      ) => {
        const res = await client.request('POST', '/api/legal-aid/support-teams', {
          unitId: unit,
          name,
          memberIds: unit === units.city ? [cityIn, cityOut] : [hepuLate],
          setUpOn,
          ...(dissolvedOn ? { dissolvedOn } : {}),
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      await team(city, units.city, '农民工讨薪法律援助支援队', '2022-05-01');
      await team(city, units.city, '未成年人法律援助支援队', '2023-06-30');
      await team(city, units.city, '已撤销的队伍', '2022-01-01', '2023-06-30');
      await team(hepu, units.hepu, '合浦县乡村振兴法律援助支援队', '2023-02-01');
      await team(hepu, units.hepu, '下半年组建的队伍', '2023-07-01');

      const consult = async (client: SessionClient, consultedAt: string) => {
        const res = await client.request('POST', '/api/legal-aid/consultations', {
          channel: 'hotline',
          consultedAt,
          personName: '梁秀英',
          topic: 'wageArrears',
          summary: '工地拖欠三个月工资，询问如何申请法律援助',
          outcome: 'referredToApplication',
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      await consult(hepu, '2023-01-01T00:00:00+08:00');
      await consult(hepu, '2023-06-30T23:30:00+08:00');
      await consult(hepu, '2022-12-31T23:59:00+08:00');
      await consult(hepu, '2023-07-01T00:05:00+08:00');
      await consult(city, '2023-03-08T09:00:00+08:00');
    });

    it('legalAid.consultations: records in the period by consultation time in Beihai, scoped', async () => {
      expect((await metric(leader, 'legalAid.consultations')).value).toBe(3);
      const county = await metric(hepu, 'legalAid.consultations');
      expect(county.value).toBe(2);
      const ids = (await q('select id from legal_aid_consultation where unit_id = $1', [units.hepu])).map(
        (r) => r.id,
      );
      for (const id of county.records) expect(ids).toContain(id);
      expect((await metric(city, 'legalAid.consultations')).value).toBe(1);
    });

    it('legalAid.newLawyersRecruited: registered for legal-aid work within the period', async () => {
      // 合浦: 陈海明, 黄丽华, 李新 (2023-03-01); not 郑敏 (2023-07-01). City: 周文 (2023-01-01), not 吴强.
      expect((await metric(leader, 'legalAid.newLawyersRecruited')).value).toBe(4);
      expect((await metric(hepu, 'legalAid.newLawyersRecruited')).value).toBe(3);
      expect((await metric(city, 'legalAid.newLawyersRecruited')).value).toBe(1);
    });

    it('legalAid.proBonoDutyLawyers: took up the pro-bono duty post within the period', async () => {
      // 周文 (city, 2023-06-30) and 郑敏 (合浦, 2023-01-01); not 吴强 (2022-12-01).
      expect((await metric(leader, 'legalAid.proBonoDutyLawyers')).value).toBe(2);
      expect((await metric(hepu, 'legalAid.proBonoDutyLawyers')).value).toBe(1);
    });

    it('legalAid.dutyLawyers: distinct lawyers with an entry covering `to`', async () => {
      const all = await metric(leader, 'legalAid.dutyLawyers');
      expect(all.value).toBe(2);
      expect((await metric(hepu, 'legalAid.dutyLawyers')).value).toBe(1);
      expect((await metric(city, 'legalAid.dutyLawyers')).value).toBe(1);
      // As of 2023-06-29 吴强's first entry still covers the day and 郑敏's has not begun; on 10 July all three.
      expect((await metric(leader, 'legalAid.dutyLawyers', `${H1}&asOf=2023-06-29`)).value).toBe(2);
      expect((await metric(leader, 'legalAid.dutyLawyers', 'from=2023-07-01&to=2023-07-10')).value).toBe(3);
    });

    it('legalAid.workstationsOpened: opened within the period', async () => {
      expect((await metric(leader, 'legalAid.workstationsOpened')).value).toBe(2);
      expect((await metric(hepu, 'legalAid.workstationsOpened')).value).toBe(0);
      expect((await metric(city, 'legalAid.workstationsOpened')).value).toBe(2);
    });

    it('legalAid.supportTeams: set up and not dissolved as of `to`', async () => {
      expect((await metric(leader, 'legalAid.supportTeams')).value).toBe(3);
      expect((await metric(hepu, 'legalAid.supportTeams')).value).toBe(1);
      expect((await metric(city, 'legalAid.supportTeams')).value).toBe(2);
    });
  });

  describe('consultations', () => {
    it('keeps the phone encrypted and lists masks; audited without the full name', async () => {
      const res = await hepu.request('POST', '/api/legal-aid/consultations', {
        channel: 'counter',
        personName: '庞志强',
        phone: '139 0779 0123',
        topic: 'workInjury',
        summary: '工伤认定后单位不支付工伤待遇',
        outcome: 'referredElsewhere',
        referredTo: '合浦县劳动人事争议仲裁委员会',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        personNameMasked: '庞**',
        phoneMasked: '139****0123',
        consultedAt: '2023-07-10T02:00:00.000Z',
        handledByName: 'hpclerk',
        unitName: '合浦县法律援助中心',
      });
      const [row] = await q('select person_name, phone_enc from legal_aid_consultation where id = $1', [
        body.id,
      ]);
      expect(row?.phone_enc).not.toContain('13907790123');
      const list = await hepu.request('GET', '/api/legal-aid/consultations?from=2023-07-10&to=2023-07-10');
      expect(list.json()).toMatchObject({ total: 1, items: [{ id: body.id, phoneMasked: '139****0123' }] });
      expect(list.body).not.toContain('13907790123');
      expect(list.body).not.toContain('庞志强');
      const [audit] = await q('select after from audit_log where action = $1 and entity_id = $2', [
        'legalAid.consultation.create',
        body.id,
      ]);
      expect(JSON.stringify(audit?.after)).not.toContain('志强');
    });

    it('refuses incomplete entries in Chinese', async () => {
      const base = {
        channel: 'counter',
        personName: '梁秀英',
        topic: 'family',
        summary: '离婚财产分割',
        outcome: 'answered',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ outcome: 'referredElsewhere' }, '请填写转往的单位'],
        [{ channel: 'station' }, '请选择接待的工作站'],
        [{ channel: 'fax' }, '请选择咨询方式'],
        [{ summary: ' ' }, '请填写咨询内容'],
        [{ phone: '12345' }, '联系电话应为 11 位手机号码'],
        [{ consultedAt: '2023-07-11T09:00:00+08:00' }, '咨询时间不能晚于现在'],
      ];
      const before = await q('select count(*)::int as n from legal_aid_consultation');
      for (const [over, message] of cases) {
        const res = await hepu.request('POST', '/api/legal-aid/consultations', { ...base, ...over });
        expect(res.statusCode, JSON.stringify(over)).toBe(400);
        expect(res.body).toContain(message);
      }
      expect(await q('select count(*)::int as n from legal_aid_consultation')).toEqual(before);
    });

    it('corrects and deletes with the version; out of scope is 404', async () => {
      const created = (
        await hepu.request('POST', '/api/legal-aid/consultations', {
          channel: 'online',
          personName: '梁秀英',
          topic: 'family',
          summary: '离婚财产分割',
          outcome: 'answered',
        })
      ).json();
      // Name and phone not sent: kept (the list shows only their masks).
      const put = await hepu.request('PUT', `/api/legal-aid/consultations/${created.id}`, {
        channel: 'online',
        topic: 'maintenance',
        summary: '子女不支付赡养费',
        outcome: 'answered',
        version: 1,
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({
        topic: 'maintenance',
        version: 2,
        consultedAt: created.consultedAt,
        personNameMasked: created.personNameMasked,
      });
      expect(
        (await q('select person_name from legal_aid_consultation where id = $1', [created.id]))[0],
      ).toEqual({
        person_name: '梁秀英',
      });
      expect(
        (await city.request('DELETE', `/api/legal-aid/consultations/${created.id}?version=2`)).statusCode,
      ).toBe(404);
      expect(
        (await hepu.request('DELETE', `/api/legal-aid/consultations/${created.id}?version=1`)).statusCode,
      ).toBe(409);
      expect(
        (await hepu.request('DELETE', `/api/legal-aid/consultations/${created.id}?version=2`)).statusCode,
      ).toBe(204);
      const actions = (
        await q('select action from audit_log where entity_id = $1 order by id', [created.id])
      ).map((r) => r.action);
      expect(actions).toEqual([
        'legalAid.consultation.create',
        'legalAid.consultation.update',
        'legalAid.consultation.delete',
      ]);
    });
  });

  it('duty roster needs a place or a workstation, and an in-scope lawyer', async () => {
    const [lawyer] = await q('select id from legal_aid_lawyer where unit_id = $1 limit 1', [units.hepu]);
    const noPlace = await hepu.request('POST', '/api/legal-aid/duty-roster', {
      unitId: units.hepu,
      lawyerId: lawyer?.id,
      from: '2023-08-01',
      to: '2023-08-31',
    });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.body).toContain('请选择值班工作站或填写值班地点');
    const foreign = await city.request('POST', '/api/legal-aid/duty-roster', {
      unitId: units.city,
      lawyerId: lawyer?.id,
      place: '北海市中级人民法院',
      from: '2023-08-01',
      to: '2023-08-31',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toBe('值班律师不存在或不在您的数据范围内');
  });
});
