import {
  type ApprovalList,
  type ApprovalSettingsView,
  type ApprovalStatus,
  type ApprovalView,
  approvalApplySchema,
  approvalDecisionSchema,
  approvalForwardSchema,
  approvalKindLabels,
  approvalLevelLabels,
  approvalListQuerySchema,
  approvalReturnSchema,
  approvalStatusLabels,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { inboxRecipient } from '../../platform/notifications/inbox.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { CORRECTIONS_APPROVAL } from './approvals.case-type.ts';
import { APPROVAL_DECISION_TEMPLATE } from './approvals.documents.ts';
import * as repo from './approvals.repo.ts';
import {
  decisionRefusal,
  LEAVE_LEVELS_SETTING,
  type LeaveLevelSettings,
  leaveDays,
  leaveLevelSettings,
  levelAbove,
  levelOfUnit,
  priorDaysInWindow,
  type RequiredLevel,
  requiredLeaveLevel,
  requiredLevelOf,
} from './approvals.rules.ts';
import type { PortalTerm } from './portal.service.ts';
import * as registerRepo from './register.repo.ts';
import { listName } from './register.rules.ts';
import { parse } from './register.service.ts';

export interface ApprovalsServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  documents: DocumentsService;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  cipher: Pick<FieldCipher, 'decrypt'>;
  portal: { currentTerm(ctx: RequestContext, executor?: Executor): Promise<PortalTerm> };
}

const badField = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);
const stale = () => AppError.conflict('该审批事项已被他人处理，请刷新后重试');
const OPEN: ApprovalStatus[] = ['pending', 'forwarded', 'approved'];

// 审批事项 (第二十七条): leave, change of residence, change of supervising place, visitors. Applied by the
// supervisee in the portal or registered by an officer; the required level (approvals.rules.ts) is fixed on
// applying; a unit below it cannot decide and forwards (报请) upward; the decision makes the 审批表 and
// notifies the supervisee; a leave is closed by 销假.
export class ApprovalsService {
  readonly #d: ApprovalsServiceDeps;

  constructor(deps: ApprovalsServiceDeps) {
    this.#d = deps;
  }

  async settings(executor: Executor = this.#d.db): Promise<ApprovalSettingsView> {
    return leaveLevelSettings(await readSetting(executor, LEAVE_LEVELS_SETTING));
  }

