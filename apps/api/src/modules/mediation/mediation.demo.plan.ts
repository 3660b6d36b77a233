import type { AgreementForm, CommitteeIndustry, DisputeKind, DisputeSource } from '@zhucheng/contracts';

// The figure plan of the dispute demo (mediation.demo.ts): which disputes and sweeps the first half of
// 2023 holds, with kinds, amounts, days and outcomes whose totals are exactly the seed report's mediation
// figures (SEED-FIGURES.md). Pure: no database, no clock; the committees are named by role ("the city's
// tourism committee", "a rural committee, the 7th in turn") and found at run time.

export const mediationDemoFigures = {
  sweeps: 639,
  accepted: 1021,
  settled: 1008,
  successRate: 98.73,
  amountInvolved: 12_001_800,
  landForestWater: { accepted: 69, closed: 69, closureRate: 100 },
  enterpriseDisputesByKind: { contract: 13, production: 27, labour: 24, consumer: 3, tourism: 30 },
  /** The 13 not settled. */
  unsettled: 8,
  terminated: 5,
  /** Registered but not accepted: declined, or waiting for acceptance on 30 June. */
  declined: 3,
  awaiting: 4,
  /** Sweeps that do not count: planned for July, cancelled in the half-year. */
  sweepsPlannedForJuly: 6,
  sweepsCancelled: 3,
} as const;

/** How many accepted disputes of each kind, and how many of those involve an enterprise. */
export const demoKindCounts: Record<DisputeKind, { total: number; enterprise: number }> = {
  marriageFamily: { total: 180, enterprise: 0 },
  neighbour: { total: 210, enterprise: 0 },
  contract: { total: 73, enterprise: 13 },
  production: { total: 47, enterprise: 27 },
  labour: { total: 64, enterprise: 24 },
  consumer: { total: 28, enterprise: 3 },
  tourism: { total: 35, enterprise: 30 },
  damages: { total: 120, enterprise: 0 },
  medical: { total: 25, enterprise: 0 },
  traffic: { total: 60, enterprise: 0 },
  property: { total: 45, enterprise: 0 },
  land: { total: 41, enterprise: 0 },
  forest: { total: 16, enterprise: 0 },
  water: { total: 12, enterprise: 0 },
  other: { total: 65, enterprise: 0 },
};

/** Which committee takes a dispute, by role; resolved against the registry at run time. */
export type CommitteeTarget =
  | { type: 'industry'; industry: Exclude<CommitteeIndustry, 'enterprise' | 'other'> }
  | { type: 'enterprise'; turn: number }
  | { type: 'local'; rural: boolean; turn: number };

export type DisputeFate =
  | {
      kind: 'settled';
      on: string;
      form: AgreementForm;
      /** A 调解笔录 is recorded the day before (or on) the agreement. */
      session: boolean;
      followUpOn: string | null;
      confirmation: { appliedOn: string; ruledOn: string | null } | null;
    }
  | { kind: 'unsettled' | 'terminated'; on: string }
  | { kind: 'declined'; on: string }
  | { kind: 'awaiting' };

export interface DemoDisputePlan {
  index: number;
  kind: DisputeKind;
  enterprise: boolean;
  amount: number | null;
  source: DisputeSource;
  target: CommitteeTarget;
  registeredOn: string;
  acceptedOn: string | null;
  fate: DisputeFate;
}

export interface DemoSweepPlan {
  index: number;
  /** Organised by the n-th justice office or the n-th committee (in turn). */
  organiser: { type: 'office' | 'committee'; turn: number };
  plannedOn: string;
  heldOn: string | null;
  status: 'held' | 'planned' | 'cancelled';
  /** Planned a week ahead and then recorded as held (else recorded once held). */
  viaPlan: boolean;
  participantCount: number;
  risksFound: number;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 2023's Spring Festival and Labour Day holidays, and the Dragon Boat Festival. */
const holidays = new Set([
  ...Array.from({ length: 7 }, (_, i) => addDays('2023-01-21', i)),
  ...Array.from({ length: 5 }, (_, i) => addDays('2023-04-29', i)),
  '2023-06-22',
  '2023-06-23',
]);

export function workdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6 && !holidays.has(day)) days.push(day);
  }
  return days;
}

