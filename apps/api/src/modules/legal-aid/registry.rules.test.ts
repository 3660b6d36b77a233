import { describe, expect, it } from 'vitest';
import {
  ARTICLE_26_MIN_PRACTICE_YEARS,
  isAvailable,
  meetsArticle26,
  practiceYears,
  rangesOverlap,
  unavailabilityReason,
} from './registry.rules.ts';

describe('years of practice and 法律援助法 Art. 26', () => {
  it('counts full years: the anniversary completes a year', () => {
    expect(practiceYears('2020-03-15', '2023-03-14')).toBe(2);
    expect(practiceYears('2020-03-15', '2023-03-15')).toBe(3);
    expect(practiceYears('2020-03-15', '2020-03-15')).toBe(0);
    expect(practiceYears('2020-03-15', '2019-12-31')).toBe(0);
  });

  it('a start on 29 February completes its year on 28 February of a common year', () => {
    expect(practiceYears('2020-02-29', '2023-02-27')).toBe(2);
    expect(practiceYears('2020-02-29', '2023-02-28')).toBe(3);
    expect(practiceYears('2020-02-29', '2024-02-28')).toBe(3);
    expect(practiceYears('2020-02-29', '2024-02-29')).toBe(4);
  });

  it('Art. 26: a case with a possible life or death sentence needs at least 3 years of practice', () => {
    expect(ARTICLE_26_MIN_PRACTICE_YEARS).toBe(3);
    expect(meetsArticle26('2020-06-01', '2023-05-31')).toBe(false);
    expect(meetsArticle26('2020-06-01', '2023-06-01')).toBe(true);
    expect(meetsArticle26('2010-01-01', '2023-06-01')).toBe(true);
  });
});

describe('availability', () => {
  const lawyer = {
    registeredOn: '2023-01-10',
    leftOn: '2023-12-31',
    unavailable: [{ from: '2023-03-01', to: '2023-03-10', reason: '外出培训' }],
  };

  it('skips days before registration, inside an unavailable period and from the day of leaving', () => {
    expect(unavailabilityReason(lawyer, '2023-01-09')).toBe('尚未入库');
    expect(isAvailable(lawyer, '2023-01-10')).toBe(true);
    expect(isAvailable(lawyer, '2023-02-28')).toBe(true);
    expect(unavailabilityReason(lawyer, '2023-03-01')).toBe('不可指派：外出培训（2023-03-01 至 2023-03-10）');
    expect(isAvailable(lawyer, '2023-03-10')).toBe(false);
    expect(isAvailable(lawyer, '2023-03-11')).toBe(true);
    expect(unavailabilityReason(lawyer, '2023-12-31')).toBe('已退出律师库');
  });

  it('ranges overlap when they share a day', () => {
    expect(
      rangesOverlap({ from: '2023-01-01', to: '2023-01-31' }, { from: '2023-01-31', to: '2023-02-05' }),
    ).toBe(true);
    expect(
      rangesOverlap({ from: '2023-01-01', to: '2023-01-30' }, { from: '2023-01-31', to: '2023-02-05' }),
    ).toBe(false);
  });
});
