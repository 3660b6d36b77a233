import {
  type CheckInBoard,
  type CheckInSchedule,
  type CheckInView,
  type CheckInWindowView,
  checkInBoardQuerySchema,
  checkInSchema,
  type HoursProgress,
  type MissedCheckInView,
  missedCheckInResolveSchema,
  type PeriodicReportView,
  type PortalHome,
  type PortalRecords,
  permissions as p,
  periodicReportSchema,
  portalReportInSchema,
  type SupervisionContactView,
  type SupervisionHoursView,
  type SupervisionLevel,
  type SupervisionRecord,
  supervisionContactSchema,
  supervisionHoursSchema,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff, systemContext } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DeadlineService } from '../../platform/deadlines/deadline.service.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { inboxRecipient } from '../../platform/notifications/inbox.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import { stateLabel } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as intakeRepo from './intake.repo.ts';
import type { IntakeService } from './intake.service.ts';
import type { PortalTerm, SuperviseePortalService } from './portal.service.ts';
import { CORRECTIONS_SUPERVISEE, REPORT_IN_RULE } from './register.case-type.ts';
import * as registerRepo from './register.repo.ts';
import { daysRemaining, listName } from './register.rules.ts';
import { parse } from './register.service.ts';
import * as repo from './supervision.repo.ts';
import {
  CHECK_IN_SCHEDULE_SETTING,
  type CheckInWindow,
  checkInSchedule,
  classifyCheckIn,
  effectiveLevel,
  locationText,
  missedWindows,
  monthOf,
  monthRange,
  obligationsStart,
  recentMonths,
  scheduleLabel,
  windowLabelOf,
  windowState,
  windowsFor,
} from './supervision.rules.ts';
import type {
  CorrectionsCheckInRow,
  CorrectionsMissedCheckInRow,
  CorrectionsPeriodicReportRow,
  CorrectionsSupervisionContactRow,
  CorrectionsSupervisionHoursRow,
} from './supervision.schema.ts';

export interface SupervisionServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  deadlines: DeadlineService;
  files: Pick<FilesService, 'attachToCase'>;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  portal: SuperviseePortalService;
  intake: Pick<IntakeService, 'reportInOnline'>;
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);
/** How far back the job looks for closed windows (a weekly window spans 7 days). */
const LOOKBACK_DAYS = 14;

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

// 日常监管: the supervisee's check-ins, monthly reports and online report-in in the portal (each starts from
// the portal's `currentTerm`, so only that term's rows are touched), the officers' visits, calls and hours
// (the supervisee in the caller's scope, else 404), the office's board of today's check-ins, and the job that
// turns a window closed without a check-in into a missed check-in and a message to the office.
export class SupervisionService {
  readonly #d: SupervisionServiceDeps;

  constructor(deps: SupervisionServiceDeps) {
    this.#d = deps;
  }

  // ---- portal -------------------------------------------------------------------------------------------------

  /** 我的矫正: status, days remaining, level, today's windows, this month's report and hours. */
  async home(ctx: RequestContext, executor: Executor = this.#d.db): Promise<PortalHome> {
    const term = await this.#d.portal.currentTerm(ctx, executor);
    const found = await registerRepo.findSupervisee(executor, null, term.caseId);
    if (!found) throw AppError.notFound('社区矫正档案');
    const { clock, deadlines, workflow } = this.#d;
    const today = clock.today();
    const schedule = await this.#schedule(executor);
    const underSupervision = found.record.status === 'underSupervision';
    const level = effectiveLevel(found.s.supervisionLevel);
    const [clockRow, reports, progress, todayWindows] = await Promise.all([
      deadlines.find(executor, {
        caseType: CORRECTIONS_SUPERVISEE,
        caseId: term.caseId,
        ruleCode: REPORT_IN_RULE,
      }),
      repo.reportsOf(executor, term.caseId),
      this.#progress(executor, term.caseId, [monthOf(today)]),
      underSupervision
        ? this.#todayWindows(executor, term.caseId, schedule, level, found.s.reportedInOn)
        : Promise.resolve([]),
    ]);
    return {
      caseNo: found.record.caseNo,
      name: found.person.name,
      status: found.record.status,
      statusLabel: stateLabel(workflow.types.get(CORRECTIONS_SUPERVISEE), found.record.status),
      sentenceKind: found.s.sentenceKind,
      supervisionLevel: found.s.supervisionLevel,
      flags: found.s.flags,
      officeName: found.officeName,
      periodStart: found.s.periodStart,
      periodEnd: found.s.periodEnd,
      daysRemaining: daysRemaining(found.s.periodEnd, today),
      reportInDueOn: found.record.status === 'awaitingReportIn' ? (clockRow?.dueOn ?? null) : null,
      reportedInOn: found.s.reportedInOn,
      scheduleLabel: underSupervision ? scheduleLabel(schedule[level]) : null,
      today: todayWindows,
      reportSubmittedThisMonth: reports.some((r) => r.month === monthOf(today)),
      progress: progress[0] as HoursProgress,
    };
  }

