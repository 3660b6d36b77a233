import { idNumberCheckChar } from '@zhucheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { currentAssignment } from './assignment.repo.ts';
import { legalAidModule } from './index.ts';

function idNumber(birth: string, seq = '123'): string {
  const first17 = `450502${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

// 指派律师 through the whole app (法律援助法 第四十三条: within 3 days of the grant): the ranked candidates,
// rotation, the conflict check, 第二十六条 for a possible life or death sentence, 点援制, the change of
// lawyer, the 指派通知书, scope and stale versions — asserting what the database holds.
describe('legal-aid assignment', () => {
  const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 in Beihai
  let t: TestApp;
  let centre: SessionClient;
  let otherCentre: SessionClient;
  let haicheng: number;
  let centreUnit: number;
  const lawyers: Record<string, { id: string; accountId: string | null; client?: SessionClient }> = {};
  let seq = 0;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const staff = async (username: string, unit: number, roleCodes: string[]) => {
      const created = await admin.request('POST', '/api/access/users', {
        username,
        displayName: `测试${username}`,
        unitId: unit,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user, initialPassword } = created.json();
      await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
      const first = await signIn(t.app, username, initialPassword);
      await first.request('POST', '/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Beihai#aidX9',
      });
      return { id: user.id as string, client: await signIn(t.app, username, 'Beihai#aidX9') };
    };
    haicheng = await unitId('海城区司法局');
    centreUnit = await unitId('海城区法律援助中心');
    centre = (await staff('hcaid', centreUnit, ['legalAidStaff'])).client;
    otherCentre = (await staff('yhaid', await unitId('银海区法律援助中心'), ['legalAidStaff'])).client;
    const lawyer = async (key: string, over: Record<string, unknown>, account = true, duty = true) => {
      const acc = account ? await staff(`law${key}`, centreUnit, ['lawyer']) : null;
      const res = await centre.request('POST', '/api/legal-aid/lawyers', {
        unitId: centreUnit,
        name: `律师${key}`,
        lawFirm: '广西海城律师事务所',
        licenceNumber: `14505202010${String(++seq).padStart(6, '0')}`,
        practiceStartDate: '2015-04-01',
        registeredOn: '2024-01-01',
        ...(acc ? { staffUserId: acc.id } : {}),
        ...over,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      lawyers[key] = { id, accountId: acc?.id ?? null, ...(acc ? { client: acc.client } : {}) };
      if (duty) {
        const d = await centre.request('POST', '/api/legal-aid/duty-roster', {
          unitId: centreUnit,
          lawyerId: id,
          place: '海城区法律援助中心',
          from: '2026-03-01',
          to: '2026-03-31',
        });
        expect(d.statusCode, d.body).toBe(201);
      }
    };
    await lawyer('A', {}); // on duty, 10 years
    await lawyer('B', { practiceStartDate: '2024-05-01' }); // on duty, under 3 years
    await lawyer('C', {}, false); // no account
    await lawyer('D', { unavailable: [{ from: '2026-03-01', to: '2026-03-05', reason: '病假' }] });
    await lawyer('E', {}, true, false); // registered here, not on duty
  });
  afterAll(() => t?.close());

  const apply = async (over: { matter?: object; hardship?: object; name?: string; birth?: string } = {}) => {
    const res = await centre.request('POST', '/api/legal-aid/applications', {
      applicant: {
        name: over.name ?? '黄秀梅',
        idType: 'residentIdCard',
        idNumber: idNumber(over.birth ?? '19850312', String(100 + ++seq)),
        phone: '13877900001',
      },
      matter: {
        matterType: 'civil',
        disputeKind: 'wageArrears',
        opposingParty: '北海市某建筑劳务有限公司',
        placeUnitId: haicheng,
        facts: '在工地务工 8 个月，拖欠工资 26,000 元。',
        request: '追索拖欠的劳动报酬',
        ...over.matter,
      },
      hardship: over.hardship ?? { exemption: 'art42MigrantWorker' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().caseId as string;
    const current = (await centre.request('GET', `/api/cases/${caseId}`)).json();
    const granted = await centre.request('POST', `/api/cases/${caseId}/transitions`, {
      transition: 'grant',
      version: current.version,
      input: {},
    });
    expect(granted.statusCode, granted.body).toBe(200);
    return caseId;
  };
  const page = async (caseId: string, who = centre) => {
    const res = await who.request('GET', `/api/legal-aid/cases/${caseId}/assignment`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  let first: string;

  it('第四十三条: assigning by rotation within 3 days meets the clock; row, participant, notice and audit commit together', async () => {
    first = await apply();
    const view = await page(first);
    expect(view.canAssign).toBe(true);
    const ranked = view.candidates.map((c: { name: string; eligible: boolean }) => [c.name, c.eligible]);
    // On duty and eligible first (A, B by licence: never assigned, no open cases), E not on duty, then C, D.
    expect(ranked).toEqual([
      ['律师A', true],
      ['律师B', true],
      ['律师E', true],
      ['律师C', false],
      ['律师D', false],
    ]);
    const reasons = Object.fromEntries(
      view.candidates.map((c: { name: string; reasons: string[] }) => [c.name, c.reasons.join('；')]),
    );
    expect(reasons.律师C).toContain('尚未开通系统账号，无法接受指派');
    expect(reasons.律师D).toContain('病假');

    // Rotation names the first; another lawyer by rotation is refused and writes nothing.
    const wrong = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment`, {
      lawyerId: lawyers.B?.id,
      method: 'rotation',
      version: view.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('按轮派应指派排在第一位的律师');
    const noReason = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment`, {
      lawyerId: lawyers.B?.id,
      method: 'manual',
      version: view.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请说明理由');
    expect(await q('select * from legal_aid_assignment')).toEqual([]);

    // Out of scope: 404 on read and write. Stale version: 409.
    expect((await otherCentre.request('GET', `/api/legal-aid/cases/${first}/assignment`)).statusCode).toBe(
      404,
    );
    const outsiderApi = await otherCentre.request('POST', `/api/legal-aid/cases/${first}/assignment`, {
      lawyerId: lawyers.A?.id,
      method: 'rotation',
      version: view.version,
    });
    expect(outsiderApi.statusCode).toBe(404);
    const stale = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment`, {
      lawyerId: lawyers.A?.id,
      method: 'rotation',
      version: view.version - 1,
    });
    expect(stale.statusCode).toBe(409);

    const ok = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment`, {
      lawyerId: lawyers.A?.id,
      method: 'rotation',
      version: view.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().current).toMatchObject({ lawyerName: '律师A', method: 'rotation', acceptedAt: null });
    expect(ok.json().status).toBe('assigned');

    const rows = await q('select lawyer_id, method, ended_at, notice_document_id from legal_aid_assignment');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ lawyer_id: lawyers.A?.id, method: 'rotation', ended_at: null });
    const doc = await q('select name, doc_no from case_document where id = $1', [
      rows[0]?.notice_document_id,
    ]);
    expect(doc[0]?.name).toBe('指派通知书');
    expect(doc[0]?.doc_no).toMatch(/^海城法援指〔2026〕1号$/);
    expect(
      await q("select account_id from case_participant where case_id = $1 and role = 'assignedLawyer'", [
        first,
      ]),
    ).toEqual([{ account_id: lawyers.A?.accountId }]);
    const clocks = await q(
      "select status from case_deadline where case_id = $1 and rule_code = 'legalAid.assignLawyer'",
      [first],
    );
    expect(clocks.map((c) => c.status)).toEqual(['met']);
    expect(await q("select entity_id from audit_log where action = 'legalAid.assignment.assign'")).toEqual([
      { entity_id: first },
    ]);
    // The lawyer is told (in the centre's words).
    const notices = await q("select recipient from notification_outbox where template = 'legalAid.assigned'");
    expect(notices.map((n) => n.recipient)).toContain(`staff:${lawyers.A?.accountId}`);
    // The helper other parts use.
    const cur = await currentAssignment(t.database.db, first);
    expect(cur?.lawyer.name).toBe('律师A');
    // The lawyer sees the case (self scope), without candidates.
    const own = await page(first, lawyers.A?.client);
    expect(own.candidates).toBeNull();
  });

  it('conflict check: a lawyer whose client is this case’s opposing party is skipped, naming the case', async () => {
    // 黄秀梅 (律师A's client) is now the opposing party; full-width spaces and brackets do not hide it.
    const second = await apply({
      name: '李建国',
      matter: { opposingParty: ' 黄秀梅 ', disputeKind: 'family' },
    });
    const view = await page(second);
    const a = view.candidates.find((c: { name: string }) => c.name === '律师A');
    expect(a.eligible).toBe(false);
    const caseNo = (await q('select case_no from case_record where id = $1', [first]))[0]?.case_no;
    expect(a.reasons.join()).toContain('利益冲突');
    expect(a.reasons.join()).toContain(caseNo);
    const refused = await centre.request('POST', `/api/legal-aid/cases/${second}/assignment`, {
      lawyerId: lawyers.A?.id,
      method: 'chosen',
      reason: '受援人点名',
      version: view.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('利益冲突');
  });

  it('第二十六条: a possible life or death sentence needs 3 years of practice; the chosen lawyer (点援制) is refused otherwise', async () => {
    const third = await apply({
      name: '陈志强',
      matter: { matterType: 'criminal', disputeKind: 'criminalDefence', opposingParty: null },
      hardship: { exemption: 'art25LifeOrDeath' },
    });
    const view = await page(third);
    expect(view.requirements.join()).toContain('第二十六条');
    const b = view.candidates.find((c: { name: string }) => c.name === '律师B');
    expect(b.eligible).toBe(false);
    expect(b.reasons.join()).toContain('执业未满3年');
    const chosen = await centre.request('POST', `/api/legal-aid/cases/${third}/assignment`, {
      lawyerId: lawyers.B?.id,
      method: 'chosen',
      reason: '受援人点援',
      version: view.version,
    });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.body).toContain('受援人选择的律师律师B不能指派');
    expect(await q('select * from legal_aid_assignment where case_id = $1', [third])).toEqual([]);
    // On-duty lawyers first: B is out, so A (who holds one open case) is the only eligible duty lawyer.
    const firstEligible = view.candidates.find((c: { eligible: boolean }) => c.eligible);
    expect(firstEligible.name).toBe('律师A');
    expect(firstEligible.openCases).toBe(1);
    const chosenOk = await centre.request('POST', `/api/legal-aid/cases/${third}/assignment`, {
      lawyerId: lawyers.E?.id,
      method: 'chosen',
      reason: '受援人点援律师E',
      version: view.version,
    });
    expect(chosenOk.statusCode, chosenOk.body).toBe(200);
    expect(chosenOk.json().current).toMatchObject({
      lawyerName: '律师E',
      method: 'chosen',
      reason: '受援人点援律师E',
    });
  });

  it('更换律师: ends the current row (changed), moves the participant, a new notice; the old lawyer loses the case', async () => {
    const before = await page(first);
    const noReason = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment/change`, {
      lawyerId: lawyers.B?.id,
      reason: ' ',
      version: before.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请说明更换律师的原因');
    const changed = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment/change`, {
      lawyerId: lawyers.B?.id,
      reason: '受援人申请更换',
      version: before.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const view = changed.json();
    expect(view.current).toMatchObject({ lawyerName: '律师B', method: 'manual', reason: '受援人申请更换' });
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({
      lawyerName: '律师A',
      endReason: 'changed',
      endNote: '受援人申请更换',
    });
    const rows = await q(
      'select lawyer_id, end_reason, notice_document_id from legal_aid_assignment where case_id = $1 order by assigned_at',
      [first],
    );
    expect(rows.map((r) => [r.lawyer_id, r.end_reason])).toEqual([
      [lawyers.A?.id, 'changed'],
      [lawyers.B?.id, null],
    ]);
    expect(rows[1]?.notice_document_id).not.toBe(rows[0]?.notice_document_id);
    expect(
      await q("select account_id from case_participant where case_id = $1 and role = 'assignedLawyer'", [
        first,
      ]),
    ).toEqual([{ account_id: lawyers.B?.accountId }]);
    expect(
      (await lawyers.A?.client?.request('GET', `/api/legal-aid/cases/${first}/assignment`))?.statusCode,
    ).toBe(404);
    expect(
      await q("select count(*)::int as n from audit_log where action = 'legalAid.assignment.change'"),
    ).toEqual([{ n: 1 }]);
    // Already assigned: 指派 again is refused; the service is what the demo calls.
    const services = moduleServices(t.services, legalAidModule);
    expect(typeof services.assignment.suggest).toBe('function');
    const again = await centre.request('POST', `/api/legal-aid/cases/${first}/assignment`, {
      lawyerId: lawyers.E?.id,
      method: 'manual',
      reason: 'x',
      version: view.version,
    });
    expect(again.statusCode).toBe(409);
  });
});
