import {
  disputeKindLabels,
  type EnterpriseDisputeKind,
  enterpriseDisputeKinds,
  landForestWaterKinds,
  type MediationBreakdownFigure,
  type MediationBreakdownLevel,
  mediationBreakdownLevelLabels,
  mediationBreakdownMetricName,
} from '@zhucheng/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type {
  MetricDef,
  MetricEnvironment,
  MetricOutcome,
  MetricParams,
} from '../../platform/metrics/metric-registry.ts';
import { percent, yuan } from '../../platform/metrics/metrics.rules.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { mediationDispute } from './dispute.schema.ts';
import { disputeSweep } from './sweep.schema.ts';

// 人民调解的统计指标 (SEED-FIGURES.md, people's mediation; issue 6 item 7). Readings common to all of them:
// - A dispute counts for its COMPETENT committee (case_record.competent_unit_id), so a township office sees
//   its committees' disputes and a county its towns'; a sweep counts for the unit that organised it.
// - "Accepted in the period" is `accepted_on` (受理日期) within from … to, both ends inclusive. The outcome
//   figures (settled, closed) are "of those accepted in the period", with the outcome recorded by `to`:
//   a dispute accepted in June and settled in July is not settled in the first half-year's figures.
// - Rates are percentages to two decimals rounded half up (1008 / 1021 → 98.73); with nothing accepted the
//   rate is 0 (a number, as every metric value; the console shows "—" when the base is 0).
// - Breakdowns by committee, town (司法所) and county (县区司法局) are one metric per figure and level,
//   an object keyed by the unit's name; a unit counts everything in its subtree. Industry committees
//   placed directly under a bureau have no town: they count for their county, not in any town's figure.

const readPermission = 'mediation:readRegistry' as const;

function unitCondition(column: SQL, params: MetricParams): SQL {
  if (params.units === null) return sql`true`;
  if (params.units.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    params.units.map((u) => sql`${u}`),
    sql`, `,
  )})`;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * One row per fact behind a figure: `id` (the record), `unit_id` (whose figure it is), `at` (orders the
 * drill-down), `amount` (yuan or null), and the flags the figures filter on.
 */
type FactSource = (env: MetricEnvironment, params: MetricParams) => SQL;

/** Disputes accepted in the period, with their outcome as recorded by the end of `to`. */
const acceptedDisputes: FactSource = (_env, params) =>
  sql`select ${mediationDispute.caseId} as id, ${caseRecord.competentUnitId} as unit_id,
        ${mediationDispute.acceptedOn} as at, ${mediationDispute.amountInvolvedYuan} as amount,
        ${mediationDispute.kind} as kind, ${mediationDispute.involvesEnterprise} as enterprise,
        case when ${mediationDispute.outcomeOn} <= ${params.to}::date then ${mediationDispute.outcome} end as outcome
      from ${mediationDispute} join ${caseRecord} on ${caseRecord.id} = ${mediationDispute.caseId}
      where ${mediationDispute.acceptedOn} >= ${params.from}::date
        and ${mediationDispute.acceptedOn} <= ${params.to}::date
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** Sweep sessions held in the period (排查场次). */
const heldSweeps: FactSource = (_env, params) =>
  sql`select ${disputeSweep.id} as id, ${disputeSweep.unitId} as unit_id, ${disputeSweep.heldOn} as at,
        null::numeric as amount, null::text as kind, false as enterprise, null::text as outcome
      from ${disputeSweep}
      where ${disputeSweep.status} = 'held'
        and ${disputeSweep.heldOn} >= ${params.from}::date
        and ${disputeSweep.heldOn} <= ${params.to}::date
        and ${unitCondition(sql`${disputeSweep.unitId}`, params)}`;

const isSettled = sql`f.outcome = 'settled'`;
const hasOutcome = sql`f.outcome is not null`;
const isLandForestWater = sql`f.kind in (${sql.join(
  landForestWaterKinds.map((k) => sql`${k}`),
  sql`, `,
)})`;

