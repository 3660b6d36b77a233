import {
  type LegalAidMatterType,
  legalAidMatterTypeLabels,
  legalAidMatterTypes,
  type MetricPart,
} from '@zhucheng/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { caseHistory, caseRecord } from '../../platform/cases/cases.schema.ts';
import { caseFlowMetric } from '../../platform/metrics/case-metrics.ts';
import type {
  MetricDef,
  MetricEnvironment,
  MetricOutcome,
  MetricParams,
} from '../../platform/metrics/metric-registry.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { legalAidClosing } from './lawyer-case.schema.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import { legalAidApplication } from './legal-aid.schema.ts';
import { legalAidPaymentBatch, legalAidRating } from './quality.schema.ts';

// 法律援助案件的统计指标 (SEED-FIGURES.md, legal aid, and issue 5 item 8). Readings common to all of them:
// - A case counts for its COMPETENT centre (主管单位), never twice under city-wide acceptance (全城通办).
// - Days are calendar days of APP_TIME_ZONE, both ends inclusive.
// - A step that can happen again (a lawyer declines, the case goes back to 待指派律师) counts once, on the
//   day the case FIRST reached it: a decline in January does not make a December grant a January one.
// - Breakdowns come as separate metrics with an object value (`…ByMatterType`, `…ByApplicantGroup`), the
//   platform's way of giving a figure parts. Matter types partition the total; applicant groups overlap
//   (an elderly migrant worker counts in both) and need not add up to it.
// - Applicant groups are the tags the application recorded (entered at intake, minor/elderly also from the
//   birth date, as on the application day). 新就业形态劳动者 (gig workers) are their own group: the Beihai
//   2023 policy treats them like migrant workers for the means test of pay and injury claims, but the
//   seed report's "农民工" figure counts applicants tagged 农民工 only. 妇女 (women) is the applicant's
//   gender on the person record (from the ID number); an online application not yet linked to a person
//   has none and is not counted as a woman's.

const caseType = LEGAL_AID_APPLICATION;

/** Midnight at the start of `day` in the app's time zone. */
const startOf = (day: string, tz: string): SQL => sql`(${day}::date::timestamp at time zone ${tz})`;
/** Midnight at the end of `day`. */
const endOf = (day: string, tz: string): SQL => sql`((${day}::date + 1)::timestamp at time zone ${tz})`;

/** The competent unit filter over `case_record`. */
function unitCondition(params: MetricParams): SQL {
  if (params.units === null) return sql`true`;
  if (params.units.length === 0) return sql`false`;
  return sql`${caseRecord.competentUnitId} in (${sql.join(
    params.units.map((u) => sql`${u}`),
    sql`, `,
  )})`;
}

/**
 * The cases an event happened to in the period: rows `(id, at)` where `at` orders the drill-down.
 * Each source selects from `case_record` joined as needed and applies the unit filter.
 */
type EventSource = (env: MetricEnvironment, params: MetricParams) => SQL;

/** Cases of the type created (收到申请) in the period. */
const receivedSource: EventSource = (env, params) =>
  sql`select ${caseRecord.id} as id, ${caseRecord.createdAt} as at from ${caseRecord}
      where ${caseRecord.caseType} = ${caseType} and ${unitCondition(params)}
        and ${caseRecord.createdAt} >= ${startOf(params.from, env.timeZone)}
        and ${caseRecord.createdAt} < ${endOf(params.to, env.timeZone)}`;

/** Cases that first reached `status` in the period. */
const firstReached =
  (status: string): EventSource =>
  (env, params) =>
    sql`select ${caseRecord.id} as id, min(${caseHistory.at}) as at
        from ${caseRecord} join ${caseHistory} on ${caseHistory.caseId} = ${caseRecord.id}
        where ${caseRecord.caseType} = ${caseType} and ${unitCondition(params)}
          and ${caseHistory.toStatus} = ${status}
        group by ${caseRecord.id}
        having min(${caseHistory.at}) >= ${startOf(params.from, env.timeZone)}
           and min(${caseHistory.at}) < ${endOf(params.to, env.timeZone)}`;

/** Cases the lawyer closed with a closing day (closed_on) in the period. */
const closedSource: EventSource = (_env, params) =>
  sql`select ${caseRecord.id} as id, ${legalAidClosing.closedOn} as at
      from ${legalAidClosing} join ${caseRecord} on ${caseRecord.id} = ${legalAidClosing.caseId}
      where ${unitCondition(params)}
        and ${legalAidClosing.closedOn} >= ${params.from}::date
        and ${legalAidClosing.closedOn} <= ${params.to}::date`;

/** The breakdowns: part key → condition over `a` (legal_aid_application) and `p` (person). */
interface Breakdown {
  suffix: string;
  label: string;
  parts: MetricPart[];
  condition(key: string): SQL;
}

const hasTag = (tag: string): SQL => sql`a.applicant_tags @> jsonb_build_array(${tag}::text)`;