  /** 打卡: on time inside an open window, late otherwise (recorded, never refused). */
  async checkIn(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<CheckInView> {
    const term = await this.#d.portal.currentTerm(ctx, tx);
    const input = parse(checkInSchema, raw);
    const found = await this.#underSupervision(tx, term);
    const now = this.#d.clock.now();
    const level = effectiveLevel(found.s.supervisionLevel);
    const { status, window } = classifyCheckIn(await this.#schedule(tx), level, now);
    if (input.photoFileId) await this.#attachPhoto(tx, ctx, term.caseId, input.photoFileId);
    const row = await repo.insertCheckIn(tx, {
      id: crypto.randomUUID(),
      caseId: term.caseId,
      at: now,
      status,
      level,
      windowKey: window?.key ?? null,
      windowOpensAt: window?.opensAt ?? null,
      windowClosesAt: window?.closesAt ?? null,
      latitude: input.location.latitude,
      longitude: input.location.longitude,
      accuracyM: input.location.accuracy,
      photoFileId: input.photoFileId ?? null,
      note: input.note ?? null,
      citizenAccountId: this.#citizenId(ctx),
      createdAt: now,
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.checkIn',
      entityType: 'case',
      entityId: term.caseId,
      after: { checkInId: row.id, status, windowKey: row.windowKey, accuracy: input.location.accuracy },
    });
    return checkInView(row);
  }

  /** 思想汇报: one a month. */
  async submitReport(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<PeriodicReportView> {
    const term = await this.#d.portal.currentTerm(ctx, tx);
    const input = parse(periodicReportSchema, raw);
    await this.#underSupervision(tx, term);
    const month = monthOf(this.#d.clock.today());
    if (input.photoFileId) await this.#attachPhoto(tx, ctx, term.caseId, input.photoFileId);
    const row = await repo.insertReport(tx, {
      id: crypto.randomUUID(),
      caseId: term.caseId,
      month,
      content: input.content,
      photoFileId: input.photoFileId ?? null,
      citizenAccountId: this.#citizenId(ctx),
      submittedAt: this.#d.clock.now(),
    });
    if (!row) throw AppError.conflict(`${Number(month.slice(5))}月的思想汇报已经提交，下月再来`);
    await this.#d.audit(tx, ctx, {
      action: 'corrections.periodicReport.submit',
      entityType: 'case',
      entityId: term.caseId,
      after: { reportId: row.id, month, photo: row.photoFileId !== null },
    });
    return reportView(row);
  }

  /** 网上报到: photo and location kept as the evidence; the report-in itself is intake's (clock met). */
  async reportIn(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<PortalHome> {
    const term = await this.#d.portal.currentTerm(ctx, tx);
    const input = parse(portalReportInSchema, raw);
    const found = await registerRepo.findSupervisee(tx, null, term.caseId);
    if (found?.record.status !== 'awaitingReportIn') throw AppError.conflict('您已经报到，无需重复报到');
    const now = this.#d.clock.now();
    const today = this.#d.clock.today();
    await this.#attachPhoto(tx, ctx, term.caseId, input.photoFileId);
    await this.#d.intake.reportInOnline(tx, ctx, term, {
      reportedOn: today,
      comment: `${today} 网上报到（${locationText(input.location)}）${input.note ? `：${input.note}` : ''}`,
    });
    if (!found.s.photoFileId) {
      // A register without a photo takes the report-in photo (本人正面照片) as the archive's.
      const after = await registerRepo.findSupervisee(tx, null, term.caseId);
      if (after && !after.s.photoFileId) {
        await registerRepo.updateSupervisee(tx, term.caseId, after.s.version, {
          photoFileId: input.photoFileId,
          updatedAt: now,
        });
      }
    }
    await repo.insertReportInEvidence(tx, {
      caseId: term.caseId,
      reportedAt: now,
      photoFileId: input.photoFileId,
      latitude: input.location.latitude,
      longitude: input.location.longitude,
      accuracyM: input.location.accuracy,
      note: input.note ?? null,
      citizenAccountId: this.#citizenId(ctx),
    });
    return this.home(ctx, tx);
  }

  /** 我的记录: my check-ins, missed windows and reports. */
  async records(ctx: RequestContext): Promise<PortalRecords> {
    const term = await this.#d.portal.currentTerm(ctx);
    const [checkIns, missed, reports] = await Promise.all([
      repo.checkInsOf(this.#d.db, term.caseId),
      repo.missedOf(this.#d.db, term.caseId),
      repo.reportsOf(this.#d.db, term.caseId),
    ]);
    return {
      checkIns: checkIns.map(checkInView),
      missed: missed.map(missedView),
      reports: reports.map(reportView),
    };
  }

  // ---- console ------------------------------------------------------------------------------------------------

  /** The 日常监管 tab: 404 outside the scope; audited (the record shows where the supervisee was). */
  async record(ctx: RequestContext, caseId: string): Promise<SupervisionRecord> {
    const staff = requireStaff(ctx);
    const { db, clock } = this.#d;
    const found = await registerRepo.findSupervisee(db, staff, caseId);
    if (!found) throw AppError.notFound('社区矫正对象');
    await db.transaction((tx) =>
      this.#d.audit(tx, ctx, {
        action: 'corrections.supervision.read',
        entityType: 'case',
        entityId: caseId,
        detail: { caseNo: found.record.caseNo },
      }),
    );
    const schedule = await this.#schedule(db);
    const level = effectiveLevel(found.s.supervisionLevel);
    const underSupervision = found.record.status === 'underSupervision';
    const [checkIns, missed, reports, contacts, hours, progress, evidence, today] = await Promise.all([
      repo.checkInsOf(db, caseId),
      repo.missedOf(db, caseId),
      repo.reportsOf(db, caseId),
      repo.contactsOf(db, caseId),
      repo.hoursOf(db, caseId),
      this.#progress(
        db,
        caseId,
        // The last six months of the term (this month at least).
        recentMonths(monthOf(clock.today()), 6).filter(
          (m, i) => i === 0 || m >= monthOf(found.s.periodStart),
        ),
      ),
      repo.reportInEvidenceOf(db, caseId),
      underSupervision
        ? this.#todayWindows(db, caseId, schedule, level, found.s.reportedInOn)
        : Promise.resolve([]),
    ]);
    return {
      caseId,
      supervisionLevel: found.s.supervisionLevel,
      scheduleLabel: underSupervision ? scheduleLabel(schedule[level]) : null,
      today,
      checkIns: checkIns.map(checkInView),
      missed: missed.map(missedView),
      reports: reports.map(reportView),
      contacts: contacts.map(contactView),
      hours: hours.map(hoursView),
      progress,
      reportIn: evidence
        ? {
            reportedAt: evidence.reportedAt.toISOString(),
            photoFileId: evidence.photoFileId,
            location: locationView(evidence),
            note: evidence.note,
          }
        : null,
    };
  }

  /** 走访 / 电话核查. */
  async addContact(
    tx: Transaction,
    ctx: RequestContext,
    caseId: string,
    raw: unknown,
  ): Promise<SupervisionContactView> {
    const staff = requireStaff(ctx);
    const input = parse(supervisionContactSchema, raw);
    const found = await registerRepo.findSupervisee(tx, staff, caseId);
    if (!found) throw AppError.notFound('社区矫正对象');
    if (input.occurredOn > this.#d.clock.today())
      throw fieldError('occurredOn', '走访（核查）日期不能晚于今天');
    if (input.occurredOn < found.s.judgmentEffectiveOn) {
      throw fieldError('occurredOn', '走访（核查）日期不能早于判决（裁定、决定）生效日期');
    }
    const row = await repo.insertContact(tx, {
      id: crypto.randomUUID(),
      caseId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      place: input.place ?? null,
      content: input.content,
      finding: input.finding ?? null,
      recordedBy: staff.displayName,
      recordedById: staff.id,
      createdAt: this.#d.clock.now(),
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.contact.add',
      entityType: 'case',
      entityId: caseId,
      after: { contactId: row.id, kind: row.kind, occurredOn: row.occurredOn },
    });
    return contactView(row);
  }

  /** Hours of education or public service, against the plan's monthly targets. */
  async addHours(
    tx: Transaction,
    ctx: RequestContext,
    caseId: string,
    raw: unknown,
  ): Promise<SupervisionHoursView> {
    const staff = requireStaff(ctx);
    const input = parse(supervisionHoursSchema, raw);
    const found = await registerRepo.findSupervisee(tx, staff, caseId);
    if (!found) throw AppError.notFound('社区矫正对象');
    if (found.record.status !== 'underSupervision')
      throw AppError.conflict('社区矫正对象报到后才能记录教育学习和公益活动');
    if (input.occurredOn > this.#d.clock.today()) throw fieldError('occurredOn', '活动日期不能晚于今天');
    if (input.occurredOn < found.s.periodStart)
      throw fieldError('occurredOn', '活动日期不能早于矫正期起始日');
    const row = await repo.insertHours(tx, {
      id: crypto.randomUUID(),
      caseId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      hours: input.hours,
      activity: input.activity,
      recordedBy: staff.displayName,
      createdAt: this.#d.clock.now(),
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.hours.add',
      entityType: 'case',
      entityId: caseId,
      after: { hoursId: row.id, kind: row.kind, occurredOn: row.occurredOn, hours: row.hours },
    });
    return hoursView(row);
  }

  /** The task of a missed check-in ends with what the officer found. */
  async resolveMissed(
    ctx: RequestContext,
    caseId: string,
    id: number,
    raw: unknown,
  ): Promise<MissedCheckInView> {
    const staff = requireStaff(ctx);
    const input = parse(missedCheckInResolveSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await registerRepo.findSupervisee(tx, staff, caseId);
      if (!found) throw AppError.notFound('社区矫正对象');
      const missed = await repo.findMissed(tx, caseId, id);
      if (!missed) throw AppError.notFound('未打卡记录');
      if (missed.status !== 'open') throw AppError.conflict('该未打卡记录已经核实');
      const row = await repo.resolveMissed(tx, id, {
        resolutionNote: input.note,
        resolvedBy: staff.displayName,
        resolvedAt: this.#d.clock.now(),
      });
      if (!row) throw AppError.conflict('该未打卡记录已经核实');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.missedCheckIn.resolve',
        entityType: 'case',
        entityId: caseId,
        after: { missedId: id, windowKey: row.windowKey },
      });
      return missedView(row);
    });
  }

