import type { PermissionCode } from '@zhucheng/contracts';
import type { AuditWriter } from '../access/ports.ts';
import type { RequestContext } from '../access/principal.ts';
import { unitInScope } from '../access/scope.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor, Transaction } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { findUnit } from '../org/org.repo.ts';
import type { NumberSeries, NumberSeriesRegistry } from './number-series.ts';
import { deletePrefix, findPrefixes, takeNextValue, upsertPrefix } from './numbering.repo.ts';
import {
  applyPrefixTemplate,
  defaultOrganAbbreviation,
  formatNumber,
  type NumberKind,
  numberingYear,
  prefixProblem,
} from './numbering.rules.ts';

/** The `series` under which a unit's organ abbreviation (机关代字) is kept. */
export const ORGAN_SERIES = '*';

export interface NumberingServiceDeps {
  db: Database;
  clock: Clock;
  series: NumberSeriesRegistry;
  /** CITY_NAME: units of the city itself default to its first character (北海市 → 北司). */
  cityName: string;
  audit: AuditWriter;
}

export interface AllocateInput {
  series: string;
  /** The issuing unit: each unit numbers on its own. */
  unitId: number;
  /** When the record counts as created (decides the year); the clock's now by default. */
  at?: Date;
}

export interface AllocatedNumber {
  series: string;
  kind: NumberKind;
  unitId: number;
  year: number;
  value: number;
  prefix: string;
  /** `北司援〔2026〕第12号` or `北司援决〔2026〕12号`. */
  text: string;
}

/** series: set for this series; organ: the unit's 机关代字 in the series template; default: derived. */
export type PrefixSource = 'series' | 'organ' | 'default';

export interface ResolvedPrefix {
  series: string;
  unitId: number;
  prefix: string;
  source: PrefixSource;
  /** The organ abbreviation the series template would use. */
  organ: string;
}

export interface SeriesPrefixView extends ResolvedPrefix {
  name: string;
  kind: NumberKind;
  /** The first number of this year as it would read, e.g. `北司援〔2026〕第1号`. */
  example: string;
}

function requirePermission(ctx: RequestContext, code: PermissionCode): void {
  if (ctx.principal && !ctx.principal.permissions.has(code)) throw AppError.forbidden();
}

