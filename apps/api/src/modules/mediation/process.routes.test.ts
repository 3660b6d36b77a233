import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { sendDeadlineReminders } from '../../platform/deadlines/deadline-reminders.ts';
import { docxPart } from '../../platform/documents/documents-testing.ts';
import { samples } from '../../platform/files/files-testing.ts';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { type DisputeFixture, disputeFixture, testIdNumber } from './process.fixture.ts';

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

const atBeihai = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

// 调解过程 through the whole app (人民调解法 第十七条至第三十三条): acceptance and decline, scope (a committee
// sees only its own disputes, a mediator only those they mediate), sessions only while mediating, the
// written agreement's .docx and its 30-day judicial-confirmation clock, the oral agreement without either,
// follow-ups and performance, the court's confirmation, stale versions.
describe('mediation process', () => {
  const clock = fixedClock(atBeihai('2026-03-02')); // Monday 2 March 2026
  let t: TestApp;
  let fx: DisputeFixture;
  let committeeA: number;
  let committeeB: number;
  let staffA: SessionClient; // 中街调委会 staff
  let staffB: SessionClient; // another town's committee
  let office: SessionClient; // the township office of committee A
  let mediator1: SessionClient;
  let mediator2: SessionClient;
  let mediator1Account: string;
  let m1: string; // mediator rows
  let m2: string;
  let m3: string; // no account
  let mOther: string; // committee B's mediator

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const caseRow = async (id: string) =>
    (await q('select status, version from case_record where id = $1', [id]))[0] as {
      status: string;
      version: number;
    };
  const disputeRow = async (id: string) =>
    (
      await q(
        `select lead_mediator_id, accepted_on::text, decline_reason, outcome, outcome_on::text, outcome_note
           from mediation_dispute where case_id = $1`,
        [id],
      )
    )[0] as Record<string, unknown>;
  const clockRow = async (id: string) =>
    (
      await q(
        `select started_on::text, due_on::text, status from case_deadline
          where case_id = $1 and rule_code = 'mediation.judicialConfirmation'`,
        [id],
      )
    )[0] as { started_on: string; due_on: string; status: string } | undefined;

  const parties = [
    {
      name: '黄秀兰',
      idNumber: testIdNumber('19680415', '246'),
      address: '北海市海城区中街街道和平路12号',
    },
    { name: '陈国栋', idNumber: testIdNumber('19720903', '135'), address: '北海市海城区中街街道和平路14号' },
  ];

  /** Moves the clock; sessions do not survive the jump, so everyone signs in again. */
  const moveTo = async (day: string) => {
    clock.set(atBeihai(day));
    const again = (username: string) => signIn(t.app, username, 'Beihai#medX9');
    staffA = await again('hzjtw');
    staffB = await again('lztw');
    office = await again('hzjsfs');
    mediator1 = await again('medwang');
    mediator2 = await again('medli');
  };

  const received = () => fx.dispute(committeeA, { parties });
  const accepted = async (lead = m1) => {
    const id = await received();
    const res = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
      version: (await caseRow(id)).version,
      leadMediatorId: lead,
    });
    expect(res.statusCode, res.body).toBe(200);
    return id;
  };
  const session = (who: SessionClient, id: string, over: Record<string, unknown> = {}) =>
    who.request('POST', `/api/mediation/disputes/${id}/sessions`, {
      heldAt: '2026-03-02T09:00:00+08:00',
      place: '中街街道人民调解室',
      mediatorIds: [m1],
      attendees: '黄秀兰、陈国栋，社区网格员李明',
      record: '调解员听取双方陈述；双方同意以现有围墙中线为界，陈国栋拆除越界部分。',
      ...over,
    });
  const settle = async (who: SessionClient, id: string, agreement: Record<string, unknown>) =>
    who.request('POST', `/api/mediation/disputes/${id}/settle`, {
      version: (await caseRow(id)).version,
      agreement,
    });
  const written = {
    form: 'written',
    terms: '一、陈国栋于2026年3月20日前拆除越界围墙0.3米；二、黄秀兰不再追究其他损失。',
    performanceTerms: '陈国栋自行拆除，费用自理',
    performanceDueOn: '2026-03-20',
    effectiveOn: '2026-03-02',
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    fx = disputeFixture(t);
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const staff = async (username: string, unit: number, roleCodes: string[], displayName: string) => {
      const created = await admin.request('POST', '/api/access/users', {
        username,
        displayName,
        unitId: unit,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user, initialPassword } = created.json();
      const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const first = await signIn(t.app, username, initialPassword);
      await first.request('POST', '/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Beihai#medX9',
      });
      return { id: user.id as string, client: await signIn(t.app, username, 'Beihai#medX9') };
    };
    const haicheng = Number((await q("select id from org_unit where name = '海城区司法局'"))[0]?.id);
    const officeA = Number(
      (
        await q(
          "select id from org_unit where kind = 'justiceOffice' and parent_id = $1 order by id limit 1",
          [haicheng],
        )
      )[0]?.id,
    );
    const officeB = Number(
      (
        await q(
          "select id from org_unit where kind = 'justiceOffice' and name like '合浦县%' order by id limit 1",
        )
      )[0]?.id,
    );
    committeeA = await fx.committee(officeA, '北海市海城区中街街道人民调解委员会', '海城中街街道调');
    committeeB = await fx.committee(officeB, '合浦县廉州镇人民调解委员会', '合浦廉州镇调');
    staffA = (await staff('hzjtw', committeeA, ['mediationCommitteeStaff'], '中街调委会主任')).client;
    staffB = (await staff('lztw', committeeB, ['mediationCommitteeStaff'], '廉州调委会主任')).client;
    office = (await staff('hzjsfs', officeA, ['officeStaff'], '中街司法所')).client;
    const acc1 = await staff('medwang', committeeA, ['mediator'], '王建华');
    const acc2 = await staff('medli', committeeA, ['mediator'], '李春梅');
    mediator1 = acc1.client;
    mediator2 = acc2.client;
    mediator1Account = acc1.id;
    m1 = await fx.mediator(committeeA, '王建华', acc1.id);
    m2 = await fx.mediator(committeeA, '李春梅', acc2.id);
    m3 = await fx.mediator(committeeA, '周德明');
    mOther = await fx.mediator(committeeB, '廖志强');
  });
  afterAll(() => t?.close());

  describe('acceptance', () => {
    it('accepts with the lead mediator, who joins the case and sees it in their queue', async () => {
      const id = await received();
      const before = await caseRow(id);
      expect(before.status).toBe('received');
      // Not yet the mediator's: their scope is their own disputes.
      expect((await mediator1.request('GET', `/api/mediation/disputes/${id}/process`)).statusCode).toBe(404);

      const res = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: before.version,
        leadMediatorId: m1,
        note: '属于邻里纠纷，依法受理',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'mediating',
        statusLabel: '调解中',
        leadMediator: { id: m1, name: '王建华' },
        acceptedOn: '2026-03-02',
        committee: { name: '北海市海城区中街街道人民调解委员会' },
      });
      expect(await caseRow(id)).toEqual({ status: 'mediating', version: before.version + 1 });
      expect(await disputeRow(id)).toMatchObject({ lead_mediator_id: m1, accepted_on: '2026-03-02' });
      const participants = await q(
        "select account_id from case_participant where case_id = $1 and role = 'mediator'",
        [id],
      );
      expect(participants).toEqual([{ account_id: mediator1Account }]);
      const history = await q(
        "select comment from case_history where case_id = $1 and transition = 'accept'",
        [id],
      );
      expect(history[0]?.comment).toContain('王建华');

      const view = await mediator1.request('GET', `/api/mediation/disputes/${id}/process`);
      expect(view.statusCode, view.body).toBe(200);
      const queue = (await mediator1.request('GET', '/api/mediation/my-queue')).json();
      expect(queue.mediator).toMatchObject({
        name: '王建华',
        committeeName: '北海市海城区中街街道人民调解委员会',
      });
      const mediating = queue.groups.find((g: { group: string }) => g.group === 'mediating');
      expect(mediating.label).toBe('调解中');
      expect(mediating.items.map((i: { caseId: string }) => i.caseId)).toContain(id);
      expect(mediating.items.find((i: { caseId: string }) => i.caseId === id)).toMatchObject({
        partyNames: '黄秀兰、陈国栋',
        leadMediatorName: '王建华',
        kindLabel: '邻里纠纷',
      });
    });

    it('refuses a mediator of another committee, in Chinese, and changes nothing', async () => {
      const id = await received();
      const before = await caseRow(id);
      const res = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: before.version,
        leadMediatorId: mOther,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('调解员选择有误');
      expect(JSON.stringify(res.json())).toContain('请选择本调委会在任的调解员');
      expect(await caseRow(id)).toEqual(before);
      const missing = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: before.version,
      });
      expect(missing.statusCode).toBe(400);
      expect(JSON.stringify(missing.json())).toContain('请选择主持调解的调解员');
    });

    it('accepts a mediator without an account (no participant) and answers 409 on a stale version', async () => {
      const id = await received();
      const v = (await caseRow(id)).version;
      const res = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: v,
        leadMediatorId: m3,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        await q("select 1 from case_participant where case_id = $1 and role = 'mediator'", [id]),
      ).toEqual([]);
      const again = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: v,
        leadMediatorId: m1,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe('该纠纷已被他人处理，请刷新后重试');
      expect((await disputeRow(id)).lead_mediator_id).toBe(m3);
    });

    it('declines with the reason; a declined dispute cannot then be accepted', async () => {
      const id = await received();
      const v = (await caseRow(id)).version;
      const empty = await staffA.request('POST', `/api/mediation/disputes/${id}/decline`, {
        version: v,
        reason: '  ',
      });
      expect(empty.statusCode).toBe(400);
      expect(JSON.stringify(empty.json())).toContain('请填写不予受理的理由');
      const res = await staffA.request('POST', `/api/mediation/disputes/${id}/decline`, {
        version: v,
        reason: '一方当事人已向人民法院起诉，依法不予受理',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'declined',
        declineReason: '一方当事人已向人民法院起诉，依法不予受理',
      });
      expect(await disputeRow(id)).toMatchObject({
        decline_reason: '一方当事人已向人民法院起诉，依法不予受理',
      });
      const accept = await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: v + 1,
        leadMediatorId: m1,
      });
      expect(accept.statusCode).toBe(409);
      expect((await caseRow(id)).status).toBe('declined');
    });
  });

  describe('scope', () => {
    it('another committee gets 404 on reads and writes; the township office sees and handles', async () => {
      const id = await accepted();
      const v = (await caseRow(id)).version;
      for (const res of [
        await staffB.request('GET', `/api/mediation/disputes/${id}/process`),
        await staffB.request('POST', `/api/mediation/disputes/${id}/accept`, {
          version: v,
          leadMediatorId: m1,
        }),
        await session(staffB, id),
        await staffB.request('POST', `/api/mediation/disputes/${id}/terminate`, {
          version: v,
          reason: '测试',
        }),
      ]) {
        expect(res.statusCode).toBe(404);
      }
      expect(await q('select 1 from mediation_session where case_id = $1', [id])).toEqual([]);
      expect((await office.request('GET', `/api/mediation/disputes/${id}/process`)).statusCode).toBe(200);
      const board = await staffB.request('GET', `/api/mediation/board?unitId=${committeeA}`);
      expect(board.statusCode).toBe(404);
      const own = (await staffB.request('GET', '/api/mediation/board')).json();
      expect(own.unitName).toBe('合浦县廉州镇人民调解委员会');
      expect(own.stages.every((s: { count: number }) => s.count === 0)).toBe(true);
    });

    it('a mediator sees only the disputes they mediate', async () => {
      const id = await accepted(m1);
      const res = await mediator2.request('GET', `/api/mediation/disputes/${id}/process`);
      expect(res.statusCode).toBe(404);
      expect((await session(mediator2, id, { mediatorIds: [m2] })).statusCode).toBe(404);
      const queue = (await mediator2.request('GET', '/api/mediation/my-queue')).json();
      // 李春梅 mediates nothing yet and cannot accept for the committee (the mediator role's scope is self).
      for (const g of queue.groups) expect(g.items).toEqual([]);
      const mine = await accepted(m2);
      const after = (await mediator2.request('GET', '/api/mediation/my-queue')).json();
      const ids = after.groups.flatMap((g: { items: { caseId: string }[] }) => g.items.map((i) => i.caseId));
      expect(ids).toEqual([mine]);
    });

    it('the committee board counts by stage; the committee staff see 待受理 too', async () => {
      const board = (await staffA.request('GET', '/api/mediation/board')).json();
      expect(board.unitId).toBe(committeeA);
      const count = (stage: string) => board.stages.find((s: { stage: string }) => s.stage === stage).count;
      const db = async (status: string) =>
        Number(
          (
            await q(
              'select count(*)::int as n from case_record where competent_unit_id = $1 and status = $2',
              [committeeA, status],
            )
          )[0]?.n,
        );
      expect(count('received')).toBe(await db('received'));
      expect(count('mediating')).toBe(await db('mediating'));
      expect(count('declined')).toBe(1);
      expect(count('received')).toBeGreaterThan(0);
    });
  });

  describe('sessions', () => {
    it('are recorded only while mediating, with files, checked', async () => {
      const id = await received();
      const early = await session(staffA, id);
      expect(early.statusCode).toBe(409);
      expect(early.json().message).toBe('请先受理，再记录调解笔录');
      const v = (await caseRow(id)).version;
      await staffA.request('POST', `/api/mediation/disputes/${id}/accept`, {
        version: v,
        leadMediatorId: m1,
      });

      const future = await session(mediator1, id, { heldAt: '2026-03-03T09:00:00+08:00' });
      expect(future.statusCode).toBe(400);
      expect(JSON.stringify(future.json())).toContain('调解时间不能晚于现在');
      const stranger = await session(mediator1, id, { mediatorIds: [mOther] });
      expect(stranger.statusCode).toBe(400);
      expect(JSON.stringify(stranger.json())).toContain('请选择本调委会的调解员');

      const body = await multipart({
        name: '调解笔录签字页.pdf',
        bytes: samples.pdf(),
        type: 'application/pdf',
      });
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: {
          cookie: mediator1.cookie,
          'x-csrf-token': mediator1.csrfToken,
          'content-type': body.contentType,
        },
        payload: body.payload,
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const fileId: string = upload.json().id;
      const res = await session(mediator1, id, { mediatorIds: [m1, m2], fileIds: [fileId] });
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json().sessions[0];
      expect(s).toMatchObject({
        place: '中街街道人民调解室',
        attendees: '黄秀兰、陈国栋，社区网格员李明',
        mediators: [
          { id: m1, name: '王建华' },
          { id: m2, name: '李春梅' },
        ],
        files: [{ id: fileId, name: '调解笔录签字页.pdf' }],
      });
      expect(await q('select case_id from stored_file where id = $1', [fileId])).toEqual([{ case_id: id }]);

      const ended = await staffA.request('POST', `/api/mediation/disputes/${id}/unsettle`, {
        version: (await caseRow(id)).version,
        reason: '双方对赔偿数额分歧过大',
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(await disputeRow(id)).toMatchObject({
        outcome: 'unsettled',
        outcome_on: '2026-03-02',
        outcome_note: '双方对赔偿数额分歧过大',
      });
      const late = await session(mediator1, id);
      expect(late.statusCode).toBe(409);
      expect(late.json().message).toBe('调解已结束，不能再记录调解笔录');
      expect(
        Number((await q('select count(*)::int as n from mediation_session where case_id = $1', [id]))[0]?.n),
      ).toBe(1);
    });
  });

  describe('agreements', () => {
    let writtenId: string;

    it('a written agreement generates the 人民调解协议书 with every party, the mediator, the committee and its number', async () => {
      writtenId = await accepted(m1);
      const res = await settle(mediator1, writtenId, written);
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      expect(view).toMatchObject({
        status: 'settled',
        outcome: 'settled',
        outcomeOn: '2026-03-02',
        agreement: {
          form: 'written',
          formLabel: '书面协议',
          performanceStatus: 'pending',
          effectiveOn: '2026-03-02',
        },
        confirmationWindow: { startedOn: '2026-03-02', dueOn: '2026-04-01', status: 'running', daysLeft: 30 },
      });
      const doc = view.agreement.document;
      expect(doc.docNo).toMatch(/^海城中街街道调协〔2026〕\d+号$/);
      const download = await staffA.request('GET', doc.downloadUrl);
      expect(download.statusCode).toBe(200);
      const xml = docxPart(download.rawPayload);
      for (const text of [
        '人民调解协议书',
        doc.docNo,
        '黄秀兰',
        '陈国栋',
        '女', // 黄秀兰's gender from her ID number
        '北海市海城区中街街道和平路12号',
        '450502********',
        '王建华',
        '北海市海城区中街街道人民调解委员会',
        '拆除越界围墙0.3米',
        '陈国栋自行拆除，费用自理',
        '2026年3月20日',
        '双方因宅基地边界的围墙发生争执',
        '人民调解委员会（印章）',
      ]) {
        expect(xml, text).toContain(text);
      }
      expect(xml).not.toContain(parties[0]?.idNumber);
      expect(await clockRow(writtenId)).toEqual({
        started_on: '2026-03-02',
        due_on: '2026-04-01',
        status: 'running',
      });
      expect(
        (await q('select document_id from mediation_agreement where case_id = $1', [writtenId]))[0]
          ?.document_id,
      ).toBe(doc.id);
    });

    it('an oral agreement is recorded in the mediator’s record: no document, no confirmation clock', async () => {
      const id = await accepted(m1);
      const res = await settle(mediator1, id, {
        form: 'oral',
        terms: '陈国栋当场赔偿黄秀兰花盆损失200元，双方握手言和。',
        effectiveOn: '2026-03-02',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'settled',
        agreement: { form: 'oral', formLabel: '口头协议', document: null },
        confirmationWindow: null,
      });
      expect(await clockRow(id)).toBeUndefined();
      expect(await q('select 1 from case_document where case_id = $1', [id])).toEqual([]);
      const history = await q(
        "select comment from case_history where case_id = $1 and transition = 'settle'",
        [id],
      );
      expect(history[0]?.comment).toContain('陈国栋当场赔偿黄秀兰花盆损失200元');
      const confirm = await staffA.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
        court: '北海市海城区人民法院',
        appliedOn: '2026-03-02',
      });
      expect(confirm.statusCode).toBe(409);
    });

    it('checks the agreement and answers 409 on a stale version, writing nothing', async () => {
      const id = await accepted(m1);
      const v = (await caseRow(id)).version;
      const future = await settle(mediator1, id, { ...written, effectiveOn: '2026-03-05' });
      expect(future.statusCode).toBe(400);
      expect(JSON.stringify(future.json())).toContain('协议生效日期不能晚于今天');
      const noTerms = await settle(mediator1, id, { ...written, terms: '' });
      expect(noTerms.statusCode).toBe(400);
      expect(JSON.stringify(noTerms.json())).toContain('请填写协议内容');
      const stale = await mediator1.request('POST', `/api/mediation/disputes/${id}/settle`, {
        version: v - 1,
        agreement: written,
      });
      expect(stale.statusCode).toBe(409);
      expect(await caseRow(id)).toEqual({ status: 'mediating', version: v });
      expect(await q('select 1 from mediation_agreement where case_id = $1', [id])).toEqual([]);
      expect(await q('select 1 from case_document where case_id = $1', [id])).toEqual([]);
      const terminated = await mediator1.request('POST', `/api/mediation/disputes/${id}/terminate`, {
        version: v,
        reason: '申请人撤回调解申请',
      });
      expect(terminated.statusCode, terminated.body).toBe(200);
      expect(await disputeRow(id)).toMatchObject({
        outcome: 'terminated',
        outcome_note: '申请人撤回调解申请',
      });
    });

    it('follow-ups only after a settlement; each updates the performance', async () => {
      const mediating = await accepted(m1);
      const early = await mediator1.request('POST', `/api/mediation/disputes/${mediating}/follow-ups`, {
        visitedOn: '2026-03-02',
        method: 'phone',
        visitor: '王建华',
        note: '电话回访',
        performanceStatus: 'pending',
      });
      expect(early.statusCode).toBe(409);

      await moveTo('2026-03-16');
      const res = await mediator1.request('POST', `/api/mediation/disputes/${writtenId}/follow-ups`, {
        visitedOn: '2026-03-16',
        method: 'visit',
        visitor: '王建华',
        note: '上门查看，越界围墙已拆除一半，陈国栋承诺本周内拆完。',
        performanceStatus: 'partial',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().agreement).toMatchObject({
        performanceStatus: 'partial',
        performanceStatusLabel: '部分履行',
      });
      expect(res.json().followUps[0]).toMatchObject({
        methodLabel: '上门回访',
        performanceStatusLabel: '部分履行',
      });
      expect(
        (await q('select performance_status from mediation_agreement where case_id = $1', [writtenId]))[0],
      ).toEqual({ performance_status: 'partial' });
      const queue = (await mediator1.request('GET', '/api/mediation/my-queue')).json();
      const group = (g: string) =>
        queue.groups
          .find((x: { group: string }) => x.group === g)
          .items.map((i: { caseId: string }) => i.caseId);
      expect(group('followUp')).toContain(writtenId);
      expect(group('confirmation')).toContain(writtenId);

      const agreementVersion = res.json().agreement.version;
      const stale = await staffA.request('POST', `/api/mediation/disputes/${writtenId}/performance`, {
        version: agreementVersion - 1,
        performanceStatus: 'performed',
      });
      expect(stale.statusCode).toBe(409);
      const done = await staffA.request('POST', `/api/mediation/disputes/${writtenId}/performance`, {
        version: agreementVersion,
        performanceStatus: 'performed',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().agreement.performanceStatus).toBe('performed');
    });

    it('the confirmation clock raises "due soon" and "overdue" to the mediator like every clock', async () => {
      const run = () =>
        sendDeadlineReminders(t.database.db, {
          clock,
          rules: t.services.deadlines.rules,
          outbox: t.services.outbox,
        });
      const messages = async () =>
        q(
          "select template, body from notification_outbox where channel = 'inApp' and recipient = $1 and template like 'deadline.%' order by id",
          [`staff:${mediator1Account}`],
        );
      await moveTo('2026-03-27'); // five days before 1 April
      await run();
      const soon = await messages();
      expect(soon.map((m) => m.template)).toEqual(['deadline.dueSoon']);
      expect(soon[0]?.body).toContain('申请司法确认期限');
      expect(soon[0]?.body).toContain('2026年4月1日');
      await moveTo('2026-04-02');
      await run();
      expect((await messages()).map((m) => m.template)).toEqual(['deadline.dueSoon', 'deadline.overdue']);
    });

    it('records the application (meeting the clock within the window) and the ruling later, versioned', async () => {
      await moveTo('2026-03-10');
      const id = await accepted(m1);
      expect((await settle(mediator1, id, { ...written, effectiveOn: '2026-03-10' })).statusCode).toBe(200);
      await moveTo('2026-03-20');
      const applied = await staffA.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
        court: '北海市海城区人民法院',
        appliedOn: '2026-03-18',
      });
      expect(applied.statusCode, applied.body).toBe(200);
      expect(applied.json().confirmation).toMatchObject({
        appliedOn: '2026-03-18',
        appliedInTime: true,
        result: null,
        version: 1,
      });
      expect((await clockRow(id))?.status).toBe('met');
      const noVersion = await staffA.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
        court: '北海市海城区人民法院',
        appliedOn: '2026-03-18',
        result: 'confirmed',
        ruledOn: '2026-03-20',
      });
      expect(noVersion.statusCode).toBe(400);
      const ruled = await staffA.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
        version: 1,
        court: '北海市海城区人民法院',
        appliedOn: '2026-03-18',
        result: 'confirmed',
        ruledOn: '2026-03-20',
        rulingNo: '（2026）桂0502民特12号',
      });
      expect(ruled.statusCode, ruled.body).toBe(200);
      expect(ruled.json().confirmation).toMatchObject({
        resultLabel: '裁定确认有效',
        rulingNo: '（2026）桂0502民特12号',
        version: 2,
      });
      const stale = await staffA.request('POST', `/api/mediation/disputes/${id}/confirmation`, {
        version: 1,
        court: '北海市海城区人民法院',
        appliedOn: '2026-03-18',
        result: 'rejected',
        ruledOn: '2026-03-20',
      });
      expect(stale.statusCode).toBe(409);
      expect((await q('select result from mediation_confirmation where case_id = $1', [id]))[0]).toEqual({
        result: 'confirmed',
      });
    });

    it('a window whose 30th day is a holiday ends on the next working day (国庆节 2026)', async () => {
      await moveTo('2026-09-01');
      const id = await accepted(m1);
      const res = await settle(mediator1, id, {
        ...written,
        performanceDueOn: '2026-09-15',
        effectiveOn: '2026-09-01',
      });
      expect(res.statusCode, res.body).toBe(200);
      // 1 September + 30 days = 1 October (国庆节, 1–7 October): the period ends on Thursday 8 October.
      expect(await clockRow(id)).toEqual({
        started_on: '2026-09-01',
        due_on: '2026-10-08',
        status: 'running',
      });
      expect(res.json().confirmationWindow).toMatchObject({ dueOn: '2026-10-08', daysLeft: 37 });
    });
  });
});
