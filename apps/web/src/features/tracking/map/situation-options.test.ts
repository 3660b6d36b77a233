import type { AlertView, FenceView, PositionView, TrackSegment, VesselPosition } from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';
import {
  alertData,
  circleRing,
  corridorRing,
  fenceColors,
  fenceRing,
  fenceSeries,
  replayFrame,
  replaySeries,
  severityMarkerColors,
  situationOption,
  tipHtml,
  trackPoints,
  trackSeries,
  vesselData,
} from './situation-options.ts';

const M_PER_DEG_LAT = 111_320;
/** Metres between two [lon, lat] points in the same flat projection the builders use. */
function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const kx = M_PER_DEG_LAT * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * M_PER_DEG_LAT);
}

const fix = (time: string, lon: number, lat: number, extra: Partial<PositionView> = {}): PositionView => ({
  time,
  receivedAt: time,
  lat,
  lon,
  speedKmh: 12,
  course: 90,
  altitudeM: 0,
  alarmBits: 0,
  statusBits: 0,
  satellites: 9,
  source: 'jt808',
  ...extra,
});

const vessel = { id: 'v1', name: '桂北渔60388号', registrationNo: '桂北渔（2019）FV-000388' };

function fence(
  id: string,
  purpose: FenceView['purpose'],
  shape: FenceView['shape'],
  active = true,
): FenceView {
  return {
    id,
    name: `围栏${id}`,
    purpose,
    shape,
    calendar: { kind: 'always' },
    exemptGearTypes: [],
    dwellMinutes: 5,
    vesselIds: [],
    unitId: 1,
    unitName: '北海市司法局',
    active,
    note: null,
    version: 1,
    updatedAt: '2026-11-01T00:00:00Z',
    updatedBy: null,
  };
}

function alert(
  id: string,
  severity: AlertView['severity'],
  lat: number | null,
  lon: number | null,
): AlertView {
  return {
    id,
    kind: 'enteredProhibitedZone',
    severity,
    state: 'new',
    vessel,
    supervisees: [],
    fence: null,
    tripId: null,
    terminalAlarm: null,
    rule: '进入禁止区域<冠头岭保护区>',
    firstAt: '2026-11-28T01:00:00Z',
    lastAt: '2026-11-28T02:00:00Z',
    occurrences: 3,
    lat,
    lon,
    terminalId: null,
    acknowledgeBy: '2026-11-28T03:00:00Z',
    resolveBy: '2026-11-29T02:00:00Z',
    escalated: null,
    assignee: null,
    disposition: null,
    resolvedAt: null,
    version: 1,
  };
}

