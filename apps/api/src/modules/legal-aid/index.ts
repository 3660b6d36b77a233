import { defineBusinessModule } from '../business-module.ts';
import { assignmentRoutes } from './assignment.routes.ts';
import { legalAidAssignmentNoticeSeries } from './assignment.rules.ts';
import { AssignmentService } from './assignment.service.ts';
import { lawyerCaseRoutes } from './lawyer-case.routes.ts';
import { LawyerCaseService } from './lawyer-case.service.ts';
import {
  legalAidApplication,
  legalAidCaseSeries,
  legalAidCorrectionSeries,
  legalAidGrantSeries,
  legalAidRefusalSeries,
  legalAidTerminationSeries,
} from './legal-aid.case-type.ts';
import { legalAidCasesDemo } from './legal-aid.demo.ts';
import { legalAidDocumentTemplates } from './legal-aid.documents.ts';
import { legalAidApplicationMetrics } from './legal-aid.metrics.ts';
import { legalAidRoutes } from './legal-aid.routes.ts';
import { LegalAidService } from './legal-aid.service.ts';
import { qualityRoutes } from './quality.routes.ts';
import { QualityService } from './quality.service.ts';
import { registryDemo, registryGuardedTables } from './registry.demo.ts';
import { registryMetrics } from './registry.metrics.ts';
import { registryRoutes } from './registry.routes.ts';
import { RegistryService } from './registry.service.ts';

export { currentAssignment } from './assignment.repo.ts';
export type { AssignmentService } from './assignment.service.ts';
export type { LawyerCaseService } from './lawyer-case.service.ts';
export { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
export type { LegalAidService } from './legal-aid.service.ts';
export type { QualityService } from './quality.service.ts';
export type { LawyerStandingView, RegistryService } from './registry.service.ts';

// 法律援助: the legal-aid module's public surface. The application case (legal-aid.*) and the registries
// (lawyers, consultations, duty roster, workstations, support teams) declare their pieces here.

/** The module's services, built once from the platform's. */
export interface LegalAidServices {
  /** 法律援助申请: counter entry, portal drafts and submission, the application page, progress. */
  applications: LegalAidService;
  /** 法律援助登记: lawyers, duty roster, workstations, support teams, consultations. */
  registry: RegistryService;
  /** 质量评估、办案补贴、承诺核查: rating closed cases, subsidy rates and payment batches, pledge checks. */
  quality: QualityService;
  /** 指派律师: candidates, 指派 and 更换律师 (第四十三条, 第二十六条). */
  assignment: AssignmentService;
  /** 律师办案: the assigned lawyer accepts or returns, logs progress, closes; the centre reads. */
  lawyerCases: LawyerCaseService;
}

export const legalAidModule = defineBusinessModule<LegalAidServices>({
  name: 'legalAid',
  label: '法律援助',
  caseTypes: [legalAidApplication],
  numberSeries: [
    legalAidCaseSeries,
    legalAidGrantSeries,
    legalAidRefusalSeries,
    legalAidTerminationSeries,
    legalAidCorrectionSeries,
    legalAidAssignmentNoticeSeries,
  ],
  documentTemplates: [...legalAidDocumentTemplates],
  metrics: [...legalAidApplicationMetrics, ...registryMetrics],
  demoSteps: [registryDemo, legalAidCasesDemo],
  demoGuardedTables: [...registryGuardedTables],
  createServices: (platform) => ({
    assignment: new AssignmentService({
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      workflow: platform.workflow,
      documents: platform.documents,
    }),
    applications: new LegalAidService({
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      workflow: platform.workflow,
      persons: platform.persons,
      files: platform.files,
      outbox: platform.outbox,
    }),
    registry: new RegistryService({
      db: platform.database.db,
      clock: platform.clock,
      cipher: platform.cipher,
      audit: platform.audit,
    }),
    lawyerCases: new LawyerCaseService({
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      workflow: platform.workflow,
      files: platform.files,
    }),
    quality: new QualityService({
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      workflow: platform.workflow,
    }),
  }),
  routes: (services, platform) => async (app) => {
    await app.register(legalAidRoutes(services.applications, platform.idempotency));
    await app.register(registryRoutes(services.registry));
    await app.register(assignmentRoutes(services.assignment));
    await app.register(lawyerCaseRoutes(services.lawyerCases));
    await app.register(qualityRoutes(services.quality));
  },
  jobs: (services) => [
    {
      // 第四十三条: applications whose correction time ran out count as withdrawn; daily after midnight.
      name: 'legalAid.withdrawOverdueCorrections',
      cron: '10 0 * * *',
      run: async () => {
        await services.applications.withdrawOverdueCorrections();
      },
    },
  ],
});