  /** An officer registers an application (paper form) for a supervisee in scope. */
  async applyAsOfficer(tx: Transaction, ctx: RequestContext, superviseeCaseId: string, raw: unknown) {
    const staff = requireStaff(ctx);
    const found = await registerRepo.findSupervisee(tx, staff, superviseeCaseId, { forUpdate: true });
    if (!found) throw AppError.notFound('社区矫正对象');
    if (found.s.endedOn) throw AppError.conflict('该社区矫正对象已解除或终止矫正，不能申请');
    return this.#apply(tx, ctx, {
      caseId: found.record.id,
      unitId: found.record.competentUnitId,
      name: found.person.name,
      by: 'staff',
      raw,
    });
  }

  /** 请假申请 in the portal: the signed-in supervisee's running term only. */
  async applyInPortal(tx: Transaction, ctx: RequestContext, raw: unknown) {
    const term = await this.#d.portal.currentTerm(ctx, tx);
    return this.#apply(tx, ctx, {
      caseId: term.caseId,
      unitId: term.unitId,
      name: term.name,
      by: 'supervisee',
      raw,
    });
  }

  async #apply(
    tx: Transaction,
    ctx: RequestContext,
    t: { caseId: string; unitId: number; name: string; by: 'supervisee' | 'staff'; raw: unknown },
  ): Promise<ApprovalView> {
    const input = parse(approvalApplySchema, t.raw);
    const today = this.#d.clock.today();
    if (t.by === 'supervisee' && input.fromDate < today) throw badField('fromDate', '开始日期不能早于今天');
    let days: number | null = null;
    let prior = 0;
    let required: RequiredLevel;
    if (input.kind === 'leave') {
      const toDate = input.toDate as string;
      days = leaveDays(input.fromDate, toDate);
      const s = await this.settings(tx);
      const others = await repo.leavesOfTerm(tx, t.caseId, OPEN);
      const overlap = others.find((o) => o.fromDate <= toDate && o.toDate >= input.fromDate);
      if (overlap) throw AppError.conflict('与已申请或已批准的请假时间重叠');
      const counted = await repo.leavesOfTerm(tx, t.caseId, ['approved', 'returned']);
      prior = priorDaysInWindow({ fromDate: input.fromDate, toDate }, counted, s.windowMonths);
      required = requiredLeaveLevel(days, prior, s);
    } else {
      required = requiredLevelOf(input.kind);
    }
    const label = approvalKindLabels[input.kind];
    const record = await this.#d.workflow.create(
      ctx,
      {
        type: CORRECTIONS_APPROVAL,
        competentUnitId: t.unitId,
        title: `${t.name}${label}${days ? `（${days}天）` : ''}`,
        comment: t.by === 'supervisee' ? `社区矫正对象在线申请${label}` : `登记${label}申请`,
      },
      tx,
    );
    const now = this.#d.clock.now();
    await repo.insertApproval(tx, {
      caseId: record.id,
      superviseeCaseId: t.caseId,
      kind: input.kind,
      destination: input.destination,
      reason: input.reason,
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
      days,
      priorDaysInWindow: prior,
      requiredLevel: required.level,
      levelReason: required.reason,
      appliedBy: t.by,
      appliedAt: now,
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.approval.apply',
      entityType: 'case',
      entityId: t.caseId,
      after: { approvalId: record.id, kind: input.kind, days, requiredLevel: required.level, by: t.by },
    });
    const found = await repo.findApproval(tx, null, record.id);
    if (!found) throw new Error('approval vanished');
    return this.#view(found);
  }

  async list(ctx: RequestContext, raw: unknown): Promise<ApprovalList> {
    const staff = requireStaff(ctx);
    const q = parse(approvalListQuerySchema, raw);
    const { rows, total } = await repo.listApprovals(this.#d.db, staff, q, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map((r) => this.#view(r)), total };
  }

  async ofSupervisee(ctx: RequestContext, superviseeCaseId: string): Promise<ApprovalList> {
    const staff = requireStaff(ctx);
    const found = await registerRepo.findSupervisee(this.#d.db, staff, superviseeCaseId);
    if (!found) throw AppError.notFound('社区矫正对象');
    const { rows, total } = await repo.listApprovals(
      this.#d.db,
      staff,
      { superviseeCaseId },
      { limit: 200, offset: 0 },
    );
    return { items: rows.map((r) => this.#view(r)), total };
  }

  async detail(ctx: RequestContext, id: string): Promise<ApprovalView> {
    const found = await repo.findApproval(this.#d.db, requireStaff(ctx), id);
    if (!found) throw AppError.notFound('审批事项');
    return this.#view(found);
  }

  /** 我的审批: the signed-in supervisee's applications. */
  async portalList(ctx: RequestContext): Promise<ApprovalList> {
    const term = await this.#d.portal.currentTerm(ctx);
    const rows = await repo.approvalsOfTerm(this.#d.db, term.caseId);
    return { items: rows.map((r) => this.#view(r)), total: rows.length };
  }

  /** 报请上级: the office (or county) hands a decision it may not take to the level above. */
  async forward(ctx: RequestContext, id: string, raw: unknown): Promise<ApprovalView> {
    const input = parse(approvalForwardSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      if (found.record.version !== input.version) throw stale();
      const level = await this.#actorLevel(tx, ctx);
      const above = level ? levelAbove(level) : null;
      if (!above) throw AppError.conflict('本级已是最高审批层级，不能再报请上级');
      await this.#d.workflow.transition(
        ctx,
        {
          caseId: id,
          transition: 'forward',
          version: input.version,
          comment: `报请${approvalLevelLabels[above]}审批：${input.opinion}`,
        },
        { tx, viaModule: true },
      );
      await repo.updateApproval(tx, id, { forwardOpinion: input.opinion });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.approval.forward',
        entityType: 'case',
        entityId: found.a.superviseeCaseId,
        after: { approvalId: id, to: above },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  /** 批准 / 不予批准 at the required level or above; the 审批表 is generated; the supervisee is told. */
  async decide(ctx: RequestContext, id: string, raw: unknown): Promise<ApprovalView> {
    const input = parse(approvalDecisionSchema, raw);
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      if (found.record.version !== input.version) throw stale();
      const level = await this.#actorLevel(tx, ctx);
      const refusal = decisionRefusal(level, { level: found.a.requiredLevel, reason: found.a.levelReason });
      if (refusal) throw AppError.forbidden(refusal);
      const unit = staff.unitId ? await registerRepo.findActiveUnit(tx, staff.unitId) : undefined;
      await this.#d.workflow.transition(
        ctx,
        { caseId: id, transition: input.decision, version: input.version, comment: input.opinion },
        { tx, viaModule: true },
      );
      await repo.updateApproval(tx, id, {
        decidedBy: staff.displayName,
        decidedLevel: level,
        decidedUnit: unit?.name ?? null,
        decidedAt: this.#d.clock.now(),
        opinion: input.opinion,
      });
      const doc = await this.#d.documents.generate(tx, ctx, id, { templateCode: APPROVAL_DECISION_TEMPLATE });
      await repo.updateApproval(tx, id, { documentId: doc.id });
      await this.#d.audit(tx, ctx, {
        action: `corrections.approval.${input.decision}`,
        entityType: 'case',
        entityId: found.a.superviseeCaseId,
        after: { approvalId: id, level, documentId: doc.id },
      });
      await this.#notify(tx, found, input.decision === 'approve', input.opinion);
      return this.#reload(tx, ctx, id);
    });
  }

  /** 销假: the supervisee came back (a leave only). */
  async returnFromLeave(ctx: RequestContext, id: string, raw: unknown): Promise<ApprovalView> {
    const input = parse(approvalReturnSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      if (found.record.version !== input.version) throw stale();
      if (found.a.kind !== 'leave') throw AppError.conflict('只有请假外出需要销假');
      if (input.returnedOn > this.#d.clock.today()) throw badField('returnedOn', '销假日期不能晚于今天');
      if (input.returnedOn < found.a.fromDate) throw badField('returnedOn', '销假日期不能早于请假开始日期');
      await this.#d.workflow.transition(
        ctx,
        { caseId: id, transition: 'returnFromLeave', version: input.version, comment: input.note ?? '销假' },
        { tx, viaModule: true },
      );
      await repo.updateApproval(tx, id, { returnedOn: input.returnedOn, returnNote: input.note ?? null });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.approval.return',
        entityType: 'case',
        entityId: found.a.superviseeCaseId,
        after: { approvalId: id, returnedOn: input.returnedOn },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  async #actorLevel(executor: Executor, ctx: RequestContext) {
    const staff = requireStaff(ctx);
    const unit = staff.unitId ? await registerRepo.findActiveUnit(executor, staff.unitId) : undefined;
    return unit ? levelOfUnit(unit.kind) : null;
  }

  async #load(tx: Transaction, ctx: RequestContext, id: string) {
    const found = await repo.findApproval(tx, requireStaff(ctx), id, { forUpdate: true });
    if (!found) throw AppError.notFound('审批事项');
    return found;
  }

  async #reload(executor: Executor, ctx: RequestContext, id: string) {
    const found = await repo.findApproval(executor, requireStaff(ctx), id);
    if (!found) throw AppError.notFound('审批事项');
    return this.#view(found);
  }

  async #notify(tx: Transaction, found: repo.ApprovalRecord, approved: boolean, opinion: string) {
    const a = found.a;
    const what = `${approvalKindLabels[a.kind]}${a.toDate ? `（${a.fromDate}至${a.toDate}）` : ''}`;
    const body = `【社区矫正】您申请的${what}${approved ? '已获批准' : '未获批准'}：${opinion}${approved && a.kind === 'leave' ? '。请按期返回并及时销假。' : ''}`;
    const accounts = await repo.portalAccountsOf(tx, a.superviseeCaseId);
    const payload = { approvalId: a.caseId, approved };
    for (const id of accounts) {
      const recipient = inboxRecipient('citizen', id);
      await this.#d.outbox.enqueue(tx, {
        channel: 'inApp',
        recipient,
        template: 'corrections.approvalDecided',
        body,
        payload,
        dedupeKey: `corrections.approvalDecided:${a.caseId}:${recipient}`,
      });
    }
    const term = await registerRepo.findSupervisee(tx, null, a.superviseeCaseId);
    if (term?.s.phoneEnc) {
      await this.#d.outbox.enqueue(tx, {
        channel: 'sms',
        recipient: this.#d.cipher.decrypt(term.s.phoneEnc),
        template: 'corrections.approvalDecided',
        body,
        payload,
        dedupeKey: `corrections.approvalDecided:${a.caseId}:sms`,
      });
    }
  }

  #view(r: repo.ApprovalRecord): ApprovalView {
    const a = r.a;
    const status = r.record.status as ApprovalStatus;
    const today = this.#d.clock.today();
    const overdue =
      a.kind === 'leave' &&
      !!a.toDate &&
      ((a.returnedOn !== null && a.returnedOn > a.toDate) || (status === 'approved' && today > a.toDate));
    return {
      id: a.caseId,
      caseNo: r.record.caseNo,
      superviseeCaseId: a.superviseeCaseId,
      superviseeName: listName(r.name, r.minor),
      officeName: r.officeName,
      kind: a.kind,
      destination: a.destination,
      reason: a.reason,
      fromDate: a.fromDate,
      toDate: a.toDate,
      days: a.days,
      priorDaysInWindow: a.priorDaysInWindow,
      requiredLevel: a.requiredLevel,
      levelReason: a.levelReason,
      status,
      statusLabel: approvalStatusLabels[status] ?? status,
      appliedBy: a.appliedBy,
      appliedAt: a.appliedAt.toISOString(),
      forwardOpinion: a.forwardOpinion,
      decidedBy: a.decidedBy,
      decidedLevel: a.decidedLevel,
      decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
      opinion: a.opinion,
      documentId: a.documentId,
      returnedOn: a.returnedOn,
      overdue,
      version: r.record.version,
    };
  }
}

export type { LeaveLevelSettings };
