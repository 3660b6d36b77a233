import type { Services } from '../../services.ts';
import { defineBusinessModule } from '../business-module.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { DispatchService } from './dispatch.service.ts';
import { mediationAgreementSeries, mediationCaseSeries, mediationDispute } from './dispute.case-type.ts';
import { disputeLedger } from './intake.import.ts';
import { intakeRoutes } from './intake.routes.ts';
import { IntakeService } from './intake.service.ts';
import { mediationDisputesDemo, mediationDisputesGuardedTables } from './mediation.demo.ts';
import { mediationMetrics } from './mediation.metrics.ts';
import { agreementFieldSet, mediationAgreementTemplate } from './process.documents.ts';
import { processRoutes } from './process.routes.ts';
import { ProcessService } from './process.service.ts';
import { registryDemo, registryGuardedTables } from './registry.demo.ts';
import { registryMetrics } from './registry.metrics.ts';
import { registryRoutes } from './registry.routes.ts';
import { MediationRegistryService } from './registry.service.ts';
import { MediationOverviewService } from './sweep.overview.ts';
import { sweepRoutes } from './sweep.routes.ts';
import { SweepService } from './sweep.service.ts';

export type { DispatchService } from './dispatch.service.ts';
export { MEDIATION_DISPUTE } from './dispute.case-type.ts';
export type { IntakeService, RegisteredDispute } from './intake.service.ts';
export type { ProcessService } from './process.service.ts';
export type { MediationRegistryService } from './registry.service.ts';

// 人民调解: the mediation module's public surface. Committees, mediators and studios (registry.*), disputes
// from every door and their dispatch (intake.*), the mediation itself (process.*), dispute sweeps (sweep.*),
// the figures (mediation.metrics.ts) and the demo declare their pieces here.

/** The module's services, built once from the platform's. */
export interface MediationServices {
  /** 人民调解组织: committees, mediators and their training, studios. */
  registry: MediationRegistryService;
  /** 矛盾纠纷排查: plan, record as held, cancel; the disputes a sweep found. */
  sweeps: SweepService;
  /** 调解概览: the figures for the caller's scope, by county, town and committee. */
  overview: MediationOverviewService;
  /** 调解过程: accept or decline, sessions, outcome and agreement, follow-ups, judicial confirmation; queue and board. */
  process: ProcessService;
  /** 纠纷登记: every door (portal, walk-in, referrals, sweeps, demo, ledger), duplicates, dispatch; progress. */
  intake: IntakeService;
  /** 改派: another committee for a dispute waiting for acceptance. */
  dispatch: DispatchService;
}

export const mediationModule = defineBusinessModule<MediationServices>({
  name: 'mediation',
  label: '人民调解',
  caseTypes: [mediationDispute],
  numberSeries: [mediationCaseSeries, mediationAgreementSeries],
  documentTemplates: [mediationAgreementTemplate],
  documentFields: ({ cipher }) => [agreementFieldSet(cipher)],
  metrics: [...mediationMetrics, ...registryMetrics],
  demoSteps: [registryDemo, mediationDisputesDemo],
  demoGuardedTables: [...registryGuardedTables, ...mediationDisputesGuardedTables],
  createServices: (platform) => ({
    ...intakeServices(platform),
    process: new ProcessService({
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      workflow: platform.workflow,
      deadlines: platform.deadlines,
      documents: platform.documents,
      files: platform.files,
    }),
    registry: new MediationRegistryService({
      db: platform.database.db,
      clock: platform.clock,
      cipher: platform.cipher,
      audit: platform.audit,
    }),
    sweeps: new SweepService({ db: platform.database.db, clock: platform.clock, audit: platform.audit }),
    overview: new MediationOverviewService({
      db: platform.database.db,
      clock: platform.clock,
      caseTypes: platform.workflow.types,
    }),
  }),
  // 纠纷台账: each row registers through intake.
  importKinds: (services, platform) => [disputeLedger(() => services.intake, platform.workflow)],
  routes: (services, platform) => async (app) => {
    await app.register(registryRoutes(services.registry, platform.idempotency));
    await app.register(processRoutes(services.process));
    await app.register(intakeRoutes(services.intake, platform.idempotency));
    await app.register(dispatchRoutes(services.dispatch));
    await app.register(
      sweepRoutes({
        sweeps: services.sweeps,
        overview: services.overview,
        idempotency: platform.idempotency,
      }),
    );
  },
});

/** Intake and dispatch share their platform dependencies. */
function intakeServices(platform: Services): Pick<MediationServices, 'intake' | 'dispatch'> {
  const deps = {
    db: platform.database.db,
    clock: platform.clock,
    audit: platform.audit,
    workflow: platform.workflow,
    outbox: platform.outbox,
  };
  const intake = new IntakeService({ ...deps, persons: platform.persons, files: platform.files });
  return { intake, dispatch: new DispatchService(deps) };
}
