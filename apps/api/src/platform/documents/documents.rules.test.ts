import { describe, expect, it } from 'vitest';
import { DocumentTemplateRegistry, defineDocumentTemplate } from './document-template.ts';
import {
  documentDate,
  fieldsFor,
  fillPlaceholders,
  mmToTwips,
  placeholdersIn,
  unknownPlaceholders,
} from './documents.rules.ts';

describe('document rules', () => {
  it('finds placeholders, with or without spaces, once each', () => {
    expect(placeholdersIn('{{caseNo}}：{{ applicantNames }}、{{caseNo}}')).toEqual([
      'caseNo',
      'applicantNames',
    ]);
    expect(placeholdersIn('没有填充项')).toEqual([]);
  });

  it('names the placeholders not in the dictionary, the case type’s own fields included', () => {
    const fields = fieldsFor([{ code: 'aidKind', label: '援助形式' }]);
    expect(unknownPlaceholders(['{{aidKind}}{{caseNo}}', '{{addres}}{{}}'], fields)).toEqual(['addres', '']);
    expect(unknownPlaceholders(['{{aidKind}}'], fieldsFor())).toEqual(['aidKind']);
  });

  it('fills known fields; an empty value leaves nothing behind', () => {
    expect(
      fillPlaceholders('申请人{{applicantNames}}（{{caseNo}}）', {
        applicantNames: '张三、李四',
        caseNo: '',
      }),
    ).toBe('申请人张三、李四（）');
  });

  it('writes the date the GB/T 9704 way, in Arabic numerals without leading zeros', () => {
    expect(documentDate('2026-11-27')).toBe('2026年11月27日');
    expect(documentDate('2027-01-05')).toBe('2027年1月5日');
  });

  it('converts millimetres to twips exactly (1440 / 25.4 per mm)', () => {
    expect([210, 297, 37, 35, 28, 26].map(mmToTwips)).toEqual([11906, 16838, 2098, 1984, 1587, 1474]);
  });

  it('refuses a default template with an unknown placeholder at load time', () => {
    const registry = new DocumentTemplateRegistry();
    const bad = defineDocumentTemplate({
      code: 'notice',
      caseType: 'example.application',
      name: '通知书',
      title: '通知书',
      body: ['{{nobody}}'],
    });
    expect(() => registry.add(bad)).toThrow(/unknown placeholders nobody/);
  });
});
