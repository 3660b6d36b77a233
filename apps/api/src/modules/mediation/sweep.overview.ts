import {
  type MediationBreakdownLevel,
  type MediationOverview,
  type MediationOverviewQuery,
  type MediationOverviewRow,
  mediationOverviewQuerySchema,
} from '@zhucheng/contracts';
import { and, asc, inArray, sql } from 'drizzle-orm';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { MetricEnvironment, MetricParams } from '../../platform/metrics/metric-registry.ts';
import { percent } from '../../platform/metrics/metrics.rules.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import type { CaseTypeRegistry } from '../../platform/workflow/workflow.rules.ts';
import {
  acceptedMetric,
  amountInvolvedMetric,
  enterpriseDisputesByKindMetric,
  figuresByUnit,
  landForestWaterMetric,
  mediationFactSources,
  settledMetric,
  sweepsMetric,
} from './mediation.metrics.ts';

export interface MediationOverviewDeps {
  db: Database;
  clock: Clock;
  caseTypes: CaseTypeRegistry;
}

const levelOfKind: Record<string, MediationBreakdownLevel> = {
  countyBureau: 'county',
  justiceOffice: 'town',
  mediationCommittee: 'committee',
};

/** The first half or the second half of the year `today` falls in. */
export function currentHalfYear(today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  return today.slice(5, 7) <= '06'
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/**
 * 调解概览: the seed report's mediation figures for the caller's scope and a period (default: this
 * half-year), and the same figures per county bureau, justice office and committee in scope, for the table
 * county → town → committee. Computed with the metrics' own queries (mediation.metrics.ts), so the table
 * and GET /api/metrics/<name> always agree.
 */
export class MediationOverviewService {
  readonly #d: MediationOverviewDeps;

  constructor(deps: MediationOverviewDeps) {
    this.#d = deps;
  }

  async overview(ctx: RequestContext, raw: MediationOverviewQuery = {}): Promise<MediationOverview> {
    const p = requireStaff(ctx);
    const parsed = mediationOverviewQuerySchema.safeParse(raw);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('；');
      throw AppError.badRequest(`提交的内容有误：${message}`);
    }
    const half = currentHalfYear(this.#d.clock.today());
    const from = parsed.data.from ?? half.from;
    const to = parsed.data.to ?? half.to;
    if (from > to)
      throw AppError.badRequest('开始日期不能晚于结束日期', [
        { path: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    if (!p.scope.all && p.scope.unitIds.size === 0) {
      throw AppError.forbidden('调解概览按单位统计，您的数据权限不含任何单位');
    }
    const { db } = this.#d;
    const env: MetricEnvironment = {
      executor: db,
      timeZone: this.#d.clock.timeZone,
      caseTypes: this.#d.caseTypes,
    };
    const params: MetricParams = {
      from,
      to,
      asOf: to,
      units: p.scope.all ? null : [...p.scope.unitIds],
      withRecords: false,
    };
    const value = async (metric: typeof acceptedMetric) => (await metric.compute(env, params)).value;
    const [accepted, settled, amountInvolved, sweeps, landForestWater, enterprise] = await Promise.all([
      value(acceptedMetric),
      value(settledMetric),
      value(amountInvolvedMetric),
      value(sweepsMetric),
      value(landForestWaterMetric),
      value(enterpriseDisputesByKindMetric),
    ]);
    const totals = {
      accepted: Number(accepted),
      settled: Number(settled),
      successRate: percent(Number(settled), Number(accepted)),
      amountInvolved: Number(amountInvolved),
      sweeps: Number(sweeps),
      landForestWater: landForestWater as { accepted: number; closed: number; closureRate: number },
      enterpriseDisputesByKind: enterprise as Record<string, number>,
    };
    return { from, to, totals, rows: await this.#rows(env, params, p.scope) };
  }

  async #rows(
    env: MetricEnvironment,
    params: MetricParams,
    scope: { all: boolean; unitIds: ReadonlySet<number> },
  ): Promise<MediationOverviewRow[]> {
    const units = await this.#d.db
      .select({ id: orgUnit.id, name: orgUnit.name, kind: orgUnit.kind, parentId: orgUnit.parentId })
      .from(orgUnit)
      .where(
        and(
          inArray(
            orgUnit.kind,
            Object.keys(levelOfKind) as ('countyBureau' | 'justiceOffice' | 'mediationCommittee')[],
          ),
          sql`(${orgUnit.status} = 'active' or ${orgUnit.kind} = 'mediationCommittee')`,
          scopeCondition({ ...scope, self: false }, { unitColumns: [orgUnit.id] }),
        ),
      )
      .orderBy(asc(orgUnit.path));
    const figures = new Map<number, { accepted: number; settled: number; amount: number; sweeps: number }>();
    const at = (id: number) => {
      let f = figures.get(id);
      if (!f) {
        f = { accepted: 0, settled: 0, amount: 0, sweeps: 0 };
        figures.set(id, f);
      }
      return f;
    };
    for (const level of ['county', 'town', 'committee'] as const) {
      const [disputes, sweeps] = await Promise.all([
        figuresByUnit(env, params, mediationFactSources.acceptedDisputes, level),
        figuresByUnit(env, params, mediationFactSources.heldSweeps, level),
      ]);
      for (const r of disputes)
        Object.assign(at(r.unitId), { accepted: r.count, settled: r.settled, amount: r.amount });
      for (const r of sweeps) at(r.unitId).sweeps = r.count;
    }
    const shown = new Set(units.map((u) => u.id));
    return units.map((u) => {
      const f = figures.get(u.id) ?? { accepted: 0, settled: 0, amount: 0, sweeps: 0 };
      return {
        unitId: u.id,
        name: u.name,
        level: levelOfKind[u.kind] ?? 'committee',
        parentId: u.parentId !== null && shown.has(u.parentId) ? u.parentId : null,
        accepted: f.accepted,
        settled: f.settled,
        successRate: percent(f.settled, f.accepted),
        amountInvolved: f.amount,
        sweeps: f.sweeps,
      };
    });
  }
}
