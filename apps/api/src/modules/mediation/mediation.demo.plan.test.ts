import { describe, expect, it } from 'vitest';
import { demoDisputePlans, demoSweepPlans, mediationDemoFigures } from './mediation.demo.plan.ts';

// The demo's figure plan adds up to the seed report's mediation figures before anything touches a database.
describe('mediation demo plan', () => {
  const plans = demoDisputePlans();
  const accepted = plans.filter(
    (p) => p.acceptedOn && p.acceptedOn >= '2023-01-01' && p.acceptedOn <= '2023-06-30',
  );
  const f = mediationDemoFigures;

  it('accepts 1,021 disputes and settles 1,008 of them by 30 June; the 13 others end unsettled or terminated', () => {
    expect(accepted).toHaveLength(f.accepted);
    const settled = accepted.filter((p) => p.fate.kind === 'settled' && p.fate.on <= '2023-06-30');
    expect(settled).toHaveLength(f.settled);
    expect(accepted.filter((p) => p.fate.kind === 'unsettled')).toHaveLength(f.unsettled);
    expect(accepted.filter((p) => p.fate.kind === 'terminated')).toHaveLength(f.terminated);
    expect(Math.round((settled.length * 10000) / accepted.length) / 100).toBe(98.73);
    for (const p of accepted) {
      expect(p.registeredOn <= (p.acceptedOn ?? '')).toBe(true);
      if (p.fate.kind !== 'declined' && p.fate.kind !== 'awaiting') {
        expect(p.fate.on >= (p.acceptedOn ?? '')).toBe(true);
        expect(p.fate.on <= '2023-06-30').toBe(true);
      }
    }
  });

  it('involves exactly 12,001,800 yuan, in whole hundreds', () => {
    const amounts = accepted.map((p) => p.amount ?? 0);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(f.amountInvolved);
    expect(amounts.every((a) => a >= 0 && a % 100 === 0)).toBe(true);
    expect(accepted.filter((p) => p.amount === null).length).toBeGreaterThan(100);
  });

  it('has 69 land, forest and water disputes, all closed, and the enterprise disputes by kind', () => {
    const lfw = accepted.filter((p) => p.kind === 'land' || p.kind === 'forest' || p.kind === 'water');
    expect(lfw).toHaveLength(69);
    expect(lfw.every((p) => p.fate.kind !== 'awaiting' && p.fate.kind !== 'declined')).toBe(true);
    const byKind: Record<string, number> = {};
    for (const p of accepted.filter((x) => x.enterprise)) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    expect(byKind).toEqual(f.enterpriseDisputesByKind);
  });

  it('spreads over every month, every source but the portal, both agreement forms', () => {
    const months = new Set(accepted.map((p) => p.acceptedOn?.slice(0, 7)));
    expect([...months].sort()).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
    const sources = new Set(accepted.map((p) => p.source));
    expect([...sources].sort()).toEqual(['court', 'hotline', 'petition', 'police', 'sweep', 'walkIn']);
    const settled = accepted.flatMap((p) => (p.fate.kind === 'settled' ? [p.fate] : []));
    const oral = settled.filter((s) => s.form === 'oral').length;
    expect(oral).toBeGreaterThan(50);
    expect(oral).toBeLessThan(settled.length / 5);
    expect(settled.filter((s) => s.followUpOn).length).toBeGreaterThan(5);
    expect(settled.filter((s) => s.confirmation).length).toBeGreaterThan(3);
    // Not accepted in the half-year: declined and waiting.
    expect(plans.length - accepted.length).toBe(f.declined + f.awaiting);
  });

  it('holds 639 sweep sessions in the half-year, and plans or cancels a few that do not count', () => {
    const sweeps = demoSweepPlans();
    const held = sweeps.filter((s) => s.status === 'held' && s.heldOn && s.heldOn <= '2023-06-30');
    expect(held).toHaveLength(f.sweeps);
    expect(sweeps.filter((s) => s.status !== 'held')).toHaveLength(
      f.sweepsCancelled + f.sweepsPlannedForJuly,
    );
    expect(held.every((s) => s.heldOn && s.heldOn >= '2023-01-03' && s.plannedOn <= s.heldOn)).toBe(true);
  });
});
