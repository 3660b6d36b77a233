import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import type { BusinessModule, ModuleListener } from './modules/business-module.ts';
import { shippedModules } from './modules/index.ts';
import type { AuditWriter } from './platform/access/ports.ts';
import { RolesService } from './platform/access/roles.service.ts';
import { UsersService } from './platform/access/users.service.ts';
import { auditRetentionJob, auditSealJob } from './platform/audit/audit.jobs.ts';
import { auditSigningKeyFrom } from './platform/audit/audit-key.ts';
import { recordAudit } from './platform/audit/audit-log.ts';
import { AuthService, defaultAuthPolicy } from './platform/auth/auth.service.ts';
import { SessionsService } from './platform/auth/sessions.service.ts';
import { CalendarService } from './platform/calendar/calendar.service.ts';
import { CalendarStore } from './platform/calendar/calendar-store.ts';
import { CaseService } from './platform/cases/cases.service.ts';
import { type Clock, systemClock } from './platform/clock/clock.ts';
import { createFieldCipher, type FieldCipher } from './platform/crypto/field-cipher.ts';
import { type Keyring, loadKeyring } from './platform/crypto/keyring.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { deadlineRecomputeJob } from './platform/deadlines/deadline.jobs.ts';
import { DeadlineRuleRegistry } from './platform/deadlines/deadline.rules.ts';
import { DeadlineService } from './platform/deadlines/deadline.service.ts';
import { deadlineCatalogue } from './platform/deadlines/deadline-catalogue.ts';
import { deadlineRemindJob } from './platform/deadlines/deadline-reminders.ts';
import {
  type DocumentTemplateDef,
  DocumentTemplateRegistry,
} from './platform/documents/document-template.ts';
import { DocumentsService } from './platform/documents/documents.service.ts';
import { LocalFileStore } from './platform/files/file-store.ts';
import { FilesService } from './platform/files/files.service.ts';
import { idempotencyPruneJob } from './platform/idempotency/idempotency.job.ts';
import { IdempotencyService, idempotencyHashKeyFrom } from './platform/idempotency/idempotency.service.ts';
import { heartbeatJob } from './platform/jobs/heartbeat.job.ts';
import { JobQueue } from './platform/jobs/jobs.ts';
import { type MetricDef, MetricRegistry } from './platform/metrics/metric-registry.ts';
import { MetricsService } from './platform/metrics/metrics.service.ts';
import { platformMetrics } from './platform/metrics/platform-metrics.ts';
import { InboxService } from './platform/notifications/inbox.ts';
import { notificationsSendJob, triggerNotificationSend } from './platform/notifications/notifications.job.ts';
import { createNotificationOutbox, type NotificationOutbox } from './platform/notifications/outbox.ts';
import { createSmsTransport, smsSettingsFromEnv } from './platform/notifications/sms-transport.ts';
import { type NumberSeries, NumberSeriesRegistry } from './platform/numbering/number-series.ts';
import { NumberingService } from './platform/numbering/numbering.service.ts';
import { expandSubtrees } from './platform/org/org.repo.ts';
import { OrgService } from './platform/org/org.service.ts';
import { PersonsService } from './platform/persons/persons.service.ts';
import { Lifecycle } from './platform/runtime/lifecycle.ts';
import type { Logger } from './platform/runtime/logger.ts';
import { ImportKindRegistry } from './platform/spreadsheets/import-kind.ts';
import { SpreadsheetService } from './platform/spreadsheets/spreadsheets.service.ts';
import { type CaseTypeDef, CaseTypeRegistry } from './platform/workflow/workflow.rules.ts';
import { WorkflowService } from './platform/workflow/workflow.service.ts';

// The composition root: every service is created here, explicitly, and handed what it needs.

