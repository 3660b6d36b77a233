import { describe, expect, it } from 'vitest';
import {
  correctionDueOn,
  defaultHardshipStandards,
  type MeansTestInput,
  meansTest,
  standardFor,
} from './legal-aid.rules.ts';

const base: MeansTestInput = {
  matterType: 'civil',
  disputeKind: 'family',
  exemption: null,
  proof: 'documents',
  householdSize: 3,
  householdMonthlyIncome: 4500,
  householdAssets: 20_000,
  tags: [],
  standard: { monthlyIncomePerPerson: 1810, assetsCeiling: 100_000 },
  random: () => 0.5,
  pledgeSampleRate: 0.1,
};

describe('means test (法律援助法)', () => {
  it('Art. 25: mandatory defence of a minor is granted without any means test', () => {
    const r = meansTest({
      ...base,
      matterType: 'criminal',
      disputeKind: 'criminalDefence',
      exemption: 'art25Minor',
      householdMonthlyIncome: 900_000,
    });
    expect(r).toMatchObject({ eligible: true, basis: 'mandatoryDefence', needsVerification: false });
    expect(r.explanation).toContain('第二十五条');
    expect(r.explanation).toContain('不审查经济状况');
  });

  it('Art. 25 applies to criminal cases only: a civil matter falls back to the figures and says why', () => {
    const r = meansTest({ ...base, exemption: 'art25Minor', householdMonthlyIncome: 90_000 });
    expect(r.eligible).toBe(false);
    expect(r.explanation).toContain('仅适用于刑事案件');
  });

  it('Art. 32: a victim of domestic violence has no hardship condition', () => {
    const r = meansTest({ ...base, exemption: 'art32AbuseVictim', householdMonthlyIncome: 50_000 });
    expect(r).toMatchObject({ eligible: true, basis: 'noHardshipCondition' });
    expect(r.explanation).toContain('第三十二条');
  });

  it('Art. 42: a migrant worker claiming pay has the check waived, claimed or from the person tag', () => {
    const claimed = meansTest({ ...base, disputeKind: 'wageArrears', exemption: 'art42MigrantWorker' });
    expect(claimed).toMatchObject({ eligible: true, basis: 'checkWaived' });
    expect(claimed.explanation).toContain('第四十二条');
    const tagged = meansTest({
      ...base,
      disputeKind: 'workInjury',
      tags: ['migrantWorker'],
      householdMonthlyIncome: 99_999,
    });
    expect(tagged).toMatchObject({ eligible: true, basis: 'checkWaived' });
  });

  it('Art. 42 waiver is for pay and work-injury claims only', () => {
    const r = meansTest({ ...base, exemption: 'art42MigrantWorker', householdMonthlyIncome: 99_999 });
    expect(r.eligible).toBe(false);
    expect(r.explanation).toContain('仅适用于追索劳动报酬或者工伤赔偿事项');
  });

  it('Beihai 2023 policy: a gig worker (courier) claiming pay is treated like a migrant worker', () => {
    const r = meansTest({
      ...base,
      disputeKind: 'wageArrears',
      tags: ['gigWorker'],
      householdMonthlyIncome: 9e4,
    });
    expect(r).toMatchObject({ eligible: true, basis: 'checkWaived' });
    expect(r.explanation).toContain('北海市 2023 年');
    expect(r.explanation).toContain('第四十二条');
  });

  it('Art. 41: a pledge is believed; a draw below the sample rate flags it for verification (Art. 64 warned)', () => {
    const kept = meansTest({ ...base, proof: 'pledge', random: () => 0.5 });
    expect(kept).toMatchObject({ eligible: true, basis: 'pledge', needsVerification: false });
    expect(kept.explanation).toContain('第四十一条');
    expect(kept.explanation).toContain('第六十四条');
    const drawn = meansTest({ ...base, proof: 'pledge', random: () => 0.05 });
    expect(drawn.needsVerification).toBe(true);
    expect(drawn.explanation).toContain('随机抽中');
  });

  it('the figures: per-capita income against the county line, then the assets ceiling', () => {
    expect(meansTest({ ...base, householdMonthlyIncome: 5430 })).toMatchObject({
      eligible: true,
      basis: 'meansTest',
    });
    const high = meansTest({ ...base, householdMonthlyIncome: 5431 });
    expect(high.eligible).toBe(false);
    expect(high.explanation).toContain('1810.33 元');
    const rich = meansTest({ ...base, householdAssets: 100_001 });
    expect(rich.eligible).toBe(false);
    expect(rich.explanation).toContain('资产上限');
  });

  it('the standard is configuration per county: Hepu (450521) at 1,580 yuan, unknown counties the default', () => {
    expect(standardFor(defaultHardshipStandards, '450521').monthlyIncomePerPerson).toBe(1580);
    expect(standardFor(defaultHardshipStandards, '450502').monthlyIncomePerPerson).toBe(1810);
    expect(standardFor(defaultHardshipStandards, '999999')).toBe(defaultHardshipStandards.default);
  });
});

describe('correction time (Art. 43: the law gives none; configuration)', () => {
  it('counts calendar days from the notice day', () => {
    expect(correctionDueOn('2026-03-03', 15)).toBe('2026-03-18');
    expect(correctionDueOn('2026-12-25', 15)).toBe('2027-01-09');
  });
});
