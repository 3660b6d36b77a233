import { FENCE_MAX_VERTICES, type FenceShapeInput } from '@zhucheng/contracts';
import type { LonLatPair } from './shape-convert.ts';

// A fence typed as text, one point a line, the way the notices that define prohibited zones and permitted areas
// list them: decimal degrees (`109.12, 21.45`), degrees-minutes-seconds (`北纬21°27′00″ 东经109°07′12″`,
// `21°27'00"N 109°07'12"E`, `21度27分00秒`), degrees and decimal minutes (`21°27.5′`), optionally numbered
// (`1、`, `（2）`, `3.` or a 序号 column pasted from a spreadsheet). Lines without digits (headings) are skipped.
// Without 东经/北纬 (or E/N) the longitude is the value over 90 — everywhere in the Beibu Gulf — and otherwise
// the first of the pair. Pure, so the unit test runs in Node; the form shows the messages as they are.

export type TypedShapeKind = FenceShapeInput['kind'];

export type CoordinateParse = { ok: true; points: LonLatPair[] } | { ok: false; error: string };

type Axis = 'lat' | 'lon';
interface Reading {
  value: number;
  axis: Axis | null;
  /** Written with degree marks (not a bare number, so never a 序号). */
  marked: boolean;
  integer: boolean;
}

const hemispheres: Record<string, { axis: Axis; sign: 1 | -1 }> = {
  北纬: { axis: 'lat', sign: 1 },
  南纬: { axis: 'lat', sign: -1 },
  东经: { axis: 'lon', sign: 1 },
  西经: { axis: 'lon', sign: -1 },
  N: { axis: 'lat', sign: 1 },
  S: { axis: 'lat', sign: -1 },
  E: { axis: 'lon', sign: 1 },
  W: { axis: 'lon', sign: -1 },
};

const NUM = String.raw`\d+(?:\.\d+)?`;
const DMS =
  `(-)?(${NUM})` +
  String.raw`(?:\s*[°度º˚]\s*(?:(${NUM})\s*(?:[′'’]|分)\s*(?:(${NUM})\s*(?:[″"”]|′′|''|秒)\s*)?)?)?`;
/**
 * A line that starts with its hemisphere letters puts them before each value (`N21.5 E109.1`); otherwise after
 * (`21.5N 109.1E`). 北纬/东经 always come before.
 */
const LETTERS_BEFORE = new RegExp(String.raw`(北纬|南纬|东经|西经|[NSEW])?\s*${DMS}()`, 'gu');
const LETTERS_AFTER = new RegExp(String.raw`(北纬|南纬|东经|西经)?\s*${DMS}\s*([NSEW](?![A-Za-z]))?`, 'gu');
/** A point's number at the start of a line: `1、` `2:` `（3）` `4)` `5. ` `第6点` */
const INDEX =
  /^\s*(?:第\s*\d{1,4}\s*[点个号]?\s*[、:：]?|[（(]\s*\d{1,4}\s*[)）]|\d{1,4}\s*(?:[、:：)）]|\.(?=\s)))\s*/u;
const LEFTOVER = /^[\s,，;；、/|]*$/u;

const EXAMPLE = '如 109.1200, 21.4500 或 北纬21°27′00″ 东经109°07′12″';

function readLine(line: string): Reading[] | string {
  const text = line.replace(INDEX, '');
  const readings: Reading[] = [];
  let rest = '';
  let last = 0;
  const pattern = /^\s*[NSEW]/u.test(text) ? LETTERS_BEFORE : LETTERS_AFTER;
  for (const m of text.matchAll(pattern)) {
    const [whole, before, minus, deg, min, sec, after] = m;
    const at = m.index ?? 0;
    rest += text.slice(last, at);
    last = at + whole.length;
    if (before && after) return `“${whole.trim()}”同时写了两个方位`;
    const hemisphere = hemispheres[before ?? after ?? ''];
    const minutes = min === undefined ? 0 : Number(min);
    const seconds = sec === undefined ? 0 : Number(sec);
    if (minutes >= 60 || seconds >= 60) return `“${whole.trim()}”的分、秒应小于 60`;
    const magnitude = Number(deg) + minutes / 60 + seconds / 3600;
    if (minus && hemisphere) return `“${whole.trim()}”既有负号又有方位`;
    readings.push({
      value: (minus ? -1 : (hemisphere?.sign ?? 1)) * magnitude,
      axis: hemisphere?.axis ?? null,
      marked: whole.includes('°') || /[度º˚]/u.test(whole),
      integer: min === undefined && !(deg ?? '').includes('.'),
    });
  }
  rest += text.slice(last);
  if (!LEFTOVER.test(rest)) return `无法识别“${rest.replace(/[\s,，;；、/|]+/gu, ' ').trim()}”`;
  return readings;
}

