import {
  type EndingSoonItem,
  type EndingView,
  endingKindLabels,
  endingSoonQuerySchema,
  type ReleaseNoticeInput,
  releaseInputSchema,
  releaseNoticeInputSchema,
  releaseNoticeRecipientLabels,
  type SuperviseeEndingView,
  terminateInputSchema,
} from '@zhucheng/contracts';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { addDays } from '../../platform/calendar/iso-date.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { caseDocument } from '../../platform/documents/documents.schema.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
import * as registerRepo from './register.repo.ts';
import { correctionsScope } from './register.repo.ts';
import { daysRemaining, listName } from './register.rules.ts';
import { correctionsSupervisee } from './register.schema.ts';
import { parse, staleSupervisee } from './register.service.ts';
import { RELEASE_CERTIFICATE_TEMPLATE } from './release.documents.ts';
import { missingNotices, releaseRefusal, terminationRefusal } from './release.rules.ts';
import { correctionsEnding, correctionsReleaseNotice } from './release.schema.ts';

export interface ReleaseServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: Pick<WorkflowService, 'transition'>;
  documents: Pick<DocumentsService, 'generate'>;
}

const fieldError = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);
const notFound = () => AppError.notFound('社区矫正对象');
const isMinor = sql`('minor' = any(${correctionsSupervisee.flags}))`;

// 解除与终止 (社区矫正法第四十四条、第四十五条): release at the end of the term with the 解除社区矫正证明书 and
// the notices to the court, procuratorate and police; termination for revocation, committal or death. Both
// are transitions of the `corrections.supervisee` case (viaModule) and set `corrections_supervisee.ended_on`
// in the same transaction, which frees the person for a later term.
export class ReleaseService {
  readonly #d: ReleaseServiceDeps;

  constructor(deps: ReleaseServiceDeps) {
    this.#d = deps;
  }

