import {
  certificateKindLabels,
  endingKindLabels,
  type SentenceKind,
  sanctionKindLabels,
  sanctionKinds,
  sentenceKindLabels,
  sentenceKinds,
  supervisionLevelLabels,
  supervisionLevels,
  terminationReasonLabels,
  terminationReasons,
} from '@zhucheng/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type {
  MetricDef,
  MetricEnvironment,
  MetricOutcome,
  MetricParams,
} from '../../platform/metrics/metric-registry.ts';
import { percent } from '../../platform/metrics/metrics.rules.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { correctionsInvestigation } from './investigation.schema.ts';
import { correctionsSupervisee } from './register.schema.ts';
import { correctionsEnding } from './release.schema.ts';
import { correctionsSanction } from './sanctions.schema.ts';
import { correctionsCheckIn, correctionsMissedCheckIn } from './supervision.schema.ts';
import { correctionsCertificate, correctionsTraining } from './training.schema.ts';
import { correctionsSeaTrip } from './vessels.schema.ts';

// 社区矫正的统计指标 (issue 7 item 12; SEED-FIGURES.md, community corrections). Readings common to all:
// - A supervisee's figure counts for the SUPERVISING OFFICE (the term's case competent unit), so an office
//   sees its own, a county bureau its offices', the city everything; the caller's unit scope applies.
// - Periods are from … to, both ends inclusive, by the date named in each description (a timestamp's day
//   in APP_TIME_ZONE). "On the register" is a snapshot at `asOf`: the term has begun (period start) and has
//   not ended (no release or termination on or before that day).
// - The drill-down lists the records behind a figure: the supervisee's case (`case`, a link to the case
//   page), or the sea trip / check-in / investigation where that is what was counted.

const readPermission = 'corrections:read' as const;

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

/** One row per fact: `id` (the record), `unit_id`, `at` (orders the drill-down), `key` (the part). */
type FactSource = (env: MetricEnvironment, params: MetricParams) => SQL;

const day = (column: SQL, env: MetricEnvironment) => sql`(${column} at time zone ${env.timeZone})::date`;
const inPeriod = (column: SQL, params: MetricParams) =>
  sql`${column} >= ${params.from}::date and ${column} <= ${params.to}::date`;

