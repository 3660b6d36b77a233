import { fenceShapeSchema } from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';
import { calendarSummary, parseMonthDay } from './fence-format.ts';
import {
  circleFromLatLng,
  corridorFromLatLngs,
  corridorOutline,
  describeShape,
  polygonFromLatLngs,
  ringAreaKm2,
  shapeBounds,
  toLeafletShape,
} from './shape-convert.ts';

const ll = (lat: number, lng: number) => ({ lat, lng });

describe('shape conversion between Leaflet and the fence contract', () => {
  it('writes a drawn polygon as a [lon, lat] ring without the closing or repeated vertices', () => {
    const latlngs = [
      [ll(21.4, 109.1), ll(21.4, 109.1), ll(21.45, 109.2), ll(21.38, 109.25), ll(21.4, 109.1)],
    ];
    const shape = polygonFromLatLngs(latlngs);
    expect(shape).toEqual({
      kind: 'polygon',
      ring: [
        [109.1, 21.4],
        [109.2, 21.45],
        [109.25, 21.38],
      ],
    });
    expect(fenceShapeSchema.safeParse(shape).success).toBe(true);
  });

  it('takes the outer ring of a multi-polygon and rounds to six decimals', () => {
    const shape = polygonFromLatLngs([
      [
        [ll(21.123456789, 109.987654321), ll(21.2, 109.3), ll(21.3, 109.4)],
        [ll(21.21, 109.31), ll(21.22, 109.32), ll(21.23, 109.33)],
      ],
    ]);
    expect(shape.kind === 'polygon' && shape.ring[0]).toEqual([109.987654, 21.123457]);
    expect(shape.kind === 'polygon' && shape.ring.length).toBe(3);
  });

  it('writes a circle as its [lon, lat] centre and whole metres', () => {
    expect(circleFromLatLng(ll(21.48, 109.12), 1499.6)).toEqual({
      kind: 'circle',
      center: [109.12, 21.48],
      radiusM: 1500,
    });
  });

  it('writes a polyline with the form’s width as a corridor', () => {
    const shape = corridorFromLatLngs([ll(21.4, 109.1), ll(21.5, 109.2)], 500);
    expect(shape).toEqual({
      kind: 'corridor',
      line: [
        [109.1, 21.4],
        [109.2, 21.5],
      ],
      widthM: 500,
    });
    expect(fenceShapeSchema.safeParse(shape).success).toBe(true);
  });

  it('gives Leaflet [lat, lng] back, round trip', () => {
    const polygon = polygonFromLatLngs([ll(21.4, 109.1), ll(21.45, 109.2), ll(21.38, 109.25)]);
    const drawn = toLeafletShape(polygon);
    expect(drawn).toEqual({
      kind: 'polygon',
      latlngs: [
        [21.4, 109.1],
        [21.45, 109.2],
        [21.38, 109.25],
      ],
    });
    const again = polygonFromLatLngs(
      drawn.kind === 'polygon' ? drawn.latlngs.map(([lat, lng]) => ll(lat, lng)) : [],
    );
    expect(again).toEqual(polygon);
    expect(toLeafletShape({ kind: 'circle', center: [109.12, 21.48], radiusM: 800 })).toEqual({
      kind: 'circle',
      center: [21.48, 109.12],
      radiusM: 800,
    });
  });

  it('bounds a circle by its radius and a corridor by half its width', () => {
    const [[s, w], [n, e]] = shapeBounds({ kind: 'circle', center: [109.12, 21.48], radiusM: 11_132 });
    expect(n - s).toBeCloseTo(0.2, 3);
    expect(e - w).toBeGreaterThan(0.2);
    const [[s2], [n2]] = shapeBounds({
      kind: 'corridor',
      line: [
        [109.1, 21.4],
        [109.2, 21.4],
      ],
      widthM: 2226.4,
    });
    expect(n2 - s2).toBeCloseTo(0.02, 4);
  });

  it('outlines a corridor with a cap per point and a rectangle per segment, half the width either side', () => {
    const rings = corridorOutline(
      [
        [109.1, 21.4],
        [109.2, 21.4],
      ],
      2000,
    );
    expect(rings).toHaveLength(3);
    const rect = rings[2] ?? [];
    expect(rect).toHaveLength(4);
    const lats = rect.map(([lat]) => lat);
    expect((Math.max(...lats) - Math.min(...lats)) * 111_320).toBeCloseTo(2000, 0);
    // All rings wind the same way (counter-clockwise), so one non-zero-filled path is their union.
    const signedArea = (ring: [number, number][]) =>
      ring.reduce((sum, [lat, lng], i) => {
        const [lat2, lng2] = ring[(i + 1) % ring.length] ?? [lat, lng];
        return sum + (lng * lat2 - lng2 * lat);
      }, 0);
    for (const ring of rings) expect(signedArea(ring)).toBeGreaterThan(0);
    expect(corridorOutline([], 100)).toEqual([]);
  });

  it('describes shapes in Chinese, a polygon with its area', () => {
    const square = (side: number): [number, number][] => [
      [109, 21],
      [109 + side, 21],
      [109 + side, 21 + side],
      [109, 21 + side],
    ];
    // 0.1° × 0.1° near 21°N: 10.38 km × 11.12 km
    expect(ringAreaKm2(square(0.1))).toBeCloseTo(115.4, 0);
    expect(describeShape({ kind: 'polygon', ring: square(0.1) })).toBe('多边形，4 个顶点，约 115 平方公里');
    expect(describeShape({ kind: 'polygon', ring: square(0.02) })).toBe('多边形，4 个顶点，约 4.6 平方公里');
    expect(describeShape({ kind: 'polygon', ring: square(0.005) })).toBe(
      '多边形，4 个顶点，约 0.29 平方公里',
    );
    expect(describeShape({ kind: 'circle', center: [109, 21], radiusM: 1500 })).toBe('圆形，半径 1.5 公里');
    expect(
      describeShape({
        kind: 'corridor',
        line: [
          [109, 21],
          [109.1, 21],
        ],
        widthM: 500,
      }),
    ).toBe('航道，2 个点，宽 500 米');
  });
});

describe('fence calendars', () => {
  it('summarises each kind', () => {
    expect(calendarSummary({ kind: 'always' })).toBe('长期有效');
    expect(calendarSummary({ kind: 'annual', start: '05-01T12:00', end: '08-16T12:00' })).toBe(
      '每年 05-01 12:00 至 08-16 12:00',
    );
  });

  it('reads the form’s month-day time', () => {
    expect(parseMonthDay('05-01 12:00')).toBe('05-01T12:00');
    expect(parseMonthDay('5-1 8:30')).toBe('05-01T08:30');
    expect(parseMonthDay('02-29 00:00')).toBe('02-29T00:00');
    expect(parseMonthDay('13-01 12:00')).toBeNull();
    expect(parseMonthDay('04-31 12:00')).toBeNull();
    expect(parseMonthDay('05-01')).toBeNull();
  });
});