  /** 今日打卡 / 未打卡: the supervisees under supervision in the caller's scope (one office, or all). */
  async board(ctx: RequestContext, rawQuery: unknown): Promise<CheckInBoard> {
    const staff = requireStaff(ctx);
    const q = parse(checkInBoardQuerySchema, rawQuery);
    const { db, clock } = this.#d;
    const date = q.date ?? clock.today();
    if (date > clock.today()) throw fieldError('date', '日期不能晚于今天');
    const schedule = await this.#schedule(db);
    const terms = await repo.supervisedInScope(db, staff, q.officeId);
    const ids = terms.map((t) => t.caseId);
    const since = windowsStartOf(schedule, date);
    const [done, last] = await Promise.all([repo.onTimeKeys(db, ids, since), repo.lastCheckIns(db, ids)]);
    const now = clock.now();
    const rows = terms.map((t) => {
      const level = effectiveLevel(t.level);
      const started = t.reportedInOn ? obligationsStart(t.reportedInOn) : now;
      const windows = windowsFor(schedule, level, date)
        .filter((w) => w.opensAt >= started)
        .map((w) => windowView(w, now, done.get(t.caseId)?.has(w.key) ?? false));
      return {
        caseId: t.caseId,
        caseNo: t.caseNo,
        name: listName(t.name, t.flags.includes('minor')),
        office: { id: t.unitId, name: t.officeName },
        supervisionLevel: t.level,
        windows,
        done: windows.filter((w) => w.state === 'done').length,
        missed: windows.filter((w) => w.state === 'missed').length,
        lastCheckInAt: last.get(t.caseId)?.toISOString() ?? null,
      };
    });
    const shown = rows.filter((r) =>
      q.show === 'missed'
        ? r.missed > 0
        : q.show === 'done'
          ? r.windows.length > 0 && r.done === r.windows.length
          : true,
    );
    return {
      date,
      rows: shown,
      totals: {
        supervisees: rows.length,
        windows: rows.reduce((n, r) => n + r.windows.length, 0),
        done: rows.reduce((n, r) => n + r.done, 0),
        missed: rows.reduce((n, r) => n + r.missed, 0),
      },
    };
  }

