import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MetricDef } from '../../platform/metrics/metric-registry.ts';
import { mediationStudio } from './registry.schema.ts';

// Figures of the mediation registry. A studio counts for the unit that hosts it; a snapshot is taken at
// the end of `asOf` (defaults to `to`) in APP_TIME_ZONE.

function unitFilter(column: PgColumn, units: readonly number[] | null): SQL | undefined {
  if (units === null) return undefined;
  return units.length === 0 ? sql`false` : inArray(column, [...units]);
}

export const registryMetrics: MetricDef[] = [
  {
    name: 'mediation.studios',
    label: '人民调解工作室创建进度',
    description:
      '截至统计日（默认结束日期）：计划创建 = 已列入创建计划的人民调解工作室（含已建成的）；已建成 = 其中建成日期不晚于统计日的。按依托单位统计。',
    measure: '个',
    kind: 'snapshot',
    permission: 'mediation:readRegistry',
    recordKind: 'mediationStudio',
    parts: [
      { key: 'planned', label: '计划创建' },
      { key: 'created', label: '已建成' },
    ],
    async compute(env, params) {
      const s = mediationStudio;
      // In the plan by the day: recorded by its end, or already created (a studio recorded late).
      const where = and(
        sql`(${s.createdAt} < ((${params.asOf}::date + 1)::timestamp at time zone ${env.timeZone}) or ${s.createdOn} <= ${params.asOf}::date)`,
        unitFilter(s.unitId, params.units),
      );
      const result = await env.executor.execute(
        sql`select ${s.id}::text as id, (${s.createdOn} is not null and ${s.createdOn} <= ${params.asOf}::date) as created
            from ${s} where ${where ?? sql`true`} order by ${s.createdAt}, ${s.id}`,
      );
      const rows = (result as unknown as { rows: { id: string; created: boolean }[] }).rows;
      const planned = rows.map((r) => r.id);
      const created = rows.filter((r) => r.created).map((r) => r.id);
      const value = { planned: planned.length, created: created.length };
      return params.withRecords ? { value, records: { planned, created } } : { value };
    },
  },
];
