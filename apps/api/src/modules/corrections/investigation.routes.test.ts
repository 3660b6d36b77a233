import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import type { SessionClient } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { idNumber, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule } from './index.ts';

// 调查评估 (社区矫正法第十八条) over HTTP: 10 working days from the day the letter came, 5 in fast-track cases,
// both across National Day; the assessment issues the 调查评估意见书 with its number; delivery meets the
// clock; scope and stale versions as everywhere.
describe('pre-sentence investigation', () => {
  let t: TestApp;
  // 10:00 in Beihai on Tuesday 2026-09-29.
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: SessionClient;
  let hepu: SessionClient;
  let office: number;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const request = (over: Record<string, unknown> = {}) => ({
    unitId: office,
    requesterKind: 'court',
    requesterName: '北海市海城区人民法院',
    letterNo: '（2026）桂0502刑初88号',
    receivedOn: '2026-09-28',
    fastTrack: false,
    person: { name: '梁文海', idType: 'residentIdCard', idNumber: idNumber('1988-08-08', '011') },
    offence: '盗窃罪',
    proposedSentenceKind: 'probation',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjdc', office, ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzdc', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
  });
  afterAll(() => t?.close());

  let caseId = '';

  it('counts 10 working days from the letter across National Day (due 10-16)', async () => {
    const res = await officer.request('POST', '/api/corrections/investigations', request());
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    caseId = v.caseId;
    expect(v).toMatchObject({
      status: 'investigating',
      statusLabel: '调查中',
      requesterKind: 'court',
      personName: '梁文海',
      fastTrack: false,
      clock: {
        ruleName: '调查评估期限',
        startedOn: '2026-09-28',
        // 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12 … 10-16.
        dueOn: '2026-10-16',
        status: 'running',
      },
    });
    expect(v.caseNo).toBe('海城中街司矫调〔2026〕第1号');
  });

  it('counts 5 working days in a fast-track case (due on the make-up Saturday 10-10)', async () => {
    const res = await officer.request(
      'POST',
      '/api/corrections/investigations',
      request({
        fastTrack: true,
        letterNo: '（2026）桂0502刑初89号',
        person: { name: '苏国强', idType: 'residentIdCard', idNumber: idNumber('1979-02-02', '031') },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().clock).toMatchObject({ ruleName: '调查评估期限（速裁程序）', dueOn: '2026-10-10' });
  });

  it('refuses bad input in Chinese, writing nothing', async () => {
    const before = await q('select count(*)::int as n from corrections_investigation');
    for (const [body, path, message] of [
      [request({ requesterKind: 'army' }), 'requesterKind', '请选择委托机关类别'],
      [request({ receivedOn: '2026-13-01' }), 'receivedOn', '收到委托函日期不是有效日期'],
      [request({ letterNo: '' }), 'letterNo', '请填写委托函文号'],
      [request({ receivedOn: '2026-10-30' }), 'receivedOn', '收到委托函日期不能晚于今天'],
    ] as const) {
      const res = await officer.request('POST', '/api/corrections/investigations', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields).toContainEqual({ path, message });
    }
    expect(await q('select count(*)::int as n from corrections_investigation')).toEqual(before);
  });

  it('another office gets 404 on read and write', async () => {
    expect((await hepu.request('GET', `/api/corrections/investigations/${caseId}`)).statusCode).toBe(404);
    const write = await hepu.request('POST', `/api/corrections/investigations/${caseId}/assess`, {
      version: 1,
      findings: '……',
      opinion: 'suitable',
      assessedOn: '2026-09-29',
    });
    expect(write.statusCode).toBe(404);
  });

  it('assesses (stale version → 409), issues the numbered report, delivers and meets the clock', async () => {
    const assess = (version: number) =>
      officer.request('POST', `/api/corrections/investigations/${caseId}/assess`, {
        version,
        findings: '经走访社区、村委会及家庭成员，被告人平时表现良好，家庭支持，有固定住所和工作。',
        opinion: 'suitable',
        assessedOn: '2026-09-29',
      });
    const stale = await assess(7);
    expect(stale.statusCode).toBe(409);
    const res = await assess(1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'assessed', opinion: 'suitable' });
    const [doc] = await q('select name, doc_no, content from case_document where id = $1', [
      res.json().reportDocumentId,
    ]);
    expect(doc).toMatchObject({ name: '调查评估意见书', doc_no: '海城中街司矫评〔2026〕1号' });
    const text = JSON.stringify((doc as { content: unknown }).content);
    expect(text).toContain('北海市海城区人民法院');
    expect(text).toContain('评估意见为：适宜社区矫正');

    const early = await officer.request('POST', `/api/corrections/investigations/${caseId}/deliver`, {
      version: 2,
      deliveredOn: '2026-09-28',
      method: 'inPerson',
      recipient: '海城区人民法院刑事审判庭',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields).toEqual([{ path: 'deliveredOn', message: '送达日期不能早于评估日期' }]);
    const delivered = await officer.request('POST', `/api/corrections/investigations/${caseId}/deliver`, {
      version: 2,
      deliveredOn: '2026-09-29',
      method: 'inPerson',
      recipient: '海城区人民法院刑事审判庭',
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({
      status: 'delivered',
      statusLabel: '已送达',
      deliveredTo: '海城区人民法院刑事审判庭',
      clock: { status: 'met' },
    });
  });
});
