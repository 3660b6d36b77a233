import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, idNumber, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule } from './index.ts';

// 解除与终止 over HTTP (第四十四条、第四十五条): no release before the period ends; release issues the
// certificate, records the notices, sets ended_on and frees the person for a new term; termination;
// terms ending soon; another office's supervisee is not found, on writes too.
describe('corrections release and termination', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: Awaited<ReturnType<typeof staffAccount>>;
  let hepu: Awaited<ReturnType<typeof staffAccount>>;
  let office: number;
  const q = async (text: string, values: unknown[] = []) =>
    (await t.database.executeSql(text, values)).rows as Record<string, unknown>[];

  const registerAndReportIn = async (over: Record<string, unknown>) => {
    const res = await officer.request('POST', '/api/corrections/supervisees', courtNotice(office, over));
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    const rep = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/report-in`, {
      version: s.caseVersion,
      reportedOn: over.judgmentEffectiveOn,
    });
    expect(rep.statusCode, rep.body).toBe(200);
    return rep.json() as { caseId: string; caseVersion: number };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    office = await unitId(t, '海城区中街司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', await unitId(t, '合浦县廉州司法所'), ['correctionsOfficer']);
  });
  afterAll(() => t?.close());

  const notices = [
    { recipient: 'court', recipientName: '北海市海城区人民法院', sentOn: '2026-09-29', method: 'electronic' },
    {
      recipient: 'procuratorate',
      recipientName: '北海市海城区人民检察院',
      sentOn: '2026-09-29',
      method: 'electronic',
    },
  ];

  it('refuses a release before the period ends, in Chinese, and changes nothing', async () => {
    const s = await registerAndReportIn({
      person: { name: '周海生', idType: 'residentIdCard', idNumber: idNumber('1980-02-02', '031') },
      judgmentEffectiveOn: '2025-10-20',
      periodStart: '2025-10-20',
      periodEnd: '2026-10-19',
      phone: '13907793001',
    });
    const res = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/release`, {
      version: s.caseVersion,
      releasedOn: '2026-09-29',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/2026-10-19 届满，期满之前不能解除社区矫正/);
    const rows = await q('select ended_on from corrections_supervisee where case_id = $1', [s.caseId]);
    expect(rows[0]?.ended_on).toBeNull();
    // It is among the terms ending within 30 days, for its office only.
    const soon = (await officer.request('GET', '/api/corrections/ending-soon')).json();
    expect(soon.items.map((i: { caseId: string }) => i.caseId)).toContain(s.caseId);
    expect(soon.items.find((i: { caseId: string }) => i.caseId === s.caseId)).toMatchObject({
      daysRemaining: 20,
    });
    const other = (await hepu.request('GET', '/api/corrections/ending-soon')).json();
    expect(other.items).toEqual([]);
  });

  let releasedId = '';
  const person = { name: '李海明', idType: 'residentIdCard', idNumber: idNumber('1988-03-03', '011') };

  it('releases at the end of the term: certificate, notices, ended_on; the person is free for a new term', async () => {
    const s = await registerAndReportIn({
      person,
      judgmentEffectiveOn: '2025-09-20',
      periodStart: '2025-09-20',
      periodEnd: '2026-09-28',
    });
    releasedId = s.caseId;
    // Another office's officer: not found, on writes too.
    expect((await hepu.request('GET', `/api/corrections/supervisees/${s.caseId}/ending`)).statusCode).toBe(
      404,
    );
    const denied = await hepu.request('POST', `/api/corrections/supervisees/${s.caseId}/release`, {
      version: s.caseVersion,
      releasedOn: '2026-09-29',
    });
    expect(denied.statusCode).toBe(404);

    const res = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/release`, {
      version: s.caseVersion,
      releasedOn: '2026-09-29',
      summary: '遵纪守法，服从管理',
      notices,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.status).toBe('released');
    expect(v.ending).toMatchObject({ kind: 'release', kindLabel: '矫正期满解除', endedOn: '2026-09-29' });
    expect(v.ending.certificateNo).toMatch(/解矫/);
    expect(v.ending.notices.map((n: { recipientLabel: string }) => n.recipientLabel)).toEqual([
      '人民法院',
      '人民检察院',
    ]);
    expect(v.ending.missingNotices).toEqual(['police']);
    const rows = await q('select ended_on::text as e from corrections_supervisee where case_id = $1', [
      s.caseId,
    ]);
    expect(rows[0]?.e).toBe('2026-09-29');
    const docs = await q('select name from case_document where case_id = $1', [s.caseId]);
    expect(docs.map((d) => d.name)).toEqual(['解除社区矫正证明书']);

    // The police notice recorded afterwards.
    const police = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/ending/notices`, {
      recipient: 'police',
      recipientName: '北海市公安局海城分局',
      sentOn: '2026-09-29',
      method: 'post',
    });
    expect(police.statusCode, police.body).toBe(200);
    expect(police.json().ending.missingNotices).toEqual([]);
    // A second release is refused.
    const again = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/release`, {
      version: v.version,
      releasedOn: '2026-09-29',
    });
    expect(again.statusCode).toBe(409);

    // A new term for the same person can be registered now.
    const next = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, { person, judgmentNo: '（2026）桂0502刑初300号', phone: '13907793002' }),
    );
    expect(next.statusCode, next.body).toBe(201);
  });

  it('terminates for committal with its document; revocation only for probation and parole', async () => {
    const s = await registerAndReportIn({
      person: { name: '王德荣', idType: 'residentIdCard', idNumber: idNumber('1975-05-05', '051') },
      sentenceKind: 'publicSurveillance',
      judgmentEffectiveOn: '2026-03-02',
      periodStart: '2026-03-02',
      periodEnd: '2027-03-01',
      phone: '13907793003',
    });
    const refused = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/terminate`, {
      version: s.caseVersion,
      reason: 'revocation',
      endedOn: '2026-09-20',
      documentNo: '（2026）桂0502刑更8号',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/只适用于缓刑、假释/);
    const res = await officer.request('POST', `/api/corrections/supervisees/${s.caseId}/terminate`, {
      version: s.caseVersion,
      reason: 'committal',
      endedOn: '2026-09-20',
      documentNo: '（2026）桂0502刑更8号',
      notices: [notices[0]],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'terminated',
      ending: { kind: 'committal', kindLabel: '收监执行', documentNo: '（2026）桂0502刑更8号' },
    });
    const rows = await q('select ended_on::text as e from corrections_supervisee where case_id = $1', [
      s.caseId,
    ]);
    expect(rows[0]?.e).toBe('2026-09-20');
    expect(releasedId).not.toBe('');
  });
});
