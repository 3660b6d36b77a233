import type { FenceShapeInput } from '@zhucheng/contracts';

// Pure conversions between what Leaflet draws ({lat, lng} objects, [lat, lng] tuples) and the contract's fence
// shapes, which are GeoJSON-ordered [lon, lat]. No Leaflet import here, so the unit test runs in Node.

export interface LatLngLike {
  lat: number;
  lng: number;
}
/** Leaflet's order: [latitude, longitude]. */
export type LatLngPair = [number, number];
/** The contract's (GeoJSON's) order: [longitude, latitude]. */
export type LonLatPair = [number, number];

/** Six decimals: about 0.1 m, more than any terminal's accuracy. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
/** Whole metres for radii and widths. */
const roundM = (v: number) => Math.max(1, Math.round(v));

export const toLonLat = (p: LatLngLike): LonLatPair => [round6(p.lng), round6(p.lat)];
export const toLatLng = ([lon, lat]: readonly [number, number]): LatLngPair => [lat, lon];

/** Leaflet nests a polygon's rings (LatLng[][]) and a multi-polygon's (LatLng[][][]); the first outer ring. */
function outerRing(latlngs: unknown): LatLngLike[] {
  let level: unknown = latlngs;
  while (Array.isArray(level) && Array.isArray(level[0])) level = level[0];
  return Array.isArray(level) ? (level as LatLngLike[]) : [];
}

function sameLonLat(a: LonLatPair, b: LonLatPair): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** A drawn polygon (`polygon.getLatLngs()`) as the contract's ring: [lon, lat], not closed, no repeated vertices. */
export function polygonFromLatLngs(latlngs: unknown): FenceShapeInput {
  const ring: LonLatPair[] = [];
  for (const p of outerRing(latlngs)) {
    const q = toLonLat(p);
    const last = ring[ring.length - 1];
    if (!last || !sameLonLat(last, q)) ring.push(q);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && sameLonLat(first, last)) ring.pop();
  return { kind: 'polygon', ring };
}

/** A drawn circle (`circle.getLatLng()`, `circle.getRadius()` in metres). */
export function circleFromLatLng(center: LatLngLike, radiusM: number): FenceShapeInput {
  return { kind: 'circle', center: toLonLat(center), radiusM: roundM(radiusM) };
}

/** A drawn polyline (`polyline.getLatLngs()`) with the width entered in the form: a corridor. */
export function corridorFromLatLngs(latlngs: unknown, widthM: number): FenceShapeInput {
  const line: LonLatPair[] = [];
  for (const p of outerRing(latlngs)) {
    const q = toLonLat(p);
    const last = line[line.length - 1];
    if (!last || !sameLonLat(last, q)) line.push(q);
  }
  return { kind: 'corridor', line, widthM: roundM(widthM) };
}

/** What Leaflet needs to draw a contract shape. */
export type LeafletShape =
  | { kind: 'polygon'; latlngs: LatLngPair[] }
  | { kind: 'circle'; center: LatLngPair; radiusM: number }
  | { kind: 'corridor'; latlngs: LatLngPair[]; widthM: number };

export function toLeafletShape(shape: FenceShapeInput): LeafletShape {
  switch (shape.kind) {
    case 'polygon':
      return { kind: 'polygon', latlngs: shape.ring.map(toLatLng) };
    case 'circle':
      return { kind: 'circle', center: toLatLng(shape.center), radiusM: shape.radiusM };
    case 'corridor':
      return { kind: 'corridor', latlngs: shape.line.map(toLatLng), widthM: shape.widthM };
  }
}

const M_PER_DEG_LAT = 111_320;
const mPerDegLon = (lat: number) => M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);

