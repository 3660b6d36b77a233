import {
  type AlertView,
  alertKindLabels,
  type FencePurpose,
  type FenceShapeInput,
  type FenceView,
  fencePurposeLabels,
  type PositionView,
  type Severity,
  severityLabels,
  type TrackSegment,
  type VesselPosition,
} from '@zhucheng/contracts';
import type {
  CustomSeriesOption,
  EffectScatterSeriesOption,
  LinesSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type { GeoComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { dateTime, formatCourse, formatSpeed, isStale } from '../components/format.ts';

// 海上态势: pure builders of the situational map's ECharts option (no echarts runtime here, so the unit test runs
// in Node). Coordinates are WGS-84 [lon, lat], as the contracts and the committed GeoJSON write them.

export type LonLat = [number, number];
type SeriesOption = ScatterSeriesOption | EffectScatterSeriesOption | LinesSeriesOption | CustomSeriesOption;
export type SituationSeries = SeriesOption;
export type SituationOption = ComposeOption<GeoComponentOption | TooltipComponentOption | SeriesOption>;

/** The name the GeoJSON of the Beibu Gulf's counties is registered under (echarts.registerMap). */
export const MAP_NAME = 'beibu-gulf';
/** The map opens on Beihai, its islands and fishing grounds. */
export const BEIHAI_CENTER: LonLat = [109.2, 21.3];
export const INITIAL_ZOOM = 1.9;
/** Zoom used when a vessel or alert is picked from the list (at least this close). */
export const FOCUS_ZOOM = 4;

export const SEA_COLOR = '#a9cfe8';
const LAND_COLOR = '#f3ecd8';
const BORDER_COLOR = '#c2b08a';

/** Fence colours by purpose: prohibited red, permitted green, port blue; fills semi-transparent. */
export const fenceColors: Record<FencePurpose, { fill: string; stroke: string }> = {
  prohibited: { fill: 'rgba(245, 34, 45, 0.22)', stroke: '#cf1322' },
  permitted: { fill: 'rgba(82, 196, 26, 0.2)', stroke: '#389e0d' },
  port: { fill: 'rgba(22, 119, 255, 0.22)', stroke: '#0958d9' },
};

/** Alert markers by severity (UI.md: 紧急 red, 重要 orange; 一般 gold so it shows on the sea). */
export const severityMarkerColors: Record<Severity, string> = {
  high: '#e0282e',
  medium: '#fa8c16',
  low: '#d4b106',
};

const VESSEL_COLOR = '#0b3b8c';
const STALE_VESSEL_COLOR = '#d46b08';
const TRACK_COLOR = '#5b5b73';
const REPLAY_COLOR = '#d4380d';

/**
 * Lines series must name their zlevel: ECharts 6's LinesView asks the canvas painter for the layer of
 * `seriesModel.get('zlevel')`, which is undefined otherwise, and that makes an empty first layer which takes the
 * background colour (the sea then shows white).
 */
const LINES_ZLEVEL = 0;

/** An arrow pointing north; rotated by the course. */
const ARROW = 'path://M0,-12L7,9L0,4L-7,9Z';

// ---- geometry -------------------------------------------------------------------------------------------------

const M_PER_DEG_LAT = 111_320;
const mPerDegLon = (lat: number) => M_PER_DEG_LAT * Math.max(0.01, Math.cos((lat * Math.PI) / 180));
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A circle as a polygon of `vertices` points (not closed), in a local flat projection (exact enough at sea). */
export function circleRing(center: readonly [number, number], radiusM: number, vertices = 64): LonLat[] {
  const [lon, lat] = center;
  const dLat = radiusM / M_PER_DEG_LAT;
  const dLon = radiusM / mPerDegLon(lat);
  const ring: LonLat[] = [];
  for (let i = 0; i < vertices; i++) {
    const a = (2 * Math.PI * i) / vertices;
    ring.push([round6(lon + dLon * Math.sin(a)), round6(lat + dLat * Math.cos(a))]);
  }
  return ring;
}

/**
 * A corridor (a line with a width) as one polygon: the line offset by half the width on its left, a round cap,
 * back along its right, a round cap. Joins are mitred, bevelled where a turn is sharp. Local flat projection.
 */
export function corridorRing(line: readonly (readonly [number, number])[], widthM: number): LonLat[] {
  const pts = line.filter((p, i) => i === 0 || p[0] !== line[i - 1]?.[0] || p[1] !== line[i - 1]?.[1]);
  const half = widthM / 2;
  const first = pts[0];
  if (!first || half <= 0) return [];
  const lat0 = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const kx = mPerDegLon(lat0);
  const ky = M_PER_DEG_LAT;
  const xy = pts.map(([lon, lat]) => [(lon - first[0]) * kx, (lat - first[1]) * ky] as [number, number]);
  const back = ([x, y]: [number, number]): LonLat => [round6(first[0] + x / kx), round6(first[1] + y / ky)];
  if (xy.length === 1) return circleRing(first, half);

  // Unit direction of each segment.
  const dirs = xy.slice(1).map((p, i) => {
    const q = xy[i] as [number, number];
    const len = Math.hypot(p[0] - q[0], p[1] - q[1]) || 1;
    return [(p[0] - q[0]) / len, (p[1] - q[1]) / len] as [number, number];
  });
  const normal = (d: [number, number]): [number, number] => [-d[1], d[0]];

  /** The offset points at vertex i on one side (+1 left, -1 right). */
  const sidePoints = (i: number, side: 1 | -1): [number, number][] => {
    const p = xy[i] as [number, number];
    const dIn = dirs[i - 1];
    const dOut = dirs[i];
    const off = (d: [number, number]): [number, number] => {
      const n = normal(d);
      return [p[0] + side * half * n[0], p[1] + side * half * n[1]];
    };
    if (!dIn) return [off(dOut as [number, number])];
    if (!dOut) return [off(dIn)];
    const nIn = normal(dIn);
    const nOut = normal(dOut);
    const mx = nIn[0] + nOut[0];
    const my = nIn[1] + nOut[1];
    const mLen = Math.hypot(mx, my);
    const cos = mLen / 2; // cos of half the turn
    if (cos < 0.5) return [off(dIn), off(dOut)]; // sharper than 120°: bevel
    const scale = half / cos / mLen;
    return [[p[0] + side * mx * scale, p[1] + side * my * scale]];
  };
  /** Half a circle around an end point, from the left side to the right side. */
  const cap = (i: number, d: [number, number], forward: boolean): [number, number][] => {
    const p = xy[i] as [number, number];
    const n = normal(d);
    const out: [number, number][] = [];
    const steps = 16;
    for (let s = 1; s < steps; s++) {
      const a = (Math.PI * s) / steps;
      // rotate n (forward) or -n (backward) through the direction of travel
      const sign = forward ? 1 : -1;
      const cx = sign * (n[0] * Math.cos(a) + d[0] * Math.sin(a));
      const cy = sign * (n[1] * Math.cos(a) + d[1] * Math.sin(a));
      out.push([p[0] + half * cx, p[1] + half * cy]);
    }
    return out;
  };

  const last = xy.length - 1;
  const ring: [number, number][] = [];
  for (let i = 0; i <= last; i++) ring.push(...sidePoints(i, 1));
  ring.push(...cap(last, dirs[last - 1] as [number, number], true));
  for (let i = last; i >= 0; i--) ring.push(...sidePoints(i, -1).reverse());
  ring.push(...cap(0, dirs[0] as [number, number], false));
  return ring.map(back);
}

/** The polygon a fence's shape covers (circles with 64 vertices). */
export function fenceRing(shape: FenceShapeInput): LonLat[] {
  switch (shape.kind) {
    case 'polygon':
      return shape.ring.map(([lon, lat]) => [lon, lat]);
    case 'circle':
      return circleRing(shape.center, shape.radiusM, 64);
    case 'corridor':
      return corridorRing(shape.line, shape.widthM);
  }
}

// ---- tooltips -------------------------------------------------------------------------------------------------

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Tooltip lines: the first bold; every line escaped (names and rules are user data). */
export function tipHtml(lines: readonly string[]): string {
  return lines.map((l, i) => (i === 0 ? `<b>${escapeHtml(l)}</b>` : escapeHtml(l))).join('<br/>');
}

interface TipParams {
  data?: unknown;
}
const tipFormatter = (params: unknown): string => {
  const data = (params as TipParams).data as { tip?: string[] } | undefined;
  return data?.tip ? tipHtml(data.tip) : '';
};
/** `show` stated: a series on the geo otherwise inherits the land's `tooltip.show: false`. */
const itemTooltip = { show: true, formatter: tipFormatter as never };

// ---- series ---------------------------------------------------------------------------------------------------

/** What the map highlights and the list selects: `vessel:<id>` or `alert:<id>`. */
export type SelectionKey = `vessel:${string}` | `alert:${string}`;

export interface MarkerDatum {
  key: string;
  name: string;
  value: LonLat;
  tip: string[];
  symbolRotate?: number;
  itemStyle?: { color: string };
  symbolSize?: number;
}

/** The land: the counties' GeoJSON in light beige with thin borders on the sea-blue background. */
export function geoComponent(): GeoComponentOption {
  return {
    id: 'land',
    map: MAP_NAME,
    roam: true,
    // Degrees of longitude are shorter than degrees of latitude at 21°N.
    aspectScale: Math.cos((BEIHAI_CENTER[1] * Math.PI) / 180),
    scaleLimit: { min: 0.8, max: 60 },
    itemStyle: { areaColor: LAND_COLOR, borderColor: BORDER_COLOR, borderWidth: 0.6 },
    emphasis: { disabled: true },
    select: { disabled: true },
    label: { show: false },
    tooltip: { show: false },
  };
}

/** Place names so the coast is recognisable: the four cities' centres and 涠洲岛. */
export const places: { name: string; value: LonLat }[] = [
  { name: '北海', value: [109.12, 21.48] },
  { name: '钦州', value: [108.62, 21.95] },
  { name: '防城港', value: [108.35, 21.69] },
  { name: '湛江', value: [110.36, 21.27] },
  { name: '涠洲岛', value: [109.11, 21.05] },
];

export function placesSeries(): ScatterSeriesOption {
  return {
    id: 'places',
    type: 'scatter',
    coordinateSystem: 'geo',
    silent: true,
    z: 1,
    symbolSize: 5,
    itemStyle: { color: '#6b5a3a' },
    label: {
      show: true,
      position: 'right',
      formatter: '{b}',
      color: '#4a3d24',
      fontSize: 13,
      fontWeight: 'bold',
      textBorderColor: 'rgba(255,255,255,0.85)',
      textBorderWidth: 2,
    },
    tooltip: { show: false },
    data: places,
  };
}

/** Active fences as polygons (custom series: fill by purpose, outline darker) plus corridors' centre lines. */
export function fenceSeries(fences: readonly FenceView[]): SeriesOption[] {
  const shown = fences.filter((f) => f.active);
  if (shown.length === 0) return [];
  const rings = shown.map((f) => fenceRing(f.shape));
  const data = shown.map((f, i) => ({
    key: `fence:${f.id}`,
    name: f.name,
    value: [...(rings[i]?.[0] ?? [0, 0]), i],
    tip: [f.name, fencePurposeLabels[f.purpose], f.unitName],
  }));
  const polygons: CustomSeriesOption = {
    id: 'fences',
    type: 'custom',
    coordinateSystem: 'geo',
    z: 2,
    tooltip: itemTooltip,
    renderItem: (params, api) => {
      const i = params.dataIndex;
      const fence = shown[i];
      const ring = rings[i];
      if (!fence || !ring || ring.length < 3) return null;
      const colors = fenceColors[fence.purpose];
      return {
        type: 'polygon',
        shape: { points: ring.map((p) => api.coord(p)) },
        style: { fill: colors.fill, stroke: colors.stroke, lineWidth: 1.5 },
        emphasis: { style: { lineWidth: 2.5 } },
      };
    },
    data,
  };
  const corridors = shown.filter((f) => f.shape.kind === 'corridor');
  if (corridors.length === 0) return [polygons];
  const centreLines: LinesSeriesOption = {
    id: 'fence-centre-lines',
    type: 'lines',
    zlevel: LINES_ZLEVEL,
    coordinateSystem: 'geo',
    polyline: true,
    silent: true,
    z: 2,
    data: corridors.map((f) => ({
      coords: f.shape.kind === 'corridor' ? f.shape.line.map(([lon, lat]) => [lon, lat]) : [],
      lineStyle: { color: fenceColors[f.purpose].stroke, type: 'dashed' as const, width: 1, opacity: 0.8 },
    })),
  };
  return [polygons, centreLines];
}

/** The vessels' last positions (those with one), arrows by course; stale ones orange. */
export function vesselData(positions: readonly VesselPosition[], now: number): MarkerDatum[] {
  const out: MarkerDatum[] = [];
  for (const r of positions) {
    const p = r.position;
    if (!p) continue;
    const stale = isStale(p.time, now);
    out.push({
      key: `vessel:${r.vessel.id}`,
      name: r.vessel.name,
      value: [p.lon, p.lat],
      symbolRotate: -p.course,
      itemStyle: { color: stale ? STALE_VESSEL_COLOR : VESSEL_COLOR },
      tip: [
        r.vessel.name,
        `登记号 ${r.vessel.registrationNo}`,
        `定位时间 ${dateTime(p.time)}${stale ? '（超过 30 分钟未上报）' : ''}`,
        `航速 ${formatSpeed(p.speedKmh)}，航向 ${formatCourse(p.course)}`,
      ],
    });
  }
  return out;
}

export function vesselSeries(positions: readonly VesselPosition[], now: number): ScatterSeriesOption {
  return {
    id: 'vessels',
    type: 'scatter',
    coordinateSystem: 'geo',
    z: 5,
    symbol: ARROW,
    symbolSize: 16,
    itemStyle: { borderColor: '#ffffff', borderWidth: 1.2 },
    label: { show: false, formatter: '{b}', position: 'right', color: '#0b2e66', fontSize: 12 },
    emphasis: {
      scale: 1.6,
      label: {
        show: true,
        backgroundColor: 'rgba(255,255,255,0.9)',
        padding: [2, 4],
        borderRadius: 3,
      },
    },
    tooltip: itemTooltip,
    data: vesselData(positions, now),
  };
}

/** Open alerts with a place, coloured by severity. */
export function alertData(alerts: readonly AlertView[]): MarkerDatum[] {
  const out: MarkerDatum[] = [];
  for (const a of alerts) {
    if (a.lat === null || a.lon === null) continue;
    out.push({
      key: `alert:${a.id}`,
      name: a.vessel.name,
      value: [a.lon, a.lat],
      itemStyle: { color: severityMarkerColors[a.severity] },
      symbolSize: a.severity === 'high' ? 14 : a.severity === 'medium' ? 12 : 10,
      tip: [
        `${severityLabels[a.severity]}告警：${alertKindLabels[a.kind]}`,
        a.vessel.name,
        a.rule,
        `最近 ${dateTime(a.lastAt)}${a.occurrences > 1 ? `，共 ${a.occurrences} 次` : ''}`,
      ],
    });
  }
  return out;
}

export function alertSeries(alerts: readonly AlertView[]): EffectScatterSeriesOption {
  return {
    id: 'alerts',
    type: 'effectScatter',
    coordinateSystem: 'geo',
    z: 6,
    symbol: 'circle',
    rippleEffect: { brushType: 'stroke', scale: 3, period: 3 },
    itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
    emphasis: { scale: 1.5 },
    tooltip: itemTooltip,
    data: alertData(alerts),
  };
}

// ---- tracks and replay ----------------------------------------------------------------------------------------

/** Every fix of a track's segments, oldest first (segments are installations; they may touch). */
export function trackPoints(segments: readonly TrackSegment[]): PositionView[] {
  return segments.flatMap((s) => s.points).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

const pointTip = (name: string, p: PositionView) => [
  name,
  `定位时间 ${dateTime(p.time)}`,
  `航速 ${formatSpeed(p.speedKmh)}，航向 ${formatCourse(p.course)}`,
];

/** A loaded track: each segment as a faint line, its fixes as small points with their time and speed. */
export function trackSeries(segments: readonly TrackSegment[]): SeriesOption[] {
  const withPoints = segments.filter((s) => s.points.length > 0);
  if (withPoints.length === 0) return [];
  return [
    {
      id: 'track-line',
      type: 'lines',
      zlevel: LINES_ZLEVEL,
      coordinateSystem: 'geo',
      polyline: true,
      silent: true,
      z: 3,
      lineStyle: { color: TRACK_COLOR, width: 2, opacity: 0.55, type: 'dashed' },
      data: withPoints.map((s) => ({ coords: s.points.map((p) => [p.lon, p.lat]) })),
    },
    {
      id: 'track-points',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 3,
      symbolSize: 4,
      itemStyle: { color: TRACK_COLOR, opacity: 0.8 },
      tooltip: itemTooltip,
      data: withPoints.flatMap((s) =>
        s.points.map((p) => ({
          name: s.vessel.name,
          value: [p.lon, p.lat],
          tip: pointTip(s.vessel.name, p),
        })),
      ),
    },
  ];
}

export interface ReplayFrame {
  /** The last fix at or before the time (0 before the first). */
  index: number;
  fix: PositionView;
  /** Where the vessel is at the time: between its fixes, moved in a straight line. */
  coord: LonLat;
  course: number;
}

/** The replay at time `t` (ms): the fix it is at and the interpolated place. Null for an empty track. */
export function replayFrame(points: readonly PositionView[], t: number): ReplayFrame | null {
  const first = points[0];
  if (!first) return null;
  // binary search: the last index with time <= t
  let lo = 0;
  let hi = points.length - 1;
  if (t < Date.parse(first.time)) hi = 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Date.parse((points[mid] as PositionView).time) <= t) lo = mid;
    else hi = mid - 1;
  }
  const fix = points[lo] as PositionView;
  const next = points[lo + 1];
  let coord: LonLat = [fix.lon, fix.lat];
  if (next && t > Date.parse(fix.time)) {
    const t0 = Date.parse(fix.time);
    const f = Math.min(1, (t - t0) / Math.max(1, Date.parse(next.time) - t0));
    coord = [fix.lon + (next.lon - fix.lon) * f, fix.lat + (next.lat - fix.lat) * f];
  }
  return { index: lo, fix, coord, course: fix.course };
}

/** Replay speeds: track time per real second. */
export const replaySpeeds = [1, 10, 60] as const;
export type ReplaySpeed = (typeof replaySpeeds)[number];

/** The replay overlay: the part already passed drawn solid, and the vessel's marker where it is now. */
export function replaySeries(
  points: readonly PositionView[],
  frame: ReplayFrame | null,
  vesselName: string,
): SeriesOption[] {
  if (!frame) return [];
  const passed: LonLat[] = points.slice(0, frame.index + 1).map((p) => [p.lon, p.lat]);
  passed.push(frame.coord);
  const marker: MarkerDatum[] = [
    {
      key: 'replay',
      name: vesselName,
      value: frame.coord,
      symbolRotate: -frame.course,
      tip: pointTip(vesselName, frame.fix),
    },
  ];
  return [
    {
      id: 'replay-passed',
      type: 'lines',
      zlevel: LINES_ZLEVEL,
      coordinateSystem: 'geo',
      polyline: true,
      silent: true,
      z: 7,
      animation: false,
      lineStyle: { color: REPLAY_COLOR, width: 3, opacity: 0.9 },
      data: passed.length > 1 ? [{ coords: passed }] : [],
    },
    {
      id: 'replay-marker',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 8,
      animation: false,
      symbol: ARROW,
      symbolSize: 22,
      itemStyle: { color: REPLAY_COLOR, borderColor: '#ffffff', borderWidth: 1.5 },
      label: {
        show: true,
        position: 'right',
        formatter: '{b}',
        color: '#7a1e05',
        backgroundColor: 'rgba(255,255,255,0.9)',
        padding: [2, 4],
        borderRadius: 3,
      },
      tooltip: itemTooltip,
      data: marker,
    },
  ];
}

// ---- the whole option -----------------------------------------------------------------------------------------

export interface SituationData {
  positions: readonly VesselPosition[];
  alerts: readonly AlertView[];
  fences: readonly FenceView[];
  track: readonly TrackSegment[];
  now: number;
}

/**
 * The map's option without a view: the geo component carries no centre or zoom, so setting a new option keeps
 * where the user has panned and zoomed (the chart sets the first view itself).
 */
export function situationOption(data: SituationData): SituationOption {
  return {
    backgroundColor: SEA_COLOR,
    animationDurationUpdate: 300,
    tooltip: {
      trigger: 'item',
      confine: true,
      enterable: false,
      textStyle: { fontSize: 13 },
    },
    geo: geoComponent(),
    series: [
      placesSeries(),
      ...fenceSeries(data.fences),
      ...trackSeries(data.track),
      vesselSeries(data.positions, data.now),
      alertSeries(data.alerts),
    ],
  };
}