  // ---- the job ------------------------------------------------------------------------------------------------

  /**
   * `corrections.missedCheckIns`: every window that closed without an on-time check-in becomes a missed
   * check-in (once) and an in-app message to the office's supervising staff — the case number only, no
   * name. Looks back two weeks; windows before the day after the report-in do not count. Returns how many.
   */
  async recordMissedCheckIns(): Promise<number> {
    const { db, clock, audit, outbox } = this.#d;
    const now = clock.now();
    const schedule = await this.#schedule(db);
    const terms = (await repo.allSupervised(db)).filter((t) => t.reportedInOn);
    const lookback = new Date(now.getTime() - LOOKBACK_DAYS * 24 * 60 * 60 * 1000);
    const ids = terms.map((t) => t.caseId);
    const [done, recorded] = await Promise.all([
      repo.onTimeKeys(db, ids, lookback),
      repo.missedKeys(db, ids, lookback),
    ]);
    let made = 0;
    for (const t of terms) {
      const start = obligationsStart(t.reportedInOn as string);
      const since = start > lookback ? start : lookback;
      const level = effectiveLevel(t.level);
      const skip = new Set([...(done.get(t.caseId) ?? []), ...(recorded.get(t.caseId) ?? [])]);
      const missed = missedWindows(schedule, level, { since, now, until: t.periodEnd }, skip);
      if (missed.length === 0) continue;
      made += await db.transaction(async (tx) => {
        let n = 0;
        const staffIds = await intakeRepo.officeStaffHolding(tx, t.unitId, p.corrections.supervise);
        for (const w of missed) {
          const row = await repo.insertMissed(tx, {
            caseId: t.caseId,
            windowKey: w.key,
            windowOpensAt: w.opensAt,
            windowClosesAt: w.closesAt,
            level,
            createdAt: now,
          });
          if (!row) continue;
          n++;
          await audit(tx, systemContext('corrections.missedCheckIns'), {
            action: 'corrections.missedCheckIn.record',
            entityType: 'case',
            entityId: t.caseId,
            after: { missedId: row.id, windowKey: w.key },
          });
          const when = windowLabelOf(w.key, w.opensAt, w.closesAt);
          const body = `【未按时打卡】社区矫正对象（${t.caseNo ?? ''}）未在 ${when} 打卡，请及时核实并记录核实情况。`;
          for (const id of staffIds) {
            const recipient = inboxRecipient('staff', id);
            await outbox.enqueue(tx, {
              channel: 'inApp',
              recipient,
              template: 'corrections.missedCheckIn',
              body,
              payload: { caseId: t.caseId, caseType: CORRECTIONS_SUPERVISEE, missedCheckInId: row.id },
              dedupeKey: `corrections.missedCheckIn:${t.caseId}:${w.key}:${recipient}`,
            });
          }
        }
        return n;
      });
    }
    return made;
  }