/** A deterministic spread in [0, 1) for record `i` and a salt. */
function spread(i: number, salt: number): number {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** The kinds in an interleaved order (no long runs of one kind), each as often as its count. */
function kindSequence(): { kind: DisputeKind; enterprise: boolean }[] {
  const entries = Object.entries(demoKindCounts) as [DisputeKind, { total: number; enterprise: number }][];
  const total = entries.reduce((a, [, c]) => a + c.total, 0);
  const items: { key: number; kind: DisputeKind; enterprise: boolean }[] = [];
  for (const [kind, c] of entries) {
    for (let k = 0; k < c.total; k++) {
      // Spread each kind evenly over the half-year: its k-th record sits at (k + ½) / total of the way.
      items.push({ key: (k + 0.5) / c.total + spread(k, kind.length) * 1e-6, kind, enterprise: false });
    }
  }
  items.sort((a, b) => a.key - b.key);
  // Enterprise-involved ones: every n-th of the kind.
  const seen: Partial<Record<DisputeKind, number>> = {};
  for (const item of items) {
    const c = demoKindCounts[item.kind];
    const k = seen[item.kind] ?? 0;
    seen[item.kind] = k + 1;
    item.enterprise =
      Math.floor(((k + 1) * c.enterprise) / c.total) > Math.floor((k * c.enterprise) / c.total);
  }
  if (items.length !== total) throw new Error('kind sequence');
  return items;
}

/** The raw size of the amount of a dispute (before scaling to the total), or null for none. */
function rawAmount(kind: DisputeKind, enterprise: boolean, i: number): number | null {
  const r = spread(i, 3);
  switch (kind) {
    case 'marriageFamily':
      return i % 5 < 2 ? 8_000 + r * 40_000 : null;
    case 'neighbour':
      return i % 5 === 0 ? 500 + r * 6_000 : null;
    case 'contract':
      return enterprise ? 30_000 + r * 170_000 : 5_000 + r * 45_000;
    case 'production':
      return enterprise ? 40_000 + r * 160_000 : 8_000 + r * 40_000;
    case 'labour':
      return enterprise ? 15_000 + r * 60_000 : 3_000 + r * 20_000;
    case 'consumer':
      return 300 + r * 5_000;
    case 'tourism':
      return 800 + r * 9_000;
    case 'damages':
      return 2_000 + r * 30_000;
    case 'medical':
      return 20_000 + r * 120_000;
    case 'traffic':
      return 5_000 + r * 60_000;
    case 'property':
      return 600 + r * 6_000;
    case 'land':
    case 'forest':
    case 'water':
      return i % 5 < 3 ? 2_000 + r * 30_000 : null;
    default:
      return i % 3 === 0 ? 1_000 + r * 10_000 : null;
  }
}

/** Scales the raw amounts to exactly `target` yuan, each rounded to 100 yuan, the last taking the rest. */
function scaleAmounts(raw: (number | null)[], target: number): (number | null)[] {
  const sum = raw.reduce<number>((a, b) => a + (b ?? 0), 0);
  const last = raw.reduce<number>((at, v, i) => (v !== null ? i : at), -1);
  let given = 0;
  return raw.map((v, i) => {
    if (v === null) return null;
    if (i === last) return target - given;
    const amount = Math.max(100, Math.round((v * target) / sum / 100) * 100);
    given += amount;
    return amount;
  });
}

const localKinds: readonly DisputeKind[] = ['marriageFamily', 'neighbour', 'damages', 'property', 'other'];

function targetOf(kind: DisputeKind, enterprise: boolean, i: number): CommitteeTarget {
  if (kind === 'tourism') return { type: 'industry', industry: 'tourism' };
  if (kind === 'medical') return { type: 'industry', industry: 'medical' };
  if (kind === 'labour' && enterprise) return { type: 'industry', industry: 'labour' };
  if (kind === 'traffic' && i % 3 !== 0) return { type: 'industry', industry: 'traffic' };
  if (enterprise) return { type: 'enterprise', turn: i };
  const rural = kind === 'land' || kind === 'forest' || kind === 'water';
  return { type: 'local', rural, turn: localKinds.includes(kind) ? i : i * 7 };
}

/** Where a dispute came from: mostly walk-ins and referrals, one in eight found by a sweep. */
function sourceOf(kind: DisputeKind, i: number): DisputeSource {
  if (kind === 'traffic' && i % 2 === 0) return 'police';
  const cycle: DisputeSource[] = [
    'walkIn',
    'court',
    'walkIn',
    'sweep',
    'police',
    'walkIn',
    'hotline',
    'walkIn',
    'petition',
    'court',
    'walkIn',
    'police',
    'walkIn',
    'hotline',
    'walkIn',
    'sweep',
  ];
  return cycle[i % cycle.length] ?? 'walkIn';
}

/** The 13 accepted disputes that end without a settlement: every 78th, 5 terminated and 8 unsettled. */
function endsWithout(i: number): 'unsettled' | 'terminated' | null {
  const f = mediationDemoFigures;
  const n = f.unsettled + f.terminated;
  const step = Math.floor(f.accepted / n);
  const j = Math.floor(i / step);
  if (i % step !== 37 || j >= n) return null;
  return [1, 4, 7, 10, 12].includes(j) ? 'terminated' : 'unsettled';
}

/** Every dispute of the demo, in order of registration. */
export function demoDisputePlans(): DemoDisputePlan[] {
  const f = mediationDemoFigures;
  const kinds = kindSequence();
  const days = workdays('2023-01-03', '2023-06-28');
  const amounts = scaleAmounts(
    kinds.map((k, i) => rawAmount(k.kind, k.enterprise, i)),
    f.amountInvolved,
  );
  const plans: DemoDisputePlan[] = [];
  for (const [i, k] of kinds.entries()) {
    const acceptedOn = days[Math.floor((i * days.length) / kinds.length)] ?? '2023-01-03';
    const source = sourceOf(k.kind, i);
    // Referrals are registered the working day before they are accepted; the rest on the day.
    const referral =
      source === 'court' || source === 'police' || source === 'petition' || source === 'hotline';
    const registeredOn =
      referral && days.indexOf(acceptedOn) > 0
        ? (days[days.indexOf(acceptedOn) - 1] ?? acceptedOn)
        : acceptedOn;
    const until = '2023-06-30';
    const outcomeOn = (n: number) => {
      const d = addDays(acceptedOn, n);
      return d > until ? until : d;
    };
    const end = endsWithout(i);
    let fate: DisputeFate;
    if (end) {
      fate = { kind: end, on: outcomeOn(3 + (i % 10)) };
    } else {
      const on = outcomeOn(Math.floor(spread(i, 5) * 12));
      const oral =
        (k.kind === 'neighbour' ||
          k.kind === 'marriageFamily' ||
          k.kind === 'property' ||
          k.kind === 'other') &&
        i % 4 === 0;
      const form: AgreementForm = oral ? 'oral' : 'written';
      const followUpOn = i % 37 === 5 && addDays(on, 14) <= until ? addDays(on, 14) : null;
      const confirmation =
        form === 'written' && i % 97 === 11 && addDays(on, 10) <= until
          ? { appliedOn: addDays(on, 5), ruledOn: addDays(on, 20) <= until ? addDays(on, 20) : null }
          : null;
      fate = { kind: 'settled', on, form, session: i % 5 === 0, followUpOn, confirmation };
    }
    plans.push({
      index: 0,
      kind: k.kind,
      enterprise: k.enterprise,
      amount: amounts[i] ?? null,
      source,
      target: targetOf(k.kind, k.enterprise, i),
      registeredOn,
      acceptedOn,
      fate,
    });
  }
  // Not accepted: declined (the matter is already before a court), and waiting on 30 June.
  for (let d = 0; d < f.declined; d++) {
    const on = days[Math.floor(((d + 0.5) * days.length) / f.declined)] ?? '2023-03-01';
    plans.push({
      index: 0,
      kind: d % 2 === 0 ? 'contract' : 'marriageFamily',
      enterprise: false,
      amount: d % 2 === 0 ? 26_000 : null,
      source: 'walkIn',
      target: { type: 'local', rural: false, turn: 500 + d },
      registeredOn: on,
      acceptedOn: null,
      fate: { kind: 'declined', on: addDays(on, 1) },
    });
  }
  for (let w = 0; w < f.awaiting; w++) {
    plans.push({
      index: 0,
      kind: (['neighbour', 'labour', 'land', 'damages'] as const)[w] ?? 'other',
      enterprise: false,
      amount: w === 1 ? 6_800 : null,
      source: w % 2 === 0 ? 'walkIn' : 'hotline',
      target: { type: 'local', rural: w === 2, turn: 600 + w },
      registeredOn: w < 2 ? '2023-06-29' : '2023-06-30',
      acceptedOn: null,
      fate: { kind: 'awaiting' },
    });
  }
  plans.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  return plans.map((p, index) => ({ ...p, index }));
}

/**
 * The sweeps: 639 held over the half-year (each justice office monthly, the committees in turn between),
 * three cancelled, six planned for July.
 */
export function demoSweepPlans(): DemoSweepPlan[] {
  const f = mediationDemoFigures;
  const days = workdays('2023-01-03', '2023-06-30');
  const plans: DemoSweepPlan[] = [];
  for (let i = 0; i < f.sweeps; i++) {
    const heldOn = days[Math.floor((i * days.length) / f.sweeps)] ?? '2023-01-03';
    // One sweep in three is the office's own (with its committees), the rest a committee's.
    const organiser =
      i % 3 === 0 ? { type: 'office' as const, turn: i / 3 } : { type: 'committee' as const, turn: i };
    plans.push({
      index: 0,
      organiser,
      plannedOn: addDays(heldOn, -7),
      heldOn,
      status: 'held',
      viaPlan: i % 8 === 0,
      participantCount: 3 + (i % 9),
      risksFound: spread(i, 9) < 0.3 ? 1 + Math.floor(spread(i, 11) * 3) : 0,
    });
  }
  for (let c = 0; c < f.sweepsCancelled; c++) {
    plans.push({
      index: 0,
      organiser: { type: 'committee', turn: 7 + c * 11 },
      plannedOn: ['2023-02-15', '2023-04-12', '2023-06-07'][c] ?? '2023-03-01',
      heldOn: null,
      status: 'cancelled',
      viaPlan: true,
      participantCount: 0,
      risksFound: 0,
    });
  }
  for (let p = 0; p < f.sweepsPlannedForJuly; p++) {
    plans.push({
      index: 0,
      organiser: { type: 'office', turn: p * 5 },
      plannedOn: addDays('2023-07-05', p),
      heldOn: null,
      status: 'planned',
      viaPlan: true,
      participantCount: 0,
      risksFound: 0,
    });
  }
  return plans.map((p, index) => ({ ...p, index }));
}
