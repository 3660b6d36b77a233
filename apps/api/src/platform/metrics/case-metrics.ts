import type { PermissionCode } from '@zhucheng/contracts';
import { and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { caseHistory, caseRecord } from '../cases/cases.schema.ts';
import type { CaseTypeRegistry } from '../workflow/workflow.rules.ts';
import type { MetricDef, MetricEnvironment, MetricParams } from './metric-registry.ts';

// Figures over the shared case record, for any module's case types. Readings common to all of them:
// - A case counts for its COMPETENT unit (主管单位): a case received elsewhere under city-wide acceptance
//   (全城通办) counts where it is handled, never twice.
// - "Received" (受理/收案) is the case's creation; "closed" (办结) is the history row that moved it into a
//   terminal state of its case type (no transition leaves one, so there is at most one such row).
// - Days are calendar days of APP_TIME_ZONE, both ends inclusive: an application filed at 23:30 on 30 June
//   in Beihai counts for the first half-year.

/** The case types a figure covers: some by name, or every type the platform knows. */
export type CaseTypeSelection = readonly string[] | 'all';

export const caseFlowParts = [
  { key: 'carriedIn', label: '上期结转' },
  { key: 'received', label: '本期收案' },
  { key: 'closed', label: '本期办结' },
  { key: 'pending', label: '期末未结' },
];

interface CaseMetricBase {
  name: string;
  label: string;
  description?: string;
  /** Default `case:read`; a module's figure names the module's read permission. */
  permission?: PermissionCode;
  caseTypes: CaseTypeSelection;
}

/** Midnight at the start of `day` in the app's time zone. */
function startOf(day: string, timeZone: string): SQL {
  return sql`(${day}::date::timestamp at time zone ${timeZone})`;
}

/** Midnight at the end of `day` (the next day's start): instants before it belong to `day` or earlier. */
function endOf(day: string, timeZone: string): SQL {
  return sql`((${day}::date + 1)::timestamp at time zone ${timeZone})`;
}

function typeNames(selection: CaseTypeSelection, registry: CaseTypeRegistry): string[] {
  return selection === 'all' ? registry.all().map((t) => t.type) : [...selection];
}

/** True when `status` (an expression) is a terminal state of the case's own type. */
function isTerminal(selection: CaseTypeSelection, registry: CaseTypeRegistry, status: SQLWrapper): SQL {
  const parts: SQL[] = [];
  for (const name of typeNames(selection, registry)) {
    if (!registry.has(name)) continue;
    const terminal = Object.entries(registry.get(name).states)
      .filter(([, state]) => state.terminal)
      .map(([key]) => key);
    if (terminal.length === 0) continue;
    const part = and(eq(caseRecord.caseType, name), inArray(status, terminal));
    if (part) parts.push(part);
  }
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
}

/** The cases of the selection in the units counted. */
function caseConditions(selection: CaseTypeSelection, params: MetricParams): SQL[] {
  const parts: SQL[] = [];
  if (selection !== 'all') {
    parts.push(selection.length === 0 ? sql`false` : inArray(caseRecord.caseType, [...selection]));
  }
  if (params.units !== null) {
    parts.push(
      params.units.length === 0 ? sql`false` : inArray(caseRecord.competentUnitId, [...params.units]),
    );
  }
  return parts;
}

/** The instant the case entered a terminal state, or null while it is open. */
function closedAtOf(selection: CaseTypeSelection, registry: CaseTypeRegistry): SQL {
  return sql`(select min(${caseHistory.at}) from ${caseHistory} where ${caseHistory.caseId} = ${caseRecord.id} and ${isTerminal(selection, registry, caseHistory.toStatus)})`;
}

type Conditions<K extends string> = Record<K, SQL>;

/**
 * Counts (and, when asked, the ids) of each condition over the rows of `from`, in one query. Ids come
 * oldest case first.
 */
async function countEach<K extends string>(
  env: MetricEnvironment,
  params: MetricParams,
  source: {
    from: SQL;
    id: SQL;
    order: SQL;
  },
  conditions: Conditions<K>,
): Promise<{ counts: Record<K, number>; ids: Record<K, string[]> }> {
  const keys = Object.keys(conditions) as K[];
  // Columns named by position (n0, r0, n1…): keys never reach the SQL text.
  const columns = keys.map((key, i) => {
    const cond = conditions[key];
    const count = sql`count(*) filter (where ${cond})::int as ${sql.raw(`n${i}`)}`;
    if (!params.withRecords) return count;
    return sql`${count}, coalesce(array_agg(${source.id}::text order by ${source.order}) filter (where ${cond}), '{}'::text[]) as ${sql.raw(`r${i}`)}`;
  });
  const result = await env.executor.execute(sql`select ${sql.join(columns, sql`, `)} from ${source.from}`);
  const row = ((result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {}) as Record<
    string,
    unknown
  >;
  const counts = {} as Record<K, number>;
  const ids = {} as Record<K, string[]>;
  keys.forEach((key, i) => {
    counts[key] = Number(row[`n${i}`] ?? 0);
    ids[key] = params.withRecords ? ((row[`r${i}`] as string[] | undefined) ?? []) : [];
  });
  return { counts, ids };
}

/**
 * 收结案情况: `{carriedIn, received, closed, pending}` over the period, where
 * carriedIn = created before `from` and not closed before `from` (上期结转),
 * received = created within the period (本期收案), closed = entered a terminal state within it (本期办结),
 * pending = carriedIn + received − closed = open at the end of `to` (期末未结).
 */
export function caseFlowMetric(
  options: CaseMetricBase & { measure?: string },
): MetricDef & { parts: typeof caseFlowParts } {
  return {
    name: options.name,
    label: options.label,
    description:
      options.description ??
      '按主管单位统计。上期结转：开始日期前登记且当时未办结；本期收案：期间内登记；本期办结：期间内进入办结状态；期末未结 = 上期结转 + 本期收案 − 本期办结。',
    measure: options.measure ?? '件',
    kind: 'flow',
    permission: options.permission ?? 'case:read',
    recordKind: 'case',
    parts: caseFlowParts,
    async compute(env, params) {
      const start = startOf(params.from, env.timeZone);
      const end = endOf(params.to, env.timeZone);
      const where = and(...caseConditions(options.caseTypes, params), sql`${caseRecord.createdAt} < ${end}`);
      const from = sql`(select ${caseRecord.id} as id, ${caseRecord.createdAt} as created_at, ${closedAtOf(options.caseTypes, env.caseTypes)} as closed_at from ${caseRecord} where ${where}) as c`;
      const { counts, ids } = await countEach(
        env,
        params,
        { from, id: sql`c.id`, order: sql`c.created_at, c.id` },
        {
          carriedIn: sql`c.created_at < ${start} and (c.closed_at is null or c.closed_at >= ${start})`,
          received: sql`c.created_at >= ${start}`,
          closed: sql`c.closed_at >= ${start} and c.closed_at < ${end}`,
          pending: sql`c.closed_at is null or c.closed_at >= ${end}`,
        },
      );
      return params.withRecords ? { value: counts, records: ids } : { value: counts };
    },
  };
}

/**
 * A count of cases over the period: those created in it (收案数), or, with `reached`, those that entered
 * one of the given states in it (e.g. 受理数: entered `accepted`), each case once. `currentStatuses`
 * narrows to cases whose status is now one of them.
 */
export function caseCountMetric(
  options: CaseMetricBase & { reached?: readonly string[]; currentStatuses?: readonly string[] },
): MetricDef {
  return {
    name: options.name,
    label: options.label,
    description:
      options.description ??
      (options.reached
        ? '按主管单位统计期间内进入所列状态的案件，每件计一次。'
        : '按主管单位统计期间内登记的案件。'),
    measure: '件',
    kind: 'flow',
    permission: options.permission ?? 'case:read',
    recordKind: 'case',
    async compute(env, params) {
      const start = startOf(params.from, env.timeZone);
      const end = endOf(params.to, env.timeZone);
      const parts = caseConditions(options.caseTypes, params);
      if (options.reached) {
        const reached =
          options.reached.length === 0 ? sql`false` : inArray(caseHistory.toStatus, [...options.reached]);
        parts.push(
          sql`exists (select 1 from ${caseHistory} where ${caseHistory.caseId} = ${caseRecord.id} and ${reached} and ${caseHistory.at} >= ${start} and ${caseHistory.at} < ${end})`,
        );
      } else {
        parts.push(sql`${caseRecord.createdAt} >= ${start} and ${caseRecord.createdAt} < ${end}`);
      }
      if (options.currentStatuses) {
        parts.push(
          options.currentStatuses.length === 0
            ? sql`false`
            : inArray(caseRecord.status, [...options.currentStatuses]),
        );
      }
      const from = sql`(select ${caseRecord.id} as id, ${caseRecord.createdAt} as created_at from ${caseRecord} where ${and(...parts)}) as c`;
      const { counts, ids } = await countEach(
        env,
        params,
        { from, id: sql`c.id`, order: sql`c.created_at, c.id` },
        { all: sql`true` },
      );
      return params.withRecords ? { value: counts.all, records: ids.all } : { value: counts.all };
    },
  };
}

/**
 * A snapshot of cases at the end of `asOf`: by default those open then (登记了、尚未办结); with `statuses`,
 * those whose status then was one of them. The status at a past day is read from the history (the last
 * row at or before its end), so a later change does not move an old figure.
 */
export function caseSnapshotMetric(options: CaseMetricBase & { statuses?: readonly string[] }): MetricDef {
  return {
    name: options.name,
    label: options.label,
    description:
      options.description ??
      (options.statuses
        ? '按主管单位统计，截至统计日当天结束时处于所列状态的案件。'
        : '按主管单位统计，截至统计日当天结束时已登记、尚未办结的案件。'),
    measure: '件',
    kind: 'snapshot',
    permission: options.permission ?? 'case:read',
    recordKind: 'case',
    async compute(env, params) {
      const end = endOf(params.asOf, env.timeZone);
      const statusThen = sql`(select ${caseHistory.toStatus} from ${caseHistory} where ${caseHistory.caseId} = ${caseRecord.id} and ${caseHistory.at} < ${end} order by ${caseHistory.at} desc, ${caseHistory.id} desc limit 1)`;
      const where = and(...caseConditions(options.caseTypes, params), sql`${caseRecord.createdAt} < ${end}`);
      const from = sql`(select ${caseRecord.id} as id, ${caseRecord.createdAt} as created_at, ${caseRecord.caseType} as case_type, ${statusThen} as status from ${caseRecord} where ${where}) as c`;
      const counted = options.statuses
        ? options.statuses.length === 0
          ? sql`false`
          : sql`c.status in (${sql.join(
              options.statuses.map((s) => sql`${s}`),
              sql`, `,
            )})`
        : sql`c.status is not null and not (${terminalOfRow(options.caseTypes, env.caseTypes)})`;
      const { counts, ids } = await countEach(
        env,
        params,
        { from, id: sql`c.id`, order: sql`c.created_at, c.id` },
        { all: counted },
      );
      return params.withRecords ? { value: counts.all, records: ids.all } : { value: counts.all };
    },
  };
}

/** Like isTerminal, over the derived row `c` (case_type, status) of the snapshot query. */
function terminalOfRow(selection: CaseTypeSelection, registry: CaseTypeRegistry): SQL {
  const parts: SQL[] = [];
  for (const name of typeNames(selection, registry)) {
    if (!registry.has(name)) continue;
    const terminal = Object.entries(registry.get(name).states)
      .filter(([, state]) => state.terminal)
      .map(([key]) => key);
    if (terminal.length === 0) continue;
    parts.push(
      sql`(c.case_type = ${name} and c.status in (${sql.join(
        terminal.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
  }
  return parts.length === 0 ? sql`false` : sql.join(parts, sql` or `);
}
