import { z } from 'zod';

// Personal data as citizens type it: validation with a reason in Chinese, normalisation (so the stored
// value, its blind index and a later search agree) and the masks lists show instead of the value.

// ---- normalisation -----------------------------------------------------------------------------------

/** Full-width to half-width (NFKC), no spaces, check character X upper-case. */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Full-width to half-width, no spaces, hyphens or brackets, no +86 / 0086 / 86 in front of a mobile. */
export function normalizePhone(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-()]/g, '')
    .replace(/^(\+86|0086)/, '')
    .replace(/^86(1[3-9]\d{9})$/, '$1');
}

// ---- resident ID number (GB 11643-1999) ------------------------------------------------------------------

// Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao), plus 83 used by residence
// permits of Taiwan residents. Only the province is checked: people keep the codes of counties that have
// since been merged or renamed, so a current county list would reject valid numbers.
const provinceCodes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (checkWeights[i] ?? 0);
  return checkChars[sum % 11] ?? '';
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replace(/-/g, '');
}

export interface IdNumberOptions {
  /** `YYYY-MM-DD`; birth dates after it are rejected. Defaults to today in China. */
  today?: string;
}

/** Why `value` is not a valid 18-digit resident ID number, in Chinese; null when it is valid. */
export function idNumberProblem(value: string, options: IdNumberOptions = {}): string | null {
  const id = normalizeIdNumber(value);
  if (id === '') return '请填写身份证号码';
  if (/^\d{15}$/.test(id)) return '请填写 18 位身份证号码（15 位旧号码已停止使用）';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X';
  if (!provinceCodes.has(id.slice(0, 2))) return '身份证号码前 6 位不是有效的行政区划代码';
  const birth = id.slice(6, 14);
  const today = options.today?.replace(/-/g, '') ?? todayInChina();
  if (!isRealDate(birth) || birth < '18000101' || birth > today) {
    return '身份证号码中的出生日期（第 7 至 14 位）不正确';
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确';
  return null;
}

export function isValidIdNumber(value: string, options?: IdNumberOptions): boolean {
  return idNumberProblem(value, options) === null;
}

/** Birth date (`YYYY-MM-DD`) of a valid ID number. */
export function birthDateOfIdNumber(value: string): string {
  const id = normalizeIdNumber(value);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** 'male' for an odd 17th digit, 'female' for an even one (GB 11643 sequence code). */
export function genderOfIdNumber(value: string): 'male' | 'female' {
  return Number(normalizeIdNumber(value)[16]) % 2 === 1 ? 'male' : 'female';
}

// ---- mobile numbers ----------------------------------------------------------------------------------

const mobilePattern = /^1[3-9]\d{9}$/;

/** Mainland mobile number: 11 digits, 1 then 3–9. Takes the number as stored (see normalizePhone). */
export function isValidMobile(value: string): boolean {
  return mobilePattern.test(value);
}

export function mobileProblem(value: string): string | null {
  const phone = normalizePhone(value);
  if (phone === '') return '请填写手机号码';
  if (!mobilePattern.test(phone)) return '手机号码应为 11 位数字，以 13 至 19 开头';
  return null;
}

// ---- masks -------------------------------------------------------------------------------------------

function maskMiddle(chars: string[], keepStart: number, keepEnd: number, stars?: number): string {
  const hidden = chars.length - keepStart - keepEnd;
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(stars ?? hidden) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/** `450502********1234`: region code and last four stay, the birth date and sequence are hidden. */
export function maskIdNumber(value: string): string {
  const chars = [...value.trim()];
  if (chars.length >= 11) return maskMiddle(chars, 6, 4);
  if (chars.length > 2) return maskMiddle(chars, 0, 2);
  return '*'.repeat(chars.length);
}

/** `138****5678`; a landline keeps its first three and last four characters the same way. */
export function maskPhone(value: string): string {
  const chars = [...value.trim()];
  if (chars.length >= 8) return maskMiddle(chars, 3, 4, 4);
  if (chars.length > 2) return maskMiddle(chars, 0, 2);
  return '*'.repeat(chars.length);
}

// The administrative part of an address, level by level: province, prefecture, county, township. Each
// level is optional; a segment may not contain another level's marker or a digit, so a street name
// (长青路), a market (…市场3号) or a residential compound (…小区) never counts as a division.
const addressDivisionPattern = new RegExp(
  '^' +
    '(?:[^\\d\\s省市区县镇乡路街号]{1,8}?(?:省|自治区|特别行政区))?' +
    '(?:[^\\d\\s省市区县镇乡路街号]{1,8}?(?:市|自治州|地区|盟))?' +
    '(?:[^\\d\\s省市区县镇乡路街号小]{1,8}?(?:区|县|市|旗))?' +
    '(?:[^\\d\\s省市区县镇乡路号]{1,8}?(?:街道|镇|乡))?',
);

/** `广西壮族自治区北海市海城区****`: the divisions down to 县/区/镇/街道 stay, the rest is hidden. */
export function maskAddress(value: string): string {
  const address = value.trim();
  if (address === '') return '';
  const division = addressDivisionPattern.exec(address)?.[0] ?? '';
  return division.length === address.length ? address : `${division}****`;
}

// Two-character surnames (复姓) keep both characters: 欧阳** rather than 欧***.
const compoundSurnames = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 独孤 南宫 ' +
    '西门 百里 呼延 万俟 闻人 澹台 公冶 太叔 申屠 濮阳 淳于 单于 仲孙 赫连 拓跋 第五 东郭 左丘 梁丘 ' +
    '司空 巫马 公羊 谷梁 宰父 乐正 壤驷 公良 漆雕 亓官 司寇 子车 颛孙 段干 鲜于 羊舌 微生 东门 公西 ' +
    '南门 归海'
  ).split(' '),
);

/** `张*`, `欧阳**`: the surname stays, each other character becomes `*`. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const surname = chars.length > 2 && compoundSurnames.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, surname).join('') + '*'.repeat(chars.length - surname);
}

// ---- request schemas -----------------------------------------------------------------------------------

/** An 18-digit resident ID number; the parsed value is normalised (no spaces, upper-case X). */
export const idNumberSchema = z
  .string()
  .overwrite(normalizeIdNumber)
  .check((ctx) => {
    const problem = idNumberProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .meta({ description: '18 位居民身份证号码（GB 11643），末位 X 大写', example: '11010519491231002X' });

/** A mainland mobile number; the parsed value is the 11 digits (no +86, spaces or hyphens). */
export const mobileSchema = z
  .string()
  .overwrite(normalizePhone)
  .check((ctx) => {
    const problem = mobileProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .meta({ description: '11 位手机号码', example: '13800138000' });
