import { describe, expect, it } from 'vitest';
import { isPersonalField, maskPersonalFields, maskPersonalValue } from './audit-mask.ts';

describe('audit masking', () => {
  it('keeps the region and last four of an ID number, and the carrier prefix and last four of a mobile', () => {
    expect(maskPersonalValue('450502199001011234')).toBe('450502********1234');
    expect(maskPersonalValue('45050219900101123x')).toBe('450502********123x');
    expect(maskPersonalValue('450502900101123')).toBe('450502*****1123');
    expect(maskPersonalValue('13812345678')).toBe('138****5678');
    expect(maskPersonalValue('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPersonalValue('北海市海城区北部湾中路 1 号')).toBe('***');
    expect(maskPersonalValue(13812345678)).toBe('138****5678');
    expect(maskPersonalValue({ province: '广西' })).toBe('***');
  });

  it('leaves empty values empty, so an auditor still sees that a field was cleared', () => {
    expect(maskPersonalValue(null)).toBeNull();
    expect(maskPersonalValue('')).toBe('');
  });

  it('recognises personal fields by name in any case and spelling, but not technical addresses', () => {
    for (const name of ['idNumber', 'ID_NUMBER', 'id-number', 'phone', 'applicantPhone', 'homeAddress']) {
      expect(isPersonalField(name), name).toBe(true);
    }
    for (const name of ['ipAddress', 'ip_address', 'status', 'name']) {
      expect(isPersonalField(name), name).toBe(false);
    }
    expect(isPersonalField('name', new Set(['name']))).toBe(true);
  });

  it('masks at any depth and leaves other fields alone', () => {
    const masked = maskPersonalFields(
      {
        name: '张三',
        status: 'active',
        idNumber: '450502199001011234',
        contacts: [{ relation: '配偶', mobile: '13900001111' }],
        household: { address: '北海市银海区' },
        ipAddress: '10.0.0.1',
        password: 'hunter2',
      },
      ['name'],
    );
    expect(masked).toEqual({
      name: '***',
      status: 'active',
      idNumber: '450502********1234',
      contacts: [{ relation: '配偶', mobile: '139****1111' }],
      household: { address: '***' },
      ipAddress: '10.0.0.1',
      password: '***',
    });
  });
});
