import {
  announcementSchema,
  classifySchema,
  lostContactCloseSchema,
  lostContactOpenSchema,
  lostContactStepSchema,
  permissions as p,
  planSchema,
  reportInSchema,
  type SuperviseeView,
  teamSchema,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff, systemContext } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Transaction } from '../../platform/db/database.ts';
import type { DeadlineService } from '../../platform/deadlines/deadline.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { inboxRecipient } from '../../platform/notifications/inbox.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as repo from './intake.repo.ts';
import { CORRECTIONS_SUPERVISEE, REPORT_IN_RULE } from './register.case-type.ts';
import * as registerRepo from './register.repo.ts';
import { teamProblem } from './register.rules.ts';
import { parse, type RegisterService, staleSupervisee } from './register.service.ts';

export interface IntakeServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  deadlines: DeadlineService;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  register: Pick<RegisterService, 'view'>;
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

// 入矫 (社区矫正法第二十一条、第二十四条、第二十五条) and the lost-contact search (第三十条): the report-in that
// meets the 10-day clock, the supervision team (a woman on a woman's team), classification with reasons,
// the individual plan, the announcement; an overdue report-in opens a search and alerts the office.
export class IntakeService {
  readonly #d: IntakeServiceDeps;

  constructor(deps: IntakeServiceDeps) {
    this.#d = deps;
  }

