import {
  agreementFormLabels,
  confirmationResultLabels,
  disputeKindLabels,
  followUpMethodLabels,
  type MediationAcceptInput,
  type MediationBoard,
  type MediationConfirmationInput,
  type MediationDeclineInput,
  type MediationEndInput,
  type MediationFollowUpInput,
  type MediationMyQueue,
  type MediationPerformanceInput,
  type MediationProcessView,
  type MediationQueueItem,
  type MediationSessionInput,
  type MediationSettleInput,
  mediationAcceptSchema,
  mediationBoardQuerySchema,
  mediationBoardStageLabels,
  mediationBoardStages,
  mediationConfirmationInputSchema,
  mediationDeclineSchema,
  mediationEndSchema,
  mediationFollowUpInputSchema,
  mediationOutcomeLabels,
  mediationPerformanceSchema,
  mediationQueueGroupLabels,
  mediationSessionInputSchema,
  mediationSettleSchema,
  permissions as p,
  performanceStatusLabels,
} from '@zhucheng/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { addParticipants, findCase } from '../../platform/cases/cases.repo.ts';
import { type CaseRecordRow, caseRecord } from '../../platform/cases/cases.schema.ts';
import { type Clock, calendarDay } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DeadlineService } from '../../platform/deadlines/deadline.service.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { stateLabel, stateTone } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import type { MediationDisputeRow } from './dispute.schema.ts';
import { AGREEMENT_TEMPLATE } from './process.documents.ts';
import * as repo from './process.repo.ts';
import type { MediationAgreementRow } from './process.schema.ts';

export interface ProcessServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  deadlines: DeadlineService;
  documents: Pick<DocumentsService, 'generate'>;
  files: Pick<FilesService, 'attachToCase'>;
}

const RULE = repo.JUDICIAL_CONFIRMATION_RULE;

