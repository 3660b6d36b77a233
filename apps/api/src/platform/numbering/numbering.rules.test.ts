import { describe, expect, it } from 'vitest';
import { defineNumberSeries, NumberSeriesRegistry } from './number-series.ts';
import {
  applyPrefixTemplate,
  defaultOrganAbbreviation,
  formatCaseNumber,
  formatDocumentNumber,
  numberingYear,
  prefixProblem,
} from './numbering.rules.ts';
import { exampleCaseSeries } from './numbering-testing.ts';

describe('number formats', () => {
  it.each([
    ['北司援', 2026, 12, '北司援〔2026〕第12号'],
    ['北司援', 2026, 1, '北司援〔2026〕第1号'],
    ['海城司援', 2027, 1024, '海城司援〔2027〕第1024号'],
  ])('case number %s %i %i → %s', (prefix, year, value, text) => {
    expect(formatCaseNumber({ prefix, year, value })).toBe(text);
  });

  // GB/T 9704-2012 §7.2.4: no 第, no zero padding (1 is not 01), the year in 六角括号.
  it.each([
    ['北司援决', 2026, 12, '北司援决〔2026〕12号'],
    ['北司援决', 2026, 1, '北司援决〔2026〕1号'],
    ['北司援决', 2026, 100, '北司援决〔2026〕100号'],
  ])('document number %s %i %i → %s', (prefix, year, value, text) => {
    expect(formatDocumentNumber({ prefix, year, value })).toBe(text);
  });

  it('uses the 六角括号 U+3014 and U+3015 around the year', () => {
    const text = formatDocumentNumber({ prefix: '北司援决', year: 2026, value: 3 });
    expect([...text].map((c) => c.codePointAt(0)?.toString(16))).toContain('3014');
    expect(text.indexOf('\u3015')).toBe(text.indexOf('2026') + 4);
  });

  it.each([
    [{ prefix: '北司援', year: 2026, value: 0 }],
    [{ prefix: '北司援', year: 2026, value: 1.5 }],
    [{ prefix: '北司援', year: 26, value: 1 }],
    [{ prefix: '', year: 2026, value: 1 }],
  ])('refuses impossible parts %j', (parts) => {
    expect(() => formatCaseNumber(parts)).toThrow(RangeError);
  });
});

describe('numbering year', () => {
  // Beihai is UTC+8: 16:30 UTC on 31 December is 00:30 on 1 January.
  it.each([
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', 2027],
    ['2026-12-31T15:59:59Z', 'Asia/Shanghai', 2026],
    ['2026-01-01T00:00:00+08:00', 'Asia/Shanghai', 2026],
    ['2026-12-31T16:30:00Z', 'UTC', 2026],
  ])('%s in %s → %i', (at, timeZone, year) => {
    expect(numberingYear(new Date(at), timeZone)).toBe(year);
  });
});

describe('prefixes', () => {
  it.each([
    ['北海市司法局', '北司'],
    ['北海市法律援助中心', '北法援'],
    ['北海市公共法律服务中心', '北公法'],
    ['海城区司法局', '海城司'],
    ['铁山港区法律援助中心', '铁山港法援'],
    ['合浦县司法局', '合浦司'],
    ['合浦县廉州司法所', '合浦廉州司'],
    ['北海市海城区中街司法所', '海城中街司'],
    ['北海市医疗纠纷人民调解委员会', '医疗纠纷调'],
    ['北海市海城区中街街道人民调解委员会', '海城中街街道调'],
    ['合浦县廉州镇西门村人民调解委员会', '合浦廉州镇西门村调'],
    ['北海市公证处', '北海市公证处'],
  ])('%s has the default organ abbreviation %s', (unitName, organ) => {
    expect(defaultOrganAbbreviation(unitName, '北海市')).toBe(organ);
  });

  it('fills a series template with the organ abbreviation', () => {
    expect(applyPrefixTemplate('{organ}援', '北司')).toBe('北司援');
    expect(applyPrefixTemplate('{organ}援决', '海城司')).toBe('海城司援决');
    expect(applyPrefixTemplate('珠司援', '北司')).toBe('珠司援');
  });

  it.each([
    ['北司援', undefined],
    ['', '请填写前缀（机关代字），如“北司援”'],
    ['北司 援', '前缀不能包含空格或括号，年份的〔〕由系统自动加上'],
    ['北司〔援〕', '前缀不能包含空格或括号，年份的〔〕由系统自动加上'],
    ['北'.repeat(21), '前缀不能超过 20 个字'],
  ])('prefix %j: %s', (prefix, problem) => {
    expect(prefixProblem(prefix)).toBe(problem);
  });
});

describe('number series', () => {
  it('registers each series once and finds it by code', () => {
    const registry = new NumberSeriesRegistry(exampleCaseSeries);
    expect(registry.get('example.case')).toMatchObject({ kind: 'caseNo', defaultPrefix: '{organ}援' });
    expect(() => registry.add(exampleCaseSeries)).toThrow(/registered twice/);
    expect(() => registry.get('example.other')).toThrow(/unknown number series/);
  });

  it('refuses a malformed declaration', () => {
    const base = { code: 'example.case', kind: 'caseNo', name: '示例', defaultPrefix: '{organ}援' } as const;
    expect(() => defineNumberSeries({ ...base, code: 'Example' })).toThrow(/<module>\.<what>/);
    expect(() => defineNumberSeries({ ...base, defaultPrefix: '{organ}〔援〕' })).toThrow(/default prefix/);
    expect(() => defineNumberSeries({ ...base, name: ' ' })).toThrow(/needs a name/);
  });
});