  /** 报到: the supervisee came to the office; the report-in clock is met (第二十一条). */
  async reportIn(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const input = parse(reportInSchema, raw);
    return this.#edit(ctx, caseId, null, async (tx, found, staff) => {
      await this.#recordReportIn(tx, ctx, found, {
        version: input.version,
        reportedOn: input.reportedOn,
        comment: `${input.reportedOn} 到司法所报到${input.note ? `：${input.note}` : ''}`,
        by: staff.id,
      });
    });
  }

  /**
   * 网上报到: the signed-in supervisee reports in on the portal (the supervision part checks who they are,
   * keeps the photo and location, and calls this in its transaction). The same report-in as at the office:
   * the transition, the met clock, the closed search. The transition is made on the supervisee's behalf by
   * an actor limited to this step at the supervising office.
   */
  async reportInOnline(
    tx: Transaction,
    ctx: RequestContext,
    term: { caseId: string; unitId: number },
    input: { reportedOn: string; comment: string },
  ): Promise<void> {
    const citizen = ctx.principal;
    if (citizen?.kind !== 'citizen') throw AppError.notFound('社区矫正对象');
    const found = await registerRepo.findSupervisee(tx, null, term.caseId, { forUpdate: true });
    if (!found) throw AppError.notFound('社区矫正对象');
    const actor: RequestContext = {
      ...ctx,
      principal: {
        ...citizen,
        displayName: '社区矫正对象本人（网上报到）',
        permissions: new Set([p.corrections.intake]),
        scope: { all: false, unitIds: new Set([term.unitId]), self: false },
      },
    };
    await this.#recordReportIn(tx, actor, found, {
      version: found.record.version,
      reportedOn: input.reportedOn,
      comment: input.comment,
      by: `citizen:${citizen.id}`,
      searchNote: '社区矫正对象通过网上报到',
    });
  }

  async #recordReportIn(
    tx: Transaction,
    ctx: RequestContext,
    found: registerRepo.SuperviseeRecord,
    input: { version: number; reportedOn: string; comment: string; by: string; searchNote?: string },
  ): Promise<void> {
    const caseId = found.record.id;
    if (found.record.status !== 'awaitingReportIn') throw AppError.conflict('该社区矫正对象已经报到');
    if (input.reportedOn > this.#d.clock.today()) throw fieldError('reportedOn', '报到日期不能晚于今天');
    if (input.reportedOn < found.s.judgmentEffectiveOn) {
      throw fieldError('reportedOn', '报到日期不能早于判决（裁定、决定）生效日期');
    }
    await this.#d.workflow.transition(
      ctx,
      { caseId, transition: 'reportIn', version: input.version, comment: input.comment },
      { tx, viaModule: true },
    );
    await registerRepo.updateSupervisee(tx, caseId, found.s.version, {
      reportedInOn: input.reportedOn,
      updatedAt: this.#d.clock.now(),
    });
    // A search opened for the late report-in ends with it.
    const open = await repo.openLostContactOf(tx, caseId);
    if (open) {
      await repo.updateLostContact(tx, open.id, open.version, {
        status: 'closed',
        closedOn: input.reportedOn,
        outcome: 'reportedIn',
        outcomeNote: input.searchNote ?? '社区矫正对象到司法所报到',
        updatedAt: this.#d.clock.now(),
      });
    }
    await this.#d.audit(tx, ctx, {
      action: 'corrections.supervisee.reportIn',
      entityType: 'case',
      entityId: caseId,
      after: { reportedOn: input.reportedOn, closedSearch: open?.id ?? null, by: input.by },
    });
  }

  /** 矫正小组 (第二十五条), saved whole over the version read. */
  async saveTeam(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const input = parse(teamSchema, raw);
    return this.#edit(ctx, caseId, input.version, async (tx, found) => {
      const problem = teamProblem(found.person.gender, input.members);
      if (problem) throw new AppError('CORRECTIONS_TEAM_REFUSED', 422, problem);
      await repo.replaceTeam(
        tx,
        caseId,
        input.members.map((m) => ({
          name: m.name,
          role: m.role,
          gender: m.gender,
          affiliation: m.affiliation ?? null,
          staffUserId: m.staffUserId ?? null,
          leader: m.leader,
        })),
      );
      await this.#bump(tx, caseId, input.version);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.team.save',
        entityType: 'case',
        entityId: caseId,
        after: { members: input.members.map((m) => ({ role: m.role, gender: m.gender, leader: m.leader })) },
      });
    });
  }

  /** 分类管理 (第二十四条): the level, the factors weighed and the reasons; every decision is kept. */
  async classify(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const input = parse(classifySchema, raw);
    return this.#edit(ctx, caseId, input.version, async (tx, found, staff) => {
      if (input.decidedOn > this.#d.clock.today()) throw fieldError('decidedOn', '分类日期不能晚于今天');
      await registerRepo.insertClassification(tx, {
        caseId,
        level: input.level,
        factors: input.factors,
        reasons: input.reasons,
        decidedOn: input.decidedOn,
        decidedBy: staff.displayName,
        createdAt: this.#d.clock.now(),
      });
      const updated = await registerRepo.updateSupervisee(tx, caseId, input.version, {
        supervisionLevel: input.level,
        levelFactors: input.factors,
        levelReasons: input.reasons,
        levelSetOn: input.decidedOn,
        updatedAt: this.#d.clock.now(),
      });
      if (!updated) throw staleSupervisee();
      await this.#d.audit(tx, ctx, {
        action: 'corrections.classify',
        entityType: 'case',
        entityId: caseId,
        before: { level: found.s.supervisionLevel },
        after: { level: input.level, factors: input.factors, decidedOn: input.decidedOn },
      });
    });
  }

  /** 矫正方案 (第二十四条): content and the monthly education and public-service hours. */
  async savePlan(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const input = parse(planSchema, raw);
    return this.#edit(ctx, caseId, input.version, async (tx, _found, staff) => {
      await repo.upsertPlan(tx, {
        caseId,
        content: input.content,
        educationHoursMonthly: input.educationHoursMonthly,
        publicServiceHoursMonthly: input.publicServiceHoursMonthly,
        setOn: input.setOn,
        updatedBy: staff.displayName,
        updatedAt: this.#d.clock.now(),
      });
      await this.#bump(tx, caseId, input.version);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.plan.save',
        entityType: 'case',
        entityId: caseId,
        after: {
          educationHoursMonthly: input.educationHoursMonthly,
          publicServiceHoursMonthly: input.publicServiceHoursMonthly,
          setOn: input.setOn,
        },
      });
    });
  }

  /** 入矫宣告: recorded once. */
  async announce(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const input = parse(announcementSchema, raw);
    return this.#edit(ctx, caseId, input.version, async (tx, _found, staff) => {
      if (input.announcedOn > this.#d.clock.today()) throw fieldError('announcedOn', '宣告日期不能晚于今天');
      const inserted = await repo.insertAnnouncement(tx, {
        caseId,
        announcedOn: input.announcedOn,
        place: input.place,
        host: input.host,
        attendees: input.attendees,
        note: input.note ?? null,
        recordedBy: staff.displayName,
        createdAt: this.#d.clock.now(),
      });
      if (!inserted) throw AppError.conflict('已经记录过入矫宣告');
      await this.#bump(tx, caseId, input.version);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.announce',
        entityType: 'case',
        entityId: caseId,
        after: { announcedOn: input.announcedOn, attendees: input.attendees.length },
      });
    });
  }

  // ---- lost contact (第三十条) ------------------------------------------------------------------------------

  /** An officer opens a search (the supervisee cannot be reached). One open search at a time. */
  async openLostContact(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const input = parse(lostContactOpenSchema, raw);
    return this.#edit(ctx, caseId, null, async (tx, _found, staff) => {
      const row = await repo.insertLostContact(tx, {
        id: crypto.randomUUID(),
        caseId,
        trigger: 'manual',
        status: 'searching',
        openedOn: this.#d.clock.today(),
        note: input.note ?? null,
        openedBy: staff.displayName,
        createdAt: this.#d.clock.now(),
        updatedAt: this.#d.clock.now(),
      });
      if (!row) throw AppError.conflict('该社区矫正对象已有正在进行的失联查找');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.lostContact.open',
        entityType: 'case',
        entityId: caseId,
        after: { lostContactId: row.id, trigger: 'manual' },
      });
    });
  }

  /** One step of the search: how, what was done, what came of it. */
  async addSearchStep(
    ctx: RequestContext,
    caseId: string,
    lostContactId: string,
    raw: unknown,
  ): Promise<SuperviseeView> {
    const input = parse(lostContactStepSchema, raw);
    return this.#edit(ctx, caseId, null, async (tx, _found, staff) => {
      const search = await repo.findLostContact(tx, caseId, lostContactId, { forUpdate: true });
      if (!search) throw AppError.notFound('失联查找记录');
      if (search.status !== 'searching') throw AppError.conflict('该失联查找已经结束，不能再记录查找情况');
      const step = await repo.insertStep(tx, {
        lostContactId,
        at: this.#d.clock.now(),
        method: input.method,
        action: input.action,
        result: input.result,
        recordedBy: staff.displayName,
      });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.lostContact.step',
        entityType: 'case',
        entityId: caseId,
        after: { lostContactId, stepId: step.id, method: input.method },
      });
    });
  }

  async closeLostContact(
    ctx: RequestContext,
    caseId: string,
    lostContactId: string,
    raw: unknown,
  ): Promise<SuperviseeView> {
    const input = parse(lostContactCloseSchema, raw);
    return this.#edit(ctx, caseId, null, async (tx) => {
      const search = await repo.findLostContact(tx, caseId, lostContactId, { forUpdate: true });
      if (!search) throw AppError.notFound('失联查找记录');
      if (search.version !== input.version) throw AppError.conflict('该失联查找已被他人更新，请刷新后重试');
      if (search.status !== 'searching') throw AppError.conflict('该失联查找已经结束');
      const updated = await repo.updateLostContact(tx, lostContactId, input.version, {
        status: 'closed',
        closedOn: this.#d.clock.today(),
        outcome: input.outcome,
        outcomeNote: input.note ?? null,
        updatedAt: this.#d.clock.now(),
      });
      if (!updated) throw AppError.conflict('该失联查找已被他人更新，请刷新后重试');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.lostContact.close',
        entityType: 'case',
        entityId: caseId,
        after: { lostContactId, outcome: input.outcome },
      });
    });
  }

  /**
   * The job: every supervisee whose report-in clock ran out without a report (第二十一条) gets a search
   * opened (第三十条) and the office's supervising staff an alert, once per term. Returns how many.
   */
  async escalateOverdueReportIns(): Promise<number> {
    const { db, clock, deadlines, audit, outbox } = this.#d;
    const today = clock.today();
    let opened = 0;
    for (const s of await registerRepo.awaitingReportIn(db)) {
      const key = { caseType: CORRECTIONS_SUPERVISEE, caseId: s.caseId, ruleCode: REPORT_IN_RULE };
      const clockRow = await deadlines.find(db, key);
      if (clockRow?.status !== 'running' || !clockRow.dueOn || clockRow.dueOn >= today) continue;
      if (await repo.hasLostContact(db, s.caseId, 'reportInOverdue')) continue;
      const made = await db.transaction(async (tx) => {
        const row = await repo.insertLostContact(tx, {
          id: crypto.randomUUID(),
          caseId: s.caseId,
          trigger: 'reportInOverdue',
          status: 'searching',
          openedOn: today,
          note: `报到期限已于 ${clockRow.dueOn} 届满，社区矫正对象未报到`,
          openedBy: '系统',
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        if (!row) return false;
        const ctx = systemContext('corrections.reportInOverdue');
        await audit(tx, ctx, {
          action: 'corrections.lostContact.open',
          entityType: 'case',
          entityId: s.caseId,
          after: { lostContactId: row.id, trigger: 'reportInOverdue', dueOn: clockRow.dueOn },
        });
        const found = await registerRepo.findSupervisee(tx, null, s.caseId);
        const caseNo = found?.record.caseNo ?? '';
        // No name in the message: the office opens the record (a minor's only with the permission).
        const body = `【逾期未报到】社区矫正对象（${caseNo}）的报到期限已于 ${clockRow.dueOn} 届满仍未报到，已启动失联查找（《社区矫正法》第三十条），请立即组织查找并逐次记录。`;
        for (const id of await repo.officeStaffHolding(tx, s.unitId, p.corrections.supervise)) {
          const recipient = inboxRecipient('staff', id);
          await outbox.enqueue(tx, {
            channel: 'inApp',
            recipient,
            template: 'corrections.reportInOverdue',
            body,
            payload: { caseId: s.caseId, caseType: CORRECTIONS_SUPERVISEE, lostContactId: row.id },
            dedupeKey: `corrections.reportInOverdue:${s.caseId}:${recipient}`,
          });
        }
        return true;
      });
      if (made) opened++;
    }
    return opened;
  }

  // ---- inside -------------------------------------------------------------------------------------------------

  /**
   * One intake step in a transaction: the supervisee in the caller's scope (404 otherwise, also for a
   * minor without the permission), locked; the version checked when the step carries one; then the view.
   */
  async #edit(
    ctx: RequestContext,
    caseId: string,
    version: number | null,
    step: (
      tx: Transaction,
      found: registerRepo.SuperviseeRecord,
      staff: ReturnType<typeof requireStaff>,
    ) => Promise<void>,
  ): Promise<SuperviseeView> {
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await registerRepo.findSupervisee(tx, staff, caseId, { forUpdate: true });
      if (!found) throw AppError.notFound('社区矫正对象');
      if (version !== null && found.s.version !== version) throw staleSupervisee();
      await step(tx, found, staff);
      const again = await registerRepo.findSupervisee(tx, staff, caseId);
      if (!again) throw AppError.notFound('社区矫正对象');
      return this.#d.register.view(tx, again);
    });
  }

  async #bump(tx: Transaction, caseId: string, version: number): Promise<void> {
    const updated = await registerRepo.updateSupervisee(tx, caseId, version, {
      updatedAt: this.#d.clock.now(),
    });
    if (!updated) throw staleSupervisee();
  }
}
