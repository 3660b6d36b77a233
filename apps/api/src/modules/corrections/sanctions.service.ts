import {
  type SanctionKind,
  type SanctionList,
  type SanctionSuggestion,
  type SanctionView,
  sanctionBreachLabels,
  sanctionInputSchema,
  sanctionKindLabels,
  sanctionListQuerySchema,
  sanctionSuggestionQuerySchema,
  sanctionWithdrawSchema,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as registerRepo from './register.repo.ts';
import { listName } from './register.rules.ts';
import { parse } from './register.service.ts';
import { CORRECTIONS_SANCTION } from './sanctions.case-type.ts';
import { SANCTION_DECISION_TEMPLATE } from './sanctions.documents.ts';
import * as repo from './sanctions.repo.ts';
import { deviationRefusal, historyOf, suggestSanction } from './sanctions.rules.ts';

export interface SanctionsServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  documents: DocumentsService;
}

const badField = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);

// 奖惩 (第二十八条): each record is a case of its own, linked to the term. The suggestion of the implementing
// measures' triggers (sanctions.rules.ts) is computed from the breach and the term's history, offered to the
// officer and stored with the step chosen (a different step needs a note); the document is made at once.
export class SanctionsService {
  readonly #d: SanctionsServiceDeps;

  constructor(deps: SanctionsServiceDeps) {
    this.#d = deps;
  }

  async suggestion(ctx: RequestContext, superviseeCaseId: string, raw: unknown): Promise<SanctionSuggestion> {
    const q = parse(sanctionSuggestionQuerySchema, raw);
    const term = await this.#term(this.#d.db, ctx, superviseeCaseId);
    return this.#suggest(this.#d.db, term, q.breach, q.absenceDays ?? null);
  }

