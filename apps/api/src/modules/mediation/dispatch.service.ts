import {
  type DispatchCommittee,
  permissions as p,
  type RegisterDisputeResult,
  redispatchInputSchema,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { stateLabel } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as dispatchRepo from './dispatch.repo.ts';
import { committeeKindOrder } from './dispatch.rules.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import * as repo from './intake.repo.ts';

export interface DispatchServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
}

/** Who of a unit hears of its disputes: staff holding a mediation role there. */
const MEDIATION_STAFF = [p.mediation.intake, p.mediation.dispatch, p.mediation.handle];

/** An in-app notice to every mediation staff member of a unit, opening the dispute's case page. */
export async function noticeToUnit(
  outbox: Pick<NotificationOutbox, 'enqueue'>,
  tx: Executor,
  unitId: number,
  message: { template: string; body: string; caseId: string },
): Promise<number> {
  const staff = await dispatchRepo.staffOfUnit(tx, unitId, MEDIATION_STAFF);
  for (const id of staff) {
    await outbox.enqueue(tx, {
      channel: 'inApp',
      recipient: `staff:${id}`,
      template: message.template,
      body: message.body,
      payload: {
        caseId: message.caseId,
        caseType: MEDIATION_DISPUTE,
        consolePath: disputePath(message.caseId),
      },
      dedupeKey: `${message.template}:${message.caseId}:${unitId}:${id}`,
    });
  }
  return staff.length;
}

/** The console's dispute page. */
export const disputePath = (caseId: string) => `/mediation/disputes/${caseId}`;

// 改派: while a dispute waits for acceptance (待受理), the township office or the county moves it to another
// committee in its scope, with a reason. The case's competent unit changes, the `redispatch` transition is
// recorded in the same transaction, and the new committee is told.
export class DispatchService {
  readonly #d: DispatchServiceDeps;

  constructor(deps: DispatchServiceDeps) {
    this.#d = deps;
  }

  /** The active committees the caller may dispatch to (its scope), townships before villages. */
  async committees(ctx: RequestContext): Promise<DispatchCommittee[]> {
    const staff = requireStaff(ctx);
    const all = await dispatchRepo.listCommitteeCandidates(this.#d.db);
    return all
      .filter((c) => unitInScope(staff.scope, c.unitId))
      .sort((a, b) => committeeKindOrder(a.kind) - committeeKindOrder(b.kind) || a.unitId - b.unitId)
      .map((c) => ({ unitId: c.unitId, name: c.name, kind: c.kind, townCode: c.townCode }));
  }

  async redispatch(ctx: RequestContext, caseId: string, raw: unknown): Promise<RegisterDisputeResult> {
    const staff = requireStaff(ctx);
    const parsed = redispatchInputSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      throw AppError.badRequest(
        '改派信息不完整或有误',
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      );
    }
    const input = parsed.data;
    const { db, clock, audit, workflow, outbox } = this.#d;
    // Read before the transaction: PGlite holds other queries back while one runs.
    const record = await workflow.get(ctx, caseId);
    if (record.caseType !== MEDIATION_DISPUTE) throw AppError.notFound('纠纷');
    return db.transaction(async (tx) => {
      const dispute = await repo.findDispute(tx, caseId);
      if (!dispute) throw AppError.notFound('纠纷');
      const target = await dispatchRepo.findCommitteeCandidate(tx, input.committeeUnitId);
      if (!target || !unitInScope(staff.scope, target.unitId)) {
        throw AppError.badRequest('改派信息不完整或有误', [
          { path: 'committeeUnitId', message: '请选择您管辖范围内在用的人民调解委员会' },
        ]);
      }
      if (target.unitId === record.competentUnitId) {
        throw AppError.badRequest('改派信息不完整或有误', [
          { path: 'committeeUnitId', message: '该纠纷已在这个调委会，请选择另一个调委会' },
        ]);
      }
      const names = await dispatchRepo.unitNames(tx, [record.competentUnitId]);
      const fromName = names.get(record.competentUnitId) ?? '';
      // The engine checks permission, version (stale → 409) and state (only 待受理).
      await workflow.transition(
        ctx,
        {
          caseId,
          transition: 'redispatch',
          version: input.version,
          input: { fromUnitId: record.competentUnitId, toUnitId: target.unitId, reason: input.reason },
          comment: `改派至${target.name}：${input.reason}`,
        },
        { tx, viaModule: true },
      );
      // A committee that had received it itself hands the receipt on too, so it no longer sees the case.
      const receivingUnitId =
        record.receivingUnitId === record.competentUnitId ? target.unitId : record.receivingUnitId;
      await repo.moveCase(tx, caseId, { competentUnitId: target.unitId, receivingUnitId });
      const now = clock.now();
      const reason = `改派（${staff.displayName}）：由${fromName}改派至${target.name}。理由：${input.reason}`;
      await repo.updateDispatch(tx, caseId, { dispatchedAt: now, dispatchReason: reason, updatedAt: now });
      await audit(tx, ctx, {
        action: 'mediation.dispute.redispatch',
        entityType: 'case',
        entityId: caseId,
        before: { committeeUnitId: record.competentUnitId, receivingUnitId: record.receivingUnitId },
        after: { committeeUnitId: target.unitId, receivingUnitId, reason: input.reason },
      });
      await noticeToUnit(outbox, tx, target.unitId, {
        template: 'mediation.redispatched',
        body: `${fromName}的纠纷（${record.caseNo ?? ''}）已改派至本调委会，请及时受理。改派理由：${input.reason}`,
        caseId,
      });
      const duplicate = dispute.duplicateOf ? await repo.disputeRef(tx, dispute.duplicateOf) : undefined;
      return {
        caseId,
        caseNo: record.caseNo,
        committeeUnitId: target.unitId,
        committeeName: target.name,
        dispatchReason: reason,
        duplicateOf: dispute.duplicateOf,
        duplicate: duplicate
          ? {
              caseId: duplicate.caseId,
              caseNo: duplicate.caseNo,
              committeeName: duplicate.committeeName,
              statusLabel: stateLabel(workflow.types.get(MEDIATION_DISPUTE), duplicate.status),
              registeredAt: duplicate.createdAt.toISOString(),
            }
          : null,
      };
    });
  }
}