export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  version: string;
  database: DatabaseHandle;
  jobs: JobQueue;
  lifecycle: Lifecycle;
  keyring: Keyring;
  cipher: FieldCipher;
  audit: AuditWriter;
  org: OrgService;
  outbox: NotificationOutbox;
  /** 消息中心: each account's in-app messages from the outbox, with read state. */
  inbox: InboxService;
  auth: AuthService;
  users: UsersService;
  roles: RolesService;
  sessions: SessionsService;
  /** The working-day calendar (节假日设置) and the running statutory clocks of cases. */
  calendar: CalendarService;
  deadlines: DeadlineService;
  /** 案号 and 发文字号, allocated in the creating transaction; each module's series go into its registry below. */
  numbering: NumberingService;
  /** Case types and the one transition API; each module's case types go into its registry below. */
  workflow: WorkflowService;
  /** The shared case pages: list, case page, timeline, participants, my deadlines. */
  cases: CaseService;
  /** `Idempotency-Key` on create routes (see platform/idempotency/idempotency.http.ts). */
  idempotency: IdempotencyService;
  /** 附件: uploads, guarded downloads, generated documents (content under DATA_DIR/uploads). */
  files: FilesService;
  /** 当事人: persons, organisations and the parties of cases. */
  persons: PersonsService;
  /** 文书: templates per case type and the documents generated for a case (.docx, PDF preview). */
  documents: DocumentsService;
  /** 统计指标: the registry of named figures (each module adds its own) and their computation. */
  metrics: MetricsService;
  /** Signs audit retention checkpoints (derived from the blind-index key, which never rotates). */
  auditSigningKey: Buffer;
  /** 台账导入 kinds; each module adds its own (tests add the worked example's). */
  imports: ImportKindRegistry;
  /** 台账导入: templates and all-or-nothing imports of .xlsx ledgers. */
  spreadsheets: SpreadsheetService;
  /** The business lines of this platform, in menu order. */
  moduleList: readonly BusinessModule[];
  /** Each module's services by module name (typed access: `moduleServices(services, module)`). */
  modules: Map<string, object>;
  /** Servers besides HTTP the modules run (the JT/T 808 gateway): started by platform-main. */
  listeners: ModuleListener[];
}

export interface ServiceOverrides {
  clock?: Clock;
  jobPollingIntervalSeconds?: number;
  /** Extra case types and number series (tests and the e2e example platform; modules register their own). */
  caseTypes?: CaseTypeDef[];
  numberSeries?: NumberSeries[];
  /** Extra metrics (tests; modules register their own). */
  metrics?: MetricDef[];
  /** Extra default document templates (tests; modules register their own). */
  documentTemplates?: DocumentTemplateDef[];
  /** The business modules; default: every shipped module (modules/index.ts). */
  modules?: readonly BusinessModule[];
}

export const platformName = '珠城智慧司法平台';

export const platformVersion: string = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
).version;