/** Counts, sums and ids (oldest first) of each condition over the facts, in one query. */
async function aggregate<K extends string>(
  env: MetricEnvironment,
  params: MetricParams,
  source: FactSource,
  conditions: Record<K, SQL>,
): Promise<{ counts: Record<K, number>; sums: Record<K, number>; ids: Record<K, string[]> }> {
  const keys = Object.keys(conditions) as K[];
  // Columns named by position: keys never reach the SQL text.
  const columns = keys.map((key, i) => {
    const cond = conditions[key];
    const parts = [
      sql`count(*) filter (where ${cond})::int as ${sql.raw(`n${i}`)}`,
      sql`coalesce(sum(f.amount) filter (where ${cond}), 0)::text as ${sql.raw(`s${i}`)}`,
    ];
    if (params.withRecords) {
      parts.push(
        sql`coalesce(array_agg(f.id::text order by f.at, f.id) filter (where ${cond}), '{}'::text[]) as ${sql.raw(`r${i}`)}`,
      );
    }
    return sql.join(parts, sql`, `);
  });
  const result = await env.executor.execute(
    sql`select ${sql.join(columns, sql`, `)} from (${source(env, params)}) as f`,
  );
  const row = rowsOf(result)[0] ?? {};
  const counts = {} as Record<K, number>;
  const sums = {} as Record<K, number>;
  const ids = {} as Record<K, string[]>;
  keys.forEach((key, i) => {
    counts[key] = Number(row[`n${i}`] ?? 0);
    sums[key] = yuan(row[`s${i}`] as string | undefined);
    ids[key] = params.withRecords ? ((row[`r${i}`] as string[] | undefined) ?? []) : [];
  });
  return { counts, sums, ids };
}

const flow = { kind: 'flow' as const, permission: readPermission };

const count = (
  name: string,
  label: string,
  description: string,
  source: FactSource,
  condition: SQL,
  recordKind: string,
): MetricDef => ({
  ...flow,
  name,
  label,
  description,
  measure: recordKind === 'case' ? '件' : '次',
  recordKind,
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, source, { all: condition });
    return params.withRecords ? { value: counts.all, records: ids.all } : { value: counts.all };
  },
});

export const sweepsMetric = count(
  'mediation.sweeps',
  '矛盾纠纷排查次数',
  '统计期间内已开展（登记了排查情况）的矛盾纠纷排查场次，以排查日期为准，按组织排查的司法所或调委会统计；计划中和已取消的不计入。',
  heldSweeps,
  sql`true`,
  'mediationSweep',
);

export const acceptedMetric = count(
  'mediation.accepted',
  '受理矛盾纠纷数',
  '统计期间内人民调解委员会受理的矛盾纠纷件数，以受理日期为准，按承办的调委会统计；不予受理和尚未受理的不计入。',
  acceptedDisputes,
  sql`true`,
  'case',
);

export const settledMetric = count(
  'mediation.settled',
  '调解成功数',
  '统计期间内受理的矛盾纠纷中，截至结束日期调解成功（达成书面或口头调解协议）的件数。',
  acceptedDisputes,
  isSettled,
  'case',
);

export const successRateMetric: MetricDef = {
  ...flow,
  name: 'mediation.successRate',
  label: '调解成功率',
  description:
    '调解成功数 ÷ 受理矛盾纠纷数 × 100，保留两位小数（四舍五入）；期间内没有受理的纠纷时为 0。明细为调解成功的纠纷。',
  measure: '%',
  recordKind: 'case',
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, acceptedDisputes, {
      accepted: sql`true`,
      settled: isSettled,
    });
    const value = percent(counts.settled, counts.accepted);
    return params.withRecords ? { value, records: ids.settled } : { value };
  },
};

