import {
  type LegalAidAcceptInput,
  type LegalAidCasework,
  type LegalAidCloseInput,
  type LegalAidDeclineInput,
  type LegalAidMyCase,
  type LegalAidProgressEntry,
  type LegalAidProgressInput,
  legalAidAcceptSchema,
  legalAidCaseOutcomeLabels,
  legalAidCloseSchema,
  legalAidDeclineSchema,
  legalAidDisputeKindLabels,
  legalAidMyCasesQuerySchema,
  legalAidNeedsAmountRecovered,
  legalAidProgressInputSchema,
  legalAidProgressKindLabels,
  permissions as p,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { findCase, removeParticipant } from '../../platform/cases/cases.repo.ts';
import type { CaseRecordRow } from '../../platform/cases/cases.schema.ts';
import { type Clock, calendarDay } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { legalAidDeadlines } from '../../platform/deadlines/deadline-catalogue.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { stateLabel, stateTone } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as repo from './lawyer-case.repo.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';

export interface LawyerCaseServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  files: Pick<FilesService, 'attachToCase'>;
}

const deadlineNames = new Map(Object.values(legalAidDeadlines).map((r) => [r.code, r.name]));

function parse<S extends z.ZodType>(schema: S, raw: unknown, message: string): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw AppError.badRequest(
    message,
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

// 律师办案: the assigned lawyer accepts or returns the assignment, keeps the progress log with its files
// and closes the case (with the amount recovered for pay and work-injury claims); the centre reads it.
export class LawyerCaseService {
  readonly #d: LawyerCaseServiceDeps;

  constructor(deps: LawyerCaseServiceDeps) {
    this.#d = deps;
  }

  /** 我的援助案件: the cases where the caller is the assigned lawyer. */
  async myCases(ctx: RequestContext, rawQuery: unknown = {}): Promise<LegalAidMyCase[]> {
    const principal = this.#requireLawyer(ctx);
    const query = parse(legalAidMyCasesQuerySchema, rawQuery, '查询条件有误');
    const rows = await repo.listLawyerCases(this.#d.db, principal, query.status);
    const ids = rows.map((r) => r.record.id);
    const [assignments, deadlines] = await Promise.all([
      repo.lawyerAssignments(this.#d.db, ids, principal.id),
      repo.nextDeadlines(this.#d.db, ids),
    ]);
    const type = this.#d.workflow.types.get(LEGAL_AID_APPLICATION);
    return rows.map(({ record, app }) => {
      const a = assignments.get(record.id);
      const next = deadlines.get(record.id);
      return {
        caseId: record.id,
        caseNo: record.caseNo,
        version: record.version,
        applicantName: app.applicantName,
        matterSummary: `${legalAidDisputeKindLabels[app.matter.disputeKind]}${
          app.matter.opposingParty ? `（对方：${app.matter.opposingParty}）` : ''
        }`,
        disputeKind: app.matter.disputeKind,
        status: record.status,
        statusLabel: stateLabel(type, record.status),
        tone: stateTone(type, record.status),
        assignedAt: a ? a.assignedAt.toISOString() : null,
        acceptedAt: a?.acceptedAt ? a.acceptedAt.toISOString() : null,
        nextDeadline: next
          ? { dueOn: next.dueOn, label: deadlineNames.get(next.ruleCode) ?? next.ruleCode }
          : null,
      };
    });
  }

  /** 接受指派: the current assignment is accepted and the case goes to 律师承办中, together. */
  async accept(ctx: RequestContext, caseId: string, raw: LegalAidAcceptInput): Promise<LegalAidCasework> {
    const principal = this.#requireLawyer(ctx);
    const input = parse(legalAidAcceptSchema, raw, '请求有误');
    return this.#d.db.transaction(async (tx) => {
      const { record, assignment } = await this.#mine(tx, principal, caseId, input.version);
      if (record.status !== 'assigned' || assignment.acceptedAt)
        throw AppError.conflict('本案已接受指派，无需再次接受');
      const now = this.#d.clock.now();
      await repo.setAccepted(tx, assignment.id, now);
      await this.#d.workflow.transition(
        ctx,
        { caseId, transition: 'acceptAssignment', version: input.version },
        { tx, viaModule: true },
      );
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.assignment.accept',
        entityType: 'case',
        entityId: caseId,
        after: { assignmentId: assignment.id, acceptedAt: now.toISOString() },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /**
   * 退回指派: the lawyer cannot take the case (conflict, illness). The assignment ends, the case goes back
   * to the centre with a new 3-day clock, and the lawyer leaves the case (no longer sees it).
   */
  async decline(ctx: RequestContext, caseId: string, raw: LegalAidDeclineInput): Promise<LegalAidCasework> {
    const principal = this.#requireLawyer(ctx);
    const input = parse(legalAidDeclineSchema, raw, '退回指派的信息不完整');
    return this.#d.db.transaction(async (tx) => {
      const { record, assignment } = await this.#mine(tx, principal, caseId, input.version);
      if (record.status !== 'assigned' || assignment.acceptedAt)
        throw AppError.conflict('已接受指派的案件不能退回；确需更换律师，请联系法律援助中心');
      const now = this.#d.clock.now();
      await repo.endAssignment(tx, assignment.id, {
        endedAt: now,
        endReason: 'declined',
        endNote: input.reason,
      });
      await this.#d.workflow.transition(
        ctx,
        { caseId, transition: 'declineAssignment', version: input.version, comment: input.reason },
        { tx, viaModule: true },
      );
      // The view is read while the lawyer is still on the case; then they leave it.
      const view = await this.#view(tx, principal, caseId);
      await removeParticipant(tx, caseId, {
        accountKind: 'staff',
        accountId: principal.id,
        role: 'assignedLawyer',
      });
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.assignment.decline',
        entityType: 'case',
        entityId: caseId,
        after: { assignmentId: assignment.id, reason: input.reason },
      });
      return { ...view, canHandle: false };
    });
  }

  /** 办案记录: one step of the lawyer's work with its files (uploaded first through /api/files). */
  async addProgress(
    ctx: RequestContext,
    caseId: string,
    raw: LegalAidProgressInput,
  ): Promise<LegalAidCasework> {
    const principal = this.#requireLawyer(ctx);
    const input = parse(legalAidProgressInputSchema, raw, '办案记录填写不完整或有误');
    return this.#d.db.transaction(async (tx) => {
      const { record } = await this.#mine(tx, principal, caseId);
      if (record.status !== 'inProgress')
        throw AppError.conflict(
          record.status === 'assigned'
            ? '请先接受指派，再填写办案记录'
            : '本案已不在承办中，不能再填写办案记录',
        );
      await this.#checkDay(tx, caseId, input.occurredOn, 'occurredOn', '日期');
      await this.#attach(tx, ctx, principal, caseId, input.fileIds, '办案记录填写不完整或有误');
      const entry = await repo.insertProgress(tx, {
        caseId,
        kind: input.kind,
        occurredOn: input.occurredOn,
        note: input.note,
        fileIds: input.fileIds,
        createdBy: principal.id,
        createdAt: this.#d.clock.now(),
      });
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.progress.add',
        entityType: 'case',
        entityId: caseId,
        after: {
          entryId: entry.id,
          kind: input.kind,
          occurredOn: input.occurredOn,
          files: input.fileIds.length,
        },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /** 结案: the closing row, the assignment ended (closed) and the case closed, in one transaction. */
  async close(ctx: RequestContext, caseId: string, raw: LegalAidCloseInput): Promise<LegalAidCasework> {
    const principal = this.#requireLawyer(ctx);
    const input = parse(legalAidCloseSchema, raw, '结案信息不完整或有误');
    return this.#d.db.transaction(async (tx) => {
      const { record, assignment } = await this.#mine(tx, principal, caseId, input.version);
      if (record.status !== 'inProgress')
        throw AppError.conflict(
          record.status === 'assigned' ? '请先接受指派，再办理结案' : '本案当前不在承办中，不能结案',
        );
      const app = await repo.findApplication(tx, caseId);
      const amount = input.amountRecoveredYuan ?? null;
      if (app && legalAidNeedsAmountRecovered(app.matter.disputeKind) && amount === null) {
        throw AppError.badRequest('结案信息不完整或有误', [
          {
            path: 'amountRecoveredYuan',
            message: `${legalAidDisputeKindLabels[app.matter.disputeKind]}案件请填写挽回损失金额（元），没有挽回的填 0`,
          },
        ]);
      }
      await this.#checkDay(tx, caseId, input.closedOn, 'closedOn', '结案日期');
      await this.#attach(tx, ctx, principal, caseId, input.fileIds, '结案信息不完整或有误');
      const now = this.#d.clock.now();
      await repo.insertClosing(tx, {
        caseId,
        outcome: input.outcome,
        summary: input.summary,
        amountRecoveredYuan: amount,
        closedOn: input.closedOn,
        fileIds: input.fileIds,
        closedBy: principal.id,
        closedAt: now,
      });
      await repo.endAssignment(tx, assignment.id, { endedAt: now, endReason: 'closed', endNote: null });
      await this.#d.workflow.transition(
        ctx,
        {
          caseId,
          transition: 'close',
          version: input.version,
          comment: legalAidCaseOutcomeLabels[input.outcome],
        },
        { tx, viaModule: true },
      );
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.case.close',
        entityType: 'case',
        entityId: caseId,
        after: {
          outcome: input.outcome,
          amountRecoveredYuan: amount,
          closedOn: input.closedOn,
          files: input.fileIds.length,
        },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /** 承办情况: the progress log and the closing, for the lawyer and the centre (case:read, in scope). */
  async casework(ctx: RequestContext, caseId: string): Promise<LegalAidCasework> {
    const principal = requireStaff(ctx);
    const record = await findCase(this.#d.db, principal, caseId);
    if (!record || record.caseType !== LEGAL_AID_APPLICATION) throw AppError.notFound('法律援助案件');
    return this.#view(this.#d.db, principal, caseId);
  }

  /** The progress log alone (GET …/progress). */
  async progress(ctx: RequestContext, caseId: string): Promise<LegalAidProgressEntry[]> {
    return (await this.casework(ctx, caseId)).progress;
  }

  // ---- inside ------------------------------------------------------------------------------------------------

  #requireLawyer(ctx: RequestContext): Principal {
    const principal = requireStaff(ctx);
    if (!principal.permissions.has(p.legalAid.handleCase)) throw AppError.forbidden('只有承办律师可以办理');
    return principal;
  }

  /**
   * The case in the caller's scope (404 otherwise), locked, with its current assignment, which must be the
   * caller's; a stale version answers 409 before anything is written.
   */
  async #mine(tx: Transaction, principal: Principal, caseId: string, version?: number) {
    const record = await findCase(tx, principal, caseId, { forUpdate: true });
    if (!record || record.caseType !== LEGAL_AID_APPLICATION) throw AppError.notFound('法律援助案件');
    const current = await repo.currentAssignment(tx, caseId, { forUpdate: true });
    if (!current || current.lawyer.staffUserId !== principal.id)
      throw AppError.forbidden('您不是本案当前的承办律师，不能办理');
    if (version !== undefined && version !== record.version)
      throw AppError.conflict('案件已被他人更新，请刷新后重试');
    return { record, assignment: current.assignment };
  }

  /** A day of the case's work: not in the future, not before the aid was granted. */
  async #checkDay(executor: Executor, caseId: string, dayValue: string, path: string, title: string) {
    const today = this.#d.clock.today();
    if (dayValue > today)
      throw AppError.badRequest('填写的日期有误', [{ path, message: `${title}不能晚于今天（${today}）` }]);
    const granted = await repo.grantedAt(executor, caseId);
    const grantedOn = granted ? calendarDay(granted, this.#d.clock.timeZone) : null;
    if (grantedOn && dayValue < grantedOn)
      throw AppError.badRequest('填写的日期有误', [
        { path, message: `${title}不能早于给予法律援助的日期（${grantedOn}）` },
      ]);
  }

  async #attach(
    tx: Transaction,
    ctx: RequestContext,
    principal: Principal,
    caseId: string,
    fileIds: readonly string[],
    message: string,
  ) {
    if (fileIds.length === 0) return;
    const attached = await this.#d.files.attachToCase(tx, ctx, {
      caseId,
      owner: { kind: 'staff', id: principal.id },
      fileIds,
    });
    if (attached.length !== new Set(fileIds).size) {
      throw AppError.badRequest(message, [
        { path: 'fileIds', message: '有的材料找不到或已用于其他案件，请重新上传' },
      ]);
    }
  }

  async #view(executor: Executor, principal: Principal, caseId: string): Promise<LegalAidCasework> {
    const record = (await findCase(executor, null, caseId)) as CaseRecordRow;
    const [app, entries, closing, current, granted] = await Promise.all([
      repo.findApplication(executor, caseId),
      repo.listProgress(executor, caseId),
      repo.findClosing(executor, caseId),
      repo.currentAssignment(executor, caseId),
      repo.grantedAt(executor, caseId),
    ]);
    const ids = [...entries.flatMap((e) => e.entry.fileIds), ...(closing?.closing.fileIds ?? [])];
    const names = await repo.fileNames(executor, ids);
    const files = (list: readonly string[]) =>
      list.map((id) => ({
        id,
        name: names.get(id)?.name ?? '（文件）',
        sizeBytes: names.get(id)?.size ?? null,
      }));
    const disputeKind = app?.matter.disputeKind ?? 'other';
    return {
      caseId,
      status: record.status,
      version: record.version,
      disputeKind,
      grantedOn: granted ? calendarDay(granted, this.#d.clock.timeZone) : null,
      amountRecoveredRequired: legalAidNeedsAmountRecovered(disputeKind),
      canHandle:
        !!current &&
        current.lawyer.staffUserId === principal.id &&
        (record.status === 'assigned' || record.status === 'inProgress'),
      accepted: !!current?.assignment.acceptedAt,
      progress: entries.map(({ entry, by }) => ({
        id: entry.id,
        kind: entry.kind,
        kindLabel: legalAidProgressKindLabels[entry.kind],
        occurredOn: entry.occurredOn,
        note: entry.note,
        files: files(entry.fileIds),
        createdByName: by ?? null,
        createdAt: entry.createdAt.toISOString(),
      })),
      closing: closing
        ? {
            outcome: closing.closing.outcome,
            outcomeLabel: legalAidCaseOutcomeLabels[closing.closing.outcome],
            summary: closing.closing.summary,
            amountRecoveredYuan: closing.closing.amountRecoveredYuan ?? null,
            closedOn: closing.closing.closedOn,
            files: files(closing.closing.fileIds),
            closedByName: closing.by ?? null,
            closedAt: closing.closing.closedAt.toISOString(),
          }
        : null,
    };
  }
}