/** 海员证: seafarer certificates issued in the period (SEED-FIGURES.md: 14 in 2023 H1). */
const seafarerCertificates: FactSource = (_env, params) =>
  sql`select ${correctionsCertificate.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsCertificate.issuedOn} as at, ${correctionsCertificate.kind} as key
      from ${correctionsCertificate} join ${caseRecord} on ${caseRecord.id} = ${correctionsCertificate.caseId}
      where ${correctionsCertificate.kind} = 'seafarer'
        and ${inPeriod(sql`${correctionsCertificate.issuedOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** Every certificate issued in the period, keyed by kind. */
const certificates: FactSource = (_env, params) =>
  sql`select ${correctionsCertificate.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsCertificate.issuedOn} as at, ${correctionsCertificate.kind} as key
      from ${correctionsCertificate} join ${caseRecord} on ${caseRecord.id} = ${correctionsCertificate.caseId}
      where ${inPeriod(sql`${correctionsCertificate.issuedOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** Vocational training finished in the period (人次), keyed `training`, with its hours as `amount`. */
const trainings: FactSource = (_env, params) =>
  sql`select ${correctionsTraining.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsTraining.toOn} as at, 'training' as key, ${correctionsTraining.hours} as amount
      from ${correctionsTraining} join ${caseRecord} on ${caseRecord.id} = ${correctionsTraining.caseId}
      where ${inPeriod(sql`${correctionsTraining.toOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** Terms on the register at `asOf`, with kind, level and the supervising office. */
const onRegister: FactSource = (_env, params) =>
  sql`select ${correctionsSupervisee.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsSupervisee.periodStart} as at, ${correctionsSupervisee.sentenceKind} as key,
        coalesce(${correctionsSupervisee.supervisionLevel}, 'unclassified') as level
      from ${correctionsSupervisee} join ${caseRecord} on ${caseRecord.id} = ${correctionsSupervisee.caseId}
      where ${correctionsSupervisee.periodStart} <= ${params.asOf}::date
        and (${correctionsSupervisee.endedOn} is null or ${correctionsSupervisee.endedOn} > ${params.asOf}::date)
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** 入矫: reported in during the period. */
const intakes: FactSource = (_env, params) =>
  sql`select ${correctionsSupervisee.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsSupervisee.reportedInOn} as at, ${correctionsSupervisee.sentenceKind} as key
      from ${correctionsSupervisee} join ${caseRecord} on ${caseRecord.id} = ${correctionsSupervisee.caseId}
      where ${inPeriod(sql`${correctionsSupervisee.reportedInOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** 解矫 and 终止: terms ended in the period, keyed by how. */
const endings: FactSource = (_env, params) =>
  sql`select ${correctionsEnding.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsEnding.endedOn} as at, ${correctionsEnding.kind} as key
      from ${correctionsEnding} join ${caseRecord} on ${caseRecord.id} = ${correctionsEnding.caseId}
      where ${inPeriod(sql`${correctionsEnding.endedOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** 调查评估: requests received in the period, keyed by whether the assessment is done. */
const investigations: FactSource = (_env, params) =>
  sql`select ${correctionsInvestigation.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsInvestigation.receivedOn} as at,
        case when ${correctionsInvestigation.opinion} is null then 'pending' else ${correctionsInvestigation.opinion} end as key
      from ${correctionsInvestigation} join ${caseRecord} on ${caseRecord.id} = ${correctionsInvestigation.caseId}
      where ${inPeriod(sql`${correctionsInvestigation.receivedOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** 奖惩: decided in the period and not withdrawn, keyed by kind; counts for the supervisee's office. */
const sanctions: FactSource = (_env, params) =>
  sql`select ${correctionsSanction.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsSanction.decidedOn} as at, ${correctionsSanction.kind} as key
      from ${correctionsSanction} join ${caseRecord} on ${caseRecord.id} = ${correctionsSanction.superviseeCaseId}
      where ${correctionsSanction.withdrawReason} is null
        and ${inPeriod(sql`${correctionsSanction.decidedOn}`, params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** Check-in windows of the period: on time, late, missed. */
const checkInWindows: FactSource = (env, params) =>
  sql`select ${correctionsCheckIn.id}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsCheckIn.at} as at, ${correctionsCheckIn.status} as key
      from ${correctionsCheckIn} join ${caseRecord} on ${caseRecord.id} = ${correctionsCheckIn.caseId}
      where ${correctionsCheckIn.windowKey} is not null
        and ${inPeriod(day(sql`${correctionsCheckIn.at}`, env), params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}
      union all
      select ${correctionsMissedCheckIn.caseId}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsMissedCheckIn.windowClosesAt} as at, 'missed' as key
      from ${correctionsMissedCheckIn} join ${caseRecord} on ${caseRecord.id} = ${correctionsMissedCheckIn.caseId}
      where ${inPeriod(day(sql`${correctionsMissedCheckIn.windowClosesAt}`, env), params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** 出海报备: trips whose planned departure falls in the period, keyed by status. */
const seaTrips: FactSource = (env, params) =>
  sql`select ${correctionsSeaTrip.id}::text as id, ${caseRecord.competentUnitId} as unit_id,
        ${correctionsSeaTrip.plannedDepartureAt} as at, ${correctionsSeaTrip.status} as key
      from ${correctionsSeaTrip} join ${caseRecord} on ${caseRecord.id} = ${correctionsSeaTrip.caseId}
      where ${inPeriod(day(sql`${correctionsSeaTrip.plannedDepartureAt}`, env), params)}
        and ${unitCondition(sql`${caseRecord.competentUnitId}`, params)}`;

/** Counts and ids (oldest first) per condition over the facts, in one query. */
async function aggregate<K extends string>(
  env: MetricEnvironment,
  params: MetricParams,
  source: FactSource,
  conditions: Record<K, SQL>,
  sumColumn?: SQL,
): Promise<{ counts: Record<K, number>; sums: Record<K, number>; ids: Record<K, string[]> }> {
  const keys = Object.keys(conditions) as K[];
  const columns = keys.map((key, i) => {
    const cond = conditions[key];
    const parts = [
      sql`count(*) filter (where ${cond})::int as ${sql.raw(`n${i}`)}`,
      sql`coalesce(sum(${sumColumn ?? sql`0`}) filter (where ${cond}), 0)::int as ${sql.raw(`s${i}`)}`,
    ];
    if (params.withRecords) {
      parts.push(
        sql`coalesce(array_agg(f.id order by f.at, f.id) filter (where ${cond}), '{}'::text[]) as ${sql.raw(`r${i}`)}`,
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
    sums[key] = Number(row[`s${i}`] ?? 0);
    ids[key] = params.withRecords ? ((row[`r${i}`] as string[] | undefined) ?? []) : [];
  });
  return { counts, sums, ids };
}

const outcome = <V extends MetricOutcome['value']>(
  params: MetricParams,
  value: V,
  records: MetricOutcome['records'],
) => (params.withRecords ? { value, records } : { value });

/** A figure split by the facts' `key` into the given parts. */
function byKey(
  def: Omit<MetricDef, 'compute' | 'parts' | 'permission'>,
  source: FactSource,
  parts: { key: string; label: string }[],
  column: 'key' | 'level' = 'key',
): MetricDef {
  return {
    ...def,
    permission: readPermission,
    parts,
    async compute(env, params) {
      const conditions = Object.fromEntries(
        parts.map((p) => [p.key, sql`f.${sql.raw(column)} = ${p.key}`]),
      ) as Record<string, SQL>;
      const { counts, ids } = await aggregate(env, params, source, conditions);
      return outcome(params, counts, ids);
    },
  };
}

export const seafarerCertificatesMetric: MetricDef = {
  name: 'corrections.seafarerCertificates',
  label: '取得海员证的社区矫正对象',
  description:
    '统计期间内登记的海员证（船员证书）张数，以发证日期为准，按社区矫正对象的执行地司法所统计；明细为取得证书的社区矫正对象。',
  measure: '人',
  kind: 'flow',
  permission: readPermission,
  recordKind: 'case',
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, seafarerCertificates, { all: sql`true` });
    return outcome(params, counts.all, ids.all);
  },
};

export const certificatesByKindMetric = byKey(
  {
    name: 'corrections.certificatesByKind',
    label: '取得证书（按类别）',
    description: '统计期间内社区矫正对象取得的各类证书张数，以发证日期为准。',
    measure: '张',
    kind: 'flow',
    recordKind: 'case',
  },
  certificates,
  Object.entries(certificateKindLabels).map(([key, label]) => ({ key, label })),
);

export const trainingMetric: MetricDef = {
  name: 'corrections.training',
  label: '职业技能培训',
  description: '统计期间内结束的职业技能培训人次与学时，以培训结束日期为准；明细为参加培训的社区矫正对象。',
  measure: '人次',
  kind: 'flow',
  permission: readPermission,
  recordKind: 'case',
  parts: [
    { key: 'trainings', label: '培训人次' },
    { key: 'hours', label: '培训学时' },
  ],
  async compute(env, params) {
    const { counts, sums, ids } = await aggregate(env, params, trainings, { all: sql`true` }, sql`f.amount`);
    return outcome(
      params,
      { trainings: counts.all, hours: sums.all },
      { trainings: ids.all, hours: ids.all },
    );
  },
};

const snapshot = { kind: 'snapshot' as const, measure: '人', recordKind: 'case' };

export const onRegisterByKindMetric = byKey(
  {
    ...snapshot,
    name: 'corrections.onRegisterBySentenceKind',
    label: '在册社区矫正对象（按矫正类别）',
    description:
      '截至统计日在册（矫正期限已开始、尚未解除或终止）的社区矫正对象人数，按管制、缓刑、假释、暂予监外执行分列。',
  },
  onRegister,
  sentenceKinds.map((k: SentenceKind) => ({ key: k, label: sentenceKindLabels[k] })),
);

export const onRegisterByLevelMetric = byKey(
  {
    ...snapshot,
    name: 'corrections.onRegisterByLevel',
    label: '在册社区矫正对象（按管理等级）',
    description: '截至统计日在册的社区矫正对象人数，按严管、普管、宽管分列；尚未分类的列为“未分类”。',
  },
  onRegister,
  [
    ...supervisionLevels.map((l) => ({ key: l, label: supervisionLevelLabels[l] })),
    { key: 'unclassified', label: '未分类' },
  ],
  'level',
);

export const onRegisterByCountyMetric: MetricDef = {
  ...snapshot,
  name: 'corrections.onRegisterByCounty',
  label: '在册社区矫正对象（按县区）',
  description: '截至统计日在册的社区矫正对象人数，按执行地司法所所属的县（区）司法局分列，以单位名称为键。',
  permission: readPermission,
  async compute(env, params) {
    const records = params.withRecords
      ? sql`, coalesce(array_agg(f.id order by f.at, f.id), '{}'::text[]) as records`
      : sql``;
    const result = await env.executor.execute(
      sql`select g.name, count(*)::int as n ${records}
          from (${onRegister(env, params)}) as f
          join ${orgUnit} as u on u.id = f.unit_id
          join ${orgUnit} as g on g.kind = 'countyBureau' and u.path like g.path || '%'
          group by g.id, g.name, g.path order by g.path`,
    );
    const value: Record<string, number> = {};
    const ids: Record<string, string[]> = {};
    for (const r of rowsOf(result)) {
      value[String(r.name)] = Number(r.n ?? 0);
      ids[String(r.name)] = (r.records as string[] | undefined) ?? [];
    }
    return outcome(params, value, ids);
  },
};

export const onRegisterMetric: MetricDef = {
  ...snapshot,
  name: 'corrections.onRegister',
  label: '在册社区矫正对象',
  description: '截至统计日在册（矫正期限已开始、尚未解除或终止）的社区矫正对象人数。',
  permission: readPermission,
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, onRegister, { all: sql`true` });
    return outcome(params, counts.all, ids.all);
  },
};

export const intakesMetric = byKey(
  {
    name: 'corrections.intakes',
    label: '入矫人数',
    description: '统计期间内报到入矫的社区矫正对象人数，以报到日期为准，按矫正类别分列。',
    measure: '人',
    kind: 'flow',
    recordKind: 'case',
  },
  intakes,
  sentenceKinds.map((k) => ({ key: k, label: sentenceKindLabels[k] })),
);

export const endingsMetric = byKey(
  {
    name: 'corrections.endings',
    label: '解除和终止社区矫正',
    description:
      '统计期间内矫正期满解除，以及因撤销缓刑假释、收监执行、死亡终止社区矫正的人数，以解除（终止）日期为准。',
    measure: '人',
    kind: 'flow',
    recordKind: 'case',
  },
  endings,
  [
    { key: 'release', label: endingKindLabels.release },
    ...terminationReasons.map((r) => ({ key: r, label: terminationReasonLabels[r] })),
  ],
);

export const investigationsMetric = byKey(
  {
    name: 'corrections.investigations',
    label: '调查评估',
    description:
      '统计期间内收到委托的调查评估件数，以收到委托日期为准，按评估意见分列；尚未评估的列为“评估中”。',
    measure: '件',
    kind: 'flow',
    recordKind: 'case',
  },
  investigations,
  [
    { key: 'suitable', label: '适宜社区矫正' },
    { key: 'notSuitable', label: '不适宜社区矫正' },
    { key: 'pending', label: '评估中' },
  ],
);

export const sanctionsByKindMetric = byKey(
  {
    name: 'corrections.sanctionsByKind',
    label: '奖惩（按种类）',
    description:
      '统计期间内作出且未撤回的表扬、训诫、警告及提请治安管理处罚、撤销缓刑假释、收监执行，以决定日期为准，按社区矫正对象的执行地司法所统计。',
    measure: '次',
    kind: 'flow',
    recordKind: 'case',
  },
  sanctions,
  sanctionKinds.map((k) => ({ key: k, label: sanctionKindLabels[k] })),
);

export const checkInComplianceMetric: MetricDef = {
  name: 'corrections.checkInCompliance',
  label: '打卡情况',
  description:
    '统计期间内按时段应打卡的次数：按时、迟到、未打卡；按时率 = 按时 ÷（按时 + 迟到 + 未打卡）× 100，保留两位小数，没有应打卡时为 0。',
  measure: '次',
  kind: 'flow',
  permission: readPermission,
  parts: [
    { key: 'onTime', label: '按时' },
    { key: 'late', label: '迟到' },
    { key: 'missed', label: '未打卡' },
    { key: 'onTimeRate', label: '按时率（%）' },
  ],
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, checkInWindows, {
      onTime: sql`f.key = 'onTime'`,
      late: sql`f.key = 'late'`,
      missed: sql`f.key = 'missed'`,
    });
    const value = {
      ...counts,
      onTimeRate: percent(counts.onTime, counts.onTime + counts.late + counts.missed),
    };
    return outcome(params, value, ids);
  },
};

export const seaTripsMetric: MetricDef = {
  name: 'corrections.seaTrips',
  label: '出海报备',
  description:
    '统计期间内计划出海的出海报备次数（以计划出海时间为准）：报备总数、经批准出海（已批准、在海上、已返港）、已返港。',
  measure: '次',
  kind: 'flow',
  permission: readPermission,
  recordKind: 'correctionsSeaTrip',
  parts: [
    { key: 'filed', label: '报备' },
    { key: 'approved', label: '批准出海' },
    { key: 'returned', label: '已返港' },
  ],
  async compute(env, params) {
    const { counts, ids } = await aggregate(env, params, seaTrips, {
      filed: sql`true`,
      approved: sql`f.key in ('approved', 'atSea', 'returned')`,
      returned: sql`f.key = 'returned'`,
    });
    return outcome(params, counts, ids);
  },
};

export const correctionsMetrics: MetricDef[] = [
  seafarerCertificatesMetric,
  certificatesByKindMetric,
  trainingMetric,
  onRegisterMetric,
  onRegisterByKindMetric,
  onRegisterByLevelMetric,
  onRegisterByCountyMetric,
  intakesMetric,
  endingsMetric,
  investigationsMetric,
  sanctionsByKindMetric,
  checkInComplianceMetric,
  seaTripsMetric,
];