function sees(ctx: RequestContext, unitId: number): boolean {
  return !ctx.principal || unitInScope(ctx.principal.scope, unitId);
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * 案号 and 发文字号: unique and gap-free per series, issuing unit and year. A module's create use case
 * calls `allocate` inside its own transaction, as late as it can (the counter stays locked for the rest
 * of the transaction, so other creators of the same unit and series wait that long).
 */
export class NumberingService {
  readonly #d: NumberingServiceDeps;

  constructor(deps: NumberingServiceDeps) {
    this.#d = deps;
  }

  get series(): NumberSeriesRegistry {
    return this.#d.series;
  }

  /**
   * The next number of the series for the unit and year, in the caller's transaction: committed with the
   * record that carries it, or given back with its rollback. The access check and audit row belong to
   * the caller's use case.
   */
  async allocate(tx: Transaction, input: AllocateInput): Promise<AllocatedNumber> {
    const series = this.#d.series.get(input.series);
    const year = numberingYear(input.at ?? this.#d.clock.now(), this.#d.clock.timeZone);
    // Read the prefix before taking the counter's lock, to hold the lock no longer than needed.
    const { prefix } = await this.#resolve(tx, series, input.unitId);
    const value = await takeNextValue(
      tx,
      { kind: series.kind, series: series.code, unitId: input.unitId, year },
      this.#d.clock.now(),
    );
    return {
      series: series.code,
      kind: series.kind,
      unitId: input.unitId,
      year,
      value,
      prefix,
      text: formatNumber(series.kind, { prefix, year, value }),
    };
  }

  /** The prefix the unit's next number in the series will carry. */
  prefixFor(executor: Executor, input: { series: string; unitId: number }): Promise<ResolvedPrefix> {
    return this.#resolve(executor, this.#d.series.get(input.series), input.unitId);
  }

  /** Every registered series with the unit's prefix and where it comes from (for the settings page). */
  async listPrefixes(ctx: RequestContext, unitId: number): Promise<SeriesPrefixView[]> {
    requirePermission(ctx, 'org:read');
    if (!sees(ctx, unitId)) throw AppError.notFound('机构');
    return this.#list(unitId);
  }

  async #list(unitId: number): Promise<SeriesPrefixView[]> {
    const year = numberingYear(this.#d.clock.now(), this.#d.clock.timeZone);
    const views: SeriesPrefixView[] = [];
    for (const series of this.#d.series.all()) {
      const resolved = await this.#resolve(this.#d.db, series, unitId);
      views.push({
        ...resolved,
        name: series.name,
        kind: series.kind,
        example: formatNumber(series.kind, { prefix: resolved.prefix, year, value: 1 }),
      });
    }
    return views;
  }

  /**
   * Sets (or, with null, clears) a unit's prefix for one series, or its organ abbreviation under
   * `ORGAN_SERIES`; answers the unit's prefixes afterwards. Numbers already issued keep their text and the
   * counters go on.
   */
  async setPrefix(
    ctx: RequestContext,
    input: { unitId: number; series: string; prefix: string | null },
  ): Promise<SeriesPrefixView[]> {
    requirePermission(ctx, 'org:manage');
    if (input.series !== ORGAN_SERIES && !this.#d.series.has(input.series)) {
      throw AppError.badRequest('编号类型不存在', [
        { path: 'series', message: '请选择系统中已有的编号类型' },
      ]);
    }
    const prefix = input.prefix === null ? null : input.prefix.trim();
    const problem = prefix === null ? undefined : prefixProblem(prefix);
    if (problem) throw AppError.badRequest(problem, [{ path: 'prefix', message: problem }]);
    try {
      await this.#d.db.transaction(async (tx) => {
        const unit = sees(ctx, input.unitId) ? await findUnit(tx, input.unitId) : undefined;
        if (!unit) throw AppError.notFound('机构');
        const [before] = await findPrefixes(tx, input.unitId, [input.series]);
        if ((before?.prefix ?? null) === prefix) return;
        if (prefix === null) await deletePrefix(tx, input.unitId, input.series);
        else
          await upsertPrefix(tx, { unitId: input.unitId, series: input.series, prefix }, this.#d.clock.now());
        await this.#d.audit(tx, ctx, {
          action: prefix === null ? 'numbering.prefix.clear' : 'numbering.prefix.set',
          entityType: 'orgUnit',
          entityId: String(input.unitId),
          before: before ? { series: before.series, prefix: before.prefix } : null,
          after: prefix === null ? null : { series: input.series, prefix },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict(`前缀「${prefix}」已被其他机构使用，请换一个`);
      throw err;
    }
    return this.#list(input.unitId);
  }

  async #resolve(executor: Executor, series: NumberSeries, unitId: number): Promise<ResolvedPrefix> {
    const rows = await findPrefixes(executor, unitId, [series.code, ORGAN_SERIES]);
    const own = rows.find((r) => r.series === series.code);
    const organRow = rows.find((r) => r.series === ORGAN_SERIES);
    let organ = organRow?.prefix;
    if (organ === undefined) {
      const unit = await findUnit(executor, unitId);
      if (!unit) throw AppError.notFound('机构');
      organ = defaultOrganAbbreviation(unit.name, this.#d.cityName);
    }
    if (own) return { series: series.code, unitId, prefix: own.prefix, source: 'series', organ };
    const prefix = applyPrefixTemplate(series.defaultPrefix, organ);
    const problem = prefixProblem(prefix);
    if (problem) {
      throw AppError.badRequest(
        `无法生成编号：本机构的默认前缀「${prefix}」不可用（${problem}），请管理员先设置机关代字`,
      );
    }
    return { series: series.code, unitId, prefix, source: organRow ? 'organ' : 'default', organ };
  }
}
