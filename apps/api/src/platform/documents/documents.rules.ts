import { type DocumentField, documentPlaceholderLabels } from '@zhucheng/contracts';

// Pure rules of 文书: placeholders, the date as documents write it, and the GB/T 9704 page in Word's units.

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(placeholderPattern)) {
    const name = match[1] ?? '';
    if (!found.includes(name)) found.push(name);
  }
  return found;
}

/** The common placeholders and a case type's own, as the editor lists them. */
export function fieldsFor(extra: readonly DocumentField[] = []): DocumentField[] {
  const common = Object.entries(documentPlaceholderLabels).map(([code, label]) => ({ code, label }));
  return [...common, ...extra.filter((f) => !(f.code in documentPlaceholderLabels))];
}

/** The placeholders of a title and body that are not in the dictionary (none: the template is usable). */
export function unknownPlaceholders(texts: readonly string[], fields: readonly DocumentField[]): string[] {
  const known = new Set(fields.map((f) => f.code));
  const unknown: string[] = [];
  for (const text of texts) {
    for (const name of placeholdersIn(text))
      if (!known.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Fills `{{name}}` with its value; a known field without a value becomes empty. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (_all, name: string) => values[name] ?? '');
}

/** `2026-11-27` → `2026年11月27日`: the 成文日期 in Arabic numerals, as GB/T 9704-2012 writes it. */
export function documentDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Names joined the Chinese way: 张三、李四. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** Twentieths of a point (Word's twips): 1 mm = 1440 / 25.4 twips, rounded to whole twips. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** PDF points: 1 mm = 72 / 25.4 pt. */
export function mmToPoints(mm: number): number {
  return (mm * 72) / 25.4;
}

/** GB/T 9704-2012 §5.2: A4 and the 版心 margins, in millimetres. */
export const officialPage = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
} as const;

/** Chinese font sizes (字号) in points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const fontSizePt = { size2: 22, size3: 16, size4: 14 } as const;

/** The fonts the layout names (the bureau's Windows machines have them; Linux substitutes). */
export const officialFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

/** A 公文 line: 28 pt fixed spacing (22 lines of 28 characters per page). */
export const LINE_SPACING_PT = 28;