describe('fence geometry', () => {
  it('approximates a circle with 64 vertices at the radius', () => {
    const ring = circleRing([109.1, 21.4], 2000);
    expect(ring).toHaveLength(64);
    for (const p of ring) expect(metres(p, [109.1, 21.4])).toBeCloseTo(2000, -1);
    // the first vertex is due north
    expect(ring[0]?.[0]).toBeCloseTo(109.1, 6);
    expect(ring[0]?.[1]).toBeGreaterThan(21.4);
  });

  it('keeps a polygon ring as it is', () => {
    const ring: [number, number][] = [
      [109, 21],
      [109.2, 21],
      [109.1, 21.2],
    ];
    expect(fenceRing({ kind: 'polygon', ring })).toEqual(ring);
  });

  it('buffers a corridor by half its width on each side, with round ends', () => {
    const line: [number, number][] = [
      [109.0, 21.3],
      [109.1, 21.3],
      [109.1, 21.4],
    ];
    const ring = corridorRing(line, 1000);
    expect(ring.length).toBeGreaterThan(30);
    // every vertex is half the width (500 m) from the line, or further at the mitred corner
    const distToSegment = (p: [number, number], a: [number, number], b: [number, number]) => {
      const kx = M_PER_DEG_LAT * Math.cos((21.35 * Math.PI) / 180);
      const [px, py, ax, ay, bx, by] = [
        p[0] * kx,
        p[1] * M_PER_DEG_LAT,
        a[0] * kx,
        a[1] * M_PER_DEG_LAT,
        b[0] * kx,
        b[1] * M_PER_DEG_LAT,
      ];
      const t = Math.max(
        0,
        Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
      );
      return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
    };
    const [p0, p1, p2] = line as [[number, number], [number, number], [number, number]];
    for (const p of ring) {
      const d = Math.min(distToSegment(p, p0, p1), distToSegment(p, p1, p2));
      expect(d).toBeGreaterThan(495);
      expect(d).toBeLessThan(720); // a right-angle mitre is √2 × 500
    }
    // the ring reaches past both ends (the caps)
    expect(Math.min(...ring.map((p) => p[0]))).toBeLessThan(109.0);
    expect(Math.max(...ring.map((p) => p[1]))).toBeGreaterThan(21.4);
  });

  it('draws a one-point corridor as a circle and an empty one as nothing', () => {
    expect(corridorRing([[109, 21]], 1000)).toHaveLength(64);
    expect(corridorRing([], 1000)).toEqual([]);
  });

  it('colours fences by purpose and leaves out inactive ones', () => {
    const fences = [
      fence('a', 'prohibited', { kind: 'circle', center: [109.1, 21.4], radiusM: 1000 }),
      fence('b', 'permitted', {
        kind: 'polygon',
        ring: [
          [109, 21],
          [109.2, 21],
          [109.1, 21.2],
        ],
      }),
      fence('c', 'port', {
        kind: 'corridor',
        line: [
          [109, 21.5],
          [109.05, 21.5],
        ],
        widthM: 300,
      }),
      fence('d', 'prohibited', { kind: 'circle', center: [109, 21], radiusM: 10 }, false),
    ];
    const series = fenceSeries(fences);
    type Drawn = { shape: { points: unknown[] }; style: { fill: string; stroke: string } };
    type RenderItem = (params: { dataIndex: number }, api: { coord(p: number[]): number[] }) => Drawn;
    const polygons = series[0] as { type: string; data: { key: string }[]; renderItem: RenderItem };
    expect(polygons.type).toBe('custom');
    expect(polygons.data.map((d) => d.key)).toEqual(['fence:a', 'fence:b', 'fence:c']);
    // the corridor also gets its centre line
    expect(series[1]).toMatchObject({ id: 'fence-centre-lines', type: 'lines', zlevel: 0 });

    // renderItem projects every vertex and fills by purpose
    const api = { coord: (p: number[]) => p.map((v) => v * 10) };
    const circle = polygons.renderItem({ dataIndex: 0 }, api);
    expect(circle.shape.points).toHaveLength(64);
    expect(circle.style.fill).toBe(fenceColors.prohibited.fill);
    expect(circle.style.fill).toMatch(/rgba\(.*0\.\d+\)/); // semi-transparent
    expect(polygons.renderItem({ dataIndex: 1 }, api).style.stroke).toBe(fenceColors.permitted.stroke);
    expect(polygons.renderItem({ dataIndex: 2 }, api).style.fill).toBe(fenceColors.port.fill);
    expect(fenceSeries([])).toEqual([]);
  });
});

describe('markers', () => {
  const positions: VesselPosition[] = [
    { vessel, terminalNumber: '1', position: fix('2026-11-28T01:00:00Z', 109.05, 21.3, { course: 45 }) },
    { vessel: { ...vessel, id: 'v2', name: '无定位船' }, terminalNumber: null, position: null },
  ];

  it('puts vessels with a position on the map, arrows by course, stale ones orange', () => {
    const now = Date.parse('2026-11-28T01:10:00Z');
    const [d, ...rest] = vesselData(positions, now);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      key: 'vessel:v1',
      name: vessel.name,
      value: [109.05, 21.3],
      symbolRotate: -45,
    });
    expect(d?.tip[0]).toBe(vessel.name);
    const later = vesselData(positions, now + 3600_000)[0];
    expect(later?.itemStyle?.color).not.toBe(d?.itemStyle?.color);
    expect(later?.tip.join()).toContain('超过 30 分钟未上报');
  });

  it('marks open alerts with a place, coloured by severity, with the rule in the tooltip', () => {
    const data = alertData([alert('a1', 'high', 21.2, 109.1), alert('a2', 'low', null, null)]);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ key: 'alert:a1', value: [109.1, 21.2] });
    expect(data[0]?.itemStyle?.color).toBe(severityMarkerColors.high);
    expect(data[0]?.tip).toContain('进入禁止区域<冠头岭保护区>');
  });

  it('escapes tooltip text (names and rules are user data)', () => {
    expect(tipHtml(['<b>船</b>', 'a & b'])).toBe('<b>&lt;b&gt;船&lt;/b&gt;</b><br/>a &amp; b');
  });
});