export const applicantGroups = [
  { key: 'migrantWorker', label: '农民工', condition: hasTag('migrantWorker') },
  { key: 'gigWorker', label: '新就业形态劳动者', condition: hasTag('gigWorker') },
  { key: 'minor', label: '未成年人', condition: hasTag('minor') },
  { key: 'elderly', label: '老年人', condition: hasTag('elderly') },
  { key: 'women', label: '妇女', condition: sql`p.gender = 'female'` },
  { key: 'disabled', label: '残疾人', condition: hasTag('disabled') },
  { key: 'military', label: '军人军属', condition: hasTag('military') },
  { key: 'veteran', label: '退役军人', condition: hasTag('veteran') },
] as const;

const byMatterType: Breakdown = {
  suffix: 'ByMatterType',
  label: '按案件类型',
  parts: legalAidMatterTypes.map((t) => ({ key: t, label: legalAidMatterTypeLabels[t] })),
  condition: (key) => sql`a.matter->>'matterType' = ${key as LegalAidMatterType}`,
};

const byApplicantGroup: Breakdown = {
  suffix: 'ByApplicantGroup',
  label: '按受援人群体',
  parts: applicantGroups.map((g) => ({ key: g.key, label: g.label })),
  condition: (key) => applicantGroups.find((g) => g.key === key)?.condition ?? sql`false`,
};

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** Counts (and ids, oldest first) of the event's cases, in total or per part of a breakdown. */
async function countEvents(
  env: MetricEnvironment,
  params: MetricParams,
  source: EventSource,
  breakdown: Breakdown | null,
): Promise<MetricOutcome> {
  const conditions: [string, SQL][] = breakdown
    ? breakdown.parts.map((part) => [part.key, breakdown.condition(part.key)])
    : [['all', sql`true`]];
  // Columns named by position (n0, r0 …): part keys never reach the SQL text.
  const columns = conditions.map(([, cond], i) => {
    const count = sql`count(*) filter (where ${cond})::int as ${sql.raw(`n${i}`)}`;
    if (!params.withRecords) return count;
    return sql`${count}, coalesce(array_agg(e.id::text order by e.at, e.id) filter (where ${cond}), '{}'::text[]) as ${sql.raw(`r${i}`)}`;
  });
  const result = await env.executor.execute(
    sql`select ${sql.join(columns, sql`, `)}
        from (${source(env, params)}) as e
        join ${legalAidApplication} as a on a.case_id = e.id
        left join ${person} as p on p.id = a.applicant_person_id`,
  );
  const row = rowsOf(result)[0] ?? {};
  const value: Record<string, number> = {};
  const records: Record<string, string[]> = {};
  conditions.forEach(([key], i) => {
    value[key] = Number(row[`n${i}`] ?? 0);
    records[key] = (row[`r${i}`] as string[] | undefined) ?? [];
  });
  if (!breakdown) {
    return params.withRecords
      ? { value: value.all ?? 0, records: records.all ?? [] }
      : { value: value.all ?? 0 };
  }
  return params.withRecords ? { value, records } : { value };
}

interface EventMetric {
  name: string;
  label: string;
  description: string;
  source: EventSource;
}

/** The figure itself and its two breakdowns. */
function eventMetrics(event: EventMetric): MetricDef[] {
  const base = {
    measure: '件',
    kind: 'flow' as const,
    permission: 'case:read' as const,
    recordKind: 'case',
  };
  const defs: MetricDef[] = [
    {
      ...base,
      name: event.name,
      label: event.label,
      description: event.description,
      compute: (env, params) => countEvents(env, params, event.source, null),
    },
  ];
  for (const breakdown of [byMatterType, byApplicantGroup]) {
    defs.push({
      ...base,
      name: `${event.name}${breakdown.suffix}`,
      label: `${event.label}（${breakdown.label}）`,
      description:
        breakdown === byApplicantGroup
          ? `${event.description}按申请时记录的受援人类别统计，一人可属多个群体，各项之和可能大于合计；妇女按人员信息中的性别统计；新就业形态劳动者单列，不计入农民工。`
          : `${event.description}按申请的案件类型（民事、刑事、行政、非诉讼）统计，各项之和等于合计。`,
      parts: breakdown.parts,
      compute: (env, params) => countEvents(env, params, event.source, breakdown),
    });
  }
  return defs;
}

const received: EventMetric = {
  name: 'legalAid.received',
  label: '法律援助申请收件数',
  description: '统计期间内收到（窗口登记或网上提交）的法律援助申请，按主管的法律援助中心统计，每件计一次。',
  source: receivedSource,
};

/** 受理（给予援助）案件数: SEED-FIGURES `legalAid.casesAccepted`. */
const granted: EventMetric = {
  name: 'legalAid.casesAccepted',
  label: '法律援助受理案件数',
  description:
    '统计期间内作出给予法律援助决定（含先行给予、异议成立后给予）的案件数，按主管的法律援助中心统计，每件计一次，以首次给予援助之日为准（律师拒绝指派后重新指派不再计入）。',
  source: firstReached('granted'),
};

const refused: EventMetric = {
  name: 'legalAid.refused',
  label: '不予法律援助案件数',
  description: '统计期间内作出不予法律援助决定的申请，按主管的法律援助中心统计，以首次作出决定之日为准。',
  source: firstReached('refused'),
};