/** [[south, west], [north, east]] of a shape, circles and corridors grown by their radius / half width. */
export function shapeBounds(shape: FenceShapeInput): [LatLngPair, LatLngPair] {
  const points =
    shape.kind === 'polygon' ? shape.ring : shape.kind === 'circle' ? [shape.center] : shape.line;
  const growM = shape.kind === 'circle' ? shape.radiusM : shape.kind === 'corridor' ? shape.widthM / 2 : 0;
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  for (const [lon, lat] of points) {
    const dLat = growM / M_PER_DEG_LAT;
    const dLon = growM / Math.max(1, mPerDegLon(lat));
    south = Math.min(south, lat - dLat);
    north = Math.max(north, lat + dLat);
    west = Math.min(west, lon - dLon);
    east = Math.max(east, lon + dLon);
  }
  return [
    [south, west],
    [north, east],
  ];
}

/**
 * The area a corridor covers, for drawing only: one rectangle per segment and a round cap (16-gon) at each point,
 * in [lat, lng], all counter-clockwise; drawn as one path with a non-zero fill they read as the buffered line. Uses a local flat projection,
 * which is exact enough over a gulf.
 */
export function corridorOutline(
  line: readonly (readonly [number, number])[],
  widthM: number,
): LatLngPair[][] {
  const half = widthM / 2;
  if (line.length === 0 || half <= 0) return [];
  const lat0 = line.reduce((s, p) => s + p[1], 0) / line.length;
  const kx = mPerDegLon(lat0);
  const ky = M_PER_DEG_LAT;
  const toXY = ([lon, lat]: readonly [number, number]) => [lon * kx, lat * ky] as const;
  const toPair = (x: number, y: number): LatLngPair => [y / ky, x / kx];
  const rings: LatLngPair[][] = [];
  for (const p of line) {
    const [x, y] = toXY(p);
    const cap: LatLngPair[] = [];
    for (let i = 0; i < 16; i++) {
      const a = (i / 16) * 2 * Math.PI;
      cap.push(toPair(x + half * Math.cos(a), y + half * Math.sin(a)));
    }
    rings.push(cap);
  }
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (!a || !b) continue;
    const [ax, ay] = toXY(a);
    const [bx, by] = toXY(b);
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    const nx = (-(by - ay) / len) * half;
    const ny = ((bx - ax) / len) * half;
    // Counter-clockwise like the caps, so that one path of all rings filled non-zero is their union.
    rings.push([
      toPair(ax - nx, ay - ny),
      toPair(bx - nx, by - ny),
      toPair(bx + nx, by + ny),
      toPair(ax + nx, ay + ny),
    ]);
  }
  return rings;
}

const EARTH_RADIUS_KM = 6371.0088;

/** A ring's area in km², on a local equirectangular projection (ample for a fence a few dozen km across). */
export function ringAreaKm2(ring: readonly LonLatPair[]): number {
  if (ring.length < 3) return 0;
  const rad = Math.PI / 180;
  const lat0 = (ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length) * rad;
  const xy = ring.map(([lon, lat]) => [
    EARTH_RADIUS_KM * lon * rad * Math.cos(lat0),
    EARTH_RADIUS_KM * lat * rad,
  ]);
  let twice = 0;
  for (const [i, [x1, y1]] of xy.entries()) {
    const [x2, y2] = xy[(i + 1) % xy.length] as number[];
    twice += (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
  }
  return Math.abs(twice) / 2;
}

function areaText(km2: number): string {
  const digits = km2 >= 100 ? 0 : km2 >= 1 ? 1 : 2;
  return `约 ${Number(km2.toFixed(digits))} 平方公里`;
}

/** `多边形，12 个顶点，约 115 平方公里` / `圆形，半径 1.5 公里` / `航道，3 个点，宽 500 米`: two versions differ. */
export function describeShape(shape: FenceShapeInput): string {
  const distance = (m: number) =>
    m >= 1000 ? `${Number((m / 1000).toFixed(2))} 公里` : `${Math.round(m)} 米`;
  switch (shape.kind) {
    case 'polygon':
      return `多边形，${shape.ring.length} 个顶点，${areaText(ringAreaKm2(shape.ring))}`;
    case 'circle':
      return `圆形，半径 ${distance(shape.radiusM)}`;
    case 'corridor':
      return `航道，${shape.line.length} 个点，宽 ${distance(shape.widthM)}`;
  }
}
