// The pure rules of packages/contracts/src/persons.ts (contracts import only zod, so their tests live here).
import {
  ageOn,
  creditCodeCheckChar,
  creditCodeProblem,
  derivedPersonTags,
  documentNumberProblem,
  ethnicities,
  ethnicityLabels,
  isValidCreditCode,
  normalizeCreditCode,
  personTagLabels,
  personTags,
} from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';

// GB 32100-2015 written out again from the standard, independently of the code under test: character
// values follow the table of the standard, weights are 3^i mod 31, check = 31 - (sum mod 31), 31 → 0.
const values: Record<string, number> = {};
[...'0123456789ABCDEFGHJKLMNPQRTUWXY'].forEach((c, i) => {
  values[c] = i;
});
function withCreditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (values[first17[i] ?? ''] ?? Number.NaN) * (3 ** i % 31);
  const check = (31 - (sum % 31)) % 31;
  return first17 + (Object.keys(values).find((k) => values[k] === check) ?? '?');
}

describe('unified social credit code (GB 32100)', () => {
  // Made-up bodies in Beihai: an enterprise (9 1, registered by 市场监管), an agency (1 1), a social
  // organisation (5 1).
  const enterprise = withCreditCheck('91450500MA5K3B7Q2');
  const agency = withCreditCheck('11450500007564321');
  const association = withCreditCheck('51450500MJ0123456');

  it('weights are 3^i mod 31 (the standard’s table)', () => {
    expect([...Array(17).keys()].map((i) => 3 ** i % 31)).toEqual([
      1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ]);
  });

  it('accepts codes with a correct check character', () => {
    for (const code of [enterprise, agency, association]) {
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('maps a check value of 31 to 0', () => {
    // Find a body whose sum is a multiple of 31 by varying the last digit of the body.
    const found = [...'0123456789']
      .map((d) => withCreditCheck(`9145050000000000${d}`))
      .find((c) => c.endsWith('0'));
    expect(found).toBeDefined();
    expect(isValidCreditCode(found ?? '')).toBe(true);
  });

  it('normalises full-width, spaces and lower case before checking', () => {
    const typed = ` ${enterprise.toLowerCase().slice(0, 9)} ${enterprise.slice(9)}`.replace('9', '９');
    expect(normalizeCreditCode(typed)).toBe(enterprise);
    expect(isValidCreditCode(typed)).toBe(true);
  });

  it('says in Chinese what is wrong', () => {
    const wrong = enterprise.slice(0, 17) + (enterprise[17] === '0' ? '1' : '0');
    expect(creditCodeProblem(wrong)).toBe('统一社会信用代码校验位不正确');
    expect(creditCodeProblem('')).toBe('请填写统一社会信用代码');
    expect(creditCodeProblem('9145050')).toBe('统一社会信用代码应为 18 位（现为 7 位）');
    expect(creditCodeProblem(`${enterprise.slice(0, 10)}I${enterprise.slice(11)}`)).toContain('不能含有“I”');
    expect(creditCodeProblem(`91A5050${enterprise.slice(7)}`)).toContain('行政区划代码');
  });
});

describe('document numbers by type', () => {
  it('checks only the resident ID card for a check digit', () => {
    expect(documentNumberProblem('residentIdCard', '450502198503121230')).toBe('身份证号码校验位不正确');
    expect(documentNumberProblem('passport', 'E12345678')).toBeNull();
    expect(documentNumberProblem('hkMacaoPermit', 'h1234567８')).toBeNull();
    expect(documentNumberProblem('passport', '')).toBe('请填写证件号码');
    expect(documentNumberProblem('other', '编号#1')).toBe('证件号码只能包含数字、字母、括号和连字符');
  });
});

describe('ages and derived tags', () => {
  it('counts full years; a leap-day birthday is reached on 1 March', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageOn('1966-03-02', '2026-03-01')).toBe(59);
    expect(ageOn('1966-03-02', '2026-03-02')).toBe(60);
  });

  it('under 18 is a minor (民法典 第十七条), 60 and over elderly (老年人权益保障法 第二条)', () => {
    expect(derivedPersonTags('2008-03-03', '2026-03-02')).toEqual(['minor']);
    expect(derivedPersonTags('2008-03-02', '2026-03-02')).toEqual([]);
    expect(derivedPersonTags('1966-03-02', '2026-03-02')).toEqual(['elderly']);
    expect(derivedPersonTags(null, '2026-03-02')).toEqual([]);
  });
});

describe('code lists', () => {
  it('has the 56 ethnic groups of GB/T 3304 with two-digit codes', () => {
    expect(ethnicities).toHaveLength(56);
    expect(new Set(ethnicities.map(([c]) => c)).size).toBe(56);
    expect(ethnicityLabels['01']).toBe('汉族');
    expect(ethnicityLabels['08']).toBe('壮族');
    expect(ethnicityLabels['49']).toBe('京族');
    expect(ethnicityLabels['56']).toBe('基诺族');
  });

  it('labels every tag in Chinese', () => {
    for (const tag of personTags) expect(personTagLabels[tag]).toMatch(/^[\u4e00-\u9fa5]+$/);
  });
});
