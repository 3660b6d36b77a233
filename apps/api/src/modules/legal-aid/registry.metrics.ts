import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MetricDef, MetricEnvironment, MetricParams } from '../../platform/metrics/metric-registry.ts';
import {
  legalAidConsultation,
  legalAidDutyEntry,
  legalAidLawyer,
  legalAidStation,
  legalAidSupportTeam,
} from './registry.schema.ts';

// Figures of the legal-aid registries (SEED-FIGURES.md fixes the names). A record counts for the unit
// that keeps it (the centre); days are calendar days of APP_TIME_ZONE, both ends inclusive; a snapshot
// ("as of") is taken at the end of `asOf`, which defaults to `to`.

function unitFilter(column: PgColumn, params: MetricParams): SQL | undefined {
  if (params.units === null) return undefined;
  return params.units.length === 0 ? sql`false` : inArray(column, [...params.units]);
}

/** Count of distinct ids over `from … where`, with the ids (oldest first) when asked. */
async function countIds(
  env: MetricEnvironment,
  params: MetricParams,
  query: { id: SQL; order: SQL; from: SQL; where: SQL | undefined },
) {
  const where = query.where ?? sql`true`;
  const result = await env.executor.execute(
    sql`select ${query.id}::text as id from ${query.from} where ${where} group by ${query.id} order by min(${query.order}), ${query.id}`,
  );
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  return params.withRecords ? { value: ids.length, records: ids } : { value: ids.length };
}

/** `column` (a date) lies within the period. */
function dayInPeriod(column: PgColumn, params: MetricParams): SQL {
  return sql`${column} >= ${params.from}::date and ${column} <= ${params.to}::date`;
}

export const registryMetrics: MetricDef[] = [
  {
    name: 'legalAid.consultations',
    label: '法律咨询人次',
    description: '期间内登记的法律咨询记录（窗口、12348 热线、网络、工作站），每条计一人次，按接待单位统计。',
    measure: '人次',
    kind: 'flow',
    permission: 'legalAid:readRegistry',
    recordKind: 'legalAidConsultation',
    compute(env, params) {
      const t = legalAidConsultation;
      return countIds(env, params, {
        id: sql`${t.id}`,
        order: sql`${t.consultedAt}`,
        from: sql`${t}`,
        where: and(
          sql`${t.consultedAt} >= (${params.from}::date::timestamp at time zone ${env.timeZone})`,
          sql`${t.consultedAt} < ((${params.to}::date + 1)::timestamp at time zone ${env.timeZone})`,
          unitFilter(t.unitId, params),
        ),
      });
    },
  },
  {
    name: 'legalAid.supportTeams',
    label: '法律援助支援队伍',
    description: '截至统计日（默认结束日期）已组建且未撤销的支援队伍数。',
    measure: '支',
    kind: 'snapshot',
    permission: 'legalAid:readRegistry',
    recordKind: 'legalAidSupportTeam',
    compute(env, params) {
      const t = legalAidSupportTeam;
      return countIds(env, params, {
        id: sql`${t.id}`,
        order: sql`${t.setUpOn}`,
        from: sql`${t}`,
        where: and(
          sql`${t.setUpOn} <= ${params.asOf}::date`,
          sql`(${t.dissolvedOn} is null or ${t.dissolvedOn} > ${params.asOf}::date)`,
          unitFilter(t.unitId, params),
        ),
      });
    },
  },
  {
    name: 'legalAid.proBonoDutyLawyers',
    label: '新增公益律师值班岗律师',
    description: '期间内走上公益律师值班岗的律师（公益值班岗开始日期在期间内），每人计一次。',
    measure: '名',
    kind: 'flow',
    permission: 'legalAid:readRegistry',
    recordKind: 'legalAidLawyer',
    compute(env, params) {
      const t = legalAidLawyer;
      return countIds(env, params, {
        id: sql`${t.id}`,
        order: sql`${t.proBonoFrom}`,
        from: sql`${t}`,
        where: and(dayInPeriod(t.proBonoFrom, params), unitFilter(t.unitId, params)),
      });
    },
  },
  {
    name: 'legalAid.newLawyersRecruited',
    label: '新招募法律援助律师',
    description: '期间内登记入库、从事法律援助工作的律师（入库日期在期间内）。',
    measure: '名',
    kind: 'flow',
    permission: 'legalAid:readRegistry',
    recordKind: 'legalAidLawyer',
    compute(env, params) {
      const t = legalAidLawyer;
      return countIds(env, params, {
        id: sql`${t.id}`,
        order: sql`${t.registeredOn}`,
        from: sql`${t}`,
        where: and(dayInPeriod(t.registeredOn, params), unitFilter(t.unitId, params)),
      });
    },
  },
  {
    name: 'legalAid.dutyLawyers',
    label: '值班律师',
    description: '截至统计日（默认结束日期）有值班安排覆盖当天的律师人数，每人计一次，按安排值班的单位统计。',
    measure: '名',
    kind: 'snapshot',
    permission: 'legalAid:readRegistry',
    recordKind: 'legalAidLawyer',
    compute(env, params) {
      const t = legalAidDutyEntry;
      return countIds(env, params, {
        id: sql`${t.lawyerId}`,
        order: sql`${t.fromDay}`,
        from: sql`${t}`,
        where: and(
          sql`${t.fromDay} <= ${params.asOf}::date and ${t.toDay} >= ${params.asOf}::date`,
          unitFilter(t.unitId, params),
        ),
      });
    },
  },
  {
    name: 'legalAid.workstationsOpened',
    label: '新设法律援助工作站',
    description: '期间内设立的法律援助工作站（设立日期在期间内）。',
    measure: '个',
    kind: 'flow',
    permission: 'legalAid:readRegistry',
    recordKind: 'legalAidStation',
    compute(env, params) {
      const t = legalAidStation;
      return countIds(env, params, {
        id: sql`${t.id}`,
        order: sql`${t.openedOn}`,
        from: sql`${t}`,
        where: and(dayInPeriod(t.openedOn, params), unitFilter(t.unitId, params)),
      });
    },
  },
];
