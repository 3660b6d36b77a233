import { describe, expect, it } from 'vitest';
import {
  contains,
  DWELL_CLEAR,
  dwell,
  FenceGrid,
  type FenceShape,
  inAnnualWindow,
  type LonLat,
  segmentTouches,
} from './fence.rules.ts';

// Geofence geometry for issue 9 (started here): containment, crossings between sparse fixes, dwell, the
// moratorium's annual window at its 12:00 bounds, and the grid index.

const square: FenceShape = {
  kind: 'polygon',
  ring: [
    [109.0, 21.0],
    [109.2, 21.0],
    [109.2, 21.2],
    [109.0, 21.2],
  ],
};
const weizhou: FenceShape = { kind: 'circle', center: [109.11, 21.04], radiusM: 5000 };
const channel: FenceShape = {
  kind: 'corridor',
  line: [
    [109.05, 21.45],
    [109.05, 21.3],
    [109.15, 21.2],
  ],
  widthM: 2000,
};

describe('fence geometry', () => {
  it('knows inside from outside for polygons, circles and corridors', () => {
    expect(contains(square, [109.1, 21.1])).toBe(true);
    expect(contains(square, [109.25, 21.1])).toBe(false);
    expect(contains(weizhou, [109.11, 21.08])).toBe(true); // ~4.4 km north
    expect(contains(weizhou, [109.11, 21.09])).toBe(false); // ~5.6 km north
    expect(contains(channel, [109.058, 21.4])).toBe(true); // ~830 m east of the line
    expect(contains(channel, [109.065, 21.4])).toBe(false); // ~1.6 km east
  });

  it('catches a crossing between two fixes that both lie outside', () => {
    // west of the square to east of it, straight through
    expect(segmentTouches(square, [108.9, 21.1], [109.3, 21.1])).toBe(true);
    // passing north of it
    expect(segmentTouches(square, [108.9, 21.3], [109.3, 21.3])).toBe(false);
    // through the circle's middle, both ends ~8 km away
    expect(segmentTouches(weizhou, [109.03, 21.04], [109.19, 21.04])).toBe(true);
    expect(segmentTouches(weizhou, [109.03, 21.12], [109.19, 21.12])).toBe(false);
    // across the corridor
    expect(segmentTouches(channel, [109.0, 21.38], [109.1, 21.38])).toBe(true);
    expect(segmentTouches(channel, [109.2, 21.38], [109.3, 21.38])).toBe(false);
  });

  it('fires a dwell once after the grace time, not on jitter across the boundary', () => {
    const t0 = new Date('2026-07-01T00:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const grace = 120_000;
    let s = DWELL_CLEAR;
    const feed = (holds: boolean, sec: number) => {
      const r = dwell(s, holds, at(sec), grace);
      s = r.state;
      return r.fire;
    };
    // jitter: in, out, in — never two minutes in a row
    expect([feed(true, 0), feed(false, 60), feed(true, 90), feed(true, 180)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(feed(true, 210)).toBe(true);
    expect(feed(true, 400)).toBe(false); // fired once for this stay
    expect(feed(false, 460)).toBe(false);
    expect(feed(true, 500)).toBe(false);
    expect(feed(true, 620)).toBe(true); // a new stay fires again
  });

  it('holds the moratorium from 1 May 12:00 to 16 August 12:00 Beijing time, half-open', () => {
    const moratorium = { start: '05-01T12:00', end: '08-16T12:00' };
    const bj = (s: string) => new Date(`${s}+08:00`);
    expect(inAnnualWindow(moratorium, bj('2026-05-01T11:59:59'))).toBe(false);
    expect(inAnnualWindow(moratorium, bj('2026-05-01T12:00:00'))).toBe(true);
    expect(inAnnualWindow(moratorium, bj('2026-08-16T11:59:59'))).toBe(true);
    expect(inAnnualWindow(moratorium, bj('2026-08-16T12:00:00'))).toBe(false);
    // a window over the new year
    const winter = { start: '12-20T00:00', end: '01-10T00:00' };
    expect(inAnnualWindow(winter, bj('2026-12-31T08:00:00'))).toBe(true);
    expect(inAnnualWindow(winter, bj('2027-01-05T08:00:00'))).toBe(true);
    expect(inAnnualWindow(winter, bj('2027-01-10T00:00:00'))).toBe(false);
  });

  it('indexes a thousand fences in a grid and returns only nearby candidates, the right ones among them', () => {
    const fences = Array.from({ length: 1000 }, (_, i) => ({
      id: i,
      shape: {
        kind: 'circle',
        center: [108 + (i % 40) * 0.05, 20 + Math.floor(i / 40) * 0.05] as LonLat,
        radiusM: 1000,
      } as FenceShape,
    }));
    const grid = new FenceGrid(fences);
    const p: LonLat = [108.5, 20.5];
    const candidates = grid.candidates(p);
    expect(candidates.length).toBeLessThan(40);
    const hits = fences.filter((f) => contains(f.shape, p)).map((f) => f.id);
    expect(hits.length).toBeGreaterThan(0);
    expect(candidates.filter((f) => contains(f.shape, p)).map((f) => f.id)).toEqual(hits);
  });
});
