import { allPermissionCodes, idNumberCheckChar } from '@zhucheng/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/access/principal.ts';
import { fixedClock } from '../../platform/clock/clock.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { legalAidModule } from './index.ts';

function idNumber(birth: string, seq: string): string {
  const first17 = `450502${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

// 质量评估与办案补贴 (Beihai 2023: civil 2,800, criminal 2,300 yuan × the rating's coefficient, rates
// effective-dated), payment batches with their .xlsx, and 承诺核查 (第四十一条, 第四十八条, 第六十四条),
// through the whole app. Closed cases are made here: counter application, grant, then the assignment and
// closing rows written directly with the viaModule steps.
describe('legal-aid quality, subsidies and pledge checks', () => {
  const clock = fixedClock('2024-01-10T02:00:00Z');
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  let centre: SessionClient; // 海城区法律援助中心
  let otherCentre: SessionClient; // 银海区法律援助中心
  let haicheng: number;
  let centreId: number;
  let ctx: RequestContext;
  let seq = 100;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

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
    await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#aidX9',
    });
    return signIn(t.app, username, 'Beihai#aidX9');
  };

  /** A counter application in Haicheng; `pledge` applicants prove hardship by the pledge. */
  const applyAtCounter = async (
    opts: { matterType?: string; disputeKind?: string; pledge?: boolean; name?: string } = {},
  ) => {
    seq += 1;
    const body = {
      applicant: {
        name: opts.name ?? '黄秀梅',
        idType: 'residentIdCard',
        idNumber: idNumber('19850312', String(seq)),
        phone: '13877900001',
      },
      matter: {
        matterType: opts.matterType ?? 'civil',
        disputeKind: opts.disputeKind ?? (opts.matterType === 'criminal' ? 'criminalDefence' : 'family'),
        opposingParty: '某公司',
        placeUnitId: haicheng,
        facts: '案情简述',
        request: '代理诉讼',
      },
      hardship: opts.pledge
        ? { proof: 'pledge', pledgeSigned: true, householdSize: 3, householdMonthlyIncome: 3000 }
        : { exemption: opts.matterType === 'criminal' ? 'art25LifeOrDeath' : 'art32AbuseVictim' },
    };
    const apps = moduleServices(t.services, legalAidModule).applications;
    const result = await t.services.database.db.transaction((tx) => apps.createAtCounter(tx, ctx, body));
    return result.caseId;
  };

  const version = async (caseId: string) =>
    Number((await q('select version from case_record where id = $1', [caseId]))[0]?.version);

  const grant = async (caseId: string) =>
    t.services.workflow.transition(ctx, {
      caseId,
      transition: 'grant',
      version: await version(caseId),
      input: {},
    });

  let lawyerId: string;
  /** A granted, assigned, accepted and closed case; closed on `closedOn`. */
  const closedCase = async (closedOn: string, opts: Parameters<typeof applyAtCounter>[0] = {}) => {
    const caseId = await applyAtCounter(opts);
    await grant(caseId);
    const wf = t.services.workflow;
    const granted = await version(caseId);
    await t.services.database.db.transaction(async (tx) => {
      await tx.execute(
        `insert into legal_aid_assignment (case_id, lawyer_id, method, assigned_at, accepted_at) values ('${caseId}', '${lawyerId}', 'rotation', now(), now())` as never,
      );
      let v = await wf.transition(
        ctx,
        { caseId, transition: 'assign', version: granted },
        {
          tx,
          viaModule: true,
        },
      );
      v = await wf.transition(
        ctx,
        { caseId, transition: 'acceptAssignment', version: v.version },
        {
          tx,
          viaModule: true,
        },
      );
      await tx.execute(
        `insert into legal_aid_closing (case_id, outcome, summary, closed_on, closed_at) values ('${caseId}', 'won', '胜诉', '${closedOn}', now())` as never,
      );
      await wf.transition(ctx, { caseId, transition: 'close', version: v.version }, { tx, viaModule: true });
    });
    return caseId;
  };

  const rate = (who: SessionClient, caseId: string, body: Record<string, unknown>) =>
    who.request('POST', `/api/legal-aid/cases/${caseId}/rating`, {
      reviewMethods: ['fileCheck'],
      fundingSource: 'centralLottery',
      ...body,
    });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    haicheng = await unitId('海城区司法局');
    centreId = await unitId('海城区法律援助中心');
    centre = await staff('hcaidq', centreId, ['legalAidStaff']);
    otherCentre = await staff('yhaidq', await unitId('银海区法律援助中心'), ['legalAidStaff']);
    const adminId = String((await q("select id from staff_user where username = 'admin'"))[0]?.id);
    ctx = {
      principal: {
        kind: 'staff',
        id: adminId,
        username: 'admin',
        displayName: '测试管理员',
        unitId: centreId,
        permissions: new Set(allPermissionCodes),
        scope: { all: true, unitIds: new Set(), self: false },
        duty: null,
        sessionId: 'test',
      },
      ip: '127.0.0.1',
      requestId: 'quality-test',
    };
    lawyerId = String(
      (
        await q(
          `insert into legal_aid_lawyer (unit_id, name, law_firm, licence_number, practice_start_date, registered_on, created_at, updated_at)
           values ($1, '李明', '广西海城律师事务所', '14505201010000001', '2010-01-01', '2015-01-01', now(), now()) returning id`,
          [centreId],
        )
      )[0]?.id,
    );
  });
  afterAll(() => t?.close());

  it('Beihai 2023 rates: a case closed on 2023-12-31 gets the 2023 rate, one closed on 2024-01-01 the new one', async () => {
    const rates = await centre.request('GET', '/api/legal-aid/subsidy-rates');
    expect(rates.statusCode, rates.body).toBe(200);
    expect(
      rates.json().items.map((r: { matterType: string; baseYuan: number }) => [r.matterType, r.baseYuan]),
    ).toEqual([
      ['civil', 2800],
      ['criminal', 2300],
    ]);
    expect(rates.json().coefficients).toEqual({ excellent: 1.2, good: 1, qualified: 0.8, unqualified: 0 });
    const added = await centre.request('POST', '/api/legal-aid/subsidy-rates', {
      matterType: 'civil',
      effectiveFrom: '2024-01-01',
      baseYuan: 3000,
    });
    expect(added.statusCode, added.body).toBe(201);
    const twice = await centre.request('POST', '/api/legal-aid/subsidy-rates', {
      matterType: 'civil',
      effectiveFrom: '2024-01-01',
      baseYuan: 3100,
    });
    expect(twice.statusCode).toBe(409);

    const old = await closedCase('2023-12-31');
    const fresh = await closedCase('2024-01-01');
    const a = await rate(centre, old, { rating: 'good' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().rating).toMatchObject({
      rating: 'good',
      baseYuan: 2800,
      coefficient: 1,
      subsidyYuan: 2800,
      rateEffectiveFrom: '2023-01-01',
      version: 1,
    });
    const b = await rate(centre, fresh, { rating: 'excellent' });
    expect(b.json().rating).toMatchObject({ baseYuan: 3000, coefficient: 1.2, subsidyYuan: 3600 });
    expect(b.json().rating.rateEffectiveFrom).toBe('2024-01-01');

    // The 2024 rate is now used: it is not edited (a new one is added instead).
    const edit = await centre.request('PUT', `/api/legal-aid/subsidy-rates/${added.json().id}`, {
      baseYuan: 3200,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('不能修改');

    // Re-rating before a batch: with the version read; a stale or missing version is refused.
    const again = await rate(centre, old, { rating: 'qualified', version: 1 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().rating).toMatchObject({ subsidyYuan: 2240, coefficient: 0.8, version: 2 });
    expect((await rate(centre, old, { rating: 'excellent', version: 1 })).statusCode).toBe(409);
    expect((await rate(centre, old, { rating: 'excellent' })).statusCode).toBe(409);
    const row = await q('select subsidy_yuan, version from legal_aid_rating where case_id = $1', [old]);
    expect(row[0]).toMatchObject({ version: 2 });
    expect(Number(row[0]?.subsidy_yuan)).toBe(2240);

    // Out of scope: another county's centre gets 404.
    expect((await otherCentre.request('GET', `/api/legal-aid/cases/${old}/rating`)).statusCode).toBe(404);
  });

  it('refuses what cannot be rated: an open case, no rate set for the type, no review method', async () => {
    const open = await applyAtCounter();
    await grant(open);
    const notClosed = await rate(centre, open, { rating: 'good' });
    expect(notClosed.statusCode).toBe(422);
    expect(notClosed.json().message).toContain('尚未结案');

    const admin = await closedCase('2023-06-01', {
      matterType: 'administrative',
      disputeKind: 'administrativeAction',
    });
    const view = await centre.request('GET', `/api/legal-aid/cases/${admin}/rating`);
    expect(view.json().problem).toContain('尚未设置行政案件');
    const noRate = await rate(centre, admin, { rating: 'good' });
    expect(noRate.statusCode).toBe(422);
    expect(noRate.json().message).toContain('尚未设置行政案件 2023-06-01 适用的办案补贴标准');
    const noMethod = await rate(centre, admin, { rating: 'good', reviewMethods: [] });
    expect(noMethod.statusCode).toBe(400);
    expect(noMethod.body).toContain('请至少选择一种评估方式');
    expect(
      Number((await q('select count(*)::int as n from legal_aid_rating where case_id = $1', [admin]))[0]?.n),
    ).toBe(0);
  });

  it('a payment batch claims the rated cases of the period; the .xlsx lists them with a total; then nothing is left', async () => {
    clock.set('2024-02-05T02:00:00Z');
    // Sessions idle for weeks expire: sign in again.
    centre = await signIn(t.app, 'hcaidq', 'Beihai#aidX9');
    otherCentre = await signIn(t.app, 'yhaidq', 'Beihai#aidX9');
    const criminal = await closedCase('2024-01-20', { matterType: 'criminal', name: '陈国强' });
    const rated = await rate(centre, criminal, { rating: 'excellent' });
    expect(rated.json().rating.subsidyYuan).toBe(2760);

    const batch = await centre.request('POST', '/api/legal-aid/payment-batches', {
      unitId: centreId,
      periodFrom: '2024-02-01',
      periodTo: '2024-02-29',
    });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json()).toMatchObject({
      itemCount: 1,
      totalYuan: 2760,
      unit: { name: '海城区法律援助中心' },
    });
    const all = await centre.request('POST', '/api/legal-aid/payment-batches', {
      unitId: centreId,
      periodFrom: '2024-01-01',
      periodTo: '2024-01-31',
    });
    expect(all.statusCode, all.body).toBe(201);
    expect(all.json()).toMatchObject({ itemCount: 2, totalYuan: 2240 + 3600 });

    const empty = await centre.request('POST', '/api/legal-aid/payment-batches', {
      unitId: centreId,
      periodFrom: '2024-01-01',
      periodTo: '2024-02-29',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().message).toBe('该期间没有待发放的补贴');
    // Claimed: the rating no longer changes.
    const late = await rate(centre, criminal, { rating: 'good', version: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('发放批次');

    const file = await centre.request('GET', `/api/legal-aid/payment-batches/${batch.json().id}/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const values = (n: number) => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '序号',
      '案号',
      '受援人',
      '承办律师',
      '律师事务所',
      '案件类型',
      '结案日期',
      '质量等级',
      '补贴标准（元）',
      '系数',
      '补贴金额（元）',
      '资金来源',
    ]);
    expect(values(2)).toMatchObject([
      1,
      expect.stringContaining('法援'),
      '陈国强',
      '李明',
      '广西海城律师事务所',
      '刑事',
      '2024-01-20',
      '优秀',
      2300,
      1.2,
      2760,
      '中央专项彩票公益金',
    ]);
    expect(values(3)[0]).toBe('合计');
    expect(values(3)[10]).toBe(2760);

    const list = await centre.request('GET', '/api/legal-aid/payment-batches');
    expect(list.json().items).toHaveLength(2);
    expect((await otherCentre.request('GET', '/api/legal-aid/payment-batches')).json().items).toHaveLength(0);
    const audit = await q(
      "select action from audit_log where action like 'legalAid.paymentBatch.%' order by action",
    );
    expect(audit.map((r) => r.action)).toEqual([
      'legalAid.paymentBatch.create',
      'legalAid.paymentBatch.create',
      'legalAid.paymentBatch.export',
    ]);
  });

  it('Art. 41/48/64: a sampled pledge found false terminates granted aid with the costs to recover; an undecided one is refused', async () => {
    await q(
      `insert into system_setting (key, value, updated_at) values ('legalAid.applicationSettings', '{"pledgeSampleRate": 1}', now())
       on conflict (key) do update set value = excluded.value`,
    );
    const granted = await applyAtCounter({ pledge: true, name: '林小红' });
    await grant(granted);
    const undecided = await applyAtCounter({ pledge: true, name: '周海' });
    const exempt = await applyAtCounter();

    const pending = await centre.request('GET', '/api/legal-aid/pledge-checks?status=pending');
    expect(pending.statusCode, pending.body).toBe(200);
    expect(
      pending
        .json()
        .items.map((i: { caseId: string }) => i.caseId)
        .sort(),
    ).toEqual([granted, undecided].sort());

    const view = await centre.request('GET', `/api/legal-aid/cases/${granted}/pledge-check`);
    expect(view.json()).toMatchObject({ pledged: true, sampled: true, problem: null, check: null });
    expect(view.json().falseEffect).toContain('终止法律援助');

    const found = await centre.request('POST', `/api/legal-aid/cases/${granted}/pledge-check`, {
      result: 'false',
      note: '经不动产登记查询，申请人名下有商品房两套',
      costRecoveryYuan: 1500,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({
      status: 'terminated',
      check: { result: 'false', costRecoveryYuan: 1500, recoveredOn: null },
    });
    const history = await q("select data from case_history where case_id = $1 and transition = 'terminate'", [
      granted,
    ]);
    expect(history[0]?.data).toMatchObject({ reasonCode: 'fraud', costRecoveryYuan: 1500 });
    expect(JSON.stringify(history[0]?.data)).toContain('商品房两套');
    const twice = await centre.request('POST', `/api/legal-aid/cases/${granted}/pledge-check`, {
      result: 'confirmed',
      note: '再次核查',
    });
    expect(twice.statusCode).toBe(409);

    const paid = await centre.request('POST', `/api/legal-aid/cases/${granted}/pledge-check/recovered`, {
      recoveredOn: '2024-02-05',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().check.recoveredOn).toBe('2024-02-05');

    const refused = await centre.request('POST', `/api/legal-aid/cases/${undecided}/pledge-check`, {
      result: 'false',
      note: '申请人隐瞒经营收入',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().status).toBe('refused');
    const refusal = await q("select data from case_history where case_id = $1 and transition = 'refuse'", [
      undecided,
    ]);
    expect(refusal[0]?.data).toMatchObject({ reasonCode: 'falseInformation' });

    const notPledged = await centre.request('POST', `/api/legal-aid/cases/${exempt}/pledge-check`, {
      result: 'confirmed',
      note: '核查',
    });
    expect(notPledged.statusCode).toBe(422);
    expect((await centre.request('GET', '/api/legal-aid/pledge-checks?status=pending')).json().items).toEqual(
      [],
    );
    const checked = await centre.request('GET', '/api/legal-aid/pledge-checks?status=checked');
    expect(checked.json().items).toHaveLength(2);
    expect(
      (await otherCentre.request('GET', '/api/legal-aid/pledge-checks?status=checked')).json().items,
    ).toEqual([]);
  });
});
