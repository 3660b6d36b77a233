import { describe, expect, it } from 'vitest';
import type { ResolvedScope } from './principal.ts';
import { resolveScope, scopeWithin } from './scope.ts';

// A small tree: 1 city → 2 county → 21, 22 offices; 3 county → 31.
const children: Record<number, number[]> = { 1: [2, 3], 2: [21, 22], 3: [31] };
async function expand(ids: number[]): Promise<Set<number>> {
  const out = new Set<number>();
  const walk = (id: number) => {
    out.add(id);
    for (const c of children[id] ?? []) walk(c);
  };
  for (const id of ids) walk(id);
  return out;
}

describe('resolveScope', () => {
  it('all wins over everything', async () => {
    const s = await resolveScope(
      [
        { dataScope: 'unit', customUnitIds: [] },
        { dataScope: 'all', customUnitIds: [] },
      ],
      2,
      expand,
    );
    expect(s.all).toBe(true);
  });

  it('unit and below expands the subtree of the own unit', async () => {
    const s = await resolveScope([{ dataScope: 'unitAndBelow', customUnitIds: [] }], 2, expand);
    expect([...s.unitIds].sort()).toEqual([2, 21, 22]);
    expect(s.all).toBe(false);
  });

  it('several roles give the union of their scopes', async () => {
    const s = await resolveScope(
      [
        { dataScope: 'unit', customUnitIds: [] },
        { dataScope: 'custom', customUnitIds: [31] },
        { dataScope: 'self', customUnitIds: [] },
      ],
      21,
      expand,
    );
    expect([...s.unitIds].sort()).toEqual([21, 31]);
    expect(s.self).toBe(true);
  });

  it('self alone sees no unit', async () => {
    const s = await resolveScope([{ dataScope: 'self', customUnitIds: [] }], 21, expand);
    expect(s).toEqual({ all: false, unitIds: new Set(), self: true });
  });

  it('no role sees nothing', async () => {
    const s = await resolveScope([], 21, expand);
    expect(s).toEqual({ all: false, unitIds: new Set(), self: false });
  });
});

describe('scopeWithin (no widening)', () => {
  const scope = (ids: number[], all = false): ResolvedScope => ({ all, unitIds: new Set(ids), self: true });
  it('a county cannot grant city-wide or another county', () => {
    const county = scope([2, 21, 22]);
    expect(scopeWithin(county, scope([21]))).toBe(true);
    expect(scopeWithin(county, scope([2, 21, 22]))).toBe(true);
    expect(scopeWithin(county, scope([31]))).toBe(false);
    expect(scopeWithin(county, scope([], true))).toBe(false);
    expect(scopeWithin(scope([], true), scope([], true))).toBe(true);
  });
});
