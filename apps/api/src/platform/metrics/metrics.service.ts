import type { MetricList, MetricResult, MetricSummary } from '@zhucheng/contracts';
import { inArray } from 'drizzle-orm';
import type { Principal, RequestContext } from '../access/principal.ts';
import { requireStaff } from '../access/principal.ts';
import { unitInScope } from '../access/scope.ts';
import { caseRecord } from '../cases/cases.schema.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { expandSubtrees, findUnit } from '../org/org.repo.ts';
import type { CaseTypeRegistry } from '../workflow/workflow.rules.ts';
import type { Metric, MetricParams, MetricRecordIds, MetricRegistry } from './metric-registry.ts';

export interface MetricsServiceDeps {
  db: Database;
  clock: Clock;
  metrics: MetricRegistry;
  caseTypes: CaseTypeRegistry;
}

export interface MetricQuery {
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  unit?: number | undefined;
  records?: boolean | undefined;
}

// 统计指标: the registry's figures for the caller's period and units.
//
// No audit row, on purpose: a figure is an aggregate, not a read of anyone's personal data, and the
// drill-down (`records=1`) answers record ids only — opening one of those records is the audited read
// (the case page), and it applies the caller's scope again.
export class MetricsService {
  readonly #d: MetricsServiceDeps;

  constructor(deps: MetricsServiceDeps) {
    this.#d = deps;
  }

  get registry(): MetricRegistry {
    return this.#d.metrics;
  }

  /** The metrics the caller may read: those whose own permission they hold. */
  list(ctx: RequestContext): MetricList {
    const principal = requireStaff(ctx);
    const metrics = this.#d.metrics
      .all()
      .filter((m) => principal.permissions.has(m.permission))
      .map(summary);
    // The page's period presets (本年, 本月) count from the platform's today, not the browser's.
    return { metrics, today: this.#d.clock.today() };
  }

  async compute(ctx: RequestContext, name: string, query: MetricQuery): Promise<MetricResult> {
    const principal = requireStaff(ctx);
    const metric = this.#d.metrics.find(name);
    // A metric the caller may not read does not exist for them, as in the list.
    if (!metric || !principal.permissions.has(metric.permission)) throw AppError.notFound('统计指标');
    const to = query.to ?? this.#d.clock.today();
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to) {
      throw AppError.badRequest('开始日期不能晚于结束日期', [
        { path: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    const asOf = query.asOf ?? to;
    const { units, unit } = await this.#units(principal, query.unit);
    const params: MetricParams = { from, to, asOf, units, withRecords: query.records === true };
    const outcome = await metric.compute(
      { executor: this.#d.db, timeZone: this.#d.clock.timeZone, caseTypes: this.#d.caseTypes },
      params,
    );
    return {
      name: metric.name,
      value: outcome.value,
      from,
      to,
      ...(metric.kind === 'snapshot' ? { asOf } : {}),
      unit,
      ...(params.withRecords
        ? {
            records: outcome.records ?? [],
            recordLabels: metric.recordKind === 'case' ? await this.#caseNumbers(outcome.records) : {},
          }
        : {}),
    };
  }

  /**
   * 案号 of the cases behind a figure, so the drill-down names them. The number only: a case's title may
   * name a person, and these ids came from the caller's own units already.
   */
  async #caseNumbers(records: MetricRecordIds | undefined): Promise<Record<string, string>> {
    const ids = [...new Set(Array.isArray(records) ? records : Object.values(records ?? {}).flat())];
    if (ids.length === 0) return {};
    const rows = await this.#d.db
      .select({ id: caseRecord.id, caseNo: caseRecord.caseNo })
      .from(caseRecord)
      .where(inArray(caseRecord.id, ids));
    return Object.fromEntries(rows.flatMap((r) => (r.caseNo ? [[r.id, r.caseNo]] : [])));
  }

  /**
   * The units to count: the chosen unit with everything below it, within the caller's data scope; no
   * unit chosen → the whole scope (`null`: every unit, for a city-wide scope). A unit outside the scope
   * is answered like a unit that does not exist.
   */
  async #units(
    principal: Principal,
    unitId: number | undefined,
  ): Promise<{ units: readonly number[] | null; unit: { id: number; name: string } | null }> {
    const { scope } = principal;
    if (unitId === undefined) {
      if (scope.all) return { units: null, unit: null };
      if (scope.unitIds.size === 0) {
        throw AppError.forbidden('统计指标按单位统计，您的数据权限不含任何单位');
      }
      return { units: [...scope.unitIds], unit: null };
    }
    const row = await findUnit(this.#d.db, unitId);
    if (!row || !unitInScope(scope, unitId)) throw AppError.notFound('单位');
    const subtree = await expandSubtrees(this.#d.db, [unitId]);
    const units = scope.all ? [...subtree] : [...subtree].filter((id) => scope.unitIds.has(id));
    return { units, unit: { id: row.id, name: row.name } };
  }
}

function summary(m: Metric): MetricSummary {
  return {
    name: m.name,
    label: m.label,
    description: m.description ?? null,
    measure: m.measure,
    kind: m.kind,
    recordKind: m.recordKind ?? null,
    parts: m.parts ?? [],
  };
}
