import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import {
  birthDateOfIdNumber,
  genderOfIdNumber,
  idNumberProblem,
  idNumberSchema,
  isValidIdNumber,
  isValidMobile,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  mobileSchema,
  normalizePhone,
} from './personal-data.ts';

z.config(zhCN());

// Check character computed independently of the code under test: weight of position k (0-based from
// the left) is 2^(17-k) mod 11; the check value is (12 - sum mod 11) mod 11, 10 written as X.
function withCheckChar(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * (2 ** (17 - k) % 11);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
}

function wrongCheckChar(valid: string): string {
  const other = valid.endsWith('0') ? '1' : '0';
  return valid.slice(0, 17) + other;
}

const today = { today: '2025-06-30' };

describe('resident ID numbers (GB 11643-1999)', () => {
  // Made-up people in Beihai's districts and elsewhere; only the check characters are computed.
  const haicheng = withCheckChar('45050219850312123'); // 海城区, born 1985-03-12, male
  const yinhai = withCheckChar('45050319921129004'); // 银海区, female
  const hepu = withCheckChar('45052120000229567'); // 合浦县, born on a leap day
  const beijing = withCheckChar('11010520100101001');

  it('computes the test numbers the way the standard does (its own published example)', () => {
    expect(withCheckChar('11010519491231002')).toBe('11010519491231002X');
    expect(withCheckChar('44052418800101001')).toBe('440524188001010014');
    expect(isValidIdNumber('11010519491231002X', today)).toBe(true);
    expect(isValidIdNumber('440524188001010014', today)).toBe(true);
  });

  it.each([[haicheng], [yinhai], [hepu], [beijing]])('accepts %s', (id) => {
    expect(idNumberProblem(id, today)).toBeNull();
    expect(isValidIdNumber(id, today)).toBe(true);
  });

  it('accepts a lower-case x, full-width digits and surrounding spaces (as people type them)', () => {
    expect(isValidIdNumber(' 11010519491231002x ', today)).toBe(true);
    expect(isValidIdNumber('１１０１０５１９４９１２３１００２Ｘ', today)).toBe(true);
  });

  it.each([
    ['', '请填写身份证号码'],
    ['   ', '请填写身份证号码'],
    ['450502850312123', '请填写 18 位身份证号码（15 位旧号码已停止使用）'],
    ['4505021985031212', '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X'],
    ['45050219850312123A', '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X'],
    ['4505021985031212345', '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X'],
    ['X50502198503121231', '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X'],
    [withCheckChar('99050219850312123'), '身份证号码前 6 位不是有效的行政区划代码'],
    [withCheckChar('00000019850312123'), '身份证号码前 6 位不是有效的行政区划代码'],
    [withCheckChar('45050219850230123'), '身份证号码中的出生日期（第 7 至 14 位）不正确'],
    [withCheckChar('45050219011329123'), '身份证号码中的出生日期（第 7 至 14 位）不正确'],
    [withCheckChar('45050219990229123'), '身份证号码中的出生日期（第 7 至 14 位）不正确'],
    [withCheckChar('45050217991231123'), '身份证号码中的出生日期（第 7 至 14 位）不正确'],
    [withCheckChar('45050220250701123'), '身份证号码中的出生日期（第 7 至 14 位）不正确'],
    [wrongCheckChar(haicheng), '身份证号码校验位不正确'],
    [wrongCheckChar('11010519491231002X'), '身份证号码校验位不正确'],
    ['110105194912310020', '身份证号码校验位不正确'],
  ])('rejects %j: %s', (id, message) => {
    expect(idNumberProblem(id, today)).toBe(message);
    expect(isValidIdNumber(id, today)).toBe(false);
  });

  it('accepts a birth date of today but not of tomorrow', () => {
    expect(isValidIdNumber(withCheckChar('45050220250630123'), today)).toBe(true);
    expect(isValidIdNumber(withCheckChar('45050220250701123'), today)).toBe(false);
  });

  it('catches every single-digit typo in the body through the check character', () => {
    for (let k = 0; k < 17; k++) {
      const digit = Number(haicheng[k]);
      const typo = `${haicheng.slice(0, k)}${(digit + 1) % 10}${haicheng.slice(k + 1)}`;
      expect(isValidIdNumber(typo, today), typo).toBe(false);
    }
  });

  it('reads the birth date and gender', () => {
    expect(birthDateOfIdNumber(haicheng)).toBe('1985-03-12');
    expect(genderOfIdNumber(haicheng)).toBe('male');
    expect(genderOfIdNumber(yinhai)).toBe('female');
  });
});