  async ending(ctx: RequestContext, caseId: string): Promise<SuperviseeEndingView> {
    const staff = requireStaff(ctx);
    const found = await registerRepo.findSupervisee(this.#d.db, staff, caseId);
    if (!found) throw notFound();
    return this.#view(this.#d.db, found);
  }

  /** 解除社区矫正: on or after the period's last day; the certificate is generated in the same transaction. */
  async release(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeEndingView> {
    const input = parse(releaseInputSchema, raw);
    return this.#end(ctx, caseId, input.version, async (tx, found, staffId) => {
      const refusal = releaseRefusal(found.s.periodEnd, input.releasedOn, this.#d.clock.today());
      if (refusal) throw fieldError('releasedOn', refusal);
      await this.#d.workflow.transition(
        ctx,
        {
          caseId,
          transition: 'release',
          version: input.version,
          comment: `矫正期满，${input.releasedOn} 解除社区矫正`,
        },
        { tx, viaModule: true },
      );
      await tx.insert(correctionsEnding).values({
        caseId,
        kind: 'release',
        endedOn: input.releasedOn,
        summary: input.summary ?? null,
        documentNo: null,
        certificateDocumentId: null,
        createdBy: staffId,
        createdAt: this.#d.clock.now(),
      });
      await this.#setEnded(tx, found, input.releasedOn);
      const certificate = await this.#d.documents.generate(tx, ctx, caseId, {
        templateCode: RELEASE_CERTIFICATE_TEMPLATE,
      });
      await tx
        .update(correctionsEnding)
        .set({ certificateDocumentId: certificate.id })
        .where(eq(correctionsEnding.caseId, caseId));
      await this.#insertNotices(tx, caseId, staffId, input.notices ?? []);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.supervisee.release',
        entityType: 'case',
        entityId: caseId,
        after: {
          releasedOn: input.releasedOn,
          certificateDocumentId: certificate.id,
          certificateNo: certificate.docNo,
          notices: (input.notices ?? []).map((n) => n.recipient),
        },
      });
    });
  }

  /** 终止社区矫正: revocation, committal or death, with the document it rests on. */
  async terminate(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeEndingView> {
    const input = parse(terminateInputSchema, raw);
    return this.#end(ctx, caseId, input.version, async (tx, found, staffId) => {
      const refusal = terminationRefusal({
        reason: input.reason,
        sentenceKind: found.s.sentenceKind,
        endedOn: input.endedOn,
        periodStart: found.s.periodStart,
        today: this.#d.clock.today(),
      });
      if (refusal) throw fieldError(refusal.includes('适用') ? 'reason' : 'endedOn', refusal);
      await this.#d.workflow.transition(
        ctx,
        {
          caseId,
          transition: 'terminate',
          version: input.version,
          comment: `${endingKindLabels[input.reason]}，${input.endedOn} 终止社区矫正（${input.documentNo}）`,
        },
        { tx, viaModule: true },
      );
      await tx.insert(correctionsEnding).values({
        caseId,
        kind: input.reason,
        endedOn: input.endedOn,
        summary: input.note ?? null,
        documentNo: input.documentNo,
        certificateDocumentId: null,
        createdBy: staffId,
        createdAt: this.#d.clock.now(),
      });
      await this.#setEnded(tx, found, input.endedOn);
      await this.#insertNotices(tx, caseId, staffId, input.notices ?? []);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.supervisee.terminate',
        entityType: 'case',
        entityId: caseId,
        after: { reason: input.reason, endedOn: input.endedOn, documentNo: input.documentNo },
      });
    });
  }

  /** A notice sent after the ending was recorded (to whom, when, how). */
  async addNotice(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeEndingView> {
    const input = parse(releaseNoticeInputSchema, raw);
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await registerRepo.findSupervisee(tx, staff, caseId, { forUpdate: true });
      if (!found) throw notFound();
      if (!found.s.endedOn) throw AppError.conflict('该社区矫正对象尚未解除或终止矫正，不能登记解矫通知');
      if (input.sentOn < found.s.endedOn) throw fieldError('sentOn', '通知日期不能早于解除（终止）日期');
      if (input.sentOn > this.#d.clock.today()) throw fieldError('sentOn', '通知日期不能晚于今天');
      await this.#insertNotices(tx, caseId, staff.id, [input]);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.supervisee.releaseNotice',
        entityType: 'case',
        entityId: caseId,
        after: { recipient: input.recipient, recipientName: input.recipientName, sentOn: input.sentOn },
      });
      return this.#view(tx, found);
    });
  }

  /** Running terms of the caller's units whose period ends within `days` (or has ended: awaiting release). */
  async endingSoon(ctx: RequestContext, rawQuery: unknown): Promise<{ items: EndingSoonItem[] }> {
    const staff = requireStaff(ctx);
    const q = parse(endingSoonQuerySchema, rawQuery);
    const today = this.#d.clock.today();
    const s = correctionsSupervisee;
    const rows = await this.#d.db
      .select({
        caseId: s.caseId,
        caseNo: caseRecord.caseNo,
        name: person.name,
        minor: sql<boolean>`${isMinor}`,
        sentenceKind: s.sentenceKind,
        officeName: orgUnit.name,
        periodEnd: s.periodEnd,
        status: caseRecord.status,
        version: caseRecord.version,
      })
      .from(s)
      .innerJoin(caseRecord, eq(caseRecord.id, s.caseId))
      .innerJoin(person, eq(person.id, s.personId))
      .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
      .where(
        and(
          eq(caseRecord.caseType, CORRECTIONS_SUPERVISEE),
          correctionsScope(staff, isMinor),
          isNull(s.endedOn),
          lte(s.periodEnd, addDays(today, q.days)),
          q.officeId ? eq(caseRecord.competentUnitId, q.officeId) : undefined,
        ),
      )
      .orderBy(asc(s.periodEnd), asc(s.caseId));
    return {
      items: rows.map((r) => ({
        caseId: r.caseId,
        caseNo: r.caseNo,
        name: listName(r.name, r.minor),
        sentenceKind: r.sentenceKind,
        officeName: r.officeName,
        periodEnd: r.periodEnd,
        daysRemaining: daysRemaining(r.periodEnd, today),
        status: r.status,
        version: r.version,
      })),
    };
  }

  async #end(
    ctx: RequestContext,
    caseId: string,
    version: number,
    write: (tx: Transaction, found: registerRepo.SuperviseeRecord, staffId: string) => Promise<void>,
  ): Promise<SuperviseeEndingView> {
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await registerRepo.findSupervisee(tx, staff, caseId, { forUpdate: true });
      if (!found) throw notFound();
      if (found.record.version !== version) throw AppError.conflict('该案件已被他人处理，请刷新后重试');
      if (found.s.endedOn) throw AppError.conflict(`该社区矫正已于 ${found.s.endedOn} 解除或终止`);
      await write(tx, found, staff.id);
      const after = await registerRepo.findSupervisee(tx, staff, caseId);
      if (!after) throw notFound();
      return this.#view(tx, after);
    });
  }

  async #setEnded(tx: Transaction, found: registerRepo.SuperviseeRecord, endedOn: string): Promise<void> {
    const updated = await registerRepo.updateSupervisee(tx, found.s.caseId, found.s.version, {
      endedOn,
      updatedAt: this.#d.clock.now(),
    });
    if (!updated) throw staleSupervisee();
  }

  async #insertNotices(tx: Transaction, caseId: string, staffId: string, notices: ReleaseNoticeInput[]) {
    const now = this.#d.clock.now();
    for (const n of notices) {
      await tx.insert(correctionsReleaseNotice).values({
        caseId,
        recipient: n.recipient,
        recipientName: n.recipientName,
        sentOn: n.sentOn,
        method: n.method,
        createdBy: staffId,
        createdAt: now,
      });
    }
  }

  async #view(executor: Executor, found: registerRepo.SuperviseeRecord): Promise<SuperviseeEndingView> {
    const caseId = found.s.caseId;
    const [ending] = await executor
      .select()
      .from(correctionsEnding)
      .where(eq(correctionsEnding.caseId, caseId));
    let view: EndingView | null = null;
    if (ending) {
      const notices = await executor
        .select()
        .from(correctionsReleaseNotice)
        .where(eq(correctionsReleaseNotice.caseId, caseId))
        .orderBy(asc(correctionsReleaseNotice.sentOn), asc(correctionsReleaseNotice.id));
      const [doc] = ending.certificateDocumentId
        ? await executor
            .select({ docNo: caseDocument.docNo })
            .from(caseDocument)
            .where(eq(caseDocument.id, ending.certificateDocumentId))
        : [];
      const docNo = doc?.docNo ?? null;
      view = {
        caseId,
        kind: ending.kind,
        kindLabel: endingKindLabels[ending.kind],
        endedOn: ending.endedOn,
        summary: ending.summary,
        documentNo: ending.documentNo,
        certificateDocumentId: ending.certificateDocumentId,
        certificateNo: docNo ?? null,
        notices: notices.map((n) => ({
          id: n.id,
          recipient: n.recipient,
          recipientLabel: releaseNoticeRecipientLabels[n.recipient],
          recipientName: n.recipientName,
          sentOn: n.sentOn,
          method: n.method,
        })),
        missingNotices: missingNotices(notices.map((n) => n.recipient)),
        createdAt: ending.createdAt.toISOString(),
      };
    }
    return {
      caseId,
      status: found.record.status,
      periodEnd: found.s.periodEnd,
      version: found.record.version,
      ending: view,
    };
  }
}