export const amountInvolvedMetric: MetricDef = {
  ...flow,
  name: 'mediation.amountInvolved',
  label: '涉及金额',
  description: '统计期间内受理的矛盾纠纷登记的涉及金额之和（元），未涉及金额的纠纷计为 0。',
  measure: '元',
  recordKind: 'case',
  async compute(env, params) {
    const { sums, ids } = await aggregate(env, params, acceptedDisputes, {
      all: sql`f.amount is not null`,
    });
    return params.withRecords ? { value: sums.all, records: ids.all } : { value: sums.all };
  },
};

export const landForestWaterMetric: MetricDef = {
  ...flow,
  name: 'mediation.landForestWater',
  label: '土地山林水利纠纷（三大纠纷）',
  description:
    '统计期间内受理的土地、山林、水利纠纷件数；办结为其中截至结束日期已有调解结果（成功、不成功或终止）的件数；办结率 = 办结 ÷ 受理 × 100，保留两位小数，没有受理时为 0。',
  measure: '件',
  recordKind: 'case',
  parts: [
    { key: 'accepted', label: '受理' },
    { key: 'closed', label: '办结' },
    { key: 'closureRate', label: '办结率（%）' },
  ],
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, acceptedDisputes, {
      accepted: isLandForestWater,
      closed: sql`${isLandForestWater} and ${hasOutcome}`,
    });
    const value = {
      accepted: counts.accepted,
      closed: counts.closed,
      closureRate: percent(counts.closed, counts.accepted),
    };
    return params.withRecords
      ? { value, records: { accepted: ids.accepted, closed: ids.closed } }
      : { value };
  },
};

export const enterpriseDisputesByKindMetric: MetricDef = {
  ...flow,
  name: 'mediation.enterpriseDisputesByKind',
  label: '涉企矛盾纠纷（按类型）',
  description:
    '统计期间内受理、登记为涉及企业的矛盾纠纷，按合同、生产经营、劳动争议、消费、旅游纠纷分类统计；其他类型的涉企纠纷不列入。',
  measure: '件',
  recordKind: 'case',
  parts: enterpriseDisputeKinds.map((k) => ({ key: k, label: disputeKindLabels[k] })),
  async compute(env, params) {
    const conditions = Object.fromEntries(
      enterpriseDisputeKinds.map((k) => [k, sql`f.enterprise and f.kind = ${k}`]),
    ) as Record<EnterpriseDisputeKind, SQL>;
    const { counts, ids } = await aggregate(env, params, acceptedDisputes, conditions);
    return params.withRecords ? { value: counts, records: ids } : { value: counts };
  },
};

// ---- by committee, town and county ------------------------------------------------------------------------

const levelKinds: Record<MediationBreakdownLevel, string> = {
  county: 'countyBureau',
  town: 'justiceOffice',
  committee: 'mediationCommittee',
};

/** One unit's figures in a breakdown. */
export interface UnitFigures {
  unitId: number;
  name: string;
  parentId: number | null;
  count: number;
  settled: number;
  amount: number;
  ids: string[];
}

/**
 * The facts grouped by the units of a level whose subtree holds the fact's unit (materialized paths:
 * `u.path like g.path || '%'`). Units without any fact are left out.
 */
export async function figuresByUnit(
  env: MetricEnvironment,
  params: MetricParams,
  source: FactSource,
  level: MediationBreakdownLevel,
  condition: SQL = sql`true`,
): Promise<UnitFigures[]> {
  const records = params.withRecords
    ? sql`, coalesce(array_agg(f.id::text order by f.at, f.id), '{}'::text[]) as records`
    : sql``;
  const result = await env.executor.execute(
    sql`select g.id, g.name, g.parent_id, count(*)::int as n,
          count(*) filter (where ${isSettled})::int as settled,
          coalesce(sum(f.amount), 0)::text as total ${records}
        from (${source(env, params)}) as f
        join ${orgUnit} as u on u.id = f.unit_id
        join ${orgUnit} as g on g.kind = ${levelKinds[level]} and u.path like g.path || '%'
        where ${condition}
        group by g.id, g.name, g.parent_id, g.path
        order by g.path`,
  );
  return rowsOf(result).map((r) => ({
    unitId: Number(r.id),
    name: String(r.name),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    count: Number(r.n ?? 0),
    settled: Number(r.settled ?? 0),
    amount: yuan(r.total as string | undefined),
    ids: (r.records as string[] | undefined) ?? [],
  }));
}

