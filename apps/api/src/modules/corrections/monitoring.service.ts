import {
  type MonitoringList,
  type MonitoringStatus,
  type MonitoringView,
  monitoringConditionLabels,
  monitoringDecisionSchema,
  monitoringEndSchema,
  monitoringListQuerySchema,
  monitoringProposeSchema,
  monitoringRenewSchema,
  monitoringReviewSchema,
  monitoringStatusLabels,
  sanctionKindLabels,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { findApproval } from './approvals.repo.ts';
import { CORRECTIONS_MONITORING } from './monitoring.case-type.ts';
import { MONITORING_DECISION_TEMPLATE } from './monitoring.documents.ts';
import * as repo from './monitoring.repo.ts';
import {
  addDays,
  conditionRefusal,
  type MonitoringEvidence,
  renewalRefusal,
  termRefusal,
} from './monitoring.rules.ts';
import * as registerRepo from './register.repo.ts';
import { listName } from './register.rules.ts';
import { parse } from './register.service.ts';
import { findSanction } from './sanctions.repo.ts';

export interface MonitoringServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  documents: DocumentsService;
}

/** Days before the end at which an active order shows "renewal due". */
export const RENEWAL_DUE_DAYS = 7;

const unprocessable = (message: string, path?: string) =>
  new AppError('UNPROCESSABLE', 422, message, path ? [{ path, message }] : undefined);
const stale = () => AppError.conflict('该电子定位监管已被他人处理，请刷新后重试');
const NOT_HEAD = '电子定位监管须由县（区）司法局负责人批准';

// 电子定位监管 (第二十九条): proposed by an officer on one of the five conditions, evidenced by a record of the
// same term; approved by the county bureau's head; 3 months at most, renewed by at most 3 months after a
// recorded review; ended early when no longer needed. Separate from the vessel tracking of maritime
// supervisees (vessels.*), which rests on local rules and consent, not on this article.
export class MonitoringService {
  readonly #d: MonitoringServiceDeps;

  constructor(deps: MonitoringServiceDeps) {
    this.#d = deps;
  }