function parse<S extends z.ZodType>(schema: S, raw: unknown, message: string): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw AppError.badRequest(
    message,
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

function fieldError(message: string, path: string, detail = message): AppError {
  return AppError.badRequest(message, [{ path, message: detail }]);
}

const stale = () => AppError.conflict('该纠纷已被他人处理，请刷新后重试');

/** 人民调解协议书 and the 30-day window as the view shows them. */
type Loaded = { record: CaseRecordRow; dispute: MediationDisputeRow };

// 调解过程 (人民调解法 第十七条至第三十三条): the committee accepts (naming the lead mediator, who joins the
// case as its `mediator` participant) or declines; the mediator records sessions (调解笔录) while mediating;
// the mediation ends settled — a written agreement generated as the 人民调解协议书 (第二十九条) with the
// 30-day judicial-confirmation clock (第三十三条) from its effective day, or an oral agreement recorded by the
// mediator (第三十条) — not settled, or terminated. Then follow-ups and performance (第三十一条) and the
// court's confirmation. Each write is one transaction with its workflow step, audited, on the version read.
export class ProcessService {
  readonly #d: ProcessServiceDeps;

  constructor(deps: ProcessServiceDeps) {
    this.#d = deps;
  }

  // ---- acceptance ------------------------------------------------------------------------------------------

  /** 受理: the lead mediator is one of the committee's serving mediators. */
  async accept(
    ctx: RequestContext,
    caseId: string,
    raw: MediationAcceptInput,
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationAcceptSchema, raw, '受理信息不完整或有误');
    return this.#d.db.transaction(async (tx) => {
      const { record } = await this.#load(tx, principal, caseId, input.version);
      if (record.status !== 'received') throw AppError.conflict('该纠纷已受理或已办结，不能再受理');
      const lead = await repo.findMediator(tx, input.leadMediatorId);
      if (!lead || lead.unitId !== record.competentUnitId || lead.status !== 'active')
        throw fieldError('调解员选择有误', 'leadMediatorId', '请选择本调委会在任的调解员');
      const now = this.#d.clock.now();
      const today = this.#d.clock.today();
      await repo.updateDispute(tx, caseId, { leadMediatorId: lead.id, acceptedOn: today, updatedAt: now });
      // The mediator's own account sees the dispute (the `mediator` role's scope is self) and hears of its
      // deadlines.
      if (lead.staffUserId)
        await addParticipants(
          tx,
          caseId,
          [{ accountKind: 'staff', accountId: lead.staffUserId, role: 'mediator' }],
          now,
        );
      await this.#d.workflow.transition(
        ctx,
        {
          caseId,
          transition: 'accept',
          version: input.version,
          comment: `受理，由调解员${lead.name}主持调解${input.note ? `：${input.note}` : ''}`,
        },
        { tx, viaModule: true },
      );
      await this.#d.audit(tx, ctx, {
        action: 'mediation.accept',
        entityType: 'case',
        entityId: caseId,
        after: { leadMediatorId: lead.id, acceptedOn: today, mediatorAccount: lead.staffUserId },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /** 不予受理, with the reason the applicant reads. */
  async decline(
    ctx: RequestContext,
    caseId: string,
    raw: MediationDeclineInput,
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationDeclineSchema, raw, '请说明不予受理的理由');
    return this.#d.db.transaction(async (tx) => {
      const { record } = await this.#load(tx, principal, caseId, input.version);
      if (record.status !== 'received') throw AppError.conflict('该纠纷已受理或已办结，不能再作不予受理');
      await repo.updateDispute(tx, caseId, { declineReason: input.reason, updatedAt: this.#d.clock.now() });
      await this.#d.workflow.transition(
        ctx,
        { caseId, transition: 'decline', version: input.version, comment: input.reason },
        { tx, viaModule: true },
      );
      await this.#d.audit(tx, ctx, {
        action: 'mediation.decline',
        entityType: 'case',
        entityId: caseId,
        after: { reason: input.reason },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  // ---- sessions --------------------------------------------------------------------------------------------

  /** 调解笔录: one session, only while mediating. */
  async recordSession(
    ctx: RequestContext,
    caseId: string,
    raw: MediationSessionInput,
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationSessionInputSchema, raw, '调解笔录填写不完整或有误');
    return this.#d.db.transaction(async (tx) => {
      const { record, dispute } = await this.#load(tx, principal, caseId);
      if (record.status !== 'mediating')
        throw AppError.conflict(
          record.status === 'received' ? '请先受理，再记录调解笔录' : '调解已结束，不能再记录调解笔录',
        );
      const heldAt = new Date(input.heldAt);
      const now = this.#d.clock.now();
      if (heldAt > now) throw fieldError('调解时间有误', 'heldAt', '调解时间不能晚于现在');
      const heldOn = calendarDay(heldAt, this.#d.clock.timeZone);
      if (dispute.acceptedOn && heldOn < dispute.acceptedOn)
        throw fieldError('调解时间有误', 'heldAt', `调解时间不能早于受理日期（${dispute.acceptedOn}）`);
      const ids = [...new Set(input.mediatorIds)];
      const found = await repo.mediatorsByIds(tx, ids);
      if (found.length !== ids.length || found.some((m) => m.unitId !== record.competentUnitId))
        throw fieldError('调解员选择有误', 'mediatorIds', '请选择本调委会的调解员');
      await this.#attach(tx, ctx, principal, caseId, input.fileIds, 'fileIds');
      const row = await repo.insertSession(tx, {
        caseId,
        heldAt,
        place: input.place,
        mediatorIds: ids,
        attendees: input.attendees,
        record: input.record,
        fileIds: input.fileIds,
        createdBy: principal.id,
        createdAt: now,
      });
      await this.#d.audit(tx, ctx, {
        action: 'mediation.session.record',
        entityType: 'case',
        entityId: caseId,
        after: {
          sessionId: row.id,
          heldAt: heldAt.toISOString(),
          mediators: ids,
          files: input.fileIds.length,
        },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  // ---- outcome ---------------------------------------------------------------------------------------------

  /**
   * 调解成功 with the agreement. Written: the 人民调解协议书 is generated (numbered in `mediation.agreement`)
   * and the 30-day judicial-confirmation clock starts on the effective day (the day itself not counted);
   * with `document: false` (agreements recorded after the fact, e.g. the demo's history, whose signed
   * original is on paper) nothing is generated and the clock starts all the same.
   * Oral: the mediator's record of it, no document and no clock.
   */
  async settle(
    ctx: RequestContext,
    caseId: string,
    raw: MediationSettleInput,
    options: { document?: boolean } = {},
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationSettleSchema, raw, '调解协议填写不完整或有误');
    const a = input.agreement;
    return this.#d.db.transaction(async (tx) => {
      const { record, dispute } = await this.#load(tx, principal, caseId, input.version);
      if (record.status !== 'mediating')
        throw AppError.conflict(
          record.status === 'received' ? '请先受理，再办理调解结果' : '该纠纷的调解已经结束',
        );
      const today = this.#d.clock.today();
      if (a.effectiveOn > today)
        throw fieldError('协议生效日期有误', 'agreement.effectiveOn', `协议生效日期不能晚于今天（${today}）`);
      if (dispute.acceptedOn && a.effectiveOn < dispute.acceptedOn)
        throw fieldError(
          '协议生效日期有误',
          'agreement.effectiveOn',
          `协议生效日期不能早于受理日期（${dispute.acceptedOn}）`,
        );
      if (a.performanceDueOn && a.performanceDueOn < a.effectiveOn)
        throw fieldError('履行期限有误', 'agreement.performanceDueOn', '履行期限不能早于协议生效日期');
      const now = this.#d.clock.now();
      await repo.updateDispute(tx, caseId, {
        outcome: 'settled',
        outcomeOn: a.effectiveOn,
        outcomeNote: null,
        updatedAt: now,
      });
      await repo.insertAgreement(tx, {
        caseId,
        form: a.form,
        terms: a.terms,
        performanceTerms: a.performanceTerms || null,
        performanceDueOn: a.performanceDueOn ?? null,
        effectiveOn: a.effectiveOn,
        createdBy: principal.id,
        createdAt: now,
        updatedAt: now,
      });
      await this.#d.workflow.transition(
        ctx,
        {
          caseId,
          transition: 'settle',
          version: input.version,
          // 第三十条: the oral agreement's content is in the mediator's record of the case.
          comment:
            a.form === 'oral'
              ? `调解成功，达成口头协议（人民调解法第三十条）：${a.terms}`
              : '调解成功，签订书面调解协议（人民调解法第二十九条）',
        },
        { tx, viaModule: true },
      );
      let documentId: string | null = null;
      let dueOn: string | null = null;
      if (a.form === 'written') {
        if (options.document !== false) {
          const doc = await this.#d.documents.generate(tx, ctx, caseId, { templateCode: AGREEMENT_TEMPLATE });
          documentId = doc.id;
          await repo.setAgreementDocument(tx, caseId, doc.id);
        }
        const clock = await this.#d.deadlines.start(tx, {
          caseType: MEDIATION_DISPUTE,
          caseId,
          ruleCode: RULE,
          startedOn: a.effectiveOn,
        });
        dueOn = clock.dueOn;
      }
      await this.#d.audit(tx, ctx, {
        action: 'mediation.settle',
        entityType: 'case',
        entityId: caseId,
        after: {
          form: a.form,
          effectiveOn: a.effectiveOn,
          performanceDueOn: a.performanceDueOn ?? null,
          documentId,
          confirmationDueOn: dueOn,
        },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /** 调解不成功: the parties could not agree (they may go to arbitration, an agency or a court). */
  unsettle(ctx: RequestContext, caseId: string, raw: MediationEndInput): Promise<MediationProcessView> {
    return this.#end(ctx, caseId, raw, 'unsettled');
  }

  /** 终止调解 (第二十六条: a party refuses to go on, or the mediation cannot go on). */
  terminate(ctx: RequestContext, caseId: string, raw: MediationEndInput): Promise<MediationProcessView> {
    return this.#end(ctx, caseId, raw, 'terminated');
  }

  async #end(
    ctx: RequestContext,
    caseId: string,
    raw: MediationEndInput,
    outcome: 'unsettled' | 'terminated',
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const label = mediationOutcomeLabels[outcome];
    const input = parse(mediationEndSchema, raw, `请说明${label}的原因`);
    return this.#d.db.transaction(async (tx) => {
      const { record } = await this.#load(tx, principal, caseId, input.version);
      if (record.status !== 'mediating')
        throw AppError.conflict(
          record.status === 'received' ? '请先受理，再办理调解结果' : '该纠纷的调解已经结束',
        );
      const today = this.#d.clock.today();
      await repo.updateDispute(tx, caseId, {
        outcome,
        outcomeOn: today,
        outcomeNote: input.reason,
        updatedAt: this.#d.clock.now(),
      });
      await this.#d.workflow.transition(
        ctx,
        {
          caseId,
          transition: outcome === 'unsettled' ? 'unsettle' : 'terminate',
          version: input.version,
          comment: input.reason,
        },
        { tx, viaModule: true },
      );
      await this.#d.audit(tx, ctx, {
        action: `mediation.${outcome === 'unsettled' ? 'unsettle' : 'terminate'}`,
        entityType: 'case',
        entityId: caseId,
        after: { outcome, outcomeOn: today, reason: input.reason },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  // ---- after the agreement ---------------------------------------------------------------------------------

  /** 回访: the visit and what it found; the agreement's performance status follows it. */
  async recordFollowUp(
    ctx: RequestContext,
    caseId: string,
    raw: MediationFollowUpInput,
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationFollowUpInputSchema, raw, '回访记录填写不完整或有误');
    return this.#d.db.transaction(async (tx) => {
      const { agreement } = await this.#settled(tx, principal, caseId, '只有调解成功的纠纷才需要回访');
      const today = this.#d.clock.today();
      if (input.visitedOn > today)
        throw fieldError('回访日期有误', 'visitedOn', `回访日期不能晚于今天（${today}）`);
      if (input.visitedOn < agreement.effectiveOn)
        throw fieldError(
          '回访日期有误',
          'visitedOn',
          `回访日期不能早于协议生效日期（${agreement.effectiveOn}）`,
        );
      await this.#attach(tx, ctx, principal, caseId, input.fileIds, 'fileIds');
      const now = this.#d.clock.now();
      const row = await repo.insertFollowUp(tx, {
        caseId,
        visitedOn: input.visitedOn,
        method: input.method,
        visitor: input.visitor,
        note: input.note,
        performanceStatus: input.performanceStatus,
        fileIds: input.fileIds,
        createdBy: principal.id,
        createdAt: now,
      });
      await repo.updateAgreement(tx, caseId, null, {
        performanceStatus: input.performanceStatus,
        updatedAt: now,
      });
      await this.#d.audit(tx, ctx, {
        action: 'mediation.followUp.record',
        entityType: 'case',
        entityId: caseId,
        before: { performanceStatus: agreement.performanceStatus },
        after: { followUpId: row.id, visitedOn: input.visitedOn, performanceStatus: input.performanceStatus },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /** The agreement's performance (and the signed scan) outside a follow-up, on the agreement's version. */
  async updatePerformance(
    ctx: RequestContext,
    caseId: string,
    raw: MediationPerformanceInput,
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationPerformanceSchema, raw, '履行情况填写有误');
    if (!input.performanceStatus && !input.signedFileIds)
      throw fieldError('没有要保存的修改', 'performanceStatus', '请选择履行情况或上传签字协议扫描件');
    return this.#d.db.transaction(async (tx) => {
      const { agreement } = await this.#settled(tx, principal, caseId, '只有调解成功的纠纷才有协议履行情况');
      if (agreement.version !== input.version) throw stale();
      if (input.signedFileIds)
        await this.#attach(tx, ctx, principal, caseId, input.signedFileIds, 'signedFileIds');
      const updated = await repo.updateAgreement(tx, caseId, input.version, {
        ...(input.performanceStatus ? { performanceStatus: input.performanceStatus } : {}),
        ...(input.signedFileIds
          ? { signedFileIds: [...new Set([...agreement.signedFileIds, ...input.signedFileIds])] }
          : {}),
        updatedAt: this.#d.clock.now(),
      });
      if (!updated) throw stale();
      await this.#d.audit(tx, ctx, {
        action: 'mediation.agreement.update',
        entityType: 'case',
        entityId: caseId,
        before: { performanceStatus: agreement.performanceStatus, version: agreement.version },
        after: {
          performanceStatus: updated.performanceStatus,
          signedFiles: updated.signedFileIds.length,
          version: updated.version,
        },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  /**
   * 司法确认 (第三十三条): the first call records the joint application (an application within the window
   * meets the clock; a late one stops it); later calls, on the confirmation's version, add the ruling.
   */
  async recordConfirmation(
    ctx: RequestContext,
    caseId: string,
    raw: MediationConfirmationInput,
  ): Promise<MediationProcessView> {
    const principal = this.#requireHandle(ctx);
    const input = parse(mediationConfirmationInputSchema, raw, '司法确认信息填写不完整或有误');
    return this.#d.db.transaction(async (tx) => {
      const { agreement } = await this.#settled(tx, principal, caseId, '只有调解成功的纠纷才能申请司法确认');
      if (agreement.form !== 'written') throw AppError.conflict('口头协议没有调解协议书，不能记录司法确认');
      const today = this.#d.clock.today();
      if (input.appliedOn > today)
        throw fieldError('申请日期有误', 'appliedOn', `申请日期不能晚于今天（${today}）`);
      if (input.appliedOn < agreement.effectiveOn)
        throw fieldError(
          '申请日期有误',
          'appliedOn',
          `申请日期不能早于协议生效日期（${agreement.effectiveOn}）`,
        );
      if (input.result && !input.ruledOn)
        throw fieldError('请填写裁定日期', 'ruledOn', '记录裁定结果时请填写裁定日期');
      if (input.ruledOn && !input.result)
        throw fieldError('请选择裁定结果', 'result', '填写裁定日期时请选择裁定结果');
      if (input.ruledOn && (input.ruledOn < input.appliedOn || input.ruledOn > today))
        throw fieldError('裁定日期有误', 'ruledOn', `裁定日期应在申请日期（${input.appliedOn}）与今天之间`);
      const now = this.#d.clock.now();
      const fields = {
        court: input.court,
        appliedOn: input.appliedOn,
        result: input.result ?? null,
        ruledOn: input.ruledOn ?? null,
        rulingNo: input.rulingNo || null,
        note: input.note || null,
      };
      const existing = await repo.findConfirmation(tx, caseId, { forUpdate: true });
      let clockOutcome: 'met' | 'stopped' | null = null;
      if (!existing) {
        await repo.insertConfirmation(tx, {
          caseId,
          ...fields,
          createdBy: principal.id,
          createdAt: now,
          updatedAt: now,
        });
        const key = { caseType: MEDIATION_DISPUTE, caseId, ruleCode: RULE };
        const clock = await this.#d.deadlines.find(tx, key);
        if (clock && (clock.status === 'running' || clock.status === 'paused')) {
          if (clock.dueOn && input.appliedOn <= clock.dueOn) {
            await this.#d.deadlines.meet(tx, key);
            clockOutcome = 'met';
          } else {
            await this.#d.deadlines.stop(tx, key);
            clockOutcome = 'stopped';
          }
        }
      } else {
        if (input.version === undefined)
          throw fieldError('缺少版本号，请刷新后重试', 'version', '已记录过司法确认申请，修改时请带上版本号');
        const updated = await repo.updateConfirmation(tx, caseId, input.version, {
          ...fields,
          updatedAt: now,
        });
        if (!updated) throw stale();
      }
      await this.#d.audit(tx, ctx, {
        action: existing ? 'mediation.confirmation.update' : 'mediation.confirmation.apply',
        entityType: 'case',
        entityId: caseId,
        ...(existing
          ? { before: { result: existing.result, ruledOn: existing.ruledOn, version: existing.version } }
          : {}),
        after: { ...fields, clock: clockOutcome },
      });
      return this.#view(tx, principal, caseId);
    });
  }

  // ---- reads -----------------------------------------------------------------------------------------------

  /** The dispute page's mediation tabs: sessions, agreement, follow-ups, confirmation and its window. */
  async processView(ctx: RequestContext, caseId: string): Promise<MediationProcessView> {
    const principal = requireStaff(ctx);
    const record = await findCase(this.#d.db, principal, caseId);
    if (!record || record.caseType !== MEDIATION_DISPUTE) throw AppError.notFound('纠纷');
    return this.#view(this.#d.db, principal, caseId);
  }

  /**
   * 我的调解: the disputes where the caller is the mediator (调解中, 待回访, 司法确认期限内) and, when they may
   * handle their committee's disputes, those it has not yet accepted (待受理).
   */
  async myQueue(ctx: RequestContext): Promise<MediationMyQueue> {
    const principal = requireStaff(ctx);
    const db = this.#d.db;
    const own = await repo.mediatorOfAccount(db, principal.id);
    const mine = repo.asMediator(principal.id);
    const handlesCommittee =
      !!own &&
      principal.permissions.has(p.mediation.handle) &&
      (principal.scope.all || principal.scope.unitIds.has(own.mediator.unitId));
    const [pending, mediating, followUp, confirmation] = await Promise.all([
      handlesCommittee && own
        ? repo.listQueue(
            db,
            principal,
            and(repo.stageConditions.received(), eq(caseRecord.competentUnitId, own.mediator.unitId)),
          )
        : Promise.resolve([]),
      repo.listQueue(db, principal, and(repo.stageConditions.mediating(), mine)),
      repo.listQueue(db, principal, and(repo.stageConditions.followUp(), mine)),
      repo.listQueue(db, principal, and(repo.stageConditions.confirmation(), mine)),
    ]);
    const group = (key: keyof typeof mediationQueueGroupLabels, rows: repo.QueueRow[]) => ({
      group: key,
      label: mediationQueueGroupLabels[key],
      items: rows.map((r) => this.#item(r)),
    });
    return {
      mediator: own
        ? { id: own.mediator.id, name: own.mediator.name, committeeName: own.committeeName }
        : null,
      groups: [
        group('pending', pending),
        group('mediating', mediating),
        group('followUp', followUp),
        group('confirmation', confirmation),
      ],
    };
  }

  /** 调委会工作台: a committee's disputes by stage (default the caller's own committee, else all in scope). */
  async committeeBoard(ctx: RequestContext, rawQuery: unknown = {}): Promise<MediationBoard> {
    const principal = requireStaff(ctx);
    const query = parse(mediationBoardQuerySchema, rawQuery, '查询条件有误');
    const db = this.#d.db;
    const committees = await repo.committeesIn(
      db,
      principal.scope.all ? 'all' : [...principal.scope.unitIds],
    );
    let unitId: number | null = null;
    if (query.unitId !== undefined) {
      if (!committees.some((c) => c.unitId === query.unitId)) throw AppError.notFound('调委会');
      unitId = query.unitId;
    } else if (principal.unitId !== null && committees.some((c) => c.unitId === principal.unitId)) {
      unitId = principal.unitId;
    }
    const unitCondition = unitId === null ? undefined : eq(caseRecord.competentUnitId, unitId);
    const stages = await Promise.all(
      mediationBoardStages.map(async (stage) => {
        const where = and(repo.stageConditions[stage](), unitCondition);
        const [count, rows] = await Promise.all([
          repo.countQueue(db, principal, where),
          repo.listQueue(db, principal, where, 50),
        ]);
        return {
          stage,
          label: mediationBoardStageLabels[stage],
          count,
          items: rows.map((r) => this.#item(r)),
        };
      }),
    );
    return {
      unitId,
      unitName:
        unitId === null ? '本辖区全部调委会' : (committees.find((c) => c.unitId === unitId)?.name ?? ''),
      committees,
      stages,
    };
  }

  // ---- inside ----------------------------------------------------------------------------------------------

  #requireHandle(ctx: RequestContext): Principal {
    const principal = requireStaff(ctx);
    if (!principal.permissions.has(p.mediation.handle)) throw AppError.forbidden('您没有办理人民调解的权限');
    return principal;
  }

  /** The dispute in the caller's scope (404 otherwise), locked; a stale version answers 409 before any write. */
  async #load(tx: Transaction, principal: Principal, caseId: string, version?: number): Promise<Loaded> {
    const record = await findCase(tx, principal, caseId, { forUpdate: true });
    if (!record || record.caseType !== MEDIATION_DISPUTE) throw AppError.notFound('纠纷');
    const dispute = await repo.findDispute(tx, caseId, { forUpdate: true });
    if (!dispute) throw AppError.notFound('纠纷');
    if (version !== undefined && version !== record.version) throw stale();
    return { record, dispute };
  }

  async #settled(
    tx: Transaction,
    principal: Principal,
    caseId: string,
    notSettled: string,
  ): Promise<Loaded & { agreement: MediationAgreementRow }> {
    const loaded = await this.#load(tx, principal, caseId);
    if (loaded.record.status !== 'settled') throw AppError.conflict(notSettled);
    const agreement = await repo.findAgreement(tx, caseId, { forUpdate: true });
    if (!agreement) throw AppError.conflict(notSettled);
    return { ...loaded, agreement };
  }

  async #attach(
    tx: Transaction,
    ctx: RequestContext,
    principal: Principal,
    caseId: string,
    fileIds: readonly string[],
    path: string,
  ): Promise<void> {
    if (fileIds.length === 0) return;
    const attached = await this.#d.files.attachToCase(tx, ctx, {
      caseId,
      owner: { kind: 'staff', id: principal.id },
      fileIds,
    });
    if (attached.length !== new Set(fileIds).size)
      throw fieldError('材料有误', path, '有的材料找不到或已用于其他案件，请重新上传');
  }

  #item(r: repo.QueueRow): MediationQueueItem {
    const type = this.#d.workflow.types.get(MEDIATION_DISPUTE);
    return {
      caseId: r.record.id,
      caseNo: r.record.caseNo,
      title: r.record.title,
      version: r.record.version,
      status: r.record.status,
      statusLabel: stateLabel(type, r.record.status),
      tone: stateTone(type, r.record.status),
      kind: r.dispute.kind,
      kindLabel: disputeKindLabels[r.dispute.kind] ?? r.dispute.kind,
      partyNames: r.partyNames ?? '',
      committeeName: r.committeeName,
      leadMediatorName: r.leadMediatorName ?? null,
      receivedOn: calendarDay(r.record.createdAt, this.#d.clock.timeZone),
      acceptedOn: r.dispute.acceptedOn,
      outcomeOn: r.dispute.outcomeOn,
      performanceStatus: r.performanceStatus ?? null,
      confirmationDueOn: r.confirmationDueOn ?? null,
    };
  }

  async #view(executor: Executor, principal: Principal, caseId: string): Promise<MediationProcessView> {
    const record = (await findCase(executor, null, caseId)) as CaseRecordRow;
    const type = this.#d.workflow.types.get(MEDIATION_DISPUTE);
    const [dispute, committeeName, sessions, agreement, followUps, confirmation, clocks] = await Promise.all([
      repo.findDispute(executor, caseId),
      repo.unitName(executor, record.competentUnitId),
      repo.listSessions(executor, caseId),
      repo.findAgreement(executor, caseId),
      repo.listFollowUps(executor, caseId),
      repo.findConfirmation(executor, caseId),
      this.#d.deadlines.listForCase(executor, MEDIATION_DISPUTE, caseId),
    ]);
    if (!dispute) throw AppError.notFound('纠纷');
    const canHandle = principal.permissions.has(p.mediation.handle);
    const serving = await repo.committeeMediators(executor, record.competentUnitId);
    const sessionMediatorIds = [...new Set(sessions.flatMap((s) => s.session.mediatorIds))];
    const named = await repo.mediatorsByIds(executor, [
      ...sessionMediatorIds,
      ...(dispute.leadMediatorId ? [dispute.leadMediatorId] : []),
    ]);
    const nameOf = new Map(named.map((m) => [m.id, m.name]));
    const fileIds = [
      ...sessions.flatMap((s) => s.session.fileIds),
      ...followUps.flatMap((f) => f.followUp.fileIds),
      ...(agreement?.signedFileIds ?? []),
    ];
    const names = await repo.fileNames(executor, fileIds);
    const files = (list: readonly string[]) =>
      list.map((id) => ({
        id,
        name: names.get(id)?.name ?? '（文件）',
        sizeBytes: names.get(id)?.size ?? null,
      }));
    const doc = agreement?.documentId
      ? await repo.findCaseDocument(executor, agreement.documentId)
      : undefined;
    const clock = clocks.filter((c) => c.ruleCode === RULE).at(-1) ?? null;
    const live = clock && (clock.status === 'running' || clock.status === 'paused');
    return {
      caseId,
      caseNo: record.caseNo,
      status: record.status,
      statusLabel: stateLabel(type, record.status),
      tone: stateTone(type, record.status),
      version: record.version,
      committee: { unitId: record.competentUnitId, name: committeeName },
      leadMediator: dispute.leadMediatorId
        ? { id: dispute.leadMediatorId, name: nameOf.get(dispute.leadMediatorId) ?? '' }
        : null,
      acceptedOn: dispute.acceptedOn,
      declineReason: dispute.declineReason,
      outcome: dispute.outcome,
      outcomeLabel: dispute.outcome ? mediationOutcomeLabels[dispute.outcome] : null,
      outcomeOn: dispute.outcomeOn,
      outcomeNote: dispute.outcomeNote,
      canHandle,
      mediators: canHandle
        ? serving.map((m) => ({ id: m.id, name: m.name, position: m.position, hasAccount: !!m.staffUserId }))
        : [],
      sessions: sessions.map(({ session, by }) => ({
        id: session.id,
        heldAt: session.heldAt.toISOString(),
        place: session.place,
        mediators: session.mediatorIds.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
        attendees: session.attendees,
        record: session.record,
        files: files(session.fileIds),
        createdByName: by ?? null,
        createdAt: session.createdAt.toISOString(),
      })),
      agreement: agreement
        ? {
            form: agreement.form,
            formLabel: agreementFormLabels[agreement.form],
            terms: agreement.terms,
            performanceTerms: agreement.performanceTerms,
            performanceDueOn: agreement.performanceDueOn,
            effectiveOn: agreement.effectiveOn,
            performanceStatus: agreement.performanceStatus,
            performanceStatusLabel: performanceStatusLabels[agreement.performanceStatus],
            version: agreement.version,
            document: doc
              ? {
                  id: doc.id,
                  docNo: doc.docNo,
                  name: `${doc.name}${doc.docNo ? `（${doc.docNo}）` : ''}.docx`,
                  downloadUrl: `/api/files/${doc.fileId}`,
                  previewUrl: `/api/documents/${doc.id}/preview.pdf`,
                }
              : null,
            signedFiles: files(agreement.signedFileIds),
          }
        : null,
      followUps: followUps.map(({ followUp, by }) => ({
        id: followUp.id,
        visitedOn: followUp.visitedOn,
        method: followUp.method as MediationProcessView['followUps'][number]['method'],
        methodLabel:
          followUpMethodLabels[followUp.method as keyof typeof followUpMethodLabels] ?? followUp.method,
        visitor: followUp.visitor,
        note: followUp.note,
        performanceStatus: followUp.performanceStatus,
        performanceStatusLabel: performanceStatusLabels[followUp.performanceStatus],
        files: files(followUp.fileIds),
        createdByName: by ?? null,
      })),
      confirmation: confirmation
        ? {
            court: confirmation.court,
            appliedOn: confirmation.appliedOn,
            appliedInTime: !clock?.dueOn || confirmation.appliedOn <= clock.dueOn,
            result: confirmation.result,
            resultLabel: confirmation.result ? confirmationResultLabels[confirmation.result] : null,
            ruledOn: confirmation.ruledOn,
            rulingNo: confirmation.rulingNo,
            note: confirmation.note,
            version: confirmation.version,
          }
        : null,
      confirmationWindow: clock
        ? {
            startedOn: clock.startedOn,
            dueOn: clock.dueOn,
            status: clock.status,
            state: clock.standing.state,
            daysLeft: live ? clock.standing.remainingDays : null,
            label: clock.standing.label,
            rule: `${clock.ruleName}（${clock.article}，${clock.ruleDescription}）`,
          }
        : null,
    };
  }
}