  async #suggest(
    executor: Executor,
    term: registerRepo.SuperviseeRecord,
    breach: Parameters<typeof suggestSanction>[0],
    absenceDays: number | null,
  ): Promise<SanctionSuggestion> {
    const history = historyOf(await repo.kindsInForce(executor, term.record.id));
    const s = suggestSanction(breach, absenceDays, history, term.s.sentenceKind);
    return {
      kind: s.kind,
      kindLabel: s.kind ? sanctionKindLabels[s.kind] : null,
      reasons: s.reasons,
      ...history,
    };
  }

  async #term(executor: Executor, ctx: RequestContext, caseId: string, forUpdate = false) {
    const found = await registerRepo.findSupervisee(executor, requireStaff(ctx), caseId, { forUpdate });
    if (!found) throw AppError.notFound('社区矫正对象');
    return found;
  }

  /** Records a praise, admonition, warning or request; the suggestion of the moment is stored beside it. */
  async record(
    tx: Transaction,
    ctx: RequestContext,
    superviseeCaseId: string,
    raw: unknown,
  ): Promise<SanctionView> {
    const input = parse(sanctionInputSchema, raw);
    const staff = requireStaff(ctx);
    const term = await this.#term(tx, ctx, superviseeCaseId, true);
    if (term.s.endedOn) throw AppError.conflict('该社区矫正对象已解除或终止矫正');
    if (input.decidedOn > this.#d.clock.today()) throw badField('decidedOn', '决定日期不能晚于今天');
    if (input.breach === 'absence' && input.absenceDays == null) {
      throw badField('absenceDays', '请填写脱离监管的天数');
    }
    const suggestion = await this.#suggest(tx, term, input.breach, input.absenceDays ?? null);
    const deviation = deviationRefusal(input.kind, suggestion.kind, input.deviationNote);
    if (deviation) throw badField('deviationNote', deviation);
    const label = sanctionKindLabels[input.kind];
    const record = await this.#d.workflow.create(
      ctx,
      {
        type: CORRECTIONS_SANCTION,
        competentUnitId: term.record.competentUnitId,
        title: `${listName(term.person.name, term.s.flags.includes('minor'))}${label}`,
        participants: [{ accountKind: 'staff', accountId: staff.id, role: 'handler' }],
        comment: `${label}：${sanctionBreachLabels[input.breach]}`,
      },
      tx,
    );
    await repo.insertSanction(tx, {
      caseId: record.id,
      superviseeCaseId,
      kind: input.kind,
      breach: input.breach,
      absenceDays: input.absenceDays ?? null,
      suggestedKind: suggestion.kind,
      suggestionReasons: suggestion.reasons,
      deviationNote: input.kind === suggestion.kind ? null : (input.deviationNote ?? null),
      facts: input.facts,
      basis: input.basis,
      decidedOn: input.decidedOn,
      decidedBy: staff.displayName,
      createdAt: this.#d.clock.now(),
    });
    const doc = await this.#d.documents.generate(tx, ctx, record.id, {
      templateCode: SANCTION_DECISION_TEMPLATE,
    });
    await repo.updateSanction(tx, record.id, { documentId: doc.id });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.sanction.record',
      entityType: 'case',
      entityId: superviseeCaseId,
      after: {
        sanctionId: record.id,
        kind: input.kind,
        suggested: suggestion.kind,
        breach: input.breach,
        documentId: doc.id,
      },
    });
    return this.#reload(tx, ctx, record.id);
  }

  async list(ctx: RequestContext, raw: unknown): Promise<SanctionList> {
    const staff = requireStaff(ctx);
    const q = parse(sanctionListQuerySchema, raw);
    const { rows, total } = await repo.listSanctions(this.#d.db, staff, q, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map((r) => view(r)), total };
  }

  async ofSupervisee(ctx: RequestContext, superviseeCaseId: string): Promise<SanctionList> {
    const staff = requireStaff(ctx);
    await this.#term(this.#d.db, ctx, superviseeCaseId);
    const { rows, total } = await repo.listSanctions(
      this.#d.db,
      staff,
      { superviseeCaseId },
      { limit: 200, offset: 0 },
    );
    return { items: rows.map((r) => view(r)), total };
  }

  /** 撤销: a record made in error; it stays on file and no longer counts. */
  async withdraw(ctx: RequestContext, id: string, raw: unknown): Promise<SanctionView> {
    const input = parse(sanctionWithdrawSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findSanction(tx, requireStaff(ctx), id, { forUpdate: true });
      if (!found) throw AppError.notFound('奖惩记录');
      await this.#d.workflow.transition(
        ctx,
        { caseId: id, transition: 'withdraw', version: input.version, comment: input.reason },
        { tx, viaModule: true },
      );
      await repo.updateSanction(tx, id, { withdrawReason: input.reason });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.sanction.withdraw',
        entityType: 'case',
        entityId: found.s.superviseeCaseId,
        after: { sanctionId: id, reason: input.reason },
      });
      return this.#reload(tx, ctx, id);
    });
  }

  async #reload(executor: Executor, ctx: RequestContext, id: string): Promise<SanctionView> {
    const found = await repo.findSanction(executor, requireStaff(ctx), id);
    if (!found) throw AppError.notFound('奖惩记录');
    return view(found);
  }
}

function view(r: repo.SanctionRecord): SanctionView {
  const s = r.s;
  return {
    id: s.caseId,
    caseNo: r.record.caseNo,
    superviseeCaseId: s.superviseeCaseId,
    superviseeName: listName(r.name, r.minor),
    kind: s.kind,
    kindLabel: sanctionKindLabels[s.kind],
    breach: s.breach,
    breachLabel: sanctionBreachLabels[s.breach],
    absenceDays: s.absenceDays,
    suggestedKind: s.suggestedKind as SanctionKind | null,
    suggestionReasons: s.suggestionReasons,
    deviationNote: s.deviationNote,
    facts: s.facts,
    basis: s.basis,
    decidedOn: s.decidedOn,
    decidedBy: s.decidedBy,
    documentId: s.documentId,
    status: r.record.status === 'withdrawn' ? 'withdrawn' : 'recorded',
    withdrawReason: s.withdrawReason,
    version: r.record.version,
  };
}