describe('tracks and replay', () => {
  const seg = (terminalNumber: string, points: PositionView[]): TrackSegment => ({
    vessel,
    terminalNumber,
    from: points[0]?.time ?? '2026-11-28T00:00:00Z',
    to: points[points.length - 1]?.time ?? '2026-11-28T00:00:00Z',
    points,
    filteredCount: 0,
    truncated: false,
  });
  const a = fix('2026-11-28T00:00:00Z', 109.0, 21.0, { course: 0 });
  const b = fix('2026-11-28T00:10:00Z', 109.1, 21.0, { course: 90 });
  const c = fix('2026-11-28T00:20:00Z', 109.1, 21.1, { course: 0, speedKmh: 3 });
  const segments = [seg('2', [c]), seg('1', [a, b])];
  const points = trackPoints(segments);

  it('merges the segments by time', () => {
    expect(points.map((p) => p.time)).toEqual([a.time, b.time, c.time]);
  });

  it('draws each segment as a line and its fixes as points', () => {
    const [line, dots] = trackSeries(segments) as [{ data: unknown[] }, { data: unknown[] }];
    // lines name their zlevel (ECharts 6 makes a stray first layer for an undefined one, hiding the sea colour)
    expect(line).toMatchObject({ id: 'track-line', type: 'lines', polyline: true, zlevel: 0 });
    expect(line.data).toHaveLength(2);
    expect(dots.data).toHaveLength(3);
    expect(trackSeries([seg('1', [])])).toEqual([]);
  });

  it('finds the fix at a time and moves between fixes in a straight line', () => {
    expect(replayFrame([], 0)).toBeNull();
    const before = replayFrame(points, Date.parse(a.time) - 1000);
    expect(before?.index).toBe(0);
    expect(before?.coord).toEqual([109.0, 21.0]);
    const half = replayFrame(points, Date.parse('2026-11-28T00:05:00Z'));
    expect(half?.index).toBe(0);
    expect(half?.coord[0]).toBeCloseTo(109.05, 6);
    expect(half?.coord[1]).toBeCloseTo(21.0, 6);
    const atB = replayFrame(points, Date.parse(b.time));
    expect(atB).toMatchObject({ index: 1, coord: [109.1, 21.0], course: 90 });
    const end = replayFrame(points, Date.parse('2026-11-29T00:00:00Z'));
    expect(end).toMatchObject({ index: 2, coord: [109.1, 21.1] });
    expect(end?.fix.speedKmh).toBe(3);
  });

  it('draws the passed part and the marker where the vessel is', () => {
    const frame = replayFrame(points, Date.parse('2026-11-28T00:15:00Z'));
    const [passed, marker] = replaySeries(points, frame, vessel.name) as [
      { data: { coords: number[][] }[] },
      { data: { value: number[]; symbolRotate: number }[] },
    ];
    expect(passed.data[0]?.coords).toHaveLength(3); // a, b and the place between b and c
    expect(marker.data[0]?.value[1]).toBeCloseTo(21.05, 6);
    expect(marker.data[0]?.symbolRotate).toBe(-90);
    expect(replaySeries(points, null, '')).toEqual([]);
  });
});

describe('the whole option', () => {
  it('has the land as a roaming geo on a sea-blue background and the series in drawing order', () => {
    const option = situationOption({ positions: [], alerts: [], fences: [], track: [], now: 0 });
    expect(option.backgroundColor).toMatch(/^#/);
    expect(option.geo).toMatchObject({ map: 'beibu-gulf', roam: true });
    // no centre or zoom: a new option keeps the user's view
    expect(option.geo).not.toHaveProperty('center');
    expect(option.geo).not.toHaveProperty('zoom');
    const ids = (option.series as { id: string }[]).map((s) => s.id);
    expect(ids).toEqual(['places', 'vessels', 'alerts']);
  });
});
