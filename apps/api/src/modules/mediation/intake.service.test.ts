import { idNumberCheckChar } from '@zhucheng/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/access/principal.ts';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { mediationModule } from './index.ts';

/** A valid resident ID number born on `birth` (YYYYMMDD) in Hepu. */
function idNumber(birth: string, seq = '123'): string {
  const first17 = `450521${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

const LIANZHOU = '450521100000'; // 合浦县廉州镇
const DANGJIANG = '450521101000'; // 合浦县党江镇: no committee in these tests
const PASSWORD = 'Beihai#medX9';

// Intake and dispatch through the whole app on a fixed clock: committees made with OrgService and
// mediation_committee rows, staff of two committees, the township office of 廉州镇 and of 海城中街, and a citizen.
describe('mediation intake and dispatch', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 in Beihai
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  let office: SessionClient; // 合浦县廉州司法所: its town's committees
  let otherOffice: SessionClient; // 海城区中街司法所
  let ximenStaff: SessionClient; // 西门村调委会
  let townshipStaff: SessionClient; // 廉州镇调委会
  const ids: Record<string, number> = {};
  const userIds: Record<string, string> = {};

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
  const count = async (table: string) => Number((await q(`select count(*)::int as n from ${table}`))[0]?.n);

  const committee = async (
    parent: string,
    name: string,
    profile: {
      kind: string;
      industry?: string;
      townCode?: string;
      served?: string[];
      lat?: number;
      lng?: number;
    },
  ) => {
    const unit = await t.services.org.createUnit(systemContext('test'), {
      parentId: await unitId(parent),
      kind: 'mediationCommittee',
      name,
    });
    await q(
      `insert into mediation_committee (unit_id, kind, industry, town_code, served_areas, latitude, longitude, phone,
         created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, '0779-7200000', now(), now())`,
      [
        unit.id,
        profile.kind,
        profile.industry ?? null,
        profile.townCode ?? null,
        profile.served ?? [],
        profile.lat ?? null,
        profile.lng ?? null,
      ],
    );
    return unit.id;
  };

  const staff = async (username: string, unit: number, roleCodes: string[]) => {
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: `测试${username}`,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    userIds[username] = user.id;
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: PASSWORD,
    });
    return signIn(t.app, username, PASSWORD);
  };

  const citizen = async (phone: string): Promise<SessionClient> => {
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    const outbox = await t.app.inject({
      method: 'GET',
      url: `/api/test/outbox?recipient=${phone}&template=auth.otp`,
    });
    const code = /(\d{6})/.exec(outbox.json().messages[0]?.body ?? '')?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(res.statusCode, res.body).toBe(200);
    const raw = res.headers['set-cookie'];
    const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
    const csrfToken: string = res.json().csrfToken;
    return {
      cookie,
      csrfToken,
      request: (method, url, payload) =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': csrfToken },
          ...(payload !== undefined ? { payload: payload as object } : {}),
        }),
    };
  };

  const post = (who: SessionClient, url: string, body: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: body as object,
    });

  const huang = {
    name: '黄秀梅',
    idType: 'residentIdCard',
    idNumber: idNumber('19850312'),
    phone: '13877900001',
  };
  const li = { name: '李强', idType: 'residentIdCard', idNumber: idNumber('19800101', '215') };

  const walkIn = (over: Record<string, unknown> = {}) => ({
    source: 'walkIn',
    kind: 'neighbour',
    involvesEnterprise: false,
    amountInvolvedYuan: 1200.5,
    facts: '两家因宅基地排水沟发生争执，多次口角。',
    request: '请求调解排水沟走向',
    occurredOn: '2026-02-20',
    place: { townCode: LIANZHOU, village: '西门村', address: '西门村三队' },
    parties: [
      { role: 'applicant', person: huang },
      { role: 'respondent', person: li },
    ],
    ...over,
  });

  const outboxOf = async (recipient: string) =>
    q('select template, body, payload from notification_outbox where recipient = $1 order by id', [
      recipient,
    ]);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    ids.office = await unitId('合浦县廉州司法所');
    ids.otherOffice = await unitId('海城区中街司法所');
    ids.ximen = await committee('合浦县廉州司法所', '合浦县廉州镇西门村人民调解委员会', {
      kind: 'village',
      townCode: LIANZHOU,
      served: ['西门村'],
      lat: 21.6612,
      lng: 109.2003,
    });
    ids.township = await committee('合浦县廉州司法所', '合浦县廉州镇人民调解委员会', {
      kind: 'township',
      townCode: LIANZHOU,
    });
    ids.tourism = await committee('合浦县司法局', '合浦县旅游纠纷人民调解委员会', {
      kind: 'industry',
      industry: 'tourism',
    });
    ids.zhongjie = await committee('海城区中街司法所', '海城区中街街道人民调解委员会', {
      kind: 'township',
      townCode: '450502001000',
    });
    office = await staff('lzoffice', ids.office, ['officeStaff']);
    otherOffice = await staff('zjoffice', ids.otherOffice, ['officeStaff']);
    ximenStaff = await staff('ximen', ids.ximen, ['mediationCommitteeStaff']);
    townshipStaff = await staff('lztown', ids.township, ['mediationCommitteeStaff']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  let firstCaseId = '';

  it('registers a walk-in at the office and dispatches it to the village committee, telling the office', async () => {
    const res = await post(
      office,
      '/api/mediation/disputes',
      walkIn(),
      'c0ffee00-0000-4000-8000-0000000000a1',
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    firstCaseId = body.caseId;
    expect(body).toMatchObject({
      committeeUnitId: ids.ximen,
      committeeName: '合浦县廉州镇西门村人民调解委员会',
      dispatchReason: '按纠纷地点：合浦县廉州镇西门村人民调解委员会',
      duplicateOf: null,
      duplicate: null,
    });
    expect(body.caseNo).toMatch(/调〔2026〕第1号$/);

    const [row] = await q(
      `select d.source, d.kind, d.amount_involved_yuan, d.town_code, d.village, d.place_office_id, d.dispatch_reason,
              c.status, c.competent_unit_id, c.receiving_unit_id, c.case_type
         from mediation_dispute d join case_record c on c.id = d.case_id where d.case_id = $1`,
      [firstCaseId],
    );
    expect(row).toMatchObject({
      source: 'walkIn',
      kind: 'neighbour',
      amount_involved_yuan: '1200.50',
      town_code: LIANZHOU,
      village: '西门村',
      place_office_id: ids.office,
      status: 'received',
      competent_unit_id: ids.ximen,
      receiving_unit_id: ids.office,
      case_type: 'mediation.dispute',
    });
    const parties = await q(
      'select role, party_kind from case_party where case_id = $1 order by sort_order',
      [firstCaseId],
    );
    expect(parties).toEqual([
      { role: 'applicant', party_kind: 'person' },
      { role: 'respondent', party_kind: 'person' },
    ]);
    const officeNotices = await outboxOf(`staff:${userIds.lzoffice}`);
    expect(officeNotices.map((n) => n.template)).toContain('mediation.dispatched');
    expect(String(officeNotices.find((n) => n.template === 'mediation.dispatched')?.body)).toContain(
      '廉州镇西门村登记一起邻里纠纷',
    );
    expect((await outboxOf(`staff:${userIds.ximen}`)).map((n) => n.template)).toEqual(['mediation.toAccept']);
    expect(await outboxOf(`staff:${userIds.lztown}`)).toEqual([]);
    const audit = await q(
      `select after from audit_log where action = 'mediation.dispute.register' and entity_id = $1`,
      [firstCaseId],
    );
    expect(audit).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key with the first dispute', async () => {
    const before = await count('mediation_dispute');
    const again = await post(
      office,
      '/api/mediation/disputes',
      walkIn(),
      'c0ffee00-0000-4000-8000-0000000000a1',
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().caseId).toBe(firstCaseId);
    expect(await count('mediation_dispute')).toBe(before);
  });

  it('refuses a referral without its reference number in Chinese, creating nothing', async () => {
    const before = [await count('mediation_dispute'), await count('case_record'), await count('person')];
    const res = await post(office, '/api/mediation/disputes', walkIn({ source: 'court' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        path: 'sourceRef',
        message: '法院委派（诉调对接）的纠纷应填写来源文号（委派函号、警情号、信访件号或工单号）',
      },
    ]);
    expect([await count('mediation_dispute'), await count('case_record'), await count('person')]).toEqual(
      before,
    );
    const ok = await post(
      office,
      '/api/mediation/disputes',
      walkIn({
        source: 'court',
        sourceRef: '（2026）桂0521民诉前调123号',
        kind: 'contract',
        parties: [
          { role: 'applicant', person: { name: '周建国' } },
          { role: 'respondent', organisation: { name: '合浦县某建材有限公司' } },
        ],
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a dispute found by a sweep names a sweep held in scope, else a Chinese 400 and nothing created', async () => {
    const before = [await count('mediation_dispute'), await count('case_record')];
    const unknown = await post(
      office,
      '/api/mediation/disputes',
      walkIn({ source: 'sweep', sweepId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([
      { path: 'sweepId', message: '请选择您管辖范围内已开展的矛盾纠纷排查' },
    ]);
    expect([await count('mediation_dispute'), await count('case_record')]).toEqual(before);
  });

  it('refuses a dispute nobody can take with a clear 422', async () => {
    const res = await post(office, '/api/mediation/disputes', walkIn({ place: { townCode: DANGJIANG } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('党江镇尚无可受理该纠纷的人民调解委员会');
  });

  it('flags a second registration of the same parties and matter, and the check finds it first', async () => {
    // The other side files: the parties' order does not matter.
    const swapped = walkIn({
      parties: [
        { role: 'applicant', person: li },
        { role: 'respondent', person: huang },
      ],
    });
    const check = await post(office, '/api/mediation/disputes/duplicates', {
      kind: swapped.kind,
      parties: swapped.parties,
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().duplicates).toEqual([
      expect.objectContaining({
        caseId: firstCaseId,
        committeeName: '合浦县廉州镇西门村人民调解委员会',
        statusLabel: '待受理',
      }),
    ]);
    // Another kind between the same people is another matter.
    const other = await post(office, '/api/mediation/disputes/duplicates', {
      kind: 'contract',
      parties: swapped.parties,
    });
    expect(other.json().duplicates).toEqual([]);

    const res = await post(office, '/api/mediation/disputes', swapped);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ duplicateOf: firstCaseId, duplicate: { caseId: firstCaseId } });
    // One person per ID number.
    expect(await q('select count(*)::int as n from person where name = $1', ['黄秀梅'])).toEqual([{ n: 1 }]);
    const facts = await office.request('GET', `/api/mediation/disputes/${res.json().caseId}/facts`);
    expect(facts.json().duplicate).toMatchObject({ caseId: firstCaseId });
  });

  it('lets a committee see only its own disputes and the office its committees’', async () => {
    const url = `/api/mediation/disputes/${firstCaseId}/facts`;
    const own = await ximenStaff.request('GET', url);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      kind: 'neighbour',
      source: 'walkIn',
      amountInvolvedYuan: 1200.5,
      place: { townName: '廉州镇', village: '西门村', officeName: '合浦县廉州司法所' },
      committee: { id: ids.ximen },
      canRedispatch: false,
    });
    expect((await townshipStaff.request('GET', url)).statusCode).toBe(404);
    expect((await otherOffice.request('GET', url)).statusCode).toBe(404);
    const byOffice = await office.request('GET', url);
    expect(byOffice.statusCode).toBe(200);
    expect(byOffice.json().canRedispatch).toBe(true);
    const list = await townshipStaff.request('GET', '/api/cases?type=mediation.dispute');
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(firstCaseId);
    const summaries = await townshipStaff.request(
      'GET',
      `/api/mediation/disputes/summaries?ids=${firstCaseId}`,
    );
    expect(summaries.json().items).toEqual([]);
  });

  it('re-dispatches a waiting dispute to another committee of the office, in one step with the transition', async () => {
    const url = `/api/mediation/disputes/${firstCaseId}/redispatch`;
    const facts = (await office.request('GET', `/api/mediation/disputes/${firstCaseId}/facts`)).json();
    // A committee does not dispatch.
    expect(
      (
        await post(ximenStaff, url, {
          committeeUnitId: ids.township,
          reason: '村调委会回避',
          version: facts.version,
        })
      ).statusCode,
    ).toBe(403);
    // Another town's committee is outside the office's scope.
    const outside = await post(office, url, {
      committeeUnitId: ids.zhongjie,
      reason: '试试',
      version: facts.version,
    });
    expect(outside.statusCode).toBe(400);
    const stale = await post(office, url, {
      committeeUnitId: ids.township,
      reason: '村调委会回避',
      version: facts.version - 1,
    });
    expect(stale.statusCode).toBe(409);

    const res = await post(office, url, {
      committeeUnitId: ids.township,
      reason: '当事人与村调委会主任系亲属，需回避',
      version: facts.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      committeeUnitId: ids.township,
      committeeName: '合浦县廉州镇人民调解委员会',
    });
    const [row] = await q(
      'select c.competent_unit_id, c.status, c.version, d.dispatch_reason from case_record c join mediation_dispute d on d.case_id = c.id where c.id = $1',
      [firstCaseId],
    );
    expect(row).toMatchObject({
      competent_unit_id: ids.township,
      status: 'received',
      version: facts.version + 1,
    });
    expect(String(row?.dispatch_reason)).toContain(
      '由合浦县廉州镇西门村人民调解委员会改派至合浦县廉州镇人民调解委员会',
    );
    expect(
      await q(`select transition from case_history where case_id = $1 order by id`, [firstCaseId]),
    ).toEqual([{ transition: 'create' }, { transition: 'redispatch' }]);
    expect((await outboxOf(`staff:${userIds.lztown}`)).map((n) => n.template)).toContain(
      'mediation.redispatched',
    );
    // Now the township committee has it and the village committee does not.
    expect(
      (await townshipStaff.request('GET', `/api/mediation/disputes/${firstCaseId}/facts`)).statusCode,
    ).toBe(200);
    expect((await ximenStaff.request('GET', `/api/mediation/disputes/${firstCaseId}/facts`)).statusCode).toBe(
      404,
    );
  });

  it('takes a citizen’s application with a photo: dispatched, the citizen the applicant, the office told', async () => {
    const citizenA = await citizen('13877900002');
    const form = new FormData();
    form.append('category', 'photo');
    form.append('file', new Blob([samples.jpeg()], { type: 'image/jpeg' }), '现场.jpg');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: {
        cookie: citizenA.cookie,
        'x-csrf-token': citizenA.csrfToken,
        'content-type': request.headers.get('content-type') ?? '',
      },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().id;
    const application = {
      applicant: {
        name: '陈美兰',
        idType: 'residentIdCard',
        idNumber: idNumber('19700505', '046'),
        phone: '13877900002',
      },
      respondent: { kind: 'person', name: '陈大勇', phone: '13877900099' },
      kind: 'marriageFamily',
      facts: '兄弟因父母赡养费分担发生矛盾。',
      request: '协商赡养费分担',
      place: { townCode: LIANZHOU, village: '西门村', latitude: 21.662, longitude: 109.201 },
      fileIds: [fileId],
    };
    const key = 'c0ffee00-0000-4000-8000-0000000000b1';
    const res = await post(citizenA, '/api/mediation/applications', application, key);
    expect(res.statusCode, res.body).toBe(201);
    const { caseId, portalPath, committeeName } = res.json();
    expect(committeeName).toBe('合浦县廉州镇西门村人民调解委员会');
    expect(portalPath).toBe(`/portal/mediation/disputes/${caseId}`);
    // A retry (a dropped connection) gives the same application.
    const retry = await post(citizenA, '/api/mediation/applications', application, key);
    expect(retry.json().caseId).toBe(caseId);
    expect(await q(`select count(*)::int as n from mediation_dispute where source = 'portal'`)).toEqual([
      { n: 1 },
    ]);

    const [record] = await q('select competent_unit_id, receiving_unit_id from case_record where id = $1', [
      caseId,
    ]);
    expect(record).toMatchObject({ competent_unit_id: ids.ximen, receiving_unit_id: ids.office });
    const citizenId = String(
      (await q('select account_id from case_participant where case_id = $1', [caseId]))[0]?.account_id,
    );
    expect(await q('select account_kind, role from case_participant where case_id = $1', [caseId])).toEqual([
      { account_kind: 'citizen', role: 'applicant' },
    ]);
    expect(await q('select case_id from stored_file where id = $1', [fileId])).toEqual([{ case_id: caseId }]);
    const parties = await q(
      `select cp.role, p.name from case_party cp left join person p on p.id = cp.person_id where cp.case_id = $1 order by cp.sort_order`,
      [caseId],
    );
    expect(parties).toEqual([
      { role: 'applicant', name: '陈美兰' },
      { role: 'respondent', name: '陈大勇' },
    ]);
    const dispatched = (await outboxOf(`staff:${userIds.lzoffice}`)).filter(
      (n) => n.template === 'mediation.dispatched',
    );
    expect(dispatched.some((n) => (n.payload as { caseId: string }).caseId === caseId)).toBe(true);
    expect((await outboxOf(`citizen:${citizenId}`)).map((n) => n.template)).toEqual(['mediation.received']);

    const mine = await citizenA.request('GET', '/api/mediation/applications/mine');
    expect(mine.json().items).toHaveLength(1);
    const progress = await citizenA.request('GET', `/api/mediation/applications/mine/${caseId}`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({
      statusLabel: '待受理',
      committeeName: '合浦县廉州镇西门村人民调解委员会',
      committeePhone: '0779-7200000',
      respondentName: '陈大勇',
    });
    expect(
      progress.json().steps.map((s: { label: string; status: string }) => `${s.label}:${s.status}`),
    ).toEqual(['提交申请:done', '分派调委会:done', '受理:current', '调解:pending', '结果:pending']);
    // Another citizen does not find it.
    const citizenB = await citizen('13877900003');
    expect((await citizenB.request('GET', `/api/mediation/applications/mine/${caseId}`)).statusCode).toBe(
      404,
    );
    // A citizen does not choose the committee: the place decides.
    const chosen = await post(citizenA, '/api/mediation/applications', {
      ...application,
      fileIds: [],
      committeeUnitId: ids.township,
    });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().committeeName).toBe('合浦县廉州镇西门村人民调解委员会');
  });

  it('sends a tourism dispute to the county’s tourism committee', async () => {
    const res = await post(
      office,
      '/api/mediation/disputes',
      walkIn({
        kind: 'tourism',
        parties: [
          { role: 'applicant', person: { name: '游客甲' } },
          { role: 'respondent', organisation: { name: '合浦县某旅行社' } },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      committeeUnitId: ids.tourism,
      dispatchReason: '按纠纷类型（旅游纠纷）：合浦县旅游纠纷人民调解委员会',
    });
  });

  describe('ledger import', () => {
    const headers = [
      '纠纷类型',
      '纠纷来源',
      '来源文号',
      '申请人',
      '被申请人',
      '乡镇（街道）',
      '村（社区）',
      '详细地址',
      '涉及金额（元）',
      '是否涉企',
      '简要案情',
      '受理日期',
      '调解结果',
      '结案日期',
      '调委会',
    ];
    const workbook = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      ws.addRow(headers);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (who: SessionClient, bytes: Buffer) => {
      const boundary = `----zhucheng${Math.random().toString(16).slice(2)}`;
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/imports/mediation.disputes',
        headers: {
          cookie: who.cookie,
          'x-csrf-token': who.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
    };
    const good = [
      '邻里纠纷',
      '当事人来访',
      null,
      '王大明',
      '王小明、某某五金店',
      '合浦县廉州镇',
      '西门村',
      null,
      '3000',
      '否',
      '宅基地边界',
      '2026-01-05',
      '调解成功',
      '2026-01-12',
      '合浦县廉州镇西门村人民调解委员会',
    ];

    it('changes nothing when one row is bad, and says which row and column', async () => {
      const before = [await count('mediation_dispute'), await count('case_record'), await count('person')];
      const bad = [...good];
      bad[14] = '合浦县不存在人民调解委员会';
      const res = await upload(office, await workbook([good, bad]));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { row: 3, column: '调委会', message: '找不到您管辖范围内的“合浦县不存在人民调解委员会”' },
      ]);
      expect([await count('mediation_dispute'), await count('case_record'), await count('person')]).toEqual(
        before,
      );
      const referral = [...good];
      referral[1] = '法院委派（诉调对接）';
      const res2 = await upload(office, await workbook([good, referral]));
      expect(res2.statusCode).toBe(422);
      expect(res2.json().errors).toEqual([
        { row: 3, column: '来源文号', message: '法院委派（诉调对接）的纠纷应填写来源文号' },
      ]);
      expect(await count('mediation_dispute')).toBe(before[0]);
    });

    it('registers every row through intake, with the ledger’s acceptance and outcome', async () => {
      const before = await count('mediation_dispute');
      const open = [...good];
      open[12] = null;
      open[13] = null;
      open[3] = '赵六';
      const res = await upload(office, await workbook([good, open]));
      expect(res.statusCode, res.body).toBe(201);
      expect(await count('mediation_dispute')).toBe(before + 2);
      const rows = await q(
        `select c.status, c.competent_unit_id, d.accepted_on::text, d.outcome, d.outcome_on::text, d.amount_involved_yuan
           from mediation_dispute d join case_record c on c.id = d.case_id
          where d.accepted_on is not null order by d.accepted_on, c.status desc`,
      );
      expect(rows).toEqual([
        {
          status: 'settled',
          competent_unit_id: ids.ximen,
          accepted_on: '2026-01-05',
          outcome: 'settled',
          outcome_on: '2026-01-12',
          amount_involved_yuan: '3000.00',
        },
        {
          status: 'mediating',
          competent_unit_id: ids.ximen,
          accepted_on: '2026-01-05',
          outcome: null,
          outcome_on: null,
          amount_involved_yuan: '3000.00',
        },
      ]);
      // A name that reads as a business is an organisation party (without a credit code, one per row).
      const shop = await q(
        `select cp.party_kind from case_party cp join organisation o on o.id = cp.organisation_id where o.name = '某某五金店'`,
      );
      expect(shop).toEqual([{ party_kind: 'organisation' }, { party_kind: 'organisation' }]);
    });
  });

  it('gives the other parts one entry point that runs in their transaction', async () => {
    const intake = moduleServices(t.services, mediationModule).intake;
    const before = await count('mediation_dispute');
    await expect(
      t.services.database.db.transaction(async (tx) => {
        const r = await intake.register(
          systemContext('test'),
          {
            source: 'sweep',
            kind: 'land',
            involvesEnterprise: false,
            facts: '排查发现两村土地边界争议',
            place: { townCode: LIANZHOU },
            parties: [
              { role: 'applicant', organisation: { name: '西门村民委员会', kind: 'other' } },
              { role: 'respondent', organisation: { name: '东门村民委员会', kind: 'other' } },
            ],
            committeeUnitId: ids.township,
          },
          { tx },
        );
        expect(r).toMatchObject({ committeeUnitId: ids.township, duplicateOf: null });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await count('mediation_dispute')).toBe(before);
  });
});
