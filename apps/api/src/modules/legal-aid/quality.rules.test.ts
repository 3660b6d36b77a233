import { describe, expect, it } from 'vitest';
import {
  computeSubsidy,
  defaultSubsidyCoefficients,
  falsePledgeStep,
  mergeCoefficients,
  rateInForce,
  type SubsidyRate,
  subsidyYuan,
} from './quality.rules.ts';

// Beihai 2023 (RULES.md, "case subsidy"): civil 2,800 yuan, criminal 2,300 yuan a case, adjusted by the
// case's quality rating; the rates are configuration with an effective date.
const rates: SubsidyRate[] = [
  { id: 'civil-2023', matterType: 'civil', effectiveFrom: '2023-01-01', baseYuan: 2800 },
  { id: 'criminal-2023', matterType: 'criminal', effectiveFrom: '2023-01-01', baseYuan: 2300 },
  { id: 'civil-2024', matterType: 'civil', effectiveFrom: '2024-01-01', baseYuan: 3000 },
];

describe('Beihai 2023 case subsidy: base rate in force on the closing day × the rating coefficient', () => {
  it('the rate is the one in force on the closing day: 2023-12-31 pays the 2023 rate, 2024-01-01 the new one', () => {
    expect(rateInForce(rates, 'civil', '2023-12-31')?.id).toBe('civil-2023');
    expect(rateInForce(rates, 'civil', '2024-01-01')?.id).toBe('civil-2024');
    expect(rateInForce(rates, 'criminal', '2024-06-30')?.id).toBe('criminal-2023');
    expect(rateInForce(rates, 'civil', '2022-12-31')).toBeNull();

    const good = { rates, matterType: 'civil' as const, rating: 'good' as const };
    const coefficients = defaultSubsidyCoefficients;
    expect(computeSubsidy({ ...good, closedOn: '2023-12-31', coefficients })).toMatchObject({
      ok: true,
      baseYuan: 2800,
      coefficient: 1,
      subsidyYuan: 2800,
    });
    expect(computeSubsidy({ ...good, closedOn: '2024-01-01', coefficients })).toMatchObject({
      ok: true,
      baseYuan: 3000,
      subsidyYuan: 3000,
    });
  });

  it('each rating: excellent 1.2, good 1.0, qualified 0.8, unqualified 0 (defaults) on civil 2,800 and criminal 2,300', () => {
    const pay = (matterType: 'civil' | 'criminal', rating: keyof typeof defaultSubsidyCoefficients) => {
      const r = computeSubsidy({
        rates,
        matterType,
        closedOn: '2023-06-30',
        rating,
        coefficients: defaultSubsidyCoefficients,
      });
      return r.ok ? r.subsidyYuan : r.problem;
    };
    expect(pay('civil', 'excellent')).toBe(3360);
    expect(pay('civil', 'good')).toBe(2800);
    expect(pay('civil', 'qualified')).toBe(2240);
    expect(pay('civil', 'unqualified')).toBe(0);
    expect(pay('criminal', 'excellent')).toBe(2760);
    expect(pay('criminal', 'good')).toBe(2300);
    expect(pay('criminal', 'qualified')).toBe(1840);
    expect(pay('criminal', 'unqualified')).toBe(0);
  });

  it('rounds half up to the fen, without floating-point dust', () => {
    expect(subsidyYuan(2800, 1.2)).toBe(3360);
    expect(subsidyYuan(2333.33, 0.8)).toBe(1866.66); // 1,866.664
    expect(subsidyYuan(1234.57, 0.85)).toBe(1049.38); // 1,049.3845
    expect(subsidyYuan(0.05, 0.5)).toBe(0.03); // 0.025 → half up
    expect(subsidyYuan(2800.1, 0.33)).toBe(924.03); // 924.033
  });

  it('administrative and non-litigation have no default rate: the rating explains and refuses', () => {
    const r = computeSubsidy({
      rates,
      matterType: 'administrative',
      closedOn: '2023-05-10',
      rating: 'good',
      coefficients: defaultSubsidyCoefficients,
    });
    expect(r).toEqual({
      ok: false,
      problem: '尚未设置行政案件 2023-05-10 适用的办案补贴标准，请先在“补贴标准”中添加',
    });
  });

  it('the coefficients are configuration: a stored setting overrides, a bad entry keeps the default', () => {
    expect(mergeCoefficients(undefined)).toEqual(defaultSubsidyCoefficients);
    expect(mergeCoefficients({ excellent: 1.5, good: 'x', qualified: -1 })).toEqual({
      excellent: 1.5,
      good: 1,
      qualified: 0.8,
      unqualified: 0,
    });
  });
});

describe('a pledge found false (第四十一条, 第四十八条, 第六十四条)', () => {
  it('terminates aid already granted, refuses an undecided application, records only on a finished case', () => {
    expect(['granted', 'assigned', 'inProgress'].map(falsePledgeStep)).toEqual([
      'terminate',
      'terminate',
      'terminate',
    ]);
    expect(['received', 'corrected'].map(falsePledgeStep)).toEqual(['refuse', 'refuse']);
    expect(falsePledgeStep('awaitingCorrection')).toBe('notNow');
    expect(['closed', 'refused', 'terminated', 'withdrawn'].map(falsePledgeStep)).toEqual([
      'recordOnly',
      'recordOnly',
      'recordOnly',
      'recordOnly',
    ]);
  });
});
