// 电子围栏 geometry (issue 9, pure): polygons, circles and corridors (a polyline with a width) over WGS-84
// degrees; containment, segment crossing between sparse fixes, a dwell (grace) state per vessel and fence,
// annual active windows such as the moratorium, and a grid index so thousands of fences stay fast.
// Distances use a local equirectangular projection around the shapes (errors well under 0.5 % within the
// hundred-kilometre extents of the Beibu Gulf's zones).

export type LonLat = readonly [lon: number, lat: number];

export type FenceShape =
  | { kind: 'polygon'; ring: readonly LonLat[] }
  | { kind: 'circle'; center: LonLat; radiusM: number }
  | { kind: 'corridor'; line: readonly LonLat[]; widthM: number };

const M_PER_DEG_LAT = 111_320;

/** Metres east and north of `origin`. */
function project(p: LonLat, origin: LonLat): [number, number] {
  const kx = M_PER_DEG_LAT * Math.cos((origin[1] * Math.PI) / 180);
  return [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * M_PER_DEG_LAT];
}

function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function orientation(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  const v =
    ((b[1] ?? 0) - (a[1] ?? 0)) * ((c[0] ?? 0) - (b[0] ?? 0)) -
    ((b[0] ?? 0) - (a[0] ?? 0)) * ((c[1] ?? 0) - (b[1] ?? 0));
  return Math.sign(v);
}

function onSegment(a: readonly number[], b: readonly number[], p: readonly number[]): boolean {
  return (
    Math.min(a[0] ?? 0, b[0] ?? 0) <= (p[0] ?? 0) &&
    (p[0] ?? 0) <= Math.max(a[0] ?? 0, b[0] ?? 0) &&
    Math.min(a[1] ?? 0, b[1] ?? 0) <= (p[1] ?? 0) &&
    (p[1] ?? 0) <= Math.max(a[1] ?? 0, b[1] ?? 0)
  );
}

/** Whether segments p1-p2 and q1-q2 touch or cross (planar). */
export function segmentsIntersect(p1: LonLat, p2: LonLat, q1: LonLat, q2: LonLat): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) ||
    (o4 === 0 && onSegment(q1, q2, p2))
  );
}

function inRing(ring: readonly LonLat[], p: LonLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as LonLat;
    const b = ring[j] as LonLat;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

/** Whether the point lies inside the shape (a corridor: within half its width of the line). */
export function contains(shape: FenceShape, p: LonLat): boolean {
  switch (shape.kind) {
    case 'polygon':
      return inRing(shape.ring, p);
    case 'circle':
      return Math.hypot(...project(p, shape.center)) <= shape.radiusM;
    case 'corridor': {
      const origin = shape.line[0] as LonLat;
      const q = project(p, origin);
      for (let i = 1; i < shape.line.length; i++) {
        const d = segmentDistance(
          q,
          project(shape.line[i - 1] as LonLat, origin),
          project(shape.line[i] as LonLat, origin),
        );
        if (d <= shape.widthM / 2) return true;
      }
      return shape.line.length === 1 && Math.hypot(...q) <= shape.widthM / 2;
    }
  }
}

/**
 * Whether the straight run from `a` to `b` passes through the shape: sparse satellite fixes may lie either side
 * of a small prohibited zone the boat sailed across.
 */
export function segmentTouches(shape: FenceShape, a: LonLat, b: LonLat): boolean {
  if (contains(shape, a) || contains(shape, b)) return true;
  switch (shape.kind) {
    case 'polygon': {
      const r = shape.ring;
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        if (segmentsIntersect(a, b, r[j] as LonLat, r[i] as LonLat)) return true;
      }
      return false;
    }
    case 'circle':
      return segmentDistance([0, 0], project(a, shape.center), project(b, shape.center)) <= shape.radiusM;
    case 'corridor': {
      const origin = shape.line[0] as LonLat;
      const pa = project(a, origin);
      const pb = project(b, origin);
      for (let i = 1; i < shape.line.length; i++) {
        const qa = project(shape.line[i - 1] as LonLat, origin);
        const qb = project(shape.line[i] as LonLat, origin);
        if (segmentsIntersect(a, b, shape.line[i - 1] as LonLat, shape.line[i] as LonLat)) return true;
        const d = Math.min(
          segmentDistance(qa, pa, pb),
          segmentDistance(qb, pa, pb),
          segmentDistance(pa, qa, qb),
          segmentDistance(pb, qa, qb),
        );
        if (d <= shape.widthM / 2) return true;
      }
      return false;
    }
  }
}

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** The shape's bounding box in degrees (circles and corridors grown by their radius / half-width). */
export function bounds(shape: FenceShape): Bounds {
  const pts = shape.kind === 'polygon' ? shape.ring : shape.kind === 'circle' ? [shape.center] : shape.line;
  const b: Bounds = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon, lat] of pts) {
    b.minLon = Math.min(b.minLon, lon);
    b.maxLon = Math.max(b.maxLon, lon);
    b.minLat = Math.min(b.minLat, lat);
    b.maxLat = Math.max(b.maxLat, lat);
  }
  const grow = shape.kind === 'circle' ? shape.radiusM : shape.kind === 'corridor' ? shape.widthM / 2 : 0;
  if (grow > 0) {
    const dLat = grow / M_PER_DEG_LAT;
    const dLon = grow / (M_PER_DEG_LAT * Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180));
    b.minLon -= dLon;
    b.maxLon += dLon;
    b.minLat -= dLat;
    b.maxLat += dLat;
  }
  return b;
}

