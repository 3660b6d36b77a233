import { describe, expect, it } from 'vitest';
import {
  type CommitteeCandidate,
  dispatchDispute,
  fingerprintText,
  formatDistance,
  haversineKm,
  nearestFirst,
  normaliseArea,
} from './dispatch.rules.ts';
import { progressSteps } from './intake.rules.ts';

const LIANZHOU = '450521100000'; // 合浦县廉州镇
const DANGJIANG = '450521101000'; // 合浦县党江镇
const ZHONGJIE = '450502001000'; // 海城区中街街道

let nextId = 100;
function committee(over: Partial<CommitteeCandidate>): CommitteeCandidate {
  return {
    unitId: nextId++,
    name: '某人民调解委员会',
    kind: 'township',
    industry: null,
    townCode: LIANZHOU,
    servedAreas: [],
    latitude: null,
    longitude: null,
    countyCode: '450521',
    ...over,
  };
}

const lianzhouTownship = committee({ name: '合浦县廉州镇人民调解委员会', kind: 'township' });
const ximen = committee({
  name: '合浦县廉州镇西门村人民调解委员会',
  kind: 'village',
  servedAreas: ['西门村', '东门村'],
  latitude: 21.6612,
  longitude: 109.2003,
});
const ximenNorth = committee({
  name: '合浦县廉州镇西门村北片人民调解委员会',
  kind: 'village',
  servedAreas: ['西门村委会'],
  latitude: 21.7,
  longitude: 109.2,
});
const countyTourism = committee({
  name: '合浦县旅游纠纷人民调解委员会',
  kind: 'industry',
  industry: 'tourism',
  townCode: null,
});
const cityTourism = committee({
  name: '北海市旅游纠纷人民调解委员会',
  kind: 'industry',
  industry: 'tourism',
  townCode: null,
  countyCode: null,
});
const cityMedical = committee({
  name: '北海市医疗纠纷人民调解委员会',
  kind: 'industry',
  industry: 'medical',
  townCode: null,
  countyCode: null,
});
const cityEnterprise = committee({
  name: '北海市涉企纠纷人民调解委员会',
  kind: 'industry',
  industry: 'enterprise',
  townCode: null,
  countyCode: null,
});
const all = [lianzhouTownship, ximen, ximenNorth, countyTourism, cityTourism, cityMedical, cityEnterprise];

const at = (townCode: string, village?: string, latitude?: number, longitude?: number) => ({
  townCode,
  village,
  latitude,
  longitude,
});

describe('dispatch rules', () => {
  it('sends a tourism dispute to the county’s tourism committee, else the city’s', () => {
    const inHepu = dispatchDispute({ kind: 'tourism', involvesEnterprise: false, place: at(LIANZHOU) }, all);
    expect(inHepu).toMatchObject({ ok: true, committee: { unitId: countyTourism.unitId } });
    expect(inHepu.reason).toBe('按纠纷类型（旅游纠纷）：合浦县旅游纠纷人民调解委员会');
    // 海城区 has no tourism committee of its own: the city's takes it.
    const inHaicheng = dispatchDispute(
      { kind: 'tourism', involvesEnterprise: false, place: at(ZHONGJIE) },
      all,
    );
    expect(inHaicheng).toMatchObject({ ok: true, committee: { unitId: cityTourism.unitId } });
    const medical = dispatchDispute({ kind: 'medical', involvesEnterprise: false, place: at(LIANZHOU) }, all);
    expect(medical).toMatchObject({ ok: true, committee: { unitId: cityMedical.unitId } });
  });

  it('sends enterprise contract, production and consumer disputes to the enterprise committee only when flagged', () => {
    for (const kind of ['contract', 'production', 'consumer'] as const) {
      const flagged = dispatchDispute({ kind, involvesEnterprise: true, place: at(LIANZHOU) }, all);
      expect(flagged).toMatchObject({ ok: true, committee: { unitId: cityEnterprise.unitId } });
      expect(flagged.reason).toMatch(/^涉企纠纷/);
    }
    const plain = dispatchDispute({ kind: 'contract', involvesEnterprise: false, place: at(LIANZHOU) }, all);
    expect(plain).toMatchObject({ ok: true, committee: { unitId: lianzhouTownship.unitId } });
    // A neighbours' dispute that involves an enterprise is still the place's.
    const neighbours = dispatchDispute(
      { kind: 'neighbour', involvesEnterprise: true, place: at(LIANZHOU) },
      all,
    );
    expect(neighbours).toMatchObject({ ok: true, committee: { unitId: lianzhouTownship.unitId } });
  });

  it('prefers the village committee serving the village, else the township committee', () => {
    const village = dispatchDispute(
      { kind: 'neighbour', involvesEnterprise: false, place: at(LIANZHOU, '东门村') },
      all,
    );
    expect(village).toMatchObject({ ok: true, committee: { unitId: ximen.unitId } });
    expect(village.reason).toBe('按纠纷地点：合浦县廉州镇西门村人民调解委员会');
    const otherVillage = dispatchDispute(
      { kind: 'neighbour', involvesEnterprise: false, place: at(LIANZHOU, '南门村') },
      all,
    );
    expect(otherVillage).toMatchObject({ ok: true, committee: { unitId: lianzhouTownship.unitId } });
    expect(otherVillage.reason).toBe('按纠纷地点：合浦县廉州镇人民调解委员会');
  });

  it('takes the nearest of several candidates when both sides have coordinates, and says how far', () => {
    // 西门村 is served by two committees; the dispute is 1.2 km from 西门村's.
    const near = dispatchDispute(
      { kind: 'marriageFamily', involvesEnterprise: false, place: at(LIANZHOU, '西门村', 21.6612, 109.2119) },
      all,
    );
    expect(near).toMatchObject({ ok: true, committee: { unitId: ximen.unitId } });
    expect(near.reason).toBe('按纠纷地点：合浦县廉州镇西门村人民调解委员会（距 1.2 公里）');
    const north = dispatchDispute(
      { kind: 'marriageFamily', involvesEnterprise: false, place: at(LIANZHOU, '西门村', 21.699, 109.2) },
      all,
    );
    expect(north).toMatchObject({ ok: true, committee: { unitId: ximenNorth.unitId } });
    expect(north.reason).toContain('（距 111 米）');
    // Without the dispute's coordinates: unit order.
    const unplaced = dispatchDispute(
      { kind: 'marriageFamily', involvesEnterprise: false, place: at(LIANZHOU, '西门村') },
      all,
    );
    expect(unplaced).toMatchObject({ ok: true, committee: { unitId: ximen.unitId } });
  });

  it('puts candidates with coordinates before those without', () => {
    const a = committee({ kind: 'township' });
    const b = committee({ kind: 'township', latitude: 21.8, longitude: 109.3 });
    const ranked = nearestFirst([a, b], { townCode: LIANZHOU, latitude: 21.6, longitude: 109.2 });
    expect(ranked.map((r) => r.committee.unitId)).toEqual([b.unitId, a.unitId]);
  });

  it('answers with a clear reason when no committee can take the dispute', () => {
    const none = dispatchDispute(
      { kind: 'neighbour', involvesEnterprise: false, place: at(DANGJIANG, '某村'), townName: '党江镇' },
      all,
    );
    expect(none.ok).toBe(false);
    expect(none.reason).toContain('党江镇某村尚无可受理该纠纷的人民调解委员会');
    // An industry kind with no industry committee anywhere falls back to the place.
    const traffic = dispatchDispute({ kind: 'traffic', involvesEnterprise: false, place: at(LIANZHOU) }, all);
    expect(traffic).toMatchObject({ ok: true, committee: { unitId: lianzhouTownship.unitId } });
  });

  it('measures distances on the sphere and names villages alike', () => {
    expect(haversineKm({ lat: 21.6612, lng: 109.2003 }, { lat: 21.6612, lng: 109.2119 })).toBeCloseTo(1.2, 1);
    expect(formatDistance(0.35)).toBe('350 米');
    expect(formatDistance(12.345)).toBe('12.3 公里');
    expect(normaliseArea('西门村民委员会')).toBe('西门村');
    expect(normaliseArea(' 西门村委会')).toBe('西门村');
    expect(normaliseArea('东街社区居民委员会')).toBe('东街社区');
  });
});

