import { calendarDay } from '../clock/clock.ts';

// The two official number formats and how a prefix is found. Pure functions: no I/O.

/** 案号 (case number) or 发文字号 (document number of a generated document). */
export type NumberKind = 'caseNo' | 'documentNo';
export const numberKinds: readonly NumberKind[] = ['caseNo', 'documentNo'];

export interface NumberParts {
  /** The issuing organ's abbreviation with the series' own characters, e.g. 北司援 or 北司援决. */
  prefix: string;
  year: number;
  /** The sequence number, from 1. */
  value: number;
}

// 六角括号 U+3014 / U+3015, which GB/T 9704 prescribes around the year; not 【】, [] or ().
const LEFT = '\u3014';
const RIGHT = '\u3015';

function checkParts({ prefix, year, value }: NumberParts): void {
  if (prefixProblem(prefix)) throw new RangeError(`invalid number prefix: ${JSON.stringify(prefix)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`invalid sequence value: ${value}`);
}

/** 案号: `北司援〔2026〕第12号` — the year in 六角括号, 第 before the number, no zero padding. */
export function formatCaseNumber(parts: NumberParts): string {
  checkParts(parts);
  return `${parts.prefix}${LEFT}${parts.year}${RIGHT}第${parts.value}号`;
}

/**
 * 发文字号: `北司援决〔2026〕12号`. GB/T 9704-2012《党政机关公文格式》§7.2.4: "由发文机关代字、年份、发文
 * 顺序号组成……年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即 1 不编为 01），
 * 在阿拉伯数字后加“号”字".
 */
export function formatDocumentNumber(parts: NumberParts): string {
  checkParts(parts);
  return `${parts.prefix}${LEFT}${parts.year}${RIGHT}${parts.value}号`;
}

export function formatNumber(kind: NumberKind, parts: NumberParts): string {
  return kind === 'caseNo' ? formatCaseNumber(parts) : formatDocumentNumber(parts);
}

/**
 * The numbering year of an event: its calendar year in the platform time zone, so a case created at
 * 00:30 on 1 January in Beihai (16:30 UTC on 31 December) is numbered in the new year.
 */
export function numberingYear(at: Date, timeZone: string): number {
  return Number(calendarDay(at, timeZone).slice(0, 4));
}

export const PREFIX_MAX = 20;

/** Why a prefix cannot be used, in Chinese; undefined when it can. */
export function prefixProblem(prefix: string): string | undefined {
  if (prefix.length === 0) return '请填写前缀（机关代字），如“北司援”';
  if (prefix.length > PREFIX_MAX) return `前缀不能超过 ${PREFIX_MAX} 个字`;
  // The year's brackets and 第/号 are added by the format; whitespace would not survive a document.
  if (/[\s〔〕【】[\](){}（）]/u.test(prefix)) return '前缀不能包含空格或括号，年份的〔〕由系统自动加上';
  if (/\p{Cc}/u.test(prefix)) return '前缀不能包含控制字符';
  return undefined;
}

/** Where a series' default prefix puts the unit's organ abbreviation (机关代字). */
export const ORGAN_PLACEHOLDER = '{organ}';

/** `{organ}援决` with organ 北司 → 北司援决; a template without the placeholder is used as it is. */
export function applyPrefixTemplate(template: string, organ: string): string {
  return template.replaceAll(ORGAN_PLACEHOLDER, organ);
}

// The institution part of a unit's name and the characters that stand for it in an abbreviation.
const institutionCodes: ReadonlyArray<readonly [string, string]> = [
  ['公共法律服务中心', '公法'],
  ['法律援助中心', '法援'],
  ['司法局', '司'],
  ['司法所', '司'],
  ['人民调解委员会', '调'],
];

/**
 * The organ abbreviation (机关代字) a unit gets until an administrator sets one: the city's first
 * character for units of the city itself (北海市司法局 → 北司, from CITY_NAME), the place name without
 * its 区/县/市 suffix below it (海城区司法局 → 海城司, 合浦县廉州司法所 → 合浦廉州司), so sibling units
 * of one city come out distinct. A unit of another kind keeps its whole name.
 */
export function defaultOrganAbbreviation(unitName: string, cityName: string): string {
  const found = institutionCodes.find(([suffix]) => unitName.endsWith(suffix) && unitName !== suffix);
  if (!found) return unitName;
  const [suffix, code] = found;
  const place = unitName.slice(0, -suffix.length);
  if (place === cityName) return `${cityName.slice(0, 1)}${code}`;
  const local = place.startsWith(cityName) ? place.slice(cityName.length) : place;
  return `${local.replace(/^(.+?)(自治县|自治旗|市|区|县|旗)/u, '$1')}${code}`;
}
