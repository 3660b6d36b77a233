import { idNumberProblem, normalizeIdNumber } from '@zhucheng/contracts';
import { z } from 'zod';

// Personal data as citizens type it: validation with a reason in Chinese, normalisation (so the stored
// value, its blind index and a later search agree) and the masks lists show instead of the value.

// ---- normalisation -----------------------------------------------------------------------------------

/** Full-width to half-width, no spaces, hyphens or brackets, no +86 / 0086 / 86 in front of a mobile. */
export function normalizePhone(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-()]/g, '')
    .replace(/^(\+86|0086)/, '')
    .replace(/^86(1[3-9]\d{9})$/, '$1');
}

// ---- resident ID number (GB 11643-1999) ------------------------------------------------------------------

// The rules live in contracts so the web checks the number as it is typed with the same code.
export {
  ageOn,
  birthDateOfIdNumber,
  genderOfIdNumber,
  type IdNumberOptions,
  idNumberCheckChar,
  idNumberProblem,
  isValidIdNumber,
  normalizeIdNumber,
} from '@zhucheng/contracts';

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