  // ---- inside -------------------------------------------------------------------------------------------------

  async #schedule(executor: Executor): Promise<CheckInSchedule> {
    return checkInSchedule(await readSetting(executor, CHECK_IN_SCHEDULE_SETTING));
  }

  async #underSupervision(tx: Transaction, term: PortalTerm): Promise<registerRepo.SuperviseeRecord> {
    const found = await registerRepo.findSupervisee(tx, null, term.caseId);
    if (!found) throw AppError.notFound('社区矫正档案');
    if (found.record.status === 'awaitingReportIn')
      throw AppError.conflict('请先完成报到，再进行打卡和思想汇报');
    if (found.record.status !== 'underSupervision') throw AppError.conflict('您的社区矫正已结束');
    return found;
  }

  async #todayWindows(
    executor: Executor,
    caseId: string,
    schedule: CheckInSchedule,
    level: SupervisionLevel,
    reportedInOn: string | null,
  ): Promise<CheckInWindowView[]> {
    const today = this.#d.clock.today();
    // The report-in day itself has no obligations (they start the next day, as the job counts them).
    const start = reportedInOn ? obligationsStart(reportedInOn) : null;
    const windows = windowsFor(schedule, level, today).filter((w) => !start || w.opensAt >= start);
    const done = await repo.onTimeKeys(executor, [caseId], windowsStartOf(schedule, today));
    const now = this.#d.clock.now();
    return windows.map((w) => windowView(w, now, done.get(caseId)?.has(w.key) ?? false));
  }

  async #progress(executor: Executor, caseId: string, months: string[]): Promise<HoursProgress[]> {
    const plan = await intakeRepo.planOf(executor, caseId);
    const oldest = months.at(-1) ?? monthOf(this.#d.clock.today());
    const newest = months[0] ?? oldest;
    const sums = await repo.hoursByMonth(executor, caseId, monthRange(oldest).from, monthRange(newest).to);
    const sum = (month: string, kind: string) =>
      sums.filter((s) => s.month === month && s.kind === kind).reduce((n, s) => n + s.hours, 0);
    return months.map((month) => ({
      month,
      education: { done: sum(month, 'education'), target: plan?.educationHoursMonthly ?? null },
      publicService: { done: sum(month, 'publicService'), target: plan?.publicServiceHoursMonthly ?? null },
    }));
  }

  async #attachPhoto(tx: Transaction, ctx: RequestContext, caseId: string, fileId: string): Promise<void> {
    const attached = await this.#d.files.attachToCase(tx, ctx, {
      caseId,
      owner: { kind: 'citizen', id: this.#citizenId(ctx) },
      fileIds: [fileId],
    });
    const photo = attached[0];
    if (!photo) throw fieldError('photoFileId', '照片找不到或已经用过，请重新拍照');
    if (!PHOTO_TYPES.has(photo.mime)) throw fieldError('photoFileId', '照片应为 JPEG 或 PNG 图片');
  }

  #citizenId(ctx: RequestContext): string {
    if (ctx.principal?.kind !== 'citizen') throw AppError.notFound('社区矫正档案');
    return ctx.principal.id;
  }
}

