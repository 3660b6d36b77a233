import type { MetricKind, MetricPart, PermissionCode } from '@zhucheng/contracts';
import type { Executor } from '../db/database.ts';
import type { CaseTypeRegistry } from '../workflow/workflow.rules.ts';

// 统计指标 as data: a module declares each figure once with `defineMetric` (in its `<module>.metrics.ts`),
// the composition root puts it into the MetricRegistry, and GET /api/metrics/:name computes it for the
// caller's period and units. The SQL lives in the metric; the platform supplies the period, the units in
// scope and, for case figures, the helpers of case-metrics.ts.

/** What a metric's computation gets: a period, the units to count, whether to list the records. */
export interface MetricParams {
  /** First day, inclusive, `YYYY-MM-DD` in APP_TIME_ZONE. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** The day a snapshot is taken at its end (defaults to `to`); flow metrics ignore it. */
  asOf: string;
  /**
   * The units whose records count (the chosen unit's subtree within the caller's data scope); `null`
   * counts every unit (a caller with the whole city in scope who chose no unit). Never empty.
   */
  units: readonly number[] | null;
  withRecords: boolean;
}

/** What the platform lends a computation besides its parameters. */
export interface MetricEnvironment {
  executor: Executor;
  /** APP_TIME_ZONE: a day's bounds are midnights there. */
  timeZone: string;
  /** The case types the platform knows (terminal states for "closed"). */
  caseTypes: CaseTypeRegistry;
}

export type MetricNumbers = number | Record<string, number>;
export type MetricRecordIds = string[] | Record<string, string[]>;

export interface MetricOutcome {
  value: MetricNumbers;
  /** Only when `withRecords`: the ids behind the figure, per part for an object value. */
  records?: MetricRecordIds;
}

export interface MetricDef {
  /** `<module>.<metric>` in camelCase, e.g. `legalAid.casesAccepted` (SEED-FIGURES.md fixes the names). */
  name: string;
  /** Chinese: 受理法律援助案件数. */
  label: string;
  /** The reading (口径) in Chinese: what counts, which date decides the period. */
  description?: string;
  /** 计量单位: 件, 元, %, 人次, 名. */
  measure: string;
  kind: MetricKind;
  /** What the viewer needs besides `metric:read`, usually the module's read permission (`case:read`). */
  permission: PermissionCode;
  /** The kind of record behind the figure: `case` makes the console link each id to `/cases/<id>`. */
  recordKind?: string;
  /** For an object value: its keys with Chinese labels, in display order. */
  parts?: MetricPart[];
  compute(env: MetricEnvironment, params: MetricParams): Promise<MetricOutcome>;
}

export type Metric = Readonly<MetricDef>;

const namePattern = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

/** Why a definition is wrong, one line each; empty when it is sound. */
export function metricProblems(def: MetricDef): string[] {
  const problems: string[] = [];
  if (!namePattern.test(def.name))
    problems.push(`metric name ${def.name} is not <module>.<metric> camelCase`);
  if (!def.label.trim()) problems.push(`metric ${def.name} has no label`);
  if (!def.measure.trim()) problems.push(`metric ${def.name} has no measure`);
  const keys = (def.parts ?? []).map((p) => p.key);
  if (new Set(keys).size !== keys.length) problems.push(`metric ${def.name} repeats a part key`);
  return problems;
}

export function defineMetric(def: MetricDef): Metric {
  const problems = metricProblems(def);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return Object.freeze({ ...def });
}

/** The metrics the composition root knows; each module adds its own. */
export class MetricRegistry {
  readonly #metrics = new Map<string, Metric>();

  constructor(...metrics: MetricDef[]) {
    for (const m of metrics) this.add(m);
  }

  add(def: MetricDef): this {
    if (this.#metrics.has(def.name)) throw new Error(`metric ${def.name} registered twice`);
    this.#metrics.set(def.name, defineMetric(def));
    return this;
  }

  find(name: string): Metric | undefined {
    return this.#metrics.get(name);
  }

  all(): Metric[] {
    return [...this.#metrics.values()];
  }
}
