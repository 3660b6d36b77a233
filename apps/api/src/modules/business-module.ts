import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { DemoStep, GuardedTable } from '../platform/demo/demo-registry.ts';
import type { DocumentFieldSet, DocumentTemplateDef } from '../platform/documents/document-template.ts';
import type { JobDefinition } from '../platform/jobs/jobs.ts';
import type { MetricDef } from '../platform/metrics/metric-registry.ts';
import type { NumberSeries } from '../platform/numbering/number-series.ts';
import type { ImportKindDef } from '../platform/spreadsheets/import-kind.ts';
import type { CaseTypeDef } from '../platform/workflow/workflow.rules.ts';
import type { Services } from '../services.ts';

/**
 * What a business line (legal aid, mediation, …) declares to the platform: its case types, number
 * series, document templates, metrics, ledger imports, jobs and demo steps go into the platform's
 * registries; its services are built from the platform's once, and its routes are registered by
 * buildApp. A module exports one of these from its `index.ts`; `modules/index.ts` lists them.
 */
export interface BusinessModule<S extends object = object> {
  /** The glossary's camelCase name: `legalAid`. */
  name: string;
  /** Chinese: 法律援助. */
  label: string;
  caseTypes?: CaseTypeDef[];
  numberSeries?: NumberSeries[];
  documentTemplates?: DocumentTemplateDef[];
  /** The placeholders the module's templates add to the common ones, and how they are read for a case. */
  documentFields?(platform: { cipher: Pick<FieldCipher, 'decrypt'> }): DocumentFieldSet[];
  metrics?: MetricDef[];

  demoSteps?: DemoStep[];
  /** Business tables `npm run demo` checks for records it did not make. */
  demoGuardedTables?: GuardedTable[];
  /** Builds the module's services from the platform's (called once, in the composition root). */
  createServices(platform: Services): S;
  /** The module's HTTP routes; each declares `config.permission`. */
  routes(services: S, platform: Services): FastifyPluginAsyncZod;
  /** The module's jobs, defined on the platform's queue. */
  jobs?(services: S, platform: Services): JobDefinition[];
  /** The module's ledger imports (台账导入); their commits write through the module's services. */
  importKinds?(services: S, platform: Services): ImportKindDef[];
  /**
   * Servers besides HTTP (the tracking module's JT/T 808 gateway): started by `npm start` after the HTTP
   * server listens, stopped before the database closes; `npm run gateway` runs only these.
   */
  listeners?(services: S, platform: Services): ModuleListener[];
}

export interface ModuleListener {
  name: string;
  /** Starts listening; answers the line `npm start` prints (or null when configured off). */
  start(): Promise<string | null>;
  stop(): Promise<void>;
}

export function defineBusinessModule<S extends object>(module: BusinessModule<S>): BusinessModule<S> {
  if (!/^[a-z][A-Za-z]*$/.test(module.name)) throw new Error(`module name ${module.name} must be camelCase`);
  return module;
}

/** The services a module built, typed by its definition. */
export function moduleServices<S extends object>(platform: Services, module: BusinessModule<S>): S {
  const services = platform.modules.get(module.name);
  if (!services) throw new Error(`module ${module.name} is not part of this platform`);
  return services as S;
}
