import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { idNumber, STAFF_PASSWORD, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule, moduleServicesOf } from './index.ts';

// 社区矫正对象台账 and 入矫 over HTTP: registration from the court's notice starts the 10-day report-in clock
// from the judgment's effective day (社区矫正法第二十一条); the report-in meets it; an overdue one opens a
// lost-contact search and alerts the office (第三十条); the team of a woman includes a woman (第二十五条);
// minors are seen only with the permission and masked further in lists; an office sees its own.
describe('corrections register and intake', () => {
  let t: TestApp;
  // 10:00 in Beihai on Tuesday 2026-09-29, before National Day.
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: SessionClient & { id: string }; // 海城区中街司法所, correctionsOfficer
  let minorsOfficer: SessionClient & { id: string }; // same office, correctionsMinorsOfficer
  let county: SessionClient & { id: string }; // 海城区司法局
  let hepu: SessionClient & { id: string }; // 合浦县廉州司法所
  let clerk: SessionClient & { id: string }; // 中街司法所, officeStaff: no corrections
  let office: number;
  let hepuOffice: number;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;

  const notice = (over: Record<string, unknown> = {}) => ({
    person: { name: '黄丽娟', idType: 'residentIdCard', idNumber: idNumber('1990-01-01', '002') },
    supervisingOfficeId: office,
    sentenceKind: 'probation',
    offence: '危险驾驶罪',
    courtName: '北海市海城区人民法院',
    judgmentNo: '（2026）桂0502刑初123号',
    judgmentEffectiveOn: '2026-09-25',
    noticeNo: '（2026）桂0502刑初123号执行通知书',
    periodStart: '2026-09-25',
    periodEnd: '2027-03-24',
    prohibitionOrders: ['禁止进入酒吧、夜总会等娱乐场所'],
    flags: ['maritime'],
    phone: '13907790002',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    office = await unitId(t, '海城区中街司法所');
    hepuOffice = await unitId(t, '合浦县廉州司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    minorsOfficer = await staffAccount(t, 'zjwcn', office, ['correctionsMinorsOfficer']);
    county = await staffAccount(t, 'hcjz', await unitId(t, '海城区司法局'), ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', hepuOffice, ['correctionsOfficer']);
    clerk = await staffAccount(t, 'zjclerk', office, ['officeStaff']);
  });
  afterAll(() => t?.close());

  let womanId = '';

  it('registers from the notice: the report-in clock counts 10 days from the judgment (第二十一条), over National Day', async () => {
    const res = await officer.request('POST', '/api/corrections/supervisees', notice());
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    womanId = s.caseId;
    expect(s).toMatchObject({
      status: 'awaitingReportIn',
      statusLabel: '待报到',
      name: '黄丽娟',
      gender: 'female',
      sentenceKind: 'probation',
      flags: ['maritime'],
      office: { id: office, name: '海城区中街司法所' },
      // 2026-09-29 → 2027-03-24.
      daysRemaining: 176,
      lostContact: false,
      version: 1,
      phoneMasked: '139****0002',
    });
    expect(s.idNumberMasked).toMatch(/^450502\*{8}\d{3}[\dX]$/);
    expect(s.caseNo).toMatch(/^海城中街司矫〔2026〕第1号$/);
    // 09-25 + 10 days = 10-05, in the National Day holiday → the next working day.
    expect(s.reportIn).toMatchObject({
      ruleName: '社区矫正对象报到期限',
      article: '社区矫正法第二十一条',
      startedOn: '2026-09-25',
      dueOn: '2026-10-08',
      status: 'running',
    });
    expect(
      await q("select action from audit_log where entity_id = $1 and action like 'corrections.%'", [womanId]),
    ).toEqual([{ action: 'corrections.supervisee.register' }]);
  });

  it('never registers the same person twice while a term runs, and keeps one person record', async () => {
    const again = await county.request('POST', '/api/corrections/supervisees', notice());
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('正在社区矫正中');
    expect(await q('select count(*)::int as n from person')).toEqual([{ n: 1 }]);
    expect(await q('select count(*)::int as n from corrections_supervisee')).toEqual([{ n: 1 }]);
  });

  it('answers a retried registration (same Idempotency-Key) with the first one', async () => {
    const body = notice({
      person: { name: '陈海生', idType: 'residentIdCard', idNumber: idNumber('1985-05-05', '001') },
      flags: [],
      phone: '13907790001',
    });
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/corrections/supervisees',
        headers: {
          cookie: officer.cookie,
          'x-csrf-token': officer.csrfToken,
          'idempotency-key': 'notice-chs-1',
        },
        payload: body,
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().caseId).toBe(first.json().caseId);
    expect(await q('select count(*)::int as n from corrections_supervisee')).toEqual([{ n: 2 }]);
  });

  it('refuses bad input in Chinese, writing nothing', async () => {
    const before = await q('select count(*)::int as n from case_record');
    const cases: [Record<string, unknown>, string, string][] = [
      [notice({ periodEnd: '2026-09-01' }), 'periodEnd', '矫正期届满日应晚于起始日'],
      [notice({ sentenceKind: 'exile' }), 'sentenceKind', '请选择社区矫正类别'],
      [
        notice({ judgmentEffectiveOn: '2026-02-30' }),
        'judgmentEffectiveOn',
        '判决（裁定、决定）生效日期不是有效日期',
      ],
      [notice({ offence: ' ' }), 'offence', '请填写罪名'],
      [notice({ phone: undefined }), 'phone', '请填写社区矫正对象本人的手机号码'],
      [notice({ phone: '0779-1234567' }), 'phone', '手机号码应为 11 位数字，以 1 开头'],
      [notice({ supervisingOfficeId: hepuOffice }), 'supervisingOfficeId', '执行地应为您管辖范围内的司法所'],
      [
        notice({ judgmentEffectiveOn: '2026-10-30' }),
        'judgmentEffectiveOn',
        '判决（裁定、决定）生效日期不能晚于今天',
      ],
    ];
    for (const [body, path, message] of cases) {
      const res = await officer.request('POST', '/api/corrections/supervisees', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields).toContainEqual({ path, message });
    }
    expect(await q('select count(*)::int as n from case_record')).toEqual(before);
  });

  it('an office sees its own; the county its offices; another office gets 404 on read and write', async () => {
    expect((await officer.request('GET', `/api/corrections/supervisees/${womanId}`)).statusCode).toBe(200);
    expect((await county.request('GET', `/api/corrections/supervisees/${womanId}`)).statusCode).toBe(200);
    expect((await hepu.request('GET', `/api/corrections/supervisees/${womanId}`)).statusCode).toBe(404);
    expect((await hepu.request('GET', '/api/corrections/supervisees')).json()).toEqual({
      items: [],
      total: 0,
    });
    const write = await hepu.request('PATCH', `/api/corrections/supervisees/${womanId}`, {
      version: 1,
      offence: '盗窃罪',
    });
    expect(write.statusCode).toBe(404);
    const report = await hepu.request('POST', `/api/corrections/supervisees/${womanId}/report-in`, {
      version: 1,
      reportedOn: '2026-09-29',
    });
    expect(report.statusCode).toBe(404);
    expect(await q('select offence from corrections_supervisee where case_id = $1', [womanId])).toEqual([
      { offence: '危险驾驶罪' },
    ]);
    // An office clerk without the corrections role does not reach the register at all.
    expect((await clerk.request('GET', '/api/corrections/supervisees')).statusCode).toBe(403);
    // Reading the record is audited.
    expect(
      await q(
        "select count(*)::int as n from audit_log where entity_id = $1 and action = 'corrections.supervisee.read'",
        [womanId],
      ),
    ).toEqual([{ n: 2 }]);
  });

  it('refuses a team without a woman for a woman supervisee (第二十五条), then saves one with a woman', async () => {
    const men = [
      { name: '李志强', role: 'justiceOffice', gender: 'male', leader: true },
      { name: '王建国', role: 'residentsCommittee', gender: 'male' },
    ];
    const refused = await officer.request('POST', `/api/corrections/supervisees/${womanId}/team`, {
      version: 1,
      members: men,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toBe(
      '社区矫正对象为女性，矫正小组中应当有女性成员（《社区矫正法》第二十五条）',
    );
    expect(await q('select count(*)::int as n from corrections_team_member')).toEqual([{ n: 0 }]);
    const saved = await officer.request('POST', `/api/corrections/supervisees/${womanId}/team`, {
      version: 1,
      members: [...men, { name: '黄秀梅', role: 'family', gender: 'female', affiliation: '母亲' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().team.map((m: { name: string }) => m.name)).toEqual(['李志强', '王建国', '黄秀梅']);
    expect(saved.json().version).toBe(2);
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const stale = await officer.request('POST', `/api/corrections/supervisees/${womanId}/classification`, {
      version: 1,
      level: 'strict',
      factors: ['offenceType'],
      reasons: '醉酒驾驶，初次入矫',
      decidedOn: '2026-09-29',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该社区矫正对象的信息已被他人修改，请刷新后重试');
    expect(
      await q('select supervision_level from corrections_supervisee where case_id = $1', [womanId]),
    ).toEqual([{ supervision_level: null }]);
  });

  it('classifies with reasons, sets the plan and records the announcement', async () => {
    const classified = await officer.request(
      'POST',
      `/api/corrections/supervisees/${womanId}/classification`,
      {
        version: 2,
        level: 'ordinary',
        factors: ['offenceType', 'remorse'],
        reasons: '过失性质轻微，认罪悔罪态度好',
        decidedOn: '2026-09-29',
      },
    );
    expect(classified.statusCode, classified.body).toBe(200);
    expect(classified.json()).toMatchObject({
      supervisionLevel: 'ordinary',
      levelFactors: ['offenceType', 'remorse'],
      classifications: [
        { level: 'ordinary', reasons: '过失性质轻微，认罪悔罪态度好', decidedOn: '2026-09-29' },
      ],
    });
    const plan = await officer.request('POST', `/api/corrections/supervisees/${womanId}/plan`, {
      version: 3,
      content: '每月到司法所报告一次；参加交通安全法律教育；每月参加公益活动。',
      educationHoursMonthly: 8,
      publicServiceHoursMonthly: 8,
      setOn: '2026-09-29',
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().plan).toMatchObject({ educationHoursMonthly: 8, publicServiceHoursMonthly: 8 });
    const announced = await officer.request('POST', `/api/corrections/supervisees/${womanId}/announcement`, {
      version: 4,
      announcedOn: '2026-09-29',
      place: '海城区中街司法所宣告室',
      host: '李志强',
      attendees: [
        { name: '黄秀梅', role: '家庭成员' },
        { name: '王建国', role: '社区工作人员' },
      ],
    });
    expect(announced.statusCode, announced.body).toBe(200);
    expect(announced.json().announcement).toMatchObject({ place: '海城区中街司法所宣告室' });
    const twice = await officer.request('POST', `/api/corrections/supervisees/${womanId}/announcement`, {
      version: 5,
      announcedOn: '2026-09-29',
      place: '司法所',
      host: '李志强',
      attendees: [{ name: '黄秀梅', role: '家庭成员' }],
    });
    expect(twice.statusCode).toBe(409);
  });

  it('reporting in meets the clock (第二十一条)', async () => {
    const detail = (await officer.request('GET', `/api/corrections/supervisees/${womanId}`)).json();
    const res = await officer.request('POST', `/api/corrections/supervisees/${womanId}/report-in`, {
      version: detail.caseVersion,
      reportedOn: '2026-09-29',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'underSupervision',
      statusLabel: '在矫',
      reportedInOn: '2026-09-29',
      reportIn: { status: 'met', dueOn: '2026-10-08' },
    });
  });

  it("hides a minor from those without the permission and masks the minor's name and number in lists", async () => {
    const minor = notice({
      person: { name: '张小明', idType: 'residentIdCard', idNumber: idNumber('2010-05-05', '003') },
      flags: [],
      phone: '13907790003',
    });
    const refused = await officer.request('POST', '/api/corrections/supervisees', minor);
    expect(refused.statusCode).toBe(403);
    const res = await minorsOfficer.request('POST', '/api/corrections/supervisees', minor);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().caseId;
    expect(res.json().flags).toEqual(['minor']);
    // Not there at all for an officer without the permission: not listed, 404 on read and on write.
    const listed = (await officer.request('GET', '/api/corrections/supervisees')).json();
    expect(listed.items.map((i: { caseId: string }) => i.caseId)).not.toContain(id);
    expect(listed.total).toBe(2);
    expect((await officer.request('GET', `/api/corrections/supervisees/${id}`)).statusCode).toBe(404);
    expect(
      (await officer.request('POST', `/api/corrections/supervisees/${id}/lost-contacts`, {})).statusCode,
    ).toBe(404);
    // The holder sees it, masked further in the list, in full on the record.
    const theirs = (await minorsOfficer.request('GET', '/api/corrections/supervisees?flag=minor')).json();
    expect(theirs.items).toEqual([
      expect.objectContaining({ caseId: id, name: '张某', idNumberMasked: '******************' }),
    ]);
    const record = (await minorsOfficer.request('GET', `/api/corrections/supervisees/${id}`)).json();
    expect(record.name).toBe('张小明');
    // The shared case pages do not name the minor.
    expect(await q('select title from case_record where id = $1', [id])).toEqual([
      { title: '未成年社区矫正对象（缓刑）' },
    ]);
    expect(await q('select count(*)::int as n from case_party where case_id = $1', [id])).toEqual([{ n: 0 }]);
  });

  it('an overdue report-in opens the lost-contact search and alerts the office once (第三十条); steps are recorded', async () => {
    const services = moduleServicesOf(t.services);
    // 陈海生 (registered above) has not reported in; his clock ran out on 10-08.
    clock.set('2026-10-08T08:00:00Z');
    expect(await services.intake.escalateOverdueReportIns()).toBe(0);
    clock.set('2026-10-09T02:00:00Z');
    expect(await services.intake.escalateOverdueReportIns()).toBe(2); // 陈海生 and the minor
    expect(await services.intake.escalateOverdueReportIns()).toBe(0);
    const [chen] = await q(
      "select case_id from corrections_supervisee s join person p on p.id = s.person_id where p.name = '陈海生'",
    );
    const chenId = (chen as { case_id: string }).case_id;
    // Ten days on, the sessions have expired: sign in again.
    officer = { ...(await signIn(t.app, 'zjjz', STAFF_PASSWORD)), id: officer.id };
    const alerts = await q(
      "select recipient, body from notification_outbox where template = 'corrections.reportInOverdue' order by recipient",
    );
    const recipients = new Set(alerts.map((a) => (a as { recipient: string }).recipient));
    expect(recipients).toEqual(new Set([`staff:${officer.id}`, `staff:${minorsOfficer.id}`]));
    expect((alerts[0] as { body: string }).body).toContain('逾期未报到');
    expect(
      (alerts as { body: string }[]).some((a) => a.body.includes('张小明') || a.body.includes('陈海生')),
    ).toBe(false);

    const got = await officer.request('GET', `/api/corrections/supervisees/${chenId}`);
    expect(got.statusCode, got.body).toBe(200);
    const record = got.json();
    expect(record.lostContact).toBe(true);
    const search = record.lostContacts[0];
    expect(search).toMatchObject({ trigger: 'reportInOverdue', status: 'searching', openedOn: '2026-10-09' });
    const step = await officer.request(
      'POST',
      `/api/corrections/supervisees/${chenId}/lost-contacts/${search.id}/steps`,
      { method: 'phone', action: '拨打本人手机 3 次', result: '无人接听' },
    );
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json().lostContacts[0].steps).toMatchObject([{ method: 'phone', result: '无人接听' }]);
    // A second search while one is open is refused.
    expect(
      (await officer.request('POST', `/api/corrections/supervisees/${chenId}/lost-contacts`, {})).statusCode,
    ).toBe(409);
    // He reports in late: the search ends with it.
    const late = await officer.request('POST', `/api/corrections/supervisees/${chenId}/report-in`, {
      version: record.caseVersion,
      reportedOn: '2026-10-09',
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().lostContacts[0]).toMatchObject({ status: 'closed', outcome: 'reportedIn' });
  });
});
