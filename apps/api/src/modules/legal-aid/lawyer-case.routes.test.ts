import { idNumberCheckChar } from '@zhucheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/access/principal.ts';
import { addParticipants } from '../../platform/cases/cases.repo.ts';
import { fixedClock } from '../../platform/clock/clock.ts';
import { samples } from '../../platform/files/files-testing.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { legalAidAssignment } from './assignment.schema.ts';

function idNumber(birth: string, seq = '123'): string {
  const first17 = `450502${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

/** A multipart body as a browser sends it. */
async function multipart(file: { name: string; bytes: Buffer; type: string }) {
  const form = new FormData();
  form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

type Step = { key: string; label: string; status: string; note: string | null };

// The lawyer's case through the whole app (法律援助法 第四十三条 onwards): the assigned lawyer sees only
// their own cases, accepts or returns the assignment, keeps the progress log with files and closes with
// the amount recovered; the centre reads it; the applicant's progress page shows each step.
describe('legal aid: the lawyer’s case', () => {
  const clock = fixedClock('2026-06-01T02:00:00Z'); // Monday 1 June 2026, 10:00 in Beihai
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  let centre: SessionClient;
  let lawyer: SessionClient;
  let other: SessionClient;
  let centreId: string;
  let lawyerRowId: string;
  let otherRowId: string;
  let haicheng: number;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
  const userId = async (username: string) =>
    String((await q('select id from staff_user where username = $1', [username]))[0]?.id);

  const staff = async (username: string, unit: number, roleCodes: string[], displayName?: string) => {
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: displayName ?? `测试${username}`,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#lawX9',
    });
    return signIn(t.app, username, 'Beihai#lawX9');
  };

  const lawyerRow = async (username: string, name: string, firm: string, licence: string) => {
    const rows = await q(
      `insert into legal_aid_lawyer (unit_id, name, staff_user_id, law_firm, licence_number, practice_start_date,
         registered_on, created_at, updated_at)
       values ($1, $2, $3, $4, $5, '2015-07-01', '2020-01-01', now(), now()) returning id`,
      [await unitId('海城区法律援助中心'), name, await userId(username), firm, licence],
    );
    return String(rows[0]?.id);
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
    const raw = res.headers['set-cookie'];
    const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
    const csrfToken: string = res.json().csrfToken;
    return {
      request: (method: string, url: string, payload?: unknown) =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': csrfToken },
          ...(payload !== undefined ? { payload: payload as object } : {}),
        }),
    };
  };
  let applicant: Awaited<ReturnType<typeof citizen>>;

  /** A portal application (a migrant worker's wage claim, Art. 42) granted by the centre. */
  const grantedCase = async (name: string, seq: string, disputeKind = 'wageArrears') => {
    const data = {
      applicant: {
        name,
        idType: 'residentIdCard',
        idNumber: idNumber('19850312', seq),
        phone: '13877900001',
      },
      matter: {
        matterType: 'civil',
        disputeKind,
        opposingParty: '北海市某建筑劳务有限公司',
        placeUnitId: haicheng,
        facts: '2025 年在工地务工 8 个月，拖欠工资 26,000 元。',
        request: '追索拖欠的劳动报酬',
        amountClaimed: 26000,
      },
      hardship: { exemption: 'art42MigrantWorker' },
      step: 4,
    };
    const draft = await applicant.request('POST', '/api/legal-aid/drafts', { data });
    expect(draft.statusCode, draft.body).toBe(201);
    const submitted = await applicant.request('POST', `/api/legal-aid/drafts/${draft.json().id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const caseId: string = submitted.json().caseId;
    const current = (await centre.request('GET', `/api/cases/${caseId}`)).json();
    const granted = await centre.request('POST', `/api/cases/${caseId}/transitions`, {
      transition: 'grant',
      version: current.version,
      input: {},
    });
    expect(granted.statusCode, granted.body).toBe(200);
    return caseId;
  };

  /** Until the assignment slice lands: the assignment row, the participant and the `assign` step, one tx. */
  const assign = async (caseId: string, lawyerId: string, staffUserId: string) => {
    const ctx: RequestContext = {
      principal: {
        kind: 'staff',
        id: centreId,
        username: 'hcaid',
        displayName: '测试hcaid',
        unitId: await unitId('海城区法律援助中心'),
        permissions: new Set(['legalAid:assign']),
        scope: { all: true, unitIds: new Set(), self: false },
        duty: null,
        sessionId: 'test',
      },
      ip: '127.0.0.1',
      requestId: 'test:assign',
    };
    const version = Number((await q('select version from case_record where id = $1', [caseId]))[0]?.version);
    await t.database.db.transaction(async (tx) => {
      await tx.insert(legalAidAssignment).values({
        caseId,
        lawyerId,
        method: 'rotation',
        assignedBy: centreId,
        assignedAt: clock.now(),
      });
      await addParticipants(
        tx,
        caseId,
        [{ accountKind: 'staff', accountId: staffUserId, role: 'assignedLawyer' }],
        clock.now(),
      );
      await t.services.workflow.transition(
        ctx,
        { caseId, transition: 'assign', version },
        { tx, viaModule: true },
      );
    });
  };

  const caseRow = async (caseId: string) =>
    (await q('select status, version from case_record where id = $1', [caseId]))[0] as {
      status: string;
      version: number;
    };
  const assignments = async (caseId: string) =>
    q(
      `select lawyer_id, accepted_at is not null as accepted, end_reason, ended_at is not null as ended
         from legal_aid_assignment where case_id = $1 order by assigned_at`,
      [caseId],
    );
  const steps = async (caseId: string): Promise<Step[]> =>
    (await applicant.request('GET', `/api/legal-aid/applications/mine/${caseId}`)).json().steps;

  const upload = async (who: SessionClient, name: string) => {
    const body = await multipart({ name, bytes: samples.pdf(), type: 'application/pdf' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: body.payload,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': body.contentType },
    });
    expect(res.statusCode, res.body).toBe(201);
    return String(res.json().id);
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    haicheng = await unitId('海城区司法局');
    const centreUnit = await unitId('海城区法律援助中心');
    centre = await staff('hcaid', centreUnit, ['legalAidStaff']);
    centreId = await userId('hcaid');
    lawyer = await staff('lawchen', centreUnit, ['lawyer'], '陈志明');
    other = await staff('lawli', centreUnit, ['lawyer'], '李桂芳');
    lawyerRowId = await lawyerRow('lawchen', '陈志明', '广西北海银滩律师事务所', '14505201510000001');
    otherRowId = await lawyerRow('lawli', '李桂芳', '广西海城律师事务所', '14505201510000002');
    applicant = await citizen('13977900011');
  });
  afterAll(() => t?.close());

  let caseId: string;

  it('the assigned lawyer sees the case and accepts it; nobody else sees or touches it', async () => {
    caseId = await grantedCase('黄秀梅', '123');
    await assign(caseId, lawyerRowId, await userId('lawchen'));

    const mine = await lawyer.request('GET', '/api/legal-aid/my-cases');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toMatchObject([
      {
        caseId,
        applicantName: '黄秀梅',
        matterSummary: '追索劳动报酬（对方：北海市某建筑劳务有限公司）',
        statusLabel: '已指派待接受',
        acceptedAt: null,
      },
    ]);
    expect((await lawyer.request('GET', '/api/legal-aid/my-cases?status=closed')).json().items).toEqual([]);
    // Another lawyer (scope self) finds nothing; the centre has no lawyer's list.
    expect((await other.request('GET', '/api/legal-aid/my-cases')).json().items).toEqual([]);
    expect((await centre.request('GET', '/api/legal-aid/my-cases')).statusCode).toBe(403);
    const before = await caseRow(caseId);
    expect(
      (await other.request('POST', `/api/legal-aid/cases/${caseId}/accept`, { version: before.version }))
        .statusCode,
    ).toBe(404);
    expect((await other.request('GET', `/api/legal-aid/cases/${caseId}/casework`)).statusCode).toBe(404);
    // The generic route refuses the module's step.
    const generic = await lawyer.request('POST', `/api/cases/${caseId}/transitions`, {
      transition: 'acceptAssignment',
      version: before.version,
    });
    expect(generic.statusCode).toBeGreaterThanOrEqual(400);
    // Progress before accepting, and a stale version: refused, nothing changes.
    const early = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
      kind: 'clientMeeting',
      occurredOn: '2026-06-01',
      note: '电话联系受援人',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('请先接受指派，再填写办案记录');
    const stale = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/accept`, {
      version: before.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(await caseRow(caseId)).toEqual(before);
    expect(await assignments(caseId)).toEqual([
      { lawyer_id: lawyerRowId, accepted: false, end_reason: null, ended: false },
    ]);
    expect(Number((await q('select count(*)::int as n from legal_aid_progress_entry'))[0]?.n)).toBe(0);

    // Before acceptance the applicant sees the lawyer's name and firm, and no phone.
    const waiting = await steps(caseId);
    expect(waiting.map((s) => [s.label, s.status])).toEqual([
      ['提交申请', 'done'],
      ['审查决定', 'done'],
      ['指派律师', 'done'],
      ['律师承办', 'current'],
      ['办结', 'pending'],
    ]);
    expect(waiting[2]?.note).toBe('已指派广西北海银滩律师事务所陈志明律师承办');

    const accepted = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/accept`, {
      version: before.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'inProgress', canHandle: true, accepted: true });
    expect(await caseRow(caseId)).toEqual({ status: 'inProgress', version: before.version + 1 });
    expect(await assignments(caseId)).toEqual([
      { lawyer_id: lawyerRowId, accepted: true, end_reason: null, ended: false },
    ]);
    const history = await q('select transition from case_history where case_id = $1 order by at, id', [
      caseId,
    ]);
    expect(history.map((h) => h.transition)).toContain('acceptAssignment');
    const audit = await q(
      "select action from audit_log where entity_id = $1 and action like 'legalAid.assignment%'",
      [caseId],
    );
    expect(audit.map((a) => a.action)).toEqual(['legalAid.assignment.accept']);
    const again = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/accept`, {
      version: before.version + 1,
    });
    expect(again.statusCode).toBe(409);

    const handling = await steps(caseId);
    expect(handling.map((s) => [s.label, s.status])).toEqual([
      ['提交申请', 'done'],
      ['审查决定', 'done'],
      ['指派律师', 'done'],
      ['律师承办', 'current'],
      ['办结', 'pending'],
    ]);
    expect(JSON.stringify(handling)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('the progress log takes a dated step with its files; dates in the future or before the grant are refused', async () => {
    const fileId = await upload(lawyer, '会见笔录.pdf');
    const future = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
      kind: 'clientMeeting',
      occurredOn: '2026-06-02',
      note: '会见受援人',
      fileIds: [fileId],
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('日期不能晚于今天（2026-06-01）');
    const early = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
      kind: 'clientMeeting',
      occurredOn: '2026-05-31',
      note: '会见受援人',
      fileIds: [fileId],
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('不能早于给予法律援助的日期（2026-06-01）');
    const empty = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
      kind: 'clientMeeting',
      occurredOn: '2026-06-01',
      note: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写办理情况');
    expect(Number((await q('select count(*)::int as n from legal_aid_progress_entry'))[0]?.n)).toBe(0);
    expect((await q('select case_id from stored_file where id = $1', [fileId]))[0]?.case_id).toBeNull();

    const added = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
      kind: 'clientMeeting',
      occurredOn: '2026-06-01',
      note: '会见受援人，了解欠薪情况，收集考勤记录',
      fileIds: [fileId],
    });
    expect(added.statusCode, added.body).toBe(201);
    const rows = await q(
      'select kind, occurred_on::text as day, file_ids::text as files from legal_aid_progress_entry where case_id = $1',
      [caseId],
    );
    expect(rows).toEqual([{ kind: 'clientMeeting', day: '2026-06-01', files: `{${fileId}}` }]);
    expect((await q('select case_id from stored_file where id = $1', [fileId]))[0]?.case_id).toBe(caseId);
    // The same file cannot be attached twice.
    const reused = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
      kind: 'evidence',
      occurredOn: '2026-06-01',
      note: '调取工资表',
      fileIds: [fileId],
    });
    expect(reused.statusCode).toBe(400);
    expect(Number((await q('select count(*)::int as n from legal_aid_progress_entry'))[0]?.n)).toBe(1);

    // The centre reads the log (case:read, in scope); it cannot write.
    const read = await centre.request('GET', `/api/legal-aid/cases/${caseId}/casework`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      canHandle: false,
      amountRecoveredRequired: true,
      grantedOn: '2026-06-01',
      progress: [
        {
          kindLabel: '会见受援人',
          occurredOn: '2026-06-01',
          createdByName: '陈志明',
          files: [{ id: fileId, name: '会见笔录.pdf' }],
        },
      ],
      closing: null,
    });
    expect(
      (
        await centre.request('POST', `/api/legal-aid/cases/${caseId}/progress`, {
          kind: 'other',
          occurredOn: '2026-06-01',
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await lawyer.request('GET', `/api/legal-aid/cases/${caseId}/progress`)).json().items,
    ).toHaveLength(1);
  });

  it('closing a wage claim needs the amount recovered (to the fen); the case closes with its row, once', async () => {
    const { version } = await caseRow(caseId);
    const base = {
      outcome: 'mediated',
      summary: '经劳动仲裁调解，对方支付拖欠工资',
      closedOn: '2026-06-01',
      version,
    };
    const missing = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/close`, base);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('amountRecoveredYuan');
    expect(missing.body).toContain('追索劳动报酬案件请填写挽回损失金额');
    const fen = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/close`, {
      ...base,
      amountRecoveredYuan: 100.123,
    });
    expect(fen.statusCode).toBe(400);
    expect(fen.body).toContain('最多保留两位小数');
    const negative = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/close`, {
      ...base,
      amountRecoveredYuan: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(await q('select * from legal_aid_closing')).toEqual([]);
    expect((await caseRow(caseId)).status).toBe('inProgress');

    const fileId = await upload(lawyer, '调解书.pdf');
    const closed = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/close`, {
      ...base,
      amountRecoveredYuan: 26000.5,
      fileIds: [fileId],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closing).toMatchObject({
      outcomeLabel: '调解结案',
      amountRecoveredYuan: 26000.5,
      closedOn: '2026-06-01',
      files: [{ name: '调解书.pdf' }],
    });
    const row = (
      await q(
        'select outcome, amount_recovered_yuan::text as amount, closed_on::text as day from legal_aid_closing where case_id = $1',
        [caseId],
      )
    )[0];
    expect(row).toEqual({ outcome: 'mediated', amount: '26000.50', day: '2026-06-01' });
    expect(await assignments(caseId)).toEqual([
      { lawyer_id: lawyerRowId, accepted: true, end_reason: 'closed', ended: true },
    ]);
    expect((await caseRow(caseId)).status).toBe('closed');
    const again = await lawyer.request('POST', `/api/legal-aid/cases/${caseId}/close`, {
      ...base,
      amountRecoveredYuan: 1,
      version: version + 1,
    });
    expect(again.statusCode).toBe(403);

    // The lawyer still finds the closed case; the applicant sees 办结 with the outcome.
    const closedList = (await lawyer.request('GET', '/api/legal-aid/my-cases?status=closed')).json().items;
    expect(closedList.map((c: { caseId: string; statusLabel: string }) => [c.caseId, c.statusLabel])).toEqual(
      [[caseId, '已结案']],
    );
    const done = await steps(caseId);
    expect(done.map((s) => [s.label, s.status])).toEqual([
      ['提交申请', 'done'],
      ['审查决定', 'done'],
      ['指派律师', 'done'],
      ['律师承办', 'done'],
      ['办结', 'done'],
    ]);
    expect(done[4]?.note).toBe('案件已办结：调解结案');
  });

  it('a returned assignment goes back to the centre with a new 3-day clock (Art. 43) and the lawyer loses the case', async () => {
    const second = await grantedCase('梁文华', '771', 'family');
    await assign(second, otherRowId, await userId('lawli'));
    const { version } = await caseRow(second);
    const bare = await other.request('POST', `/api/legal-aid/cases/${second}/decline`, {
      reason: ' ',
      version,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('请说明退回的原因');
    expect((await caseRow(second)).status).toBe('assigned');
    // Another lawyer cannot return it.
    expect(
      (await lawyer.request('POST', `/api/legal-aid/cases/${second}/decline`, { reason: '冲突', version }))
        .statusCode,
    ).toBe(404);

    const declined = await other.request('POST', `/api/legal-aid/cases/${second}/decline`, {
      reason: '本所代理过对方当事人，存在利益冲突',
      version,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(await caseRow(second)).toEqual({ status: 'granted', version: version + 1 });
    expect(await assignments(second)).toEqual([
      { lawyer_id: otherRowId, accepted: false, end_reason: 'declined', ended: true },
    ]);
    const participants = await q(
      "select role from case_participant where case_id = $1 and account_kind = 'staff'",
      [second],
    );
    expect(participants).toEqual([]);
    const clocks = await q(
      "select to_char(due_on, 'YYYY-MM-DD') as due, status from case_deadline where case_id = $1 and rule_code = 'legalAid.assignLawyer' order by status",
      [second],
    );
    expect(clocks.map((c) => c.status).sort()).toEqual(['met', 'running']);
    expect(clocks.find((c) => c.status === 'running')?.due).toBe('2026-06-04');
    expect((await other.request('GET', '/api/legal-aid/my-cases')).json().items).toEqual([]);
    expect((await other.request('GET', `/api/legal-aid/cases/${second}/casework`)).statusCode).toBe(404);
    const back = await steps(second);
    expect(back.map((s) => [s.label, s.status])).toEqual([
      ['提交申请', 'done'],
      ['审查决定', 'done'],
      ['指派律师', 'current'],
    ]);
    // A family matter: the amount recovered is optional.
    expect(
      (await centre.request('GET', `/api/legal-aid/cases/${second}/casework`)).json().amountRecoveredRequired,
    ).toBe(false);
  });
});