function toPoint(readings: Reading[]): LonLatPair | string {
  let pair = readings;
  // A 序号 column before the pair (pasted from a spreadsheet): a bare whole number.
  if (pair.length === 3 && pair[0] && !pair[0].marked && pair[0].integer && pair[0].axis === null)
    pair = pair.slice(1);
  const [a, b] = pair;
  if (pair.length !== 2 || !a || !b) return `应为一对经纬度（${EXAMPLE}）`;
  let lon: Reading;
  let lat: Reading;
  if (a.axis && b.axis) {
    if (a.axis === b.axis) return a.axis === 'lat' ? '写了两个纬度，缺少经度' : '写了两个经度，缺少纬度';
    [lon, lat] = a.axis === 'lon' ? [a, b] : [b, a];
  } else if (a.axis || b.axis) {
    const known = (a.axis ? a : b) as Reading;
    const other = known === a ? b : a;
    [lon, lat] = known.axis === 'lon' ? [known, other] : [other, known];
  } else if (Math.abs(a.value) <= 90 && Math.abs(b.value) > 90) {
    [lon, lat] = [b, a];
  } else {
    [lon, lat] = [a, b];
  }
  if (Math.abs(lat.value) > 90) return '纬度应在 -90 至 90 之间';
  if (Math.abs(lon.value) > 180) return '经度应在 -180 至 180 之间';
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return [round6(lon.value), round6(lat.value)];
}

/** The points of the text, in order; the first line that cannot be read is the error (with its line number). */
export function parseCoordinates(text: string): CoordinateParse {
  const points: LonLatPair[] = [];
  const lines = text.split(/\r?\n/u);
  for (const [i, line] of lines.entries()) {
    if (!/\d/u.test(line)) continue;
    const readings = readLine(line);
    const point = typeof readings === 'string' ? readings : toPoint(readings);
    if (typeof point === 'string') return { ok: false, error: `第 ${i + 1} 行：${point}` };
    points.push(point);
  }
  if (points.length === 0) return { ok: false, error: `请输入坐标，每行一个点（${EXAMPLE}）` };
  return { ok: true, points };
}

const same = (p: LonLatPair, q: LonLatPair) => p[0] === q[0] && p[1] === q[1];

/** The typed points as a fence shape of the chosen kind, or what is wrong with them. */
export function shapeFromText(
  kind: TypedShapeKind,
  text: string,
  sizeM: number | null,
): { ok: true; shape: FenceShapeInput } | { ok: false; error: string } {
  const parsed = parseCoordinates(text);
  if (!parsed.ok) return parsed;
  // Repeated points (a ring closed on its first point, a line pasted twice) add nothing.
  const points = parsed.points.filter((p, i, all) => i === 0 || !same(p, all[i - 1] as LonLatPair));
  const first = points[0] as LonLatPair;
  switch (kind) {
    case 'circle': {
      if (points.length !== 1)
        return { ok: false, error: `圆形只需输入圆心一个点，现有 ${points.length} 个` };
      if (!sizeM || sizeM <= 0) return { ok: false, error: '请填写半径（米）' };
      return { ok: true, shape: { kind: 'circle', center: first, radiusM: Math.round(sizeM) } };
    }
    case 'polygon': {
      const ring =
        points.length > 1 && same(first, points[points.length - 1] as LonLatPair)
          ? points.slice(0, -1)
          : points;
      if (ring.length < 3)
        return { ok: false, error: `多边形至少需要 3 个不同的顶点，现有 ${ring.length} 个` };
      if (ring.length > FENCE_MAX_VERTICES)
        return { ok: false, error: `多边形顶点不能超过 ${FENCE_MAX_VERTICES} 个` };
      return { ok: true, shape: { kind: 'polygon', ring } };
    }
    case 'corridor': {
      if (points.length < 2)
        return { ok: false, error: `航道至少需要 2 个不同的点，现有 ${points.length} 个` };
      if (points.length > FENCE_MAX_VERTICES)
        return { ok: false, error: `航道的点不能超过 ${FENCE_MAX_VERTICES} 个` };
      if (!sizeM || sizeM <= 0) return { ok: false, error: '请填写航道宽度（米）' };
      return { ok: true, shape: { kind: 'corridor', line: points, widthM: Math.round(sizeM) } };
    }
  }
}

/** A shape's points as text, one `经度, 纬度` a line: what the entry opens with when a shape exists. */
export function shapeToText(shape: FenceShapeInput): string {
  const points =
    shape.kind === 'circle' ? [shape.center] : shape.kind === 'polygon' ? shape.ring : shape.line;
  return points.map(([lon, lat]) => `${lon.toFixed(6)}, ${lat.toFixed(6)}`).join('\n');
}
