import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, idNumber, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsModule } from './index.ts';

// 教育培训与就业 over HTTP: training, certificates (海员证) and guidance (休渔期) on a supervisee's term, the
// certificates list of the caller's units, and the seafarer-certificate figure with its drill-down.
describe('corrections training, certificates and employment guidance', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let officer: Awaited<ReturnType<typeof staffAccount>>;
  let county: Awaited<ReturnType<typeof staffAccount>>;
  let hepu: Awaited<ReturnType<typeof staffAccount>>;
  let caseId = '';
  let hepuCaseId = '';

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    const office = await unitId(t, '海城区中街司法所');
    const hepuOffice = await unitId(t, '合浦县廉州司法所');
    officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    county = await staffAccount(t, 'hcjz', await unitId(t, '海城区司法局'), ['correctionsOfficer']);
    hepu = await staffAccount(t, 'lzjz', hepuOffice, ['correctionsOfficer']);
    const maritime = { flags: ['maritime'], judgmentEffectiveOn: '2026-01-05', periodStart: '2026-01-05' };
    const res = await officer.request('POST', '/api/corrections/supervisees', courtNotice(office, maritime));
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    const other = await hepu.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(hepuOffice, {
        ...maritime,
        person: { name: '钟海军', idType: 'residentIdCard', idNumber: idNumber('1985-06-06', '071') },
        phone: '13907794002',
      }),
    );
    expect(other.statusCode, other.body).toBe(201);
    hepuCaseId = other.json().caseId;
  });
  afterAll(() => t?.close());

  let trainingId = '';

  it('records vocational training; bad input answers in Chinese and writes nothing', async () => {
    const bad = await officer.request('POST', `/api/corrections/supervisees/${caseId}/trainings`, {
      course: '海船船员基本安全培训',
      provider: '北海市海员职业培训中心',
      hours: 64,
      fromOn: '2026-03-20',
      toOn: '2026-03-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/填写的信息不完整或有误|培训结束日期不能早于开始日期/);
    const res = await officer.request('POST', `/api/corrections/supervisees/${caseId}/trainings`, {
      course: '海船船员基本安全培训',
      provider: '北海市海员职业培训中心',
      hours: 64,
      fromOn: '2026-03-01',
      toOn: '2026-03-14',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().trainings).toHaveLength(1);
    trainingId = res.json().trainings[0].id;
  });

  it('records a seafarer certificate from the training; a duplicate number is refused', async () => {
    const cert = {
      kind: 'seafarer',
      name: '海船船员适任证书',
      number: 'HY450520260001',
      issuedOn: '2026-04-02',
      issuer: '中华人民共和国北海海事局',
      trainingId,
    };
    const early = await officer.request('POST', `/api/corrections/supervisees/${caseId}/certificates`, {
      ...cert,
      issuedOn: '2025-12-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/发证日期应在社区矫正期间内/);
    const res = await officer.request('POST', `/api/corrections/supervisees/${caseId}/certificates`, cert);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().certificates[0]).toMatchObject({
      kind: 'seafarer',
      kindLabel: '海员证（船员证书）',
      trainingId,
    });
    const dup = await officer.request('POST', `/api/corrections/supervisees/${caseId}/certificates`, cert);
    expect(dup.statusCode).toBe(409);
    const rows = await t.database.executeSql('select count(*)::int as n from corrections_certificate');
    expect(Number((rows.rows[0] as { n: number }).n)).toBe(1);
  });

  it('records employment guidance during the fishing moratorium', async () => {
    const res = await officer.request('POST', `/api/corrections/supervisees/${caseId}/guidance`, {
      kind: 'jobReferral',
      givenOn: '2026-05-10',
      note: '休渔期间推荐到海产品加工厂务工',
      duringMoratorium: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().guidance[0]).toMatchObject({ kindLabel: '推荐就业岗位', duringMoratorium: true });
  });

  it('another office does not find the supervisee, on writes too', async () => {
    expect((await hepu.request('GET', `/api/corrections/supervisees/${caseId}/training`)).statusCode).toBe(
      404,
    );
    const res = await hepu.request('POST', `/api/corrections/supervisees/${caseId}/guidance`, {
      kind: 'policy',
      givenOn: '2026-05-10',
      note: '政策咨询',
    });
    expect(res.statusCode).toBe(404);
  });

  it('the seafarer-certificate figure counts by issue day and unit, with the supervisee behind it', async () => {
    await hepu.request('POST', `/api/corrections/supervisees/${hepuCaseId}/certificates`, {
      kind: 'seafarer',
      number: 'HY450520260002',
      issuedOn: '2026-07-01',
      issuer: '中华人民共和国北海海事局',
    });
    const first = await county.request(
      'GET',
      '/api/metrics/corrections.seafarerCertificates?from=2026-01-01&to=2026-06-30&records=1',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().value).toBe(1);
    expect(first.json().records).toEqual([caseId]);
    const year = await county.request(
      'GET',
      '/api/metrics/corrections.seafarerCertificates?from=2026-01-01&to=2026-12-31',
    );
    // 海城区 sees its own office only: 合浦's certificate is not in its figure.
    expect(year.json().value).toBe(1);
    const list = (await hepu.request('GET', '/api/corrections/certificates')).json();
    expect(list.items.map((c: { number: string }) => c.number)).toEqual(['HY450520260002']);
  });
});
