import { defineBusinessModule } from '../business-module.ts';
import { approvalCaseSeries, correctionsApprovalType } from './approvals.case-type.ts';
import { approvalDecisionTemplate, approvalFieldSet } from './approvals.documents.ts';
import { approvalsRoutes } from './approvals.routes.ts';
import { ApprovalsService } from './approvals.service.ts';
import { correctionsDemo, correctionsGuardedTables } from './corrections.demo.ts';
import { correctionsMetrics } from './corrections.metrics.ts';
import { IntakeService } from './intake.service.ts';
import {
  correctionsInvestigation,
  investigationCaseSeries,
  investigationReportSeries,
} from './investigation.case-type.ts';
import { investigationFieldSet, investigationReportTemplate } from './investigation.documents.ts';
import { investigationRoutes } from './investigation.routes.ts';
import { InvestigationService } from './investigation.service.ts';
import { correctionsMonitoringType, monitoringCaseSeries } from './monitoring.case-type.ts';
import { monitoringDecisionTemplate, monitoringFieldSet } from './monitoring.documents.ts';
import { monitoringRoutes } from './monitoring.routes.ts';
import { MonitoringService } from './monitoring.service.ts';
import { SuperviseePortalService } from './portal.service.ts';
import { correctionsSupervisee, superviseeCaseSeries } from './register.case-type.ts';
import { registerRoutes } from './register.routes.ts';
import { RegisterService } from './register.service.ts';
import {
  releaseCertificateSeries,
  releaseCertificateTemplate,
  releaseFieldSet,
} from './release.documents.ts';
import { releaseRoutes } from './release.routes.ts';
import { ReleaseService } from './release.service.ts';
import { correctionsSanctionType, sanctionCaseSeries } from './sanctions.case-type.ts';
import { sanctionDecisionTemplate, sanctionFieldSet } from './sanctions.documents.ts';
import { sanctionsRoutes } from './sanctions.routes.ts';
import { SanctionsService } from './sanctions.service.ts';
import { supervisionRoutes } from './supervision.routes.ts';
import { SupervisionService } from './supervision.service.ts';
import { sweepsRoutes } from './sweeps.routes.ts';
import { SweepsService } from './sweeps.service.ts';
import { trainingRoutes } from './training.routes.ts';
import { TrainingService } from './training.service.ts';
import { vesselsRoutes } from './vessels.routes.ts';
import { VesselsService } from './vessels.service.ts';

