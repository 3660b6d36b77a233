import { idNumberCheckChar } from '@zhucheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { legalAidModule } from './index.ts';

/** A valid resident ID number born on `birth` (YYYYMMDD) in Haicheng. */
function idNumber(birth: string, seq = '123'): string {
  const first17 = `450502${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

interface Caller {
  cookie: string;
  csrfToken: string;
}

// The application through the whole app on a fixed clock (Beihai time): counter entry anywhere in the
// city (全城通办), the portal's draft and submit, the 7-day clock of 第四十三条 with its correction pause,
// refusal with reasons, the objection's 5 days (第四十九条), and scope.
describe('legal-aid applications', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 in Beihai
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  let clerk: SessionClient; // a justice office in Hepu: takes applications for anywhere
  let centre: SessionClient; // 海城区法律援助中心: decides
  let otherCentre: SessionClient; // 银海区法律援助中心: another county
  let bureau: SessionClient; // 海城区司法局: decides objections
  let haicheng: number;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
  const count = async (table: string) => Number((await q(`select count(*)::int as n from ${table}`))[0]?.n);

  const atBeihai = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
  const logins: [string, (c: SessionClient) => void][] = [];
  /** Moves the clock; sessions idle for a day expire, so everyone signs in again. */
  const moveTo = async (day: string, time = '10:00') => {
    clock.set(atBeihai(day, time));
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    for (const [username, set] of logins) set(await signIn(t.app, username, 'Beihai#aidX9'));
  };
  const staff = async (username: string, unit: number, roleCodes: string[]) => {
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: `测试${username}`,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    const changed = await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#aidX9',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return signIn(t.app, username, 'Beihai#aidX9');
  };

  const citizen = async (phone: string) => {
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
    const caller: Caller = { cookie, csrfToken: res.json().csrfToken };
    return {
      ...caller,
      request: (method: string, url: string, payload?: unknown) =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': caller.csrfToken },
          ...(payload !== undefined ? { payload: payload as object } : {}),
        }),
    };
  };

  const application = (over: Record<string, unknown> = {}) => ({
    applicant: {
      name: '黄秀梅',
      idType: 'residentIdCard',
      idNumber: idNumber('19850312'),
      phone: '13877900001',
      ...((over.applicant as object | undefined) ?? {}),
    },
    matter: {
      matterType: 'civil',
      disputeKind: 'wageArrears',
      opposingParty: '北海市某建筑劳务有限公司',
      placeUnitId: haicheng,
      facts: '2025 年在工地务工 8 个月，拖欠工资 26,000 元。',
      request: '追索拖欠的劳动报酬',
      amountClaimed: 26000,
      ...((over.matter as object | undefined) ?? {}),
    },
    hardship: over.hardship ?? { exemption: 'art42MigrantWorker' },
    ...(over.urgent ? { urgent: true, urgentReason: over.urgentReason } : {}),
  });

  const apply = (who: SessionClient, body: unknown, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/legal-aid/applications',
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: body as object,
    });

  const transition = async (who: SessionClient, caseId: string, name: string, input?: unknown) => {
    const current = (await who.request('GET', `/api/cases/${caseId}`)).json();
    return who.request('POST', `/api/cases/${caseId}/transitions`, {
      transition: name,
      version: current.version,
      ...(input !== undefined ? { input } : {}),
    });
  };

  const clocksOf = async (caseId: string) =>
    Object.fromEntries(
      (
        await q(
          "select rule_code, to_char(due_on, 'YYYY-MM-DD') as due_on, status from case_deadline where case_id = $1",
          [caseId],
        )
      ).map((r) => [r.rule_code as string, { dueOn: r.due_on as string | null, status: r.status as string }]),
    );

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    haicheng = await unitId('海城区司法局');
    const office = Number(
      (
        await q(
          "select id from org_unit where kind = 'justiceOffice' and name like '合浦县%' order by id limit 1",
        )
      )[0]?.id,
    );
    clerk = await staff('hepuclerk', office, ['officeStaff']);
    centre = await staff('hcaid', await unitId('海城区法律援助中心'), ['legalAidStaff']);
    otherCentre = await staff('yhaid', await unitId('银海区法律援助中心'), ['legalAidStaff']);
    bureau = await staff('hcbureau', haicheng, ['countyStaff']);
    logins.push(
      ['hepuclerk', (c) => (clerk = c)],
      ['hcaid', (c) => (centre = c)],
      ['yhaid', (c) => (otherCentre = c)],
      ['hcbureau', (c) => (bureau = c)],
    );
  });
  afterAll(() => t?.close());

  it('a counter anywhere takes the application; the centre of the place decides; both see it, others get 404', async () => {
    await moveTo('2026-03-02');
    const key = 'counter-0001';
    const first = await apply(clerk, application(), key);
    expect(first.statusCode, first.body).toBe(201);
    const { caseId, caseNo } = first.json();
    // The centre's organ abbreviation already says 法援: 海城法援〔2026〕第1号, not 海城法援援.
    expect(caseNo).toMatch(/^\p{Script=Han}+法援〔2026〕第\d+号$/u);
    expect(caseNo).not.toContain('援援');
    const again = await apply(clerk, application(), key);
    expect(again.json().caseId).toBe(caseId);
    expect(
      Number(
        (await q("select count(*)::int as n from case_record where case_type = 'legalAid.application'"))[0]
          ?.n,
      ),
    ).toBe(1);

    const detail = await centre.request('GET', `/api/legal-aid/applications/${caseId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const view = detail.json();
    expect(view.competentUnit.name).toBe('海城区法律援助中心');
    expect(view.receivingUnit.name).toMatch(/^合浦县.*司法所$/);
    expect(view.channel).toBe('counter');
    expect(view.meansTest).toMatchObject({ eligible: true, basis: 'checkWaived' });
    expect(view.meansTest.explanation).toContain('第四十二条');
    expect(view.applicant.idNumberMasked).toBe(`450502********${idNumber('19850312').slice(-4)}`);

    expect((await clerk.request('GET', `/api/legal-aid/applications/${caseId}`)).statusCode).toBe(200);
    const outsider = await otherCentre.request('GET', `/api/legal-aid/applications/${caseId}`);
    expect(outsider.statusCode).toBe(404);

    // The applicant is a party of the case, found again by the ID number.
    const parties = await q('select role from case_party where case_id = $1', [caseId]);
    expect(parties.map((p) => p.role)).toEqual(['applicant']);
    // 第四十三条: seven days from receipt.
    expect((await clocksOf(caseId))['legalAid.decide']).toEqual({ dueOn: '2026-03-09', status: 'running' });
  });

  it('bad input answers in Chinese naming the field and writes nothing', async () => {
    const before = await count('case_record');
    const persons = await count('person');
    const badId = `${idNumber('19850312').slice(0, 17)}${idNumber('19850312').endsWith('0') ? '1' : '0'}`;
    const wrong = await apply(clerk, application({ applicant: { idNumber: badId } }));
    expect(wrong.statusCode).toBe(400);
    const issues = wrong.json().details ?? wrong.json().issues ?? wrong.json();
    expect(JSON.stringify(issues)).toContain('applicant.idNumber');
    expect(wrong.body).toContain('校验位');

    const empty = await apply(clerk, application({ matter: { facts: '  ', request: '' } }));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('matter.facts');
    expect(empty.body).toContain('请填写案情');
    expect(await count('case_record')).toBe(before);
    expect(await count('person')).toBe(persons);
    expect(await count('legal_aid_application')).toBe(1);
  });

  it('Art. 43: a correction notice pauses the 7-day clock, supplying resumes it; the notice is given once', async () => {
    await moveTo('2026-03-02');
    const res = await apply(
      clerk,
      application({
        applicant: { name: '陈国强', idNumber: idNumber('19700101', '231') },
        matter: { disputeKind: 'family', facts: '离婚纠纷', request: '代理离婚诉讼', amountClaimed: null },
        hardship: { proof: 'pledge', pledgeSigned: true, householdSize: 3, householdMonthlyIncome: 3000 },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { caseId } = res.json();
    await moveTo('2026-03-03');
    const noItems = await transition(centre, caseId, 'requestCorrection', { items: [] });
    expect(noItems.statusCode).toBe(400);
    const notice = await transition(centre, caseId, 'requestCorrection', {
      items: ['经济困难状况说明表', '劳动合同或工资条'],
    });
    expect(notice.statusCode, notice.body).toBe(200);
    expect((await clocksOf(caseId))['legalAid.decide']?.status).toBe('paused');

    await moveTo('2026-03-05');
    const supplied = await transition(centre, caseId, 'supplyCorrection', {});
    expect(supplied.statusCode, supplied.body).toBe(200);
    // Two days paused (3 and 4 March): due on 11 March instead of 9 March.
    expect((await clocksOf(caseId))['legalAid.decide']).toEqual({ dueOn: '2026-03-11', status: 'running' });
    const twice = await transition(centre, caseId, 'requestCorrection', { items: ['身份证明'] });
    expect(twice.statusCode).toBe(409);

    // Grant: the decision clock is met and the 3-day assignment clock starts.
    const granted = await transition(centre, caseId, 'grant', {});
    expect(granted.statusCode, granted.body).toBe(200);
    const clocks = await clocksOf(caseId);
    expect(clocks['legalAid.decide']?.status).toBe('met');
    // 3 days from 5 March end on Sunday 8 March: the period ends on the next working day.
    expect(clocks['legalAid.assignLawyer']).toEqual({ dueOn: '2026-03-09', status: 'running' });
  });

  it('Art. 43: a correction not supplied in time is treated as withdrawn by the daily job', async () => {
    await moveTo('2026-04-01');
    const res = await apply(
      clerk,
      application({
        applicant: { name: '李海燕', idNumber: idNumber('19900505', '442') },
        matter: {
          disputeKind: 'trafficAccident',
          facts: '电动车被撞',
          request: '索赔',
          amountClaimed: 30000,
        },
        hardship: { proof: 'documents', householdSize: 2, householdMonthlyIncome: 2000 },
      }),
    );
    const { caseId } = res.json();
    await transition(centre, caseId, 'requestCorrection', { items: ['交通事故认定书'] });
    const service = moduleServices(t.services, legalAidModule).applications;
    await moveTo('2026-04-16', '00:10'); // the 15th day after the notice: still in time
    expect(await service.withdrawOverdueCorrections()).toBe(0);
    await moveTo('2026-04-17', '00:10');
    expect(await service.withdrawOverdueCorrections()).toBe(1);
    const after = (await centre.request('GET', `/api/cases/${caseId}`)).json();
    expect(after.statusLabel).toBe('视为撤回');
    expect((await clocksOf(caseId))['legalAid.decide']?.status).toBe('stopped');
  });

  it('a refusal needs its reasons; the objection gives the bureau 5 days (Art. 49)', async () => {
    await moveTo('2026-05-11');
    const res = await apply(
      clerk,
      application({
        applicant: { name: '王志明', idNumber: idNumber('19800808', '551') },
        matter: {
          disputeKind: 'personalInjury',
          facts: '邻里纠纷受伤',
          request: '索赔医疗费',
          amountClaimed: 8000,
        },
        hardship: { proof: 'documents', householdSize: 2, householdMonthlyIncome: 20000 },
      }),
    );
    const { caseId } = res.json();
    const detail = (await centre.request('GET', `/api/legal-aid/applications/${caseId}`)).json();
    expect(detail.meansTest.eligible).toBe(false);
    expect(detail.meansTest.explanation).toContain('高于当地经济困难标准');

    const bare = await transition(centre, caseId, 'refuse', { reasonCode: 'notInHardship' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('具体理由');
    const refused = await transition(centre, caseId, 'refuse', {
      reasonCode: 'notInHardship',
      reasons: '家庭人均月收入 10,000 元，高于本地经济困难标准',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const view = (await centre.request('GET', `/api/legal-aid/applications/${caseId}`)).json();
    expect(view.refusalReason).toContain('经济状况不符合法律援助条件');
    // 不予法律援助决定书 with its own number series of the centre.
    const doc = await centre.request('POST', `/api/cases/${caseId}/documents`, {
      templateCode: 'refusalDecision',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json().docNo).toMatch(/^\p{Script=Han}+法援不决〔2026〕\d+号$/u);

    await moveTo('2026-05-12');
    const objected = await transition(clerk, caseId, 'object', { reason: '收入计算有误' });
    expect(objected.statusCode, objected.body).toBe(200);
    // 5 days from 12 May end on Sunday 17 May: the next working day.
    expect((await clocksOf(caseId))['legalAid.objectionDecision']).toEqual({
      dueOn: '2026-05-18',
      status: 'running',
    });
    // The centre cannot decide its own objection; the bureau does.
    expect((await transition(centre, caseId, 'dismissObjection', { opinion: '维持' })).statusCode).toBe(403);
    const upheld = await transition(bureau, caseId, 'dismissObjection', { opinion: '经核实，维持原决定' });
    expect(upheld.statusCode, upheld.body).toBe(200);
  });

  it('a citizen saves a draft, resumes it, submits twice and gets one application with its progress', async () => {
    await moveTo('2026-05-20');
    const me = await citizen('13977900002');
    const created = await me.request('POST', '/api/legal-aid/drafts', {
      data: { matter: { disputeKind: 'workInjury' }, step: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    const full = application({
      applicant: { name: '覃小燕', idNumber: idNumber('19950707', '662'), tags: ['gigWorker'] },
      matter: {
        disputeKind: 'workInjury',
        facts: '送外卖途中摔伤',
        request: '工伤赔偿',
        amountClaimed: 50000,
      },
      hardship: { proof: 'pledge', pledgeSigned: true, householdSize: 1, householdMonthlyIncome: 3000 },
    });
    const saved = await me.request('PUT', `/api/legal-aid/drafts/${draft.id}`, {
      data: { ...full, step: 4 },
      version: draft.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await me.request('PUT', `/api/legal-aid/drafts/${draft.id}`, { data: full, version: 1 });
    expect(stale.statusCode).toBe(409);
    const resumed = (await me.request('GET', '/api/legal-aid/drafts')).json().items;
    expect(resumed.map((d: { data: { step: number } }) => d.data.step)).toEqual([4]);

    const first = await me.request('POST', `/api/legal-aid/drafts/${draft.id}/submit`);
    expect(first.statusCode, first.body).toBe(200);
    const second = await me.request('POST', `/api/legal-aid/drafts/${draft.id}/submit`);
    expect(second.json()).toEqual(first.json());
    const { caseId, portalPath } = first.json();
    expect(portalPath).toBe(`/portal/legal-aid/applications/${caseId}`);
    expect(
      Number(
        (await q('select count(*)::int as n from legal_aid_application where draft_id = $1', [draft.id]))[0]
          ?.n,
      ),
    ).toBe(1);

    // Online: the competent centre receives it; the gig worker's injury claim waives the check.
    const staffView = (await centre.request('GET', `/api/legal-aid/applications/${caseId}`)).json();
    expect(staffView.receivingUnit.name).toBe('海城区法律援助中心');
    expect(staffView.meansTest.basis).toBe('checkWaived');
    // The online applicant is a real-name party of the case, as at a counter: the centre can reach her.
    expect(staffView.applicant.personId).not.toBe('');
    expect(await q('select role, person_id from case_party where case_id = $1', [caseId])).toEqual([
      { role: 'applicant', person_id: staffView.applicant.personId },
    ]);
    expect(
      await q(
        "select action from audit_log where entity_type = 'case' and entity_id = $1 and action = 'party.add'",
        [caseId],
      ),
    ).toEqual([{ action: 'party.add' }]);

    // A correction notice reaches the applicant's inbox with a link to the progress page; they supply online.
    await transition(centre, caseId, 'requestCorrection', { items: ['工伤认定材料'] });
    const waiting = (await me.request('GET', `/api/legal-aid/applications/mine/${caseId}`)).json();
    expect(waiting.actionNeeded).toContain('工伤认定材料');
    expect(waiting.correctionDueOn).toBe('2026-06-04');
    const supplied = await me.request('POST', `/api/legal-aid/applications/mine/${caseId}/correction`, {
      note: '已补充',
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json().statusLabel).toBe('已补正待审查');
    await transition(centre, caseId, 'grant', {});
    const inbox = await q(
      "select template, payload from notification_outbox where recipient like 'citizen:%' and payload->>'caseId' = $1 order by id",
      [caseId],
    );
    expect(inbox.map((n) => n.template)).toEqual([
      'legalAid.received',
      'legalAid.correctionRequested',
      'legalAid.correctionSupplied',
      'legalAid.granted',
    ]);
    expect(inbox[3]?.payload).toMatchObject({ portalPath });
    // Each step after the receipt (shown on screen) also reaches her phone by SMS, in the citizen's words;
    // the table holds the phone encrypted and a masked hint.
    const texts = await q(
      "select template, recipient, recipient_hint, body from notification_outbox where channel = 'sms' and payload->>'caseId' = $1 order by id",
      [caseId],
    );
    expect(texts.map((n) => n.template)).toEqual(inbox.slice(1).map((n) => n.template));
    expect(texts[2]).toMatchObject({ recipient_hint: '139****0002' });
    expect(texts[2]?.recipient).not.toContain('13977900002');
    expect(texts[2]?.body).toMatch(/^您的法律援助申请.*给予法律援助/);
    const sent = await t.app.inject({
      method: 'GET',
      url: '/api/test/outbox?recipient=13977900002&template=legalAid.granted',
    });
    expect(sent.json().messages.map((m: { body: string }) => m.body)).toEqual([texts[2]?.body]);
    const mine = await me.request('GET', `/api/legal-aid/applications/mine/${caseId}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const steps = mine.json().steps as { label: string; status: string; note: string | null }[];
    expect(steps.map((s) => [s.label, s.status])).toEqual([
      ['提交申请', 'done'],
      ['补充材料', 'done'],
      ['审查决定', 'done'],
      ['指派律师', 'current'],
    ]);
    expect(steps[2]?.note).toBe('决定给予法律援助');
    const notices = await q(
      "select body, payload from notification_outbox where recipient like 'citizen:%' and template = 'legalAid.received'",
    );
    expect(notices.length).toBeGreaterThanOrEqual(1);

    // Someone else's application: 404 for another citizen.
    const other = await citizen('13977900003');
    expect((await other.request('GET', `/api/legal-aid/applications/mine/${caseId}`)).statusCode).toBe(404);
    expect((await other.request('POST', `/api/legal-aid/drafts/${draft.id}/submit`)).statusCode).toBe(404);
  });

  it('legalAid.casesAccepted counts the applications granted in the period (SEED-FIGURES definition)', async () => {
    const res = await centre.request(
      'GET',
      '/api/metrics/legalAid.casesAccepted?from=2026-03-01&to=2026-05-31',
    );
    expect(res.statusCode, res.body).toBe(200);
    // Granted: the corrected family case (5 March) and the gig worker's injury claim (20 May).
    expect(res.json().value).toBe(2);
    const march = await centre.request(
      'GET',
      '/api/metrics/legalAid.casesAccepted?from=2026-03-01&to=2026-03-31',
    );
    expect(march.json().value).toBe(1);
  });

  it('Art. 44: an urgent application is granted before the missing materials arrive, with its reason', async () => {
    await moveTo('2026-05-25');
    const res = await apply(
      clerk,
      application({
        applicant: { name: '梁文华', idNumber: idNumber('19750909', '771') },
        matter: { facts: '仲裁时效将于 5 月 29 日届满', request: '申请劳动仲裁' },
        urgent: true,
        urgentReason: '仲裁时效不足七日',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { caseId } = res.json();
    await transition(centre, caseId, 'requestCorrection', { items: ['劳动合同'] });
    const bare = await transition(centre, caseId, 'grantUrgently', {});
    expect(bare.statusCode).toBe(400);
    const granted = await transition(centre, caseId, 'grantUrgently', { reason: '仲裁时效不足七日' });
    expect(granted.statusCode, granted.body).toBe(200);
    const clocks = await clocksOf(caseId);
    expect(clocks['legalAid.decide']?.status).toBe('met');
    expect(clocks['legalAid.assignLawyer']?.status).toBe('running');
    const view = (await centre.request('GET', `/api/legal-aid/applications/${caseId}`)).json();
    expect(view).toMatchObject({ urgent: true, urgentReason: '仲裁时效不足七日', statusLabel: '待指派律师' });
  });

  it('Art. 48: granted aid is terminated with its reason and the 终止法律援助决定书 carries its own number', async () => {
    await moveTo('2026-05-25');
    const res = await apply(
      clerk,
      application({
        applicant: { name: '莫海燕', idNumber: idNumber('19790404', '362') },
        matter: { disputeKind: 'wageArrears', facts: '工地欠薪', request: '追讨工资', amountClaimed: 12000 },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { caseId } = res.json();
    expect((await transition(centre, caseId, 'grant', {})).statusCode).toBe(200);
    const bare = await transition(centre, caseId, 'terminate', { reasonCode: 'ownLawyer' });
    expect(bare.statusCode).toBe(400);
    const ended = await transition(centre, caseId, 'terminate', {
      reasonCode: 'ownLawyer',
      explanation: '受援人已自行委托律师代理本案',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const clocks = await clocksOf(caseId);
    expect(clocks['legalAid.assignLawyer']?.status).toBe('stopped');
    const view = (await centre.request('GET', `/api/legal-aid/applications/${caseId}`)).json();
    expect(view).toMatchObject({ status: 'terminated', statusLabel: '终止援助' });
    expect(view.terminationReason).toContain('自行委托律师');

    const doc = await centre.request('POST', `/api/cases/${caseId}/documents`, {
      templateCode: 'terminationDecision',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json()).toMatchObject({ name: '终止法律援助决定书', docNo: '海城法援终〔2026〕1号' });
  });
});