/** Object keys are unit names; two units of one name (never in one town) are told apart by their id. */
function keyedByName(rows: UnitFigures[], pick: (r: UnitFigures) => number, withRecords: boolean) {
  const names = new Map<string, number>();
  for (const r of rows) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  const value: Record<string, number> = {};
  const records: Record<string, string[]> = {};
  for (const r of rows) {
    const key = (names.get(r.name) ?? 0) > 1 ? `${r.name}（${r.unitId}）` : r.name;
    value[key] = pick(r);
    records[key] = r.ids;
  }
  return withRecords ? { value, records } : { value };
}

const figureDefs: Record<
  MediationBreakdownFigure,
  {
    label: string;
    measure: string;
    recordKind: string;
    source: FactSource;
    condition: SQL;
    pick: (r: UnitFigures) => number;
  }
> = {
  accepted: {
    label: '受理矛盾纠纷数',
    measure: '件',
    recordKind: 'case',
    source: acceptedDisputes,
    condition: sql`true`,
    pick: (r) => r.count,
  },
  settled: {
    label: '调解成功数',
    measure: '件',
    recordKind: 'case',
    source: acceptedDisputes,
    condition: isSettled,
    pick: (r) => r.count,
  },
  amountInvolved: {
    label: '涉及金额',
    measure: '元',
    recordKind: 'case',
    source: acceptedDisputes,
    condition: sql`f.amount is not null`,
    pick: (r) => r.amount,
  },
  sweeps: {
    label: '矛盾纠纷排查次数',
    measure: '次',
    recordKind: 'mediationSweep',
    source: heldSweeps,
    condition: sql`true`,
    pick: (r) => r.count,
  },
};

function breakdownMetric(figure: MediationBreakdownFigure, level: MediationBreakdownLevel): MetricDef {
  const def = figureDefs[figure];
  const levelLabel = mediationBreakdownLevelLabels[level];
  return {
    ...flow,
    name: mediationBreakdownMetricName(figure, level),
    label: `${def.label}（按${levelLabel}）`,
    description: `与“${def.label}”口径相同，按${levelLabel}分列（含其下属单位），以单位名称为键，没有数据的单位不列出。${
      level === 'town' ? '县区司法局直属的行业性专业性调委会不属于任何乡镇，不计入本表。' : ''
    }`,
    measure: def.measure,
    recordKind: def.recordKind,
    async compute(env, params): Promise<MetricOutcome> {
      const rows = await figuresByUnit(env, params, def.source, level, def.condition);
      return keyedByName(rows, def.pick, params.withRecords);
    },
  };
}

export const mediationBreakdownMetrics: MetricDef[] = (
  ['accepted', 'settled', 'amountInvolved', 'sweeps'] as const
).flatMap((figure) =>
  (['committee', 'town', 'county'] as const).map((level) => breakdownMetric(figure, level)),
);

/** The fact sources, for the overview (sweep.service) which draws the same figures per unit. */
export const mediationFactSources = { acceptedDisputes, heldSweeps } as const;

export const mediationMetrics: MetricDef[] = [
  sweepsMetric,
  acceptedMetric,
  settledMetric,
  successRateMetric,
  amountInvolvedMetric,
  landForestWaterMetric,
  enterpriseDisputesByKindMetric,
  ...mediationBreakdownMetrics,
];