/**
 * A uniform grid over fence bounding boxes: a point or a segment is tested only against the fences whose boxes
 * share a cell with it. Cells of 0.1° (about 11 km) suit coastal zones from a harbour to a fishing ground.
 */
export class FenceGrid<T extends { shape: FenceShape }> {
  readonly #cells = new Map<string, T[]>();
  readonly #cell: number;

  constructor(fences: readonly T[], cellDegrees = 0.1) {
    this.#cell = cellDegrees;
    for (const fence of fences) {
      for (const key of this.#keys(bounds(fence.shape))) {
        const list = this.#cells.get(key);
        if (list) list.push(fence);
        else this.#cells.set(key, [fence]);
      }
    }
  }

  #keys(b: Bounds): string[] {
    const keys: string[] = [];
    const c = this.#cell;
    for (let x = Math.floor(b.minLon / c); x <= Math.floor(b.maxLon / c); x++) {
      for (let y = Math.floor(b.minLat / c); y <= Math.floor(b.maxLat / c); y++) keys.push(`${x}:${y}`);
    }
    return keys;
  }

  /** Fences whose boxes share a cell with the segment's box (a point: a = b). */
  candidates(a: LonLat, b: LonLat = a): T[] {
    const out = new Set<T>();
    const box = {
      minLon: Math.min(a[0], b[0]),
      maxLon: Math.max(a[0], b[0]),
      minLat: Math.min(a[1], b[1]),
      maxLat: Math.max(a[1], b[1]),
    };
    for (const key of this.#keys(box)) for (const f of this.#cells.get(key) ?? []) out.add(f);
    return [...out];
  }
}

// ---- dwell: a condition must hold for a grace time before a fence event fires ------------------------------

export interface DwellState {
  /** When the condition started to hold (the first fix that had it), or null when it does not hold. */
  since: Date | null;
  /** Whether the event already fired for this run of the condition. */
  fired: boolean;
}

export const DWELL_CLEAR: DwellState = { since: null, fired: false };

/**
 * Feeds one fix's verdict (holds or not) at `at`; fires once when the condition has held for `graceMs`
 * (GPS jitter across a boundary does not fire; leaving resets it).
 */
export function dwell(
  state: DwellState,
  holds: boolean,
  at: Date,
  graceMs: number,
): { state: DwellState; fire: boolean } {
  if (!holds) return { state: DWELL_CLEAR, fire: false };
  const since = state.since ?? at;
  if (state.fired) return { state: { since, fired: true }, fire: false };
  const fire = at.getTime() - since.getTime() >= graceMs;
  return { state: { since, fired: fire }, fire };
}

// ---- annual active windows (the moratorium and other calendars) ------------------------------------------

/** `MM-DDTHH:mm` in Beijing time, every year; half-open [start, end). A window may run over the new year. */
export interface AnnualWindow {
  start: string;
  end: string;
}

function annualInstant(year: number, mmddhhmm: string): number {
  const m = /^(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(mmddhhmm);
  if (!m) throw new RangeError(`not MM-DDTHH:mm: ${mmddhhmm}`);
  return Date.UTC(year, Number(m[1]) - 1, Number(m[2]), Number(m[3]) - 8, Number(m[4]));
}

export function inAnnualWindow(w: AnnualWindow, at: Date): boolean {
  const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
  const t = at.getTime();
  for (const y of [year - 1, year]) {
    const start = annualInstant(y, w.start);
    let end = annualInstant(y, w.end);
    if (end <= start) end = annualInstant(y + 1, w.end);
    if (t >= start && t < end) return true;
  }
  return false;
}
