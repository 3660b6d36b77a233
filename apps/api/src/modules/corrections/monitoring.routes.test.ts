import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, staffAccount, unitId } from './corrections.fixture.ts';
import { activeMonitoringOrders, correctionsModule } from './index.ts';

// 奖惩 and 电子定位监管 over HTTP: suggestions from the history (a second admonition suggests a warning),
// another step than suggested needs a note; an Art. 29 order only on an evidenced condition (else 422), at
// most 3 months, approved only by the county bureau's head, renewed only after a review; the tracking
// module's read function sees the order in force.
describe('corrections sanctions and Art. 29 monitoring orders', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: SessionClient & { id: string }; // 海城区中街司法所
  let head: SessionClient & { id: string }; // 海城区司法局, correctionsHead
  let officeHead: SessionClient & { id: string }; // correctionsHead given at an office: not the county head
  let hepu: SessionClient & { id: string };
  let caseId = '';
  let warningId = '';
  let orderId = '';

  const sanction = (kind: string, breach: string, over: Record<string, unknown> = {}) => ({
    kind,
    breach,
    facts: '2026年9月未按规定参加集中教育学习',
    basis: '《中华人民共和国社区矫正法》第二十八条、《社区矫正法实施办法》',
    decidedOn: '2026-09-29',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    const office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    head = await staffAccount(t, 'hcfz', await unitId(t, '海城区司法局'), ['correctionsHead']);
    officeHead = await staffAccount(t, 'zjfz', office, ['correctionsHead']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
    const res = await officer.request('POST', '/api/corrections/supervisees', courtNotice(office));
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
  });
  afterAll(() => t?.close());

  const suggest = async (query: string) =>
    (
      await officer.request('GET', `/api/corrections/supervisees/${caseId}/sanction-suggestion?${query}`)
    ).json();

  it('suggests from the history; the suggestion and the choice are both recorded, with the document', async () => {
    expect(await suggest('breach=missedEducation')).toMatchObject({ kind: 'admonition', admonitions: 0 });
    const first = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/sanctions`,
      sanction('admonition', 'missedEducation'),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'admonition',
      suggestedKind: 'admonition',
      status: 'recorded',
    });
    const [doc] = (
      await t.database.executeSql("select content->>'title' as title from case_document where id = $1", [
        first.json().documentId,
      ])
    ).rows;
    expect(doc).toMatchObject({ title: '训诫决定书' });

    // a second admonition suggests a warning; choosing an admonition anyway needs a note
    const second = await suggest('breach=lateReport');
    expect(second).toMatchObject({ kind: 'warning', kindLabel: '警告', admonitions: 1 });
    expect(second.reasons).toContain('已受训诫1次，再次违规应予警告');
    const noNote = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/sanctions`,
      sanction('admonition', 'lateReport'),
    );
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toBe('系统建议为“警告”，选择“训诫”请说明理由');
    const withNote = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/sanctions`,
      sanction('admonition', 'lateReport', { deviationNote: '因台风停航迟到，情有可原' }),
    );
    expect(withNote.statusCode, withNote.body).toBe(201);
    expect(withNote.json()).toMatchObject({
      kind: 'admonition',
      suggestedKind: 'warning',
      deviationNote: '因台风停航迟到，情有可原',
    });

    const warning = await officer.request(
      'POST',
      `/api/corrections/supervisees/${caseId}/sanctions`,
      sanction('warning', 'refusedReport', { facts: '拒不按规定报告活动情况' }),
    );
    expect(warning.statusCode, warning.body).toBe(201);
    warningId = warning.json().id;
    // after one warning, the next warning-level breach suggests revocation
    expect((await suggest('breach=prohibitionMinor')).kind).toBe('requestRevocation');
    expect((await hepu.request('GET', `/api/corrections/supervisees/${caseId}/sanctions`)).statusCode).toBe(
      404,
    );
  });

  it('an order without an evidenced condition → 422; over 3 months → 422; nothing is written', async () => {
    const url = `/api/corrections/supervisees/${caseId}/monitoring-orders`;
    const base = {
      condition: 'warningRefusedReport',
      reason: '拒不报告，需掌握其活动范围',
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
    };
    const none = await officer.request('POST', url, base);
    expect(none.statusCode).toBe(422);
    expect(none.json().message).toBe('适用该情形须以本矫正期内因拒不报告被给予警告的记录为依据');
    const wrong = await officer.request('POST', url, {
      ...base,
      condition: 'prohibitionBreach',
      evidenceSanctionId: warningId,
    });
    expect(wrong.statusCode).toBe(422);
    const long = await officer.request('POST', url, {
      ...base,
      evidenceSanctionId: warningId,
      endsOn: '2027-01-01',
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().message).toBe('电子定位监管期限不得超过三个月（最迟至2026-12-31）');
    const [n] = (await t.database.executeSql('select count(*)::int as n from corrections_monitoring_order'))
      .rows;
    expect(n).toMatchObject({ n: 0 });

    const ok = await officer.request('POST', url, { ...base, evidenceSanctionId: warningId });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'proposed',
      conditionLabel: '拒不按照规定报告自己的活动情况，被给予警告',
    });
    expect(ok.json().evidence).toContain('警告');
    orderId = ok.json().id;
  });

  it('only the county bureau head approves; renewal needs a review and at most 3 more months', async () => {
    const order = (await head.request('GET', `/api/corrections/monitoring-orders/${orderId}`)).json();
    const decision = { version: order.version, decision: 'approve', opinion: '同意，期限三个月' };
    const byOfficer = await officer.request(
      'POST',
      `/api/corrections/monitoring-orders/${orderId}/decision`,
      decision,
    );
    expect(byOfficer.statusCode).toBe(403);
    const byOffice = await officeHead.request(
      'POST',
      `/api/corrections/monitoring-orders/${orderId}/decision`,
      decision,
    );
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().message).toBe('电子定位监管须由县（区）司法局负责人批准');
    const approved = await head.request(
      'POST',
      `/api/corrections/monitoring-orders/${orderId}/decision`,
      decision,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', approvedBy: 'hcfz' });
    expect(approved.json().documentId).toBeTruthy();

    const db = t.database.db;
    expect(await activeMonitoringOrders(db, new Date('2026-09-30T04:00:00Z'))).toEqual([]);
    const active = await activeMonitoringOrders(db, new Date('2026-10-01T04:00:00Z'));
    expect(active).toMatchObject([
      { orderId, caseId, condition: 'warningRefusedReport', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    ]);

    const v = approved.json().version;
    const noReview = await head.request('POST', `/api/corrections/monitoring-orders/${orderId}/renew`, {
      version: v,
      endsOn: '2027-03-31',
    });
    expect(noReview.statusCode).toBe(422);
    expect(noReview.json().message).toBe('续期前须先复查评估并记录复查情况');
    const review = await officer.request('POST', `/api/corrections/monitoring-orders/${orderId}/review`, {
      reviewedOn: '2026-09-29',
      conclusion: 'renew',
      note: '仍不按规定报告，建议续期',
    });
    expect(review.statusCode, review.body).toBe(200);
    const tooLong = await head.request('POST', `/api/corrections/monitoring-orders/${orderId}/renew`, {
      version: v,
      endsOn: '2027-04-01',
    });
    expect(tooLong.statusCode).toBe(422);
    const renewed = await head.request('POST', `/api/corrections/monitoring-orders/${orderId}/renew`, {
      version: v,
      endsOn: '2027-03-31',
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ endsOn: '2027-03-31', status: 'active' });
    expect(renewed.json().reviews[0]).toMatchObject({ renewedUntil: '2027-03-31' });
    // the review is used: a second renewal needs a new one
    const again = await head.request('POST', `/api/corrections/monitoring-orders/${orderId}/renew`, {
      version: renewed.json().version,
      endsOn: '2027-06-30',
    });
    expect(again.statusCode).toBe(422);

    expect((await hepu.request('GET', `/api/corrections/monitoring-orders/${orderId}`)).statusCode).toBe(404);
    const ended = await officer.request('POST', `/api/corrections/monitoring-orders/${orderId}/end`, {
      version: renewed.json().version,
      endedOn: '2026-09-29',
      reason: '已按规定报告，无需继续',
    });
    expect(ended.statusCode).toBe(400); // before the order began
    clock.set('2026-10-15T02:00:00Z');
    const { signIn } = await import('../../testing/session-client.ts');
    const { STAFF_PASSWORD } = await import('./corrections.fixture.ts');
    const o2 = await signIn(t.app, 'zjjz', STAFF_PASSWORD);
    const ended2 = await o2.request('POST', `/api/corrections/monitoring-orders/${orderId}/end`, {
      version: renewed.json().version,
      endedOn: '2026-10-15',
      reason: '已按规定报告，无需继续',
    });
    expect(ended2.statusCode, ended2.body).toBe(200);
    expect(ended2.json().status).toBe('ended');
    expect(await activeMonitoringOrders(db, new Date('2026-10-16T04:00:00Z'))).toEqual([]);
  });
});