  async propose(
    tx: Transaction,
    ctx: RequestContext,
    superviseeCaseId: string,
    raw: unknown,
  ): Promise<MonitoringView> {
    const input = parse(monitoringProposeSchema, raw);
    const staff = requireStaff(ctx);
    const term = await registerRepo.findSupervisee(tx, staff, superviseeCaseId, { forUpdate: true });
    if (!term) throw AppError.notFound('社区矫正对象');
    if (term.s.endedOn) throw AppError.conflict('该社区矫正对象已解除或终止矫正');
    const evidence: MonitoringEvidence = {};
    if (input.evidenceSanctionId) {
      const s = await findSanction(tx, staff, input.evidenceSanctionId);
      if (!s || s.s.superviseeCaseId !== superviseeCaseId) {
        throw unprocessable('所选奖惩记录不属于该社区矫正对象本次矫正', 'evidenceSanctionId');
      }
      evidence.sanction = { kind: s.s.kind, breach: s.s.breach, withdrawn: s.record.status === 'withdrawn' };
    }
    if (input.evidenceApprovalId) {
      const a = await findApproval(tx, staff, input.evidenceApprovalId);
      if (!a || a.a.superviseeCaseId !== superviseeCaseId) {
        throw unprocessable('所选审批记录不属于该社区矫正对象本次矫正', 'evidenceApprovalId');
      }
      const today = this.#d.clock.today();
      const end = a.a.toDate;
      const overdue =
        !!end &&
        ((a.a.returnedOn !== null && a.a.returnedOn > end) ||
          (a.record.status === 'approved' && today > end));
      evidence.approval = { kind: a.a.kind, overdue };
    }
    const refusal = conditionRefusal(input.condition, evidence);
    if (refusal) throw unprocessable(refusal, 'condition');
    const termProblem = termRefusal(input.startsOn, input.endsOn);
    if (termProblem) throw unprocessable(termProblem, 'endsOn');
    const open = await repo.listOrders(tx, staff, { superviseeCaseId }, { limit: 50, offset: 0 });
    if (open.rows.some((r) => r.record.status === 'proposed' || r.record.status === 'active')) {
      throw AppError.conflict('该社区矫正对象已有待审批或执行中的电子定位监管');
    }
    const record = await this.#d.workflow.create(
      ctx,
      {
        type: CORRECTIONS_MONITORING,
        competentUnitId: term.record.competentUnitId,
        title: `${listName(term.person.name, term.s.flags.includes('minor'))}电子定位监管`,
        participants: [{ accountKind: 'staff', accountId: staff.id, role: 'handler' }],
        comment: `提请电子定位监管：${monitoringConditionLabels[input.condition]}`,
      },
      tx,
    );
    await repo.insertOrder(tx, {
      caseId: record.id,
      superviseeCaseId,
      condition: input.condition,
      evidenceSanctionId: input.evidenceSanctionId ?? null,
      evidenceApprovalId: input.evidenceApprovalId ?? null,
      reason: input.reason,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      proposedBy: staff.displayName,
      createdAt: this.#d.clock.now(),
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.monitoring.propose',
      entityType: 'case',
      entityId: superviseeCaseId,
      after: {
        orderId: record.id,
        condition: input.condition,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      },
    });
    return this.#reload(tx, ctx, record.id);
  }

  /** 批准 / 不予批准: only the county bureau's head (`corrections:approveMonitoring` at a county bureau). */
  async decide(ctx: RequestContext, id: string, raw: unknown): Promise<MonitoringView> {
    const input = parse(monitoringDecisionSchema, raw);
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      await this.#requireCountyHead(tx, ctx);
      if (found.record.version !== input.version) throw stale();
      await this.#d.workflow.transition(
        ctx,
        { caseId: id, transition: input.decision, version: input.version, comment: input.opinion },
        { tx, viaModule: true },
      );
      await repo.updateOrder(tx, id, {
        approvedBy: staff.displayName,
        opinion: input.opinion,
        decidedAt: this.#d.clock.now(),
      });
      let documentId: string | null = null;
      if (input.decision === 'approve') {
        documentId = (
          await this.#d.documents.generate(tx, ctx, id, { templateCode: MONITORING_DECISION_TEMPLATE })
        ).id;
        await repo.updateOrder(tx, id, { documentId });
      }
      await this.#d.audit(tx, ctx, {
        action: `corrections.monitoring.${input.decision}`,
        entityType: 'case',
        entityId: found.o.superviseeCaseId,
        after: { orderId: id, documentId },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  /** 复查: recorded by an officer before the order is renewed (or ended). */
  async review(ctx: RequestContext, id: string, raw: unknown): Promise<MonitoringView> {
    const input = parse(monitoringReviewSchema, raw);
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      if (found.record.status !== 'active') throw AppError.conflict('只有执行中的电子定位监管需要复查');
      if (input.reviewedOn > this.#d.clock.today()) {
        throw AppError.badRequest('复查日期不能晚于今天', [
          { path: 'reviewedOn', message: '复查日期不能晚于今天' },
        ]);
      }
      const reviewId = crypto.randomUUID();
      await repo.insertReview(tx, {
        id: reviewId,
        orderCaseId: id,
        reviewedOn: input.reviewedOn,
        conclusion: input.conclusion,
        note: input.note,
        reviewedBy: staff.displayName,
        createdAt: this.#d.clock.now(),
      });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.monitoring.review',
        entityType: 'case',
        entityId: found.o.superviseeCaseId,
        after: { orderId: id, reviewId, conclusion: input.conclusion },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  /** 续期: by the head, after a review not yet used, by at most 3 months. */
  async renew(ctx: RequestContext, id: string, raw: unknown): Promise<MonitoringView> {
    const input = parse(monitoringRenewSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      await this.#requireCountyHead(tx, ctx);
      if (found.record.version !== input.version) throw stale();
      if (found.record.status !== 'active') throw AppError.conflict('只有执行中的电子定位监管可以续期');
      const reviews = await repo.reviewsOf(tx, id);
      const pending = reviews.filter((r) => r.renewedUntil === null).at(-1) ?? null;
      const refusal = renewalRefusal(found.o.endsOn, input.endsOn, pending);
      if (refusal) throw unprocessable(refusal, 'endsOn');
      await this.#d.workflow.transition(
        ctx,
        {
          caseId: id,
          transition: 'renew',
          version: input.version,
          comment: `续期至${input.endsOn}（复查：${pending?.note ?? ''}）`,
        },
        { tx, viaModule: true },
      );
      await repo.markReviewUsed(tx, (pending as { id: string }).id, input.endsOn);
      await repo.updateOrder(tx, id, { endsOn: input.endsOn });
      const doc = await this.#d.documents.generate(tx, ctx, id, {
        templateCode: MONITORING_DECISION_TEMPLATE,
      });
      await repo.updateOrder(tx, id, { documentId: doc.id });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.monitoring.renew',
        entityType: 'case',
        entityId: found.o.superviseeCaseId,
        before: { endsOn: found.o.endsOn },
        after: { orderId: id, endsOn: input.endsOn, reviewId: pending?.id },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  /** 解除: ended early (no longer needed) or recorded at its end. */
  async end(ctx: RequestContext, id: string, raw: unknown): Promise<MonitoringView> {
    const input = parse(monitoringEndSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, id);
      if (found.record.version !== input.version) throw stale();
      if (input.endedOn < found.o.startsOn || input.endedOn > this.#d.clock.today()) {
        throw AppError.badRequest('解除日期应在监管开始之后、不晚于今天', [
          { path: 'endedOn', message: '解除日期应在监管开始之后、不晚于今天' },
        ]);
      }
      await this.#d.workflow.transition(
        ctx,
        { caseId: id, transition: 'end', version: input.version, comment: input.reason },
        { tx, viaModule: true },
      );
      await repo.updateOrder(tx, id, { endedOn: input.endedOn, endReason: input.reason });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.monitoring.end',
        entityType: 'case',
        entityId: found.o.superviseeCaseId,
        after: { orderId: id, endedOn: input.endedOn },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  async list(ctx: RequestContext, raw: unknown): Promise<MonitoringList> {
    const staff = requireStaff(ctx);
    const q = parse(monitoringListQuerySchema, raw);
    const { rows, total } = await repo.listOrders(this.#d.db, staff, q, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: await Promise.all(rows.map((r) => this.#view(this.#d.db, r))), total };
  }

  async ofSupervisee(ctx: RequestContext, superviseeCaseId: string): Promise<MonitoringList> {
    const staff = requireStaff(ctx);
    const term = await registerRepo.findSupervisee(this.#d.db, staff, superviseeCaseId);
    if (!term) throw AppError.notFound('社区矫正对象');
    const { rows, total } = await repo.listOrders(
      this.#d.db,
      staff,
      { superviseeCaseId },
      { limit: 100, offset: 0 },
    );
    return { items: await Promise.all(rows.map((r) => this.#view(this.#d.db, r))), total };
  }

  async detail(ctx: RequestContext, id: string): Promise<MonitoringView> {
    return this.#reload(this.#d.db, ctx, id);
  }

  async #requireCountyHead(executor: Executor, ctx: RequestContext) {
    const staff = requireStaff(ctx);
    if (!staff.permissions.has('corrections:approveMonitoring')) throw AppError.forbidden(NOT_HEAD);
    const unit = staff.unitId ? await registerRepo.findActiveUnit(executor, staff.unitId) : undefined;
    if (unit?.kind !== 'countyBureau') throw AppError.forbidden(NOT_HEAD);
  }

  async #load(tx: Transaction, ctx: RequestContext, id: string) {
    const found = await repo.findOrder(tx, requireStaff(ctx), id, { forUpdate: true });
    if (!found) throw AppError.notFound('电子定位监管');
    return found;
  }

  async #reload(executor: Executor, ctx: RequestContext, id: string): Promise<MonitoringView> {
    const found = await repo.findOrder(executor, requireStaff(ctx), id);
    if (!found) throw AppError.notFound('电子定位监管');
    return this.#view(executor, found);
  }

  async #view(executor: Executor, r: repo.MonitoringRecord): Promise<MonitoringView> {
    const o = r.o;
    const status = r.record.status as MonitoringStatus;
    const today = this.#d.clock.today();
    let evidence = '';
    if (o.evidenceSanctionId) {
      const s = await findSanction(executor, null, o.evidenceSanctionId);
      if (s)
        evidence = `奖惩记录 ${s.record.caseNo ?? ''}（${sanctionKindLabels[s.s.kind]}，${s.s.decidedOn}）`;
    } else if (o.evidenceApprovalId) {
      const a = await findApproval(executor, null, o.evidenceApprovalId);
      if (a) evidence = `请假 ${a.record.caseNo ?? ''}（${a.a.fromDate}至${a.a.toDate ?? ''}，逾期未归）`;
    }
    const reviews = await repo.reviewsOf(executor, o.caseId);
    return {
      id: o.caseId,
      caseNo: r.record.caseNo,
      superviseeCaseId: o.superviseeCaseId,
      superviseeName: listName(r.name, r.minor),
      officeName: r.officeName,
      condition: o.condition,
      conditionLabel: monitoringConditionLabels[o.condition],
      evidence,
      reason: o.reason,
      startsOn: o.startsOn,
      endsOn: o.endsOn,
      status,
      statusLabel:
        status === 'active' && o.endsOn < today ? '已到期' : (monitoringStatusLabels[status] ?? status),
      proposedBy: o.proposedBy,
      approvedBy: o.approvedBy,
      opinion: o.opinion,
      endedOn: o.endedOn,
      endReason: o.endReason,
      renewalDue: status === 'active' && o.endsOn <= addDays(today, RENEWAL_DUE_DAYS),
      documentId: o.documentId,
      reviews: reviews.map((x) => ({
        id: x.id,
        reviewedOn: x.reviewedOn,
        conclusion: x.conclusion,
        note: x.note,
        reviewedBy: x.reviewedBy,
        renewedUntil: x.renewedUntil,
      })),
      version: r.record.version,
    };
  }
}
