import {
  type LegalAidAssignInput,
  type LegalAidAssignmentCandidate,
  type LegalAidAssignmentRecord,
  type LegalAidAssignmentView,
  type LegalAidChangeLawyerInput,
  legalAidAssignmentMethodLabels,
  legalAidAssignSchema,
  legalAidChangeLawyerSchema,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { addParticipants, findCase, removeParticipant } from '../../platform/cases/cases.repo.ts';
import type { CaseRecordRow } from '../../platform/cases/cases.schema.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as repo from './assignment.repo.ts';
import {
  type AssignmentCaseFacts,
  caseRequirements,
  checkAssignment,
  isLifeOrDeathCase,
  isMinorCase,
  rankCandidates,
} from './assignment.rules.ts';
import type { LegalAidAssignmentRow } from './assignment.schema.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import type { LegalAidLawyerRow } from './registry.schema.ts';

export interface AssignmentServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  documents: Pick<DocumentsService, 'generate'>;
}

/** The 指派通知书's template code (legal-aid.documents.ts). */
export const ASSIGNMENT_NOTICE_TEMPLATE = 'assignmentNotice';

const ASSIGN = 'legalAid:assign';

function invalid(error: z.ZodError): AppError {
  return AppError.badRequest(
    '填写的信息不完整或有误',
    error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

function recordView(row: {
  assignment: LegalAidAssignmentRow;
  lawyer: LegalAidLawyerRow;
  assignedByName?: string | null;
}): LegalAidAssignmentRecord {
  const a = row.assignment;
  return {
    id: a.id,
    lawyerId: a.lawyerId,
    lawyerName: row.lawyer.name,
    lawFirm: row.lawyer.lawFirm,
    method: a.method,
    reason: a.reason,
    assignedByName: row.assignedByName ?? null,
    assignedAt: a.assignedAt.toISOString(),
    acceptedAt: a.acceptedAt?.toISOString() ?? null,
    endedAt: a.endedAt?.toISOString() ?? null,
    endReason: (a.endReason as LegalAidAssignmentRecord['endReason']) ?? null,
    endNote: a.endNote,
    noticeDocumentId: a.noticeDocumentId,
  };
}

// 指派律师 (法律援助法 第四十三条): within 3 days of the grant the centre assigns a lawyer — by duty-roster
// rotation, the applicant's choice (点援制) or the expert panel for minors — checked for availability,
// conflicts and 第二十六条; the assignment row, the lawyer's participant row, the workflow step (which
// meets the 3-day clock) and the 指派通知书 commit in one transaction.
export class AssignmentService {
  readonly #d: AssignmentServiceDeps;

  constructor(deps: AssignmentServiceDeps) {
    this.#d = deps;
  }

  /** The case's assignment page: current lawyer, history, and (for 指派 permission) the candidates. */
  async view(ctx: RequestContext, caseId: string): Promise<LegalAidAssignmentView> {
    const staff = requireStaff(ctx);
    const record = await this.#case(this.#d.db, ctx, caseId);
    const facts = await this.#facts(this.#d.db, record);
    const rows = await repo.assignmentsOf(this.#d.db, caseId);
    const current = rows.find((r) => r.assignment.endedAt === null);
    const canAssignNow = staff.permissions.has(ASSIGN);
    return {
      caseId,
      status: record.status,
      version: record.version,
      canAssign: canAssignNow && record.status === 'granted',
      canChange: canAssignNow && (record.status === 'assigned' || record.status === 'inProgress'),
      requirements: caseRequirements(facts),
      current: current ? recordView(current) : null,
      history: rows.filter((r) => r !== current).map(recordView),
      candidates: canAssignNow ? await this.#rank(this.#d.db, record, facts) : null,
    };
  }

  /** The centre's lawyers ranked for the case, each with its reasons. */
  async suggest(ctx: RequestContext, caseId: string): Promise<LegalAidAssignmentCandidate[]> {
    this.#requireAssign(ctx);
    const record = await this.#case(this.#d.db, ctx, caseId);
    return this.#rank(this.#d.db, record, await this.#facts(this.#d.db, record));
  }

  async assign(
    ctx: RequestContext,
    caseId: string,
    raw: LegalAidAssignInput,
  ): Promise<LegalAidAssignmentView> {
    this.#requireAssign(ctx);
    const parsed = legalAidAssignSchema.safeParse(raw ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    const input = parsed.data;
    await this.#d.db.transaction(async (tx) => {
      const record = await this.#case(tx, ctx, caseId, true);
      this.#checkVersion(record, input.version);
      if (record.status !== 'granted') {
        throw AppError.conflict(
          record.status === 'assigned' || record.status === 'inProgress'
            ? '本案已指派律师；如需更换，请使用“更换律师”'
            : '本案当前不在待指派律师状态，不能指派',
        );
      }
      const facts = await this.#facts(tx, record);
      const ranked = await this.#rank(tx, record, facts);
      const check = checkAssignment(ranked, input);
      if (!check.ok)
        throw AppError.badRequest(check.message, [
          { path: check.path ?? 'lawyerId', message: check.message },
        ]);
      await this.#start(tx, ctx, record, {
        lawyerId: input.lawyerId,
        method: input.method,
        reason: input.reason?.trim() || null,
        transition: 'assign',
        ranked,
      });
    });
    return this.view(ctx, caseId);
  }

  /** 更换律师 (on the aided person's request or for cause): ends the current row, assigns another. */
  async changeLawyer(
    ctx: RequestContext,
    caseId: string,
    raw: LegalAidChangeLawyerInput,
  ): Promise<LegalAidAssignmentView> {
    this.#requireAssign(ctx);
    const parsed = legalAidChangeLawyerSchema.safeParse(raw ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    const input = parsed.data;
    await this.#d.db.transaction(async (tx) => {
      const record = await this.#case(tx, ctx, caseId, true);
      this.#checkVersion(record, input.version);
      if (record.status !== 'assigned' && record.status !== 'inProgress') {
        throw AppError.conflict('本案当前没有承办律师，不能更换；请使用“指派”');
      }
      const current = await repo.currentAssignment(tx, caseId, { forUpdate: true });
      if (current?.lawyer.id === input.lawyerId) {
        throw AppError.badRequest('新律师与现承办律师相同', [
          { path: 'lawyerId', message: '请选择另一位律师' },
        ]);
      }
      const facts = await this.#facts(tx, record);
      const ranked = await this.#rank(tx, record, facts);
      const check = checkAssignment(ranked, {
        lawyerId: input.lawyerId,
        method: 'manual',
        reason: input.reason,
      });
      if (!check.ok)
        throw AppError.badRequest(check.message, [
          { path: check.path ?? 'lawyerId', message: check.message },
        ]);
      const now = this.#d.clock.now();
      if (current) {
        await repo.endAssignment(tx, current.assignment.id, {
          endedAt: now,
          endReason: 'changed',
          endNote: input.reason,
        });
        if (current.lawyer.staffUserId) {
          await removeParticipant(tx, caseId, {
            accountKind: 'staff',
            accountId: current.lawyer.staffUserId,
            role: 'assignedLawyer',
          });
        }
      }
      await this.#start(tx, ctx, record, {
        lawyerId: input.lawyerId,
        method: 'manual',
        reason: input.reason,
        transition: 'changeLawyer',
        ranked,
        previous: current ? { id: current.assignment.id, lawyerId: current.lawyer.id } : undefined,
      });
    });
    return this.view(ctx, caseId);
  }

  // ---- inside ------------------------------------------------------------------------------------------

  async #start(
    tx: Transaction,
    ctx: RequestContext,
    record: CaseRecordRow,
    how: {
      lawyerId: string;
      method: LegalAidAssignmentRow['method'];
      reason: string | null;
      transition: 'assign' | 'changeLawyer';
      ranked: LegalAidAssignmentCandidate[];
      previous?: { id: string; lawyerId: string } | undefined;
    },
  ): Promise<void> {
    const staff = requireStaff(ctx);
    const candidate = how.ranked.find((r) => r.lawyerId === how.lawyerId);
    const lawyers = await repo.lawyerFacts(tx, record.competentUnitId, this.#d.clock.today());
    const lawyer = lawyers.find((l) => l.id === how.lawyerId);
    if (!candidate || !lawyer?.staffUserId) throw AppError.notFound('律师');
    const now = this.#d.clock.now();
    const row = await repo.insertAssignment(tx, {
      caseId: record.id,
      lawyerId: how.lawyerId,
      method: how.method,
      reason: how.reason,
      assignedBy: staff.id === 'system' ? null : staff.id,
      assignedAt: now,
    });
    // The lawyer joins the case before the step, so the step's notice reaches them.
    await addParticipants(
      tx,
      record.id,
      [{ accountKind: 'staff', accountId: lawyer.staffUserId, role: 'assignedLawyer' }],
      now,
    );
    const methodLabel = legalAidAssignmentMethodLabels[how.method];
    await this.#d.workflow.transition(
      ctx,
      {
        caseId: record.id,
        transition: how.transition,
        version: record.version,
        comment: `${how.transition === 'assign' ? '指派' : '更换为'}${lawyer.name}律师（${lawyer.lawFirm}，${methodLabel}）${how.reason ? `：${how.reason}` : ''}`,
      },
      { tx, viaModule: true },
    );
    const notice = await this.#d.documents.generate(tx, ctx, record.id, {
      templateCode: ASSIGNMENT_NOTICE_TEMPLATE,
    });
    await repo.setNoticeDocument(tx, row.id, notice.id);
    await this.#d.audit(tx, ctx, {
      action: how.transition === 'assign' ? 'legalAid.assignment.assign' : 'legalAid.assignment.change',
      entityType: 'case',
      entityId: record.id,
      after: {
        assignmentId: row.id,
        lawyerId: how.lawyerId,
        method: how.method,
        reason: how.reason,
        rotationFirst: how.ranked.find((r) => r.eligible)?.lawyerId ?? null,
        noticeDocumentId: notice.id,
        previousAssignmentId: how.previous?.id ?? null,
        previousLawyerId: how.previous?.lawyerId ?? null,
      },
    });
  }

  #requireAssign(ctx: RequestContext): void {
    const staff = requireStaff(ctx);
    if (!staff.permissions.has(ASSIGN)) throw AppError.forbidden();
  }

  #checkVersion(record: CaseRecordRow, version: number): void {
    if (record.version !== version) throw AppError.conflict('案件已被他人更新，请刷新后重试');
  }

  /** The aided case in the caller's scope (404 otherwise), locked when asked. */
  async #case(
    executor: Executor,
    ctx: RequestContext,
    caseId: string,
    forUpdate = false,
  ): Promise<CaseRecordRow> {
    const staff = requireStaff(ctx);
    const record = await findCase(executor, staff, caseId, { forUpdate });
    if (!record || record.caseType !== LEGAL_AID_APPLICATION) throw AppError.notFound('法律援助案件');
    return record;
  }

  async #facts(executor: Executor, record: CaseRecordRow): Promise<AssignmentCaseFacts> {
    const app = await repo.findApplication(executor, record.id);
    if (!app) throw AppError.notFound('法律援助案件');
    return {
      caseId: record.id,
      applicantName: app.applicantName,
      opposingParty: app.matter.opposingParty ?? null,
      lifeOrDeath: isLifeOrDeathCase(app.hardship.exemption),
      minor: isMinorCase(app.applicantTags, app.hardship.exemption),
    };
  }

  async #rank(executor: Executor, record: CaseRecordRow, facts: AssignmentCaseFacts) {
    const today = this.#d.clock.today();
    return rankCandidates(facts, await repo.lawyerFacts(executor, record.competentUnitId, today), today);
  }
}