/** The earliest opening of the windows due on `date` (a weekly window opens on Monday). */
function windowsStartOf(schedule: CheckInSchedule, date: string): Date {
  const all = (['strict', 'ordinary', 'lenient'] as const).flatMap((l) => windowsFor(schedule, l, date));
  return new Date(Math.min(...all.map((w) => w.opensAt.getTime())));
}

function windowView(w: CheckInWindow, now: Date, done: boolean): CheckInWindowView {
  return {
    key: w.key,
    label: w.label,
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
    state: windowState(w, now, done),
  };
}

function locationView(r: { latitude: number; longitude: number; accuracyM: number }) {
  const loc = { latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracyM };
  return { ...loc, text: locationText(loc) };
}

function checkInView(r: CorrectionsCheckInRow): CheckInView {
  return {
    id: r.id,
    at: r.at.toISOString(),
    status: r.status,
    windowKey: r.windowKey,
    windowLabel:
      r.windowKey && r.windowOpensAt && r.windowClosesAt
        ? windowLabelOf(r.windowKey, r.windowOpensAt, r.windowClosesAt)
        : null,
    note: r.note,
    photoFileId: r.photoFileId,
    location: locationView(r),
  };
}

function missedView(r: CorrectionsMissedCheckInRow): MissedCheckInView {
  return {
    id: r.id,
    windowKey: r.windowKey,
    windowLabel: windowLabelOf(r.windowKey, r.windowOpensAt, r.windowClosesAt),
    opensAt: r.windowOpensAt.toISOString(),
    closesAt: r.windowClosesAt.toISOString(),
    status: r.status,
    resolutionNote: r.resolutionNote,
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}

function reportView(r: CorrectionsPeriodicReportRow): PeriodicReportView {
  return {
    id: r.id,
    month: r.month,
    content: r.content,
    photoFileId: r.photoFileId,
    submittedAt: r.submittedAt.toISOString(),
  };
}

function contactView(r: CorrectionsSupervisionContactRow): SupervisionContactView {
  return {
    id: r.id,
    kind: r.kind,
    occurredOn: r.occurredOn,
    place: r.place,
    content: r.content,
    finding: r.finding,
    recordedBy: r.recordedBy,
    recordedAt: r.createdAt.toISOString(),
  };
}

function hoursView(r: CorrectionsSupervisionHoursRow): SupervisionHoursView {
  return {
    id: r.id,
    kind: r.kind,
    occurredOn: r.occurredOn,
    hours: r.hours,
    activity: r.activity,
    recordedBy: r.recordedBy,
  };
}
