import crypto from 'node:crypto';
import {
  type CertificateListItem,
  type CertificateView,
  certificateInputSchema,
  certificateKindLabels,
  certificateListQuerySchema,
  type GuidanceView,
  guidanceInputSchema,
  guidanceKindLabels,
  type SuperviseeTrainingView,
  type TrainingRecordView,
  trainingRecordInputSchema,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as registerRepo from './register.repo.ts';
import { listName } from './register.rules.ts';
import { parse } from './register.service.ts';
import * as repo from './training.repo.ts';
import type {
  CorrectionsCertificateRow,
  CorrectionsEmploymentGuidanceRow,
  CorrectionsTrainingRow,
} from './training.schema.ts';
import {
  correctionsCertificate,
  correctionsEmploymentGuidance,
  correctionsTraining,
} from './training.schema.ts';

export interface TrainingServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
}

const fieldError = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);
const notFound = () => AppError.notFound('社区矫正对象');

const trainingView = (r: CorrectionsTrainingRow): TrainingRecordView => ({
  id: r.id,
  caseId: r.caseId,
  course: r.course,
  provider: r.provider,
  hours: r.hours,
  fromOn: r.fromOn,
  toOn: r.toOn,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

const certificateView = (r: CorrectionsCertificateRow): CertificateView => ({
  id: r.id,
  caseId: r.caseId,
  kind: r.kind,
  kindLabel: certificateKindLabels[r.kind],
  name: r.name,
  number: r.number,
  issuedOn: r.issuedOn,
  issuer: r.issuer,
  trainingId: r.trainingId,
  createdAt: r.createdAt.toISOString(),
});

const guidanceView = (r: CorrectionsEmploymentGuidanceRow): GuidanceView => ({
  id: r.id,
  caseId: r.caseId,
  kind: r.kind,
  kindLabel: guidanceKindLabels[r.kind],
  givenOn: r.givenOn,
  note: r.note,
  duringMoratorium: r.duringMoratorium,
  createdAt: r.createdAt.toISOString(),
});

// 教育帮扶 (第三十六条、第三十七条、第四十条): the office records vocational training, certificates (海员证 …) and
// employment guidance (also in the fishing moratorium) on a supervisee's term. Writes need
// `corrections:supervise` (the routes) and the supervisee in the caller's scope (else 404); each is audited.
export class TrainingService {
  readonly #d: TrainingServiceDeps;

  constructor(deps: TrainingServiceDeps) {
    this.#d = deps;
  }

  async superviseeTraining(ctx: RequestContext, caseId: string): Promise<SuperviseeTrainingView> {
    const staff = requireStaff(ctx);
    const db = this.#d.db;
    const found = await registerRepo.findSupervisee(db, staff, caseId);
    if (!found) throw notFound();
    return this.#view(db, caseId);
  }

  /** Inside the caller's transaction when given (Idempotency-Key), else its own. */
  async addTraining(
    ctx: RequestContext,
    caseId: string,
    raw: unknown,
    tx?: Transaction,
  ): Promise<SuperviseeTrainingView> {
    const input = parse(trainingRecordInputSchema, raw);
    return this.#edit(ctx, caseId, tx, async (tx, staffId, term) => {
      if (input.fromOn > this.#d.clock.today()) throw fieldError('fromOn', '培训开始日期不能晚于今天');
      if (input.toOn < term.periodStart) throw fieldError('toOn', '培训应在社区矫正期间内');
      const row = {
        id: crypto.randomUUID(),
        caseId,
        course: input.course,
        provider: input.provider,
        hours: input.hours,
        fromOn: input.fromOn,
        toOn: input.toOn,
        note: input.note ?? null,
        createdBy: staffId,
        createdAt: this.#d.clock.now(),
      };
      await tx.insert(correctionsTraining).values(row);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.training.add',
        entityType: 'case',
        entityId: caseId,
        after: { id: row.id, course: row.course, hours: row.hours, fromOn: row.fromOn, toOn: row.toOn },
      });
    });
  }

  /** Inside the caller's transaction when given (Idempotency-Key), else its own. */
  async addCertificate(
    ctx: RequestContext,
    caseId: string,
    raw: unknown,
    tx?: Transaction,
  ): Promise<SuperviseeTrainingView> {
    const input = parse(certificateInputSchema, raw);
    return this.#edit(ctx, caseId, tx, async (tx, staffId, term) => {
      if (input.issuedOn > this.#d.clock.today()) throw fieldError('issuedOn', '发证日期不能晚于今天');
      if (input.issuedOn < term.periodStart) {
        throw fieldError('issuedOn', '发证日期应在社区矫正期间内（不早于矫正期限开始日期）');
      }
      if (term.endedOn && input.issuedOn > term.endedOn) {
        throw fieldError('issuedOn', '发证日期应在社区矫正期间内（不晚于解除或终止日期）');
      }
      if (input.trainingId && !(await repo.findTraining(tx, caseId, input.trainingId))) {
        throw fieldError('trainingId', '所选培训记录不属于该社区矫正对象');
      }
      if (await repo.findCertificateByNumber(tx, input.kind, input.number)) {
        throw AppError.conflict(`编号为 ${input.number} 的${certificateKindLabels[input.kind]}已经登记过`);
      }
      const row = {
        id: crypto.randomUUID(),
        caseId,
        kind: input.kind,
        name: input.name ?? null,
        number: input.number,
        issuedOn: input.issuedOn,
        issuer: input.issuer,
        trainingId: input.trainingId ?? null,
        createdBy: staffId,
        createdAt: this.#d.clock.now(),
      };
      await tx.insert(correctionsCertificate).values(row);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.certificate.add',
        entityType: 'case',
        entityId: caseId,
        after: { id: row.id, kind: row.kind, number: row.number, issuedOn: row.issuedOn, issuer: row.issuer },
      });
    });
  }

  /** Inside the caller's transaction when given (Idempotency-Key), else its own. */
  async addGuidance(
    ctx: RequestContext,
    caseId: string,
    raw: unknown,
    tx?: Transaction,
  ): Promise<SuperviseeTrainingView> {
    const input = parse(guidanceInputSchema, raw);
    return this.#edit(ctx, caseId, tx, async (tx, staffId, term) => {
      if (input.givenOn > this.#d.clock.today()) throw fieldError('givenOn', '帮扶日期不能晚于今天');
      if (input.givenOn < term.periodStart) throw fieldError('givenOn', '帮扶日期应在社区矫正期间内');
      const row = {
        id: crypto.randomUUID(),
        caseId,
        kind: input.kind,
        givenOn: input.givenOn,
        note: input.note,
        duringMoratorium: input.duringMoratorium ?? false,
        createdBy: staffId,
        createdAt: this.#d.clock.now(),
      };
      await tx.insert(correctionsEmploymentGuidance).values(row);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.guidance.add',
        entityType: 'case',
        entityId: caseId,
        after: { id: row.id, kind: row.kind, givenOn: row.givenOn, duringMoratorium: row.duringMoratorium },
      });
    });
  }

  /** The certificates in the caller's scope (教育培训与就业 page); a minor's name is masked. */
  async listCertificates(
    ctx: RequestContext,
    rawQuery: unknown,
  ): Promise<{ items: CertificateListItem[]; total: number }> {
    const staff = requireStaff(ctx);
    const q = parse(certificateListQuerySchema, rawQuery);
    const { rows, total } = await repo.listCertificates(this.#d.db, staff, q, q);
    return {
      items: rows.map((r) => ({
        ...certificateView(r.c),
        superviseeName: listName(r.name, r.minor),
        officeName: r.officeName,
      })),
      total,
    };
  }

  async #edit(
    ctx: RequestContext,
    caseId: string,
    outer: Transaction | undefined,
    write: (
      tx: Transaction,
      staffId: string,
      term: { periodStart: string; endedOn: string | null },
    ) => Promise<void>,
  ): Promise<SuperviseeTrainingView> {
    const staff = requireStaff(ctx);
    const run = async (tx: Transaction) => {
      const found = await registerRepo.findSupervisee(tx, staff, caseId, { forUpdate: true });
      if (!found) throw notFound();
      await write(tx, staff.id, { periodStart: found.s.periodStart, endedOn: found.s.endedOn });
      return this.#view(tx, caseId);
    };
    return outer ? run(outer) : this.#d.db.transaction(run);
  }

  async #view(executor: Executor, caseId: string): Promise<SuperviseeTrainingView> {
    const [trainings, certificates, guidance] = await Promise.all([
      repo.trainingsOf(executor, caseId),
      repo.certificatesOf(executor, caseId),
      repo.guidanceOf(executor, caseId),
    ]);
    return {
      caseId,
      trainings: trainings.map(trainingView),
      certificates: certificates.map(certificateView),
      guidance: guidance.map(guidanceView),
    };
  }
}