const assigned: EventMetric = {
  name: 'legalAid.assigned',
  label: '指派律师案件数',
  description:
    '统计期间内首次指派律师承办的法律援助案件，按主管的法律援助中心统计，每件计一次（更换律师不再计入）。',
  source: firstReached('assigned'),
};

const closed: EventMetric = {
  name: 'legalAid.closed',
  label: '法律援助结案数',
  description: '统计期间内承办律师结案的法律援助案件，以结案日期（办结之日）为准，按主管的法律援助中心统计。',
  source: closedSource,
};

/** Sum of a yuan expression over rows, with their case ids when asked. */
async function sumYuan(
  env: MetricEnvironment,
  params: MetricParams,
  query: { amount: SQL; id: SQL; order: SQL; from: SQL; where: SQL },
): Promise<MetricOutcome> {
  const records = params.withRecords
    ? sql`, coalesce(array_agg(${query.id}::text order by ${query.order}, ${query.id}), '{}'::text[]) as records`
    : sql``;
  const result = await env.executor.execute(
    sql`select coalesce(sum(${query.amount}), 0)::text as total ${records} from ${query.from} where ${query.where}`,
  );
  const row = rowsOf(result)[0] ?? {};
  // Yuan with fen: read as text, rounded to the fen (no float sum in SQL).
  const value = Math.round(Number(row.total ?? 0) * 100) / 100;
  return params.withRecords ? { value, records: (row.records as string[] | undefined) ?? [] } : { value };
}

const amountRecoveredForMigrantWorkers: MetricDef = {
  name: 'legalAid.amountRecoveredForMigrantWorkers',
  label: '为农民工挽回损失',
  description:
    '统计期间内结案（以结案日期为准）、受援人在申请时登记为农民工的法律援助案件，承办律师结案时填报的挽回损失金额之和，按主管的法律援助中心统计。新就业形态劳动者未同时登记为农民工的不计入。',
  measure: '元',
  kind: 'flow',
  permission: 'case:read',
  recordKind: 'case',
  compute: (env, params) =>
    sumYuan(env, params, {
      amount: sql`${legalAidClosing.amountRecoveredYuan}`,
      id: sql`${legalAidClosing.caseId}`,
      order: sql`${legalAidClosing.closedOn}`,
      from: sql`${legalAidClosing}
        join ${caseRecord} on ${caseRecord.id} = ${legalAidClosing.caseId}
        join ${legalAidApplication} on ${legalAidApplication.caseId} = ${legalAidClosing.caseId}`,
      where: sql`${legalAidClosing.closedOn} >= ${params.from}::date
        and ${legalAidClosing.closedOn} <= ${params.to}::date
        and ${legalAidClosing.amountRecoveredYuan} is not null
        and ${legalAidApplication.applicantTags} @> '["migrantWorker"]'::jsonb
        and ${unitCondition(params)}`,
    }),
};

const subsidiesPaid: MetricDef = {
  name: 'legalAid.subsidiesPaid',
  label: '发放办案补贴',
  description:
    '统计期间内生成的补贴发放批次所含案件的办案补贴之和（评估时按结案日适用的补贴标准乘以质量等级系数确定），按生成批次的法律援助中心统计。',
  measure: '元',
  kind: 'flow',
  permission: 'case:read',
  recordKind: 'case',
  compute: (env, params) =>
    sumYuan(env, params, {
      amount: sql`${legalAidRating.subsidyYuan}`,
      id: sql`${legalAidRating.caseId}`,
      order: sql`${legalAidPaymentBatch.createdAt}`,
      from: sql`${legalAidRating} join ${legalAidPaymentBatch} on ${legalAidPaymentBatch.id} = ${legalAidRating.batchId}`,
      where: sql`${legalAidPaymentBatch.createdAt} >= ${startOf(params.from, env.timeZone)}
        and ${legalAidPaymentBatch.createdAt} < ${endOf(params.to, env.timeZone)}
        and ${
          params.units === null
            ? sql`true`
            : params.units.length === 0
              ? sql`false`
              : sql`${legalAidPaymentBatch.unitId} in (${sql.join(
                  params.units.map((u) => sql`${u}`),
                  sql`, `,
                )})`
        }`,
    }),
};

/** 收结情况: applications received, closed (refusal upheld, withdrawn, terminated …) and pending. */
export const applicationsFlowMetric = caseFlowMetric({
  name: 'legalAid.applications',
  label: '法律援助申请收结情况',
  description: '统计期间内收到的法律援助申请、办结（不予援助且维持、视为撤回、终止等）与期末未结的件数。',
  caseTypes: [LEGAL_AID_APPLICATION],
});

export const legalAidApplicationMetrics: MetricDef[] = [
  ...eventMetrics(granted),
  applicationsFlowMetric,
  ...eventMetrics(received),
  ...eventMetrics(refused),
  ...eventMetrics(assigned),
  ...eventMetrics(closed),
  amountRecoveredForMigrantWorkers,
  subsidiesPaid,
];
