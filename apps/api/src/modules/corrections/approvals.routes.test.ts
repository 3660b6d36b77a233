import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, signInCitizen, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule } from './index.ts';

// 审批事项 over HTTP: a 5-day leave decided by the office; a 20-day leave refused at the office (who must decide
// is said), forwarded and decided at the county bureau; the 审批表 and the notice; 销假; another office finds
// nothing; the supervisee applies in the portal (idempotent) and sees their applications.
describe('corrections approvals', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z'); // Tuesday 10:00 in Beihai
  let officer: SessionClient & { id: string }; // 海城区中街司法所
  let county: SessionClient & { id: string }; // 海城区司法局
  let hepu: SessionClient & { id: string }; // 合浦县廉州司法所
  let caseId = '';
  const phone = '13907791011';
  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const leave = (fromDate: string, toDate: string) => ({
    kind: 'leave',
    destination: '南宁市青秀区',
    reason: '探望住院的母亲',
    fromDate,
    toDate,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    const office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    county = await staffAccount(t, 'hcjz', await unitId(t, '海城区司法局'), ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
    const res = await officer.request('POST', '/api/corrections/supervisees', courtNotice(office));
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
  });
  afterAll(() => t?.close());

  it('a 5-day leave is decided by the office, with its 审批表 and a notice to the supervisee', async () => {
    const created = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/approvals`,
      leave('2026-10-02', '2026-10-06'),
    );
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      kind: 'leave',
      days: 5,
      requiredLevel: 'office',
      status: 'pending',
      appliedBy: 'staff',
    });
    const decided = await officer.request('POST', `/api/corrections/approvals/${a.id}/decision`, {
      version: a.version,
      decision: 'approve',
      opinion: '同意外出，按期返回销假',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedLevel: 'office',
      statusLabel: '已批准',
    });
    const docId = decided.json().documentId;
    expect(docId).toBeTruthy();
    const [doc] = await q("select content->>'title' as title from case_document where id = $1", [docId]);
    expect((doc as { title: string }).title).toBe('社区矫正对象请假外出审批表');
    const sms = await q(
      `select body from notification_outbox where template = 'corrections.approvalDecided'`,
    );
    expect((sms[0] as { body: string }).body).toContain('已获批准');

    // 销假
    const back = await officer.request('POST', `/api/corrections/approvals/${a.id}/return`, {
      version: decided.json().version,
      returnedOn: '2026-09-29',
    });
    expect(back.statusCode).toBe(400); // before the leave began
    clock.set('2026-10-07T02:00:00Z');
    officer = { ...officer, ...(await reSign('zjjz')) };
    const ok = await officer.request('POST', `/api/corrections/approvals/${a.id}/return`, {
      version: decided.json().version,
      returnedOn: '2026-10-06',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'returned', returnedOn: '2026-10-06', overdue: false });
  });

  async function reSign(username: string) {
    const { signIn } = await import('../../testing/session-client.ts');
    const { STAFF_PASSWORD } = await import('./corrections.fixture.ts');
    return signIn(t.app, username, STAFF_PASSWORD);
  }

  it('a 20-day leave is refused at the office (who must decide is said), forwarded, decided at the county bureau', async () => {
    county = { ...county, ...(await reSign('hcjz')) };
    const created = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/approvals`,
      leave('2026-10-20', '2026-11-08'),
    );
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ days: 20, requiredLevel: 'county', priorDaysInWindow: 5 });
    const refused = await officer.request('POST', `/api/corrections/approvals/${a.id}/decision`, {
      version: a.version,
      decision: 'approve',
      opinion: '同意',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(
      '请假20天，超过7天、不超过30天，应由县（区）司法局审批，司法所不能作出决定，请报请上级',
    );
    const [still] = await q('select status from case_record where id = $1', [a.id]);
    expect(still).toMatchObject({ status: 'pending' });

    const fwd = await officer.request('POST', `/api/corrections/approvals/${a.id}/forward`, {
      version: a.version,
      opinion: '情况属实，拟同意，报请审批',
    });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json().status).toBe('forwarded');
    const list = await county.request('GET', '/api/corrections/approvals?status=forwarded');
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const decided = await county.request('POST', `/api/corrections/approvals/${a.id}/decision`, {
      version: fwd.json().version,
      decision: 'approve',
      opinion: '同意',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decidedLevel: 'county' });

    // 5 + 20 approved in two months: another 6 days goes above the county bureau
    const more = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/approvals`,
      leave('2026-11-20', '2026-11-25'),
    );
    expect(more.json()).toMatchObject({ days: 6, requiredLevel: 'city' });
    const countyRefused = await county.request(
      'POST',
      `/api/corrections/approvals/${more.json().id}/decision`,
      {
        version: more.json().version,
        decision: 'refuse',
        opinion: '不同意',
      },
    );
    expect(countyRefused.statusCode).toBe(403);
    expect(countyRefused.json().message).toContain('应由市司法局审批');
  });

  it("another office's application is not found, on reads and writes", async () => {
    hepu = { ...hepu, ...(await reSign('lzjz')) };
    const { items } = (
      await officer.request('GET', `/api/corrections/supervisees/${caseId}/approvals`)
    ).json();
    const id = items[0].id;
    expect((await hepu.request('GET', `/api/corrections/approvals/${id}`)).statusCode).toBe(404);
    const w = await hepu.request('POST', `/api/corrections/approvals/${id}/decision`, {
      version: items[0].version,
      decision: 'refuse',
      opinion: '不同意',
    });
    expect(w.statusCode).toBe(404);
    expect((await hepu.request('GET', '/api/corrections/approvals')).json().total).toBe(0);
    expect(
      (
        await hepu.request(
          'POST',
          `/api/corrections/supervisees/${caseId}/approvals`,
          leave('2026-12-01', '2026-12-02'),
        )
      ).statusCode,
    ).toBe(404);
  });

  it('the supervisee applies in the portal (once per key) and sees their applications; bad input is refused', async () => {
    const me = await signInCitizen(t, phone);
    const send = (body: unknown, key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/corrections/portal/approvals',
        headers: { cookie: me.cookie, 'x-csrf-token': me.csrfToken, 'idempotency-key': key },
        payload: body as object,
      });
    const body = { kind: 'visitor', destination: '王某（朋友）', reason: '商谈工作', fromDate: '2026-10-10' };
    const first = await send(body, 'visit-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ appliedBy: 'supervisee', requiredLevel: 'office', kind: 'visitor' });
    const again = await send(body, 'visit-1');
    expect(again.json().id).toBe(first.json().id);
    const bad = await send({ ...leave('2026-10-10', '2026-10-08') }, 'bad-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ path: 'toDate', message: '结束日期不能早于开始日期' }]);
    const past = await send({ ...leave('2026-09-01', '2026-09-02') }, 'past-1');
    expect(past.statusCode).toBe(400);
    const mine = await me.request('GET', '/api/corrections/portal/approvals');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBe(4);
    const staffPortal = await officer.request('GET', '/api/corrections/portal/approvals');
    expect(staffPortal.statusCode).toBe(404);
  });
});