describe('mobile numbers', () => {
  it.each([
    ['13800138000', true],
    ['19912345678', true],
    ['16612345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['23812345678', false],
    ['138 1234 5678', false],
    ['', false],
  ])('isValidMobile(%j) is %s', (phone, valid) => {
    expect(isValidMobile(phone)).toBe(valid);
  });

  it.each([
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['（138）1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0779-3201234', '07793201234'],
  ])('normalizes %j to %j', (input, normal) => {
    expect(normalizePhone(input)).toBe(normal);
  });
});

describe('masks', () => {
  it.each([
    ['450502198503121234', '450502********1234'],
    ['11010519491231002X', '110105********002X'],
    ['450502850312123', '450502*****2123'],
    ['1234', '**34'],
    ['', ''],
  ])('maskIdNumber(%j) → %j', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['07793201234', '077****1234'],
    ['3201234', '*****34'],
    ['', ''],
  ])('maskPhone(%j) → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it.each([
    ['广西壮族自治区北海市海城区长青路12号3栋501', '广西壮族自治区北海市海城区****'],
    ['北海市海城区金海岸小区5栋2单元', '北海市海城区****'],
    ['北海市银海区银滩镇白虎头村18号', '北海市银海区银滩镇****'],
    ['广西北海市合浦县廉州镇还珠南路88号', '广西北海市合浦县廉州镇****'],
    ['北海市海城区中街街道云南路3号', '北海市海城区中街街道****'],
    ['广东省广州市天河区体育西路1号', '广东省广州市天河区****'],
    ['北京市朝阳区建国路88号', '北京市朝阳区****'],
    ['广西壮族自治区防城港市东兴市东兴镇北仑大道1号', '广西壮族自治区防城港市东兴市东兴镇****'],
    ['西藏自治区阿里地区噶尔县狮泉河镇1号', '西藏自治区阿里地区噶尔县狮泉河镇****'],
    ['海城区长青路市场3号', '海城区****'],
    ['长青路12号', '****'],
    ['北海市海城区', '北海市海城区'],
    ['', ''],
  ])('maskAddress(%j) → %j', (input, masked) => {
    expect(maskAddress(input)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['李小龙', '李**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳明', '欧阳*'],
    ['司马相如', '司马**'],
    ['欧阳', '欧*'],
    ['王', '*'],
    ['买买提·艾力', '买*****'],
    ['', ''],
  ])('maskName(%j) → %j', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});

describe('request schemas', () => {
  const body = z.object({ idNumber: idNumberSchema, phone: mobileSchema });

  it('parses to the normalised values', () => {
    const parsed = body.parse({ idNumber: ' 11010519491231002x', phone: '+86 138-0013-8000' });
    expect(parsed).toEqual({ idNumber: '11010519491231002X', phone: '13800138000' });
  });

  it('reports each field with its Chinese reason', () => {
    const result = body.safeParse({ idNumber: '110105194912310020', phone: '12345' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['idNumber', '身份证号码校验位不正确'],
      ['phone', '手机号码应为 11 位数字，以 13 至 19 开头'],
    ]);
  });

  it('still rejects a value that is not a string, in Chinese', () => {
    const result = body.safeParse({ idNumber: 450502, phone: '13800138000' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('describes itself for the OpenAPI document', () => {
    const schema = z.toJSONSchema(idNumberSchema, { io: 'input' }) as Record<string, unknown>;
    expect(schema.type).toBe('string');
    expect(schema.description).toContain('身份证');
  });
});
