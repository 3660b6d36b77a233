import type { DemoContext } from './demo-context.ts';

/**
 * One piece of demo data (演示数据). Each module exports its steps from `<module>.demo.ts`; the list in
 * apps/api/src/demo-steps.ts registers them. A step runs once: `npm run demo` records it as done and
 * skips it the next time, so a step should create its records through the modules' services and
 * `ctx.track` each one.
 */
export interface DemoStep {
  /** `<module>.<what>`, e.g. `platform.accounts`, `legalAid.applications`. */
  id: string;
  /** Steps whose records this one needs (accounts before cases, cases before their documents). */
  dependsOn: string[];
  run(ctx: DemoContext): Promise<void>;
}

/**
 * A business table the refusal check counts: rows not created by demo data mean real work is in the
 * database, and demo data must not be mixed into it.
 */
export interface GuardedTable {
  table: string;
  idColumn: string;
}

/** The business tables the platform itself owns; modules add theirs next to their steps. */
export const platformGuardedTables: GuardedTable[] = [{ table: 'case_record', idColumn: 'id' }];

export class DemoRegistryError extends Error {
  override name = 'DemoRegistryError';
}

const stepIdPattern = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
const identifierPattern = /^[a-z_][a-z0-9_]*$/;

/** The demo steps in dependency order. Registration refuses duplicates, unknown dependencies and cycles. */
export class DemoRegistry {
  readonly #steps = new Map<string, DemoStep>();
  readonly #guarded: GuardedTable[] = [];

  constructor(
    steps: readonly DemoStep[] = [],
    guardedTables: readonly GuardedTable[] = platformGuardedTables,
  ) {
    this.guard(...guardedTables);
    this.register(...steps);
  }

  /**
   * Adds steps. A step may depend on steps registered earlier or in the same call; anything else is an
   * error here, at start-up, rather than half-way through a run.
   */
  register(...steps: DemoStep[]): this {
    const next = new Map(this.#steps);
    for (const step of steps) {
      if (!stepIdPattern.test(step.id))
        throw new DemoRegistryError(`demo step id "${step.id}" must look like <module>.<what>`);
      if (next.has(step.id)) throw new DemoRegistryError(`demo step "${step.id}" is registered twice`);
      next.set(step.id, step);
    }
    for (const step of steps) {
      for (const dep of step.dependsOn) {
        if (!next.has(dep))
          throw new DemoRegistryError(`demo step "${step.id}" depends on "${dep}", which is not registered`);
      }
    }
    topologicalOrder(next);
    for (const [id, step] of next) this.#steps.set(id, step);
    return this;
  }

  /** Adds business tables to the refusal check. */
  guard(...tables: GuardedTable[]): this {
    for (const t of tables) {
      if (!identifierPattern.test(t.table) || !identifierPattern.test(t.idColumn))
        throw new DemoRegistryError(`guarded table "${t.table}.${t.idColumn}" is not a plain SQL name`);
      if (!this.#guarded.some((g) => g.table === t.table)) this.#guarded.push({ ...t });
    }
    return this;
  }

  get guardedTables(): readonly GuardedTable[] {
    return this.#guarded;
  }

  /** Every step after the steps it depends on; otherwise in registration order. */
  ordered(): DemoStep[] {
    return topologicalOrder(this.#steps);
  }

  /**
   * A registry of the steps of the named modules (`legalAid`, `mediation`; `platform` for the accounts) and
   * every step they depend on, with the same refusal check. An unknown name is an error naming the known ones.
   */
  only(modules: readonly string[]): DemoRegistry {
    const known = new Set([...this.#steps.keys()].map(moduleOf));
    const unknown = modules.filter((m) => !known.has(m));
    if (unknown.length > 0) {
      throw new DemoRegistryError(
        `没有这些模块的演示数据：${unknown.join('、')}（可选：${[...known].join('、')}）`,
      );
    }
    const wanted = new Set<string>();
    const add = (id: string) => {
      if (wanted.has(id)) return;
      wanted.add(id);
      for (const dep of this.#steps.get(id)?.dependsOn ?? []) add(dep);
    };
    for (const id of this.#steps.keys()) if (modules.includes(moduleOf(id))) add(id);
    return new DemoRegistry(
      [...this.#steps.values()].filter((s) => wanted.has(s.id)),
      this.#guarded,
    );
  }
}

/** `legalAid.cases` → `legalAid`. */
function moduleOf(stepId: string): string {
  return stepId.slice(0, stepId.indexOf('.'));
}

function topologicalOrder(steps: ReadonlyMap<string, DemoStep>): DemoStep[] {
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: DemoStep[] = [];
  const visit = (step: DemoStep) => {
    if (done.has(step.id)) return;
    const at = visiting.indexOf(step.id);
    if (at >= 0) {
      const cycle = [...visiting.slice(at), step.id].join(' → ');
      throw new DemoRegistryError(`demo steps depend on each other in a cycle: ${cycle}`);
    }
    visiting.push(step.id);
    for (const dep of step.dependsOn) {
      const target = steps.get(dep);
      if (target) visit(target);
    }
    visiting.pop();
    done.add(step.id);
    order.push(step);
  };
  for (const step of steps.values()) visit(step);
  return order;
}