export { CORRECTIONS_APPROVAL } from './approvals.case-type.ts';
export type { ApprovalsService } from './approvals.service.ts';
export type { IntakeService } from './intake.service.ts';
export { CORRECTIONS_INVESTIGATION } from './investigation.case-type.ts';
export type { InvestigationService } from './investigation.service.ts';
export { CORRECTIONS_MONITORING } from './monitoring.case-type.ts';
export type { MonitoringService } from './monitoring.service.ts';
// For the tracking module (issues 8/9): Art. 29 electronic-monitoring orders in force (not vessel tracking).
export { activeMonitoringOrders, type TrackingMonitoringOrder } from './monitoring.tracking.ts';
export type { PortalTerm, SuperviseePortalService } from './portal.service.ts';
export { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
export type { RegisterService } from './register.service.ts';
export type { ReleaseService } from './release.service.ts';
export { CORRECTIONS_SANCTION } from './sanctions.case-type.ts';
export type { SanctionsService } from './sanctions.service.ts';
export type { SupervisionService } from './supervision.service.ts';
export type { SweepsService } from './sweeps.service.ts';
export type { TrainingService } from './training.service.ts';
// For the tracking module (issues 8/9): vessels, aboard windows, approved sea trips, the moratorium.
export {
  inFishingMoratorium,
  type MoratoriumSettings,
  moratoriumConflict,
  moratoriumExempt,
} from './vessels.rules.ts';
export type { VesselsService } from './vessels.service.ts';
export {
  aboardWindows,
  approvedSeaTrips,
  fishingMoratorium,
  superviseeForTracking,
  superviseesLevels,
  type TrackingAboardWindow,
  type TrackingSeaTrip,
  type TrackingVessel,
  vesselsByIds,
  vesselsForTracking,
} from './vessels.tracking.ts';

// 社区矫正: the corrections module's public surface. Part 1: pre-sentence investigation (investigation.*),
// the register of supervisees (register.*), intake and the lost-contact search (intake.*). Later parts add
// supervision.*, approvals.*, vessels.* (vessels, aboard windows, sea trips: exported here for the
// tracking module), sanctions.*, monitoring.* (Art. 29), release.*, sweeps.*, training.*, metrics, demo
// and the supervisee portal, each with its own services below.

/** The module's services, built once from the platform's. */
export interface CorrectionsServices {
  /** 调查评估: requests, assessment with its report, delivery (第十八条). */
  investigations: InvestigationService;
  /** 社区矫正对象台账: 入矫登记, list, record, corrections. */
  register: RegisterService;
  /** 入矫: report-in, team, classification, plan, announcement; the lost-contact search (第三十条). */
  intake: IntakeService;
  /** 我的矫正: the signed-in supervisee's running term (`currentTerm`), for every part's portal routes. */
  portal: SuperviseePortalService;
  /** 日常监管: check-ins, 思想汇报, 网上报到, visits and calls, hours against the plan, missed check-ins. */
  supervision: SupervisionService;
  /** 船舶与出海报备: vessels, aboard windows, the tracking basis (local rule + consent), sea trips. */
  vessels: VesselsService;
  /** 解除与终止 (第四十四条、第四十五条): release certificate, notices, termination; terms ending soon. */
  release: ReleaseService;
  /** 安全排查: campaigns, the checklist per supervisee, completion by office. */
  sweeps: SweepsService;
  /** 教育培训与就业: vocational training, certificates (海员证), employment guidance. */
  training: TrainingService;
  /** 审批事项 (第二十七条): leave with its approval levels, residence / supervising-place changes, visitors. */
  approvals: ApprovalsService;
  /** 奖惩 (第二十八条): records with the implementing measures' suggestions and documents. */
  sanctions: SanctionsService;
  /** 电子定位监管 (第二十九条): orders on the five conditions, the head's approval, reviews and renewals. */
  monitoring: MonitoringService;
}

export const correctionsModule = defineBusinessModule<CorrectionsServices>({
  name: 'corrections',
  label: '社区矫正',
  caseTypes: [
    correctionsInvestigation,
    correctionsSupervisee,
    correctionsApprovalType,
    correctionsSanctionType,
    correctionsMonitoringType,
  ],
  numberSeries: [
    investigationCaseSeries,
    investigationReportSeries,
    superviseeCaseSeries,
    releaseCertificateSeries,
    approvalCaseSeries,
    sanctionCaseSeries,
    monitoringCaseSeries,
  ],
  documentTemplates: [
    investigationReportTemplate,
    releaseCertificateTemplate,
    approvalDecisionTemplate,
    sanctionDecisionTemplate,
    monitoringDecisionTemplate,
  ],
  documentFields: () => [
    investigationFieldSet,
    releaseFieldSet,
    approvalFieldSet,
    sanctionFieldSet,
    monitoringFieldSet,
  ],
  metrics: correctionsMetrics,
  demoSteps: [correctionsDemo],
  demoGuardedTables: correctionsGuardedTables,
  createServices: (platform) => {
    const base = {
      db: platform.database.db,
      clock: platform.clock,
      audit: platform.audit,
      workflow: platform.workflow,
      deadlines: platform.deadlines,
    };
    const register = new RegisterService({
      ...base,
      persons: platform.persons,
      files: platform.files,
      cipher: platform.cipher,
    });
    const portal = new SuperviseePortalService({ db: platform.database.db });
    const intake = new IntakeService({ ...base, outbox: platform.outbox, register });
    return {
      register,
      approvals: new ApprovalsService({
        ...base,
        documents: platform.documents,
        outbox: platform.outbox,
        cipher: platform.cipher,
        portal,
      }),
      sanctions: new SanctionsService({ ...base, documents: platform.documents }),
      monitoring: new MonitoringService({ ...base, documents: platform.documents }),
      release: new ReleaseService({ ...base, documents: platform.documents }),
      sweeps: new SweepsService({ db: base.db, clock: base.clock, audit: base.audit }),
      training: new TrainingService({ db: base.db, clock: base.clock, audit: base.audit }),
      portal,
      vessels: new VesselsService({
        db: platform.database.db,
        clock: platform.clock,
        audit: platform.audit,
        files: platform.files,
        outbox: platform.outbox,
        cipher: platform.cipher,
        portal,
      }),
      investigations: new InvestigationService({
        ...base,
        persons: platform.persons,
        documents: platform.documents,
        cipher: platform.cipher,
      }),
      intake,
      supervision: new SupervisionService({
        ...base,
        files: platform.files,
        outbox: platform.outbox,
        portal,
        intake,
      }),
    };
  },
  routes: (services, platform) => async (app) => {
    await app.register(releaseRoutes(services.release));
    await app.register(sweepsRoutes(services.sweeps, platform.idempotency));
    await app.register(trainingRoutes(services.training, platform.idempotency));
    await app.register(investigationRoutes(services.investigations, platform.idempotency));
    await app.register(
      registerRoutes({
        register: services.register,
        intake: services.intake,
        idempotency: platform.idempotency,
      }),
    );
    await app.register(vesselsRoutes({ vessels: services.vessels, idempotency: platform.idempotency }));
    await app.register(approvalsRoutes({ approvals: services.approvals, idempotency: platform.idempotency }));
    await app.register(sanctionsRoutes({ sanctions: services.sanctions, idempotency: platform.idempotency }));
    await app.register(
      monitoringRoutes({ monitoring: services.monitoring, idempotency: platform.idempotency }),
    );
    await app.register(
      supervisionRoutes({ supervision: services.supervision, idempotency: platform.idempotency }),
    );
  },
  jobs: (services) => [
    {
      // 第二十一条 / 第三十条: an overdue report-in opens the search and alerts the office; with the reminders.
      name: 'corrections.reportInOverdue',
      cron: '*/10 * * * *',
      run: async () => {
        await services.intake.escalateOverdueReportIns();
      },
    },
    {
      // 日常监管: a check-in window closed without a check-in → a missed check-in and a message to the office.
      name: 'corrections.missedCheckIns',
      cron: '*/10 * * * *',
      run: async () => {
        await services.supervision.recordMissedCheckIns();
      },
    },
  ],
});

/** The module's services from the platform's (tests and other modules' wiring). */
export function moduleServicesOf(platform: { modules: Map<string, object> }): CorrectionsServices {
  const services = platform.modules.get('corrections');
  if (!services) throw new Error('corrections is not part of this platform');
  return services as CorrectionsServices;
}
