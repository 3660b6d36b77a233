import { describe, expect, it } from 'vitest';
import { idNumberHint } from './id-number-hint.ts';

const today = '2026-03-02';

describe('idNumberHint (what the ID field shows while typing)', () => {
  it('stays quiet while a resident ID number is still being typed', () => {
    expect(idNumberHint('residentIdCard', '450502', today)).toMatchObject({
      problem: null,
      incomplete: true,
    });
  });

  it('derives gender, birth date and 未成年人 from a complete number', () => {
    expect(idNumberHint('residentIdCard', '11010520100101001X', today).problem).toBe(
      '身份证号码校验位不正确',
    );
    // 11010519491231002X is the standard's own example: born 1949-12-31, female, 76 on the day.
    expect(idNumberHint('residentIdCard', '11010519491231002x', today)).toEqual({
      problem: null,
      incomplete: false,
      gender: 'female',
      birthDate: '1949-12-31',
      derivedTags: ['elderly'],
    });
  });

  it('names the 15-digit legacy number and letters at once', () => {
    expect(idNumberHint('residentIdCard', '110105491231002', today).problem).toBe(
      '请填写 18 位身份证号码（15 位旧号码已停止使用）',
    );
    expect(idNumberHint('residentIdCard', '4505A2', today).problem).toMatch(/^身份证号码应为 18 位/);
  });

  it('checks no digit for a passport', () => {
    expect(idNumberHint('passport', 'E12345678', today)).toMatchObject({ problem: null, gender: null });
  });
});
