import { applyPrefixTemplate, type NumberKind, numberKinds, prefixProblem } from './numbering.rules.ts';

/**
 * One numbering series: what a module numbers (its applications, its grant decisions…) and how. Each
 * issuing unit has its own counter per series and year.
 */
export interface NumberSeries {
  /** `<module>.<what>`, e.g. `legalAid.application` or `legalAid.grantDecision`. */
  readonly code: string;
  readonly kind: NumberKind;
  /** Shown to administrators, e.g. 法律援助申请案号. */
  readonly name: string;
  /**
   * The prefix when the unit has none set for this series: a template in which `{organ}` stands for the
   * unit's organ abbreviation (机关代字), e.g. `{organ}援` → 北司援, `{organ}援决` → 北司援决.
   */
  readonly defaultPrefix: string;
}

const codePattern = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

/** Declares a series (in the module that numbers with it); checked once, at load time. */
export function defineNumberSeries(series: NumberSeries): NumberSeries {
  if (!codePattern.test(series.code)) {
    throw new Error(`number series code ${series.code} must look like <module>.<what> in camelCase`);
  }
  if (!numberKinds.includes(series.kind)) throw new Error(`number series ${series.code}: unknown kind`);
  if (series.name.trim() === '') throw new Error(`number series ${series.code} needs a name`);
  const problem = prefixProblem(applyPrefixTemplate(series.defaultPrefix, '北司'));
  if (problem) throw new Error(`number series ${series.code}: default prefix: ${problem}`);
  return Object.freeze({ ...series });
}

/** The series the composition root knows; each module hands its own in. */
export class NumberSeriesRegistry {
  readonly #series = new Map<string, NumberSeries>();

  constructor(...series: NumberSeries[]) {
    for (const s of series) this.add(s);
  }

  add(series: NumberSeries): this {
    if (this.#series.has(series.code)) throw new Error(`number series ${series.code} registered twice`);
    this.#series.set(series.code, defineNumberSeries(series));
    return this;
  }

  /** A caller names a series it declared: a missing one is a programming error. */
  get(code: string): NumberSeries {
    const series = this.#series.get(code);
    if (!series) throw new Error(`unknown number series ${code}`);
    return series;
  }

  has(code: string): boolean {
    return this.#series.has(code);
  }

  all(): NumberSeries[] {
    return [...this.#series.values()];
  }
}
