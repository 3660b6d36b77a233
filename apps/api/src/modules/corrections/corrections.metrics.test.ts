import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { courtNotice, idNumber, staffAccount, unitId } from './corrections.fixture.ts';
import { correctionsMetrics } from './corrections.metrics.ts';
import { correctionsModule } from './index.ts';

// 社区矫正的统计指标 through /api/metrics: on the register by kind, level and county (a snapshot), intakes and
// endings in a period, each with its drill-down and within the caller's units.
describe('corrections metrics', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let leader: Awaited<ReturnType<typeof staffAccount>>;
  let county: Awaited<ReturnType<typeof staffAccount>>;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    const office = await unitId(t, '海城区中街司法所');
    const hepuOffice = await unitId(t, '合浦县廉州司法所');
    leader = await staffAccount(t, 'jzleader', await unitId(t, '北海市司法局'), ['leader']);
    county = await staffAccount(t, 'hcjz', await unitId(t, '海城区司法局'), ['correctionsOfficer']);
    const hepu = await staffAccount(t, 'lzjz', hepuOffice, ['correctionsOfficer']);
    const terms: [typeof county, number, string, string, string, string][] = [
      [county, office, 'probation', '1988-03-03', '011', '2026-08-31'],
      [county, office, 'parole', '1979-04-04', '031', '2027-06-30'],
      [hepu, hepuOffice, 'probation', '1982-05-05', '051', '2027-06-30'],
    ];
    for (const [k, [who, unit, kind, birth, seq, end]] of terms.entries()) {
      const res = await who.request(
        'POST',
        '/api/corrections/supervisees',
        courtNotice(unit, {
          person: { name: `测试${k}`, idType: 'residentIdCard', idNumber: idNumber(birth, seq) },
          sentenceKind: kind,
          judgmentEffectiveOn: '2026-03-02',
          periodStart: '2026-03-02',
          periodEnd: end,
          phone: `1390779600${k}`,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json();
      ids.push(s.caseId);
      const rep = await who.request('POST', `/api/corrections/supervisees/${s.caseId}/report-in`, {
        version: s.caseVersion,
        reportedOn: '2026-03-05',
      });
      expect(rep.statusCode, rep.body).toBe(200);
      const cls = await who.request('POST', `/api/corrections/supervisees/${s.caseId}/classification`, {
        version: rep.json().version,
        level: k === 0 ? 'strict' : 'ordinary',
        factors: ['remorse'],
        reasons: '综合评估',
        decidedOn: '2026-03-06',
      });
      expect(cls.statusCode, cls.body).toBe(200);
      if (k === 0) {
        const rel = await who.request('POST', `/api/corrections/supervisees/${s.caseId}/release`, {
          version: cls.json().caseVersion,
          releasedOn: '2026-09-01',
        });
        expect(rel.statusCode, rel.body).toBe(200);
      }
    }
  });
  afterAll(() => t?.close());

  const metric = async (who: typeof leader, name: string, query: string) => {
    const res = await who.request('GET', `/api/metrics/${name}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('on the register at a day, by kind, level and county, with the supervisees behind each part', async () => {
    const before = await metric(
      leader,
      'corrections.onRegisterBySentenceKind',
      'from=2026-08-01&to=2026-08-31&records=1',
    );
    expect(before.value).toMatchObject({
      probation: 2,
      parole: 1,
      publicSurveillance: 0,
      temporaryService: 0,
    });
    expect(before.records.parole).toEqual([ids[1]]);
    // Released on 09-01: off the register at the end of September.
    const after = await metric(
      leader,
      'corrections.onRegisterBySentenceKind',
      'from=2026-09-01&to=2026-09-29',
    );
    expect(after.value).toMatchObject({ probation: 1, parole: 1 });
    const levels = await metric(leader, 'corrections.onRegisterByLevel', 'from=2026-08-01&to=2026-08-31');
    expect(levels.value).toMatchObject({ strict: 1, ordinary: 2, lenient: 0, unclassified: 0 });
    const byCounty = await metric(leader, 'corrections.onRegisterByCounty', 'from=2026-08-01&to=2026-08-31');
    expect(byCounty.value).toEqual({ 海城区司法局: 2, 合浦县司法局: 1 });
    // A county bureau counts its own offices only.
    const own = await metric(county, 'corrections.onRegisterByCounty', 'from=2026-08-01&to=2026-08-31');
    expect(own.value).toEqual({ 海城区司法局: 2 });
  });

  it('intakes and endings in a period', async () => {
    const intakes = await metric(leader, 'corrections.intakes', 'from=2026-03-01&to=2026-03-31');
    expect(intakes.value).toMatchObject({ probation: 2, parole: 1 });
    const endings = await metric(leader, 'corrections.endings', 'from=2026-09-01&to=2026-09-30&records=1');
    expect(endings.value).toMatchObject({ release: 1, revocation: 0, committal: 0, death: 0 });
    expect(endings.records.release).toEqual([ids[0]]);
    const none = await metric(leader, 'corrections.endings', 'from=2026-01-01&to=2026-06-30');
    expect(none.value.release).toBe(0);
  });

  it('every corrections metric computes for the city (sanctions, check-ins, sea trips, training included)', async () => {
    for (const m of correctionsMetrics) {
      const res = await leader.request(
        'GET',
        `/api/metrics/${m.name}?from=2026-01-01&to=2026-12-31&records=1`,
      );
      expect(res.statusCode, `${m.name}: ${res.body}`).toBe(200);
    }
    const trips = await metric(leader, 'corrections.seaTrips', 'from=2026-01-01&to=2026-12-31');
    expect(trips.value).toEqual({ filed: 0, approved: 0, returned: 0 });
  });
});