export function createServices(
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Services {
  const db = database.db;
  const clock = overrides.clock ?? systemClock(config.timeZone);
  const moduleList = overrides.modules ?? shippedModules;
  // What the modules declare goes into the platform's registries, next to what a test adds.
  const declared = <T>(pick: (m: BusinessModule) => T[] | undefined, extra: T[] | undefined): T[] => [
    ...moduleList.flatMap((m) => pick(m) ?? []),
    ...(extra ?? []),
  ];
  const jobs = new JobQueue(database, {
    timeZone: config.timeZone,
    logger: logger.child({ component: 'jobs' }),
    ...(overrides.jobPollingIntervalSeconds
      ? { pollingIntervalSeconds: overrides.jobPollingIntervalSeconds }
      : {}),
  });
  jobs.define(heartbeatJob(db, clock));
  jobs.define(auditSealJob(db, clock));

  const keyring = loadKeyring({
    dataDir: config.dataDir,
    env: config.variables,
    isProduction: config.isProduction,
  });
  const cipher = createFieldCipher(keyring);
  const auditSigningKey = auditSigningKeyFrom(keyring);
  jobs.define(
    auditRetentionJob(db, { retentionDays: config.auditRetentionDays, signingKey: auditSigningKey, clock }),
  );
  const audit: AuditWriter = async (executor, ctx, entry) => {
    await recordAudit(executor, ctx, entry, clock);
  };
  const outbox = createNotificationOutbox({ clock, protect: cipher.encrypt, reveal: cipher.decrypt });
  const smsTransport = createSmsTransport(
    smsSettingsFromEnv(config.variables, {
      isProduction: config.isProduction,
      defaultSignName: `${config.cityName}司法局`,
    }),
    logger.child({ component: 'sms' }),
  );
  jobs.define(notificationsSendJob(outbox, db, { sms: smsTransport }));
  // One in-memory calendar snapshot; the deadline engine reads it, override edits refresh it.
  const calendarStore = new CalendarStore();
  const deadlines = new DeadlineService({
    clock,
    calendar: calendarStore,
    rules: new DeadlineRuleRegistry(...deadlineCatalogue),
  });
  jobs.define(deadlineRecomputeJob(db, deadlines));
  jobs.define(deadlineRemindJob(db, { clock, rules: deadlines.rules, outbox }));
  const idempotency = new IdempotencyService({
    db,
    clock,
    cipher,
    hashKey: idempotencyHashKeyFrom(keyring),
  });
  jobs.define(idempotencyPruneJob(idempotency));
  const numbering = new NumberingService({
    db,
    clock,
    series: new NumberSeriesRegistry(...declared((m) => m.numberSeries, overrides.numberSeries)),
    cityName: config.cityName,
    audit,
  });
  const workflow = new WorkflowService({
    db,
    clock,
    audit,
    deadlines,
    numbering,
    types: new CaseTypeRegistry(...declared((m) => m.caseTypes, overrides.caseTypes)),
    outbox,
    // The auth service is made below; a notice asks it when a transition runs, long after.
    citizenPhone: (executor, id) => auth.citizenPhone(executor, id),
  });
  const imports = new ImportKindRegistry();
  const policy = {
    ...defaultAuthPolicy,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionMaxHours,
  };

  const files = new FilesService({
    db,
    clock,
    audit,
    store: new LocalFileStore(config.dataDir, () => clock.now()),
    idempotency,
    maxBytes: config.uploadMaxBytes,
  });
  const documents = new DocumentsService({
    db,
    clock,
    audit,
    numbering,
    files,
    templates: new DocumentTemplateRegistry()
      // A case type's own placeholders first, so its templates may use them.
      .addFields(...moduleList.flatMap((m) => m.documentFields?.({ cipher }) ?? []))
      .add(...declared((m) => m.documentTemplates, overrides.documentTemplates)),
    caseTypeName: (type) => (workflow.types.has(type) ? workflow.types.get(type).name : type),
  });

  const auth = new AuthService({
    db,
    clock,
    policy,
    cipher,
    audit,
    expandSubtrees,
    sendSms: outbox.sendSms,
    afterSms: () => triggerNotificationSend(jobs),
    platformName,
  });

  const services: Services = {
    config,
    clock,
    logger,
    version: platformVersion,
    database,
    jobs,
    lifecycle: new Lifecycle(),
    keyring,
    cipher,
    audit,
    org: new OrgService({ db, clock, audit }),
    outbox,
    inbox: new InboxService({ db, clock }),
    auth,
    users: new UsersService({ db, clock, cipher, audit, expandSubtrees }),
    roles: new RolesService({ db, clock, audit }),
    sessions: new SessionsService({ db, clock, policy, audit }),
    calendar: new CalendarService({ db, clock, audit, store: calendarStore, dependents: deadlines }),
    deadlines,
    numbering,
    workflow,
    cases: new CaseService({ db, clock, audit, workflow, deadlines }),
    idempotency,
    persons: new PersonsService({ db, clock, cipher, audit }),
    files,
    documents,
    metrics: new MetricsService({
      db,
      clock,
      metrics: new MetricRegistry(...platformMetrics, ...declared((m) => m.metrics, overrides.metrics)),
      caseTypes: workflow.types,
    }),
    auditSigningKey,
    imports,
    spreadsheets: new SpreadsheetService({ db, audit, imports, maxBytes: config.uploadMaxBytes }),
    moduleList,
    modules: new Map(),
    listeners: [],
  };
  // Modules build on the finished platform services, in list order (a later module may use an earlier one).
  for (const m of moduleList) {
    if (services.modules.has(m.name)) throw new Error(`module ${m.name} listed twice`);
    const own = m.createServices(services);
    services.modules.set(m.name, own);
    for (const job of m.jobs?.(own, services) ?? []) jobs.define(job);
    for (const kind of m.importKinds?.(own, services) ?? []) imports.add(kind);
    services.listeners.push(...(m.listeners?.(own, services) ?? []));
  }
  return services;
}