describe('duplicate fingerprint', () => {
  const a = { personId: 'p-1', identified: true, name: '黄秀梅' };
  const b = { personId: 'p-2', identified: true, name: '李强' };
  it('is the kind and the sorted identities, whichever side files', () => {
    expect(fingerprintText('neighbour', [a, b])).toBe(fingerprintText('neighbour', [b, a]));
    expect(fingerprintText('neighbour', [a, b])).not.toBe(fingerprintText('contract', [a, b]));
  });
  it('uses the name for parties entered without a document, ignoring spaces and bracket width', () => {
    const x = { personId: 'new-1', identified: false, name: '王 五' };
    const y = { personId: 'new-2', identified: false, name: '王五' };
    expect(fingerprintText('neighbour', [a, x])).toBe(fingerprintText('neighbour', [a, y]));
    const o1 = { organisationId: 'o-1', identified: false, name: '北海市某物业（有限）公司' };
    const o2 = { organisationId: 'o-2', identified: false, name: '北海市某物业(有限)公司' };
    expect(fingerprintText('property', [a, o1])).toBe(fingerprintText('property', [a, o2]));
  });
});

describe('progress steps', () => {
  const base = {
    submittedAt: new Date('2026-03-02T02:00:00Z'),
    committeeName: '合浦县廉州镇西门村人民调解委员会',
    dispatchedAt: new Date('2026-03-02T02:00:00Z'),
    redispatched: false,
    acceptedOn: null,
    acceptedAt: null,
    declineReason: null,
    outcomeOn: null,
    outcomeAt: null,
  };
  it('waits for acceptance after dispatch', () => {
    const steps = progressSteps({ ...base, status: 'received' });
    expect(steps.map((s) => [s.label, s.status])).toEqual([
      ['提交申请', 'done'],
      ['分派调委会', 'done'],
      ['受理', 'current'],
      ['调解', 'pending'],
      ['结果', 'pending'],
    ]);
    expect(steps[1]?.note).toBe('已分派至合浦县廉州镇西门村人民调解委员会');
  });
  it('ends at the refusal when declined, and shows the result when settled', () => {
    const declined = progressSteps({ ...base, status: 'declined', declineReason: '已经起诉' });
    expect(declined.map((s) => s.status)).toEqual(['done', 'done', 'failed']);
    expect(declined[2]?.note).toBe('不予受理：已经起诉');
    const settled = progressSteps({
      ...base,
      status: 'settled',
      acceptedOn: '2026-03-03',
      outcomeOn: '2026-03-10',
    });
    expect(settled.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(settled[4]?.note).toBe('调解成功，达成调解协议（2026-03-10）');
  });
});
