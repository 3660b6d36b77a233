import {
  type LegalAidCasePledge,
  type LegalAidCaseRating,
  type LegalAidPaymentBatch,
  type LegalAidPledgeCheckStatus,
  type LegalAidPledgeListItem,
  type LegalAidSubsidyRate,
  legalAidFundingSourceLabels,
  legalAidMatterTypeLabels,
  legalAidPaymentBatchInputSchema,
  legalAidPledgeCheckInputSchema,
  legalAidPledgeRecoveredSchema,
  legalAidQualityRatingLabels,
  legalAidRateInputSchema,
  legalAidSubsidyRateInputSchema,
  legalAidSubsidyRateUpdateSchema,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { expandSubtrees } from '../../platform/org/org.repo.ts';
import { stateLabel } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import * as repo from './quality.repo.ts';
import {
  computeSubsidy,
  falsePledgeEffect,
  falsePledgeStep,
  pledgeNotNowMessage,
  rateInForce,
} from './quality.rules.ts';
import type { LegalAidPledgeCheckRow, LegalAidRatingRow } from './quality.schema.ts';

export interface QualityServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
}

/** 422: the request is understood but the case or the configuration does not allow it (explained). */
const refused = (message: string) => new AppError('UNPROCESSABLE', 422, message);

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw AppError.badRequest(
    result.error.issues[0]?.message ?? '填写有误',
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

type AidCase = NonNullable<Awaited<ReturnType<typeof repo.findAidCase>>>;

// 质量评估与办案补贴 (Beihai 2023: civil 2,800, criminal 2,300 yuan, × the rating's coefficient), the
// payment batches exported for the finance office, and 承诺核查 (第四十一条, 第四十八条, 第六十四条).
export class QualityService {
  readonly #d: QualityServiceDeps;

  constructor(deps: QualityServiceDeps) {
    this.#d = deps;
  }

  // ---- rating --------------------------------------------------------------------------------------

  /** The 质量评估 tab: the rating, or what a rating would pay now and why it cannot be given. */
  async caseRating(ctx: RequestContext, caseId: string): Promise<LegalAidCaseRating> {
    const p = requireStaff(ctx);
    const found = await repo.findAidCase(this.#d.db, p, caseId);
    if (!found) throw AppError.notFound('法律援助案件');
    const rating = await repo.findRating(this.#d.db, caseId);
    return this.#ratingView(this.#d.db, found, rating);
  }

  /**
   * Rates a closed case and fixes its subsidy: the base rate of its matter type in force on the closing
   * day × the rating's coefficient. A rating may be changed (with the version read) until a payment batch
   * claims it.
   */
  async rate(ctx: RequestContext, caseId: string, raw: unknown): Promise<LegalAidCaseRating> {
    const p = requireStaff(ctx);
    const input = parse(legalAidRateInputSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findAidCase(tx, p, caseId, { forUpdate: true });
      if (!found) throw AppError.notFound('法律援助案件');
      const { record, app, closing } = found;
      if (record.status !== 'closed' || !closing) {
        throw refused('案件尚未结案，律师结案后才能进行质量评估');
      }
      const existing = await repo.findRating(tx, caseId, { forUpdate: true });
      if (existing?.batchId) throw AppError.conflict('该案件的补贴已列入发放批次，质量评估不能再修改');
      if (existing && input.version === undefined) {
        throw AppError.conflict('该案件已有质量评估，请刷新后在原评估上修改');
      }
      if (existing && existing.version !== input.version) {
        throw AppError.conflict('该案件的质量评估已被他人修改，请刷新后重试');
      }
      const matterType = app.matter.matterType;
      const rates = await repo.ratesOf(tx, matterType);
      const coefficients = await repo.readCoefficients(tx);
      const pay = computeSubsidy({
        rates,
        matterType,
        closedOn: closing.closedOn,
        rating: input.rating,
        coefficients,
      });
      if (!pay.ok) throw refused(pay.problem);
      const values = {
        rating: input.rating,
        reviewMethods: input.reviewMethods,
        note: input.note || null,
        fundingSource: input.fundingSource,
        matterType,
        rateId: pay.rate.id,
        baseYuan: pay.baseYuan,
        coefficient: pay.coefficient,
        subsidyYuan: pay.subsidyYuan,
        ratedBy: p.id,
        ratedAt: this.#d.clock.now(),
      };
      const saved = existing
        ? await repo.updateRating(tx, caseId, existing.version, values)
        : await repo.insertRating(tx, { caseId, ...values, version: 1 });
      if (!saved) throw AppError.conflict('该案件的质量评估已被他人修改，请刷新后重试');
      const summary = (r: LegalAidRatingRow) => ({
        rating: r.rating,
        baseYuan: r.baseYuan,
        coefficient: r.coefficient,
        subsidyYuan: r.subsidyYuan,
        fundingSource: r.fundingSource,
        version: r.version,
      });
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.rate',
        entityType: 'case',
        entityId: caseId,
        before: existing ? summary(existing) : null,
        after: summary(saved),
        detail: { caseNo: record.caseNo, closedOn: closing.closedOn },
      });
      return this.#ratingView(tx, found, saved);
    });
  }

  async #ratingView(
    executor: Database | Transaction,
    { record, app, closing }: AidCase,
    rating: LegalAidRatingRow | undefined,
  ): Promise<LegalAidCaseRating> {
    const matterType = app.matter.matterType;
    const coefficients = await repo.readCoefficients(executor);
    const closedOn = record.status === 'closed' && closing ? closing.closedOn : null;
    const rates = await repo.ratesOf(executor, matterType);
    const rate = closedOn ? rateInForce(rates, matterType, closedOn) : null;
    let problem: string | null = null;
    if (!closedOn) problem = '案件尚未结案，律师结案后才能进行质量评估';
    else if (rating?.batchId) problem = '该案件的补贴已列入发放批次，质量评估不能再修改';
    else if (!rate) {
      const r = computeSubsidy({ rates, matterType, closedOn, rating: 'good', coefficients });
      problem = r.ok ? null : r.problem;
    }
    const used = rating?.rateId ? rates.find((r) => r.id === rating.rateId) : undefined;
    const names = await repo.staffNames(executor, [rating?.ratedBy ?? null]);
    return {
      caseId: record.id,
      caseNo: record.caseNo,
      status: record.status,
      matterType,
      closedOn,
      rate: rate ? { id: rate.id, baseYuan: rate.baseYuan, effectiveFrom: rate.effectiveFrom } : null,
      coefficients,
      problem,
      rating: rating
        ? {
            rating: rating.rating,
            reviewMethods: rating.reviewMethods,
            fundingSource: rating.fundingSource,
            note: rating.note,
            baseYuan: rating.baseYuan,
            coefficient: rating.coefficient,
            subsidyYuan: rating.subsidyYuan,
            rateEffectiveFrom: used?.effectiveFrom ?? null,
            batchId: rating.batchId,
            version: rating.version,
            ratedAt: rating.ratedAt.toISOString(),
            ratedByName: rating.ratedBy ? (names.get(rating.ratedBy) ?? null) : null,
          }
        : null,
    };
  }

  // ---- subsidy rates -----------------------------------------------------------------------------------

  async listRates(ctx: RequestContext) {
    requireStaff(ctx);
    const rows = await repo.listRates(this.#d.db);
    return {
      items: rows.map(({ rate, usedBy }) => this.#rateView(rate, usedBy)),
      coefficients: await repo.readCoefficients(this.#d.db),
    };
  }

  /** A new rate of a matter type from a day on; the day must not already have one. */
  async addRate(ctx: RequestContext, raw: unknown): Promise<LegalAidSubsidyRate> {
    const p = requireStaff(ctx);
    const input = parse(legalAidSubsidyRateInputSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const row = await repo.insertRate(tx, {
        matterType: input.matterType,
        effectiveFrom: input.effectiveFrom,
        baseYuan: input.baseYuan,
        note: input.note || null,
        createdBy: p.id,
        createdAt: this.#d.clock.now(),
      });
      if (!row) {
        throw AppError.conflict(
          `${legalAidMatterTypeLabels[input.matterType]}案件自 ${input.effectiveFrom} 起已有补贴标准，请换一个生效日期或修改原标准`,
        );
      }
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.subsidyRate.create',
        entityType: 'legalAidSubsidyRate',
        entityId: row.id,
        after: { matterType: row.matterType, effectiveFrom: row.effectiveFrom, baseYuan: row.baseYuan },
      });
      return this.#rateView(row, 0);
    });
  }

  /** Corrects a rate no rating has used yet; a used rate stays as it was paid (add a new one instead). */
  async updateRate(ctx: RequestContext, id: string, raw: unknown): Promise<LegalAidSubsidyRate> {
    requireStaff(ctx);
    const input = parse(legalAidSubsidyRateUpdateSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const before = await repo.findRate(tx, id, { forUpdate: true });
      if (!before) throw AppError.notFound('补贴标准');
      if ((await repo.rateUsage(tx, id)) > 0) {
        throw AppError.conflict('该补贴标准已用于质量评估，不能修改；请新增一条自新的生效日期起适用的标准');
      }
      const row = await repo.updateRate(tx, id, { baseYuan: input.baseYuan, note: input.note || null });
      if (!row) throw AppError.notFound('补贴标准');
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.subsidyRate.update',
        entityType: 'legalAidSubsidyRate',
        entityId: id,
        before: { baseYuan: before.baseYuan, note: before.note },
        after: { baseYuan: row.baseYuan, note: row.note },
      });
      return this.#rateView(row, 0);
    });
  }

  #rateView(row: Awaited<ReturnType<typeof repo.ratesOf>>[number], usedBy: number): LegalAidSubsidyRate {
    return {
      id: row.id,
      matterType: row.matterType,
      effectiveFrom: row.effectiveFrom,
      baseYuan: row.baseYuan,
      note: row.note,
      usedBy,
      createdAt: row.createdAt.toISOString(),
    };
  }

  // ---- payment batches ---------------------------------------------------------------------------------

  async listBatches(ctx: RequestContext): Promise<{ items: LegalAidPaymentBatch[] }> {
    const p = requireStaff(ctx);
    const rows = await repo.listBatches(this.#d.db, p);
    return { items: rows.map((r) => this.#batchView(r)) };
  }

  /**
   * 补贴发放批次: claims every rated, unclaimed case of the centre (and the units below it) in the caller's
   * scope that was rated in the period. Nothing to pay → 422.
   */
  async createBatch(ctx: RequestContext, raw: unknown): Promise<LegalAidPaymentBatch> {
    const p = requireStaff(ctx);
    const input = parse(legalAidPaymentBatchInputSchema, raw);
    if (!unitInScope(p.scope, input.unitId)) throw AppError.notFound('单位');
    return this.#d.db.transaction(async (tx) => {
      const units = await expandSubtrees(tx, [input.unitId]);
      if (units.size === 0) throw AppError.notFound('单位');
      const claimable = await repo.unclaimedRatings(tx, p, [...units], {
        from: input.periodFrom,
        to: input.periodTo,
        timeZone: this.#d.clock.timeZone,
      });
      if (claimable.length === 0) throw refused('该期间没有待发放的补贴');
      const totalFen = claimable.reduce((sum, r) => sum + Math.round(r.subsidyYuan * 100), 0);
      const batch = await repo.insertBatch(tx, {
        unitId: input.unitId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        itemCount: claimable.length,
        totalYuan: totalFen / 100,
        createdBy: p.id,
        createdAt: this.#d.clock.now(),
      });
      const claimed = await repo.claimRatings(
        tx,
        batch.id,
        claimable.map((r) => r.caseId),
      );
      if (claimed !== claimable.length) throw AppError.conflict('部分案件已被其他批次领取，请重试');
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.paymentBatch.create',
        entityType: 'legalAidPaymentBatch',
        entityId: batch.id,
        after: {
          unitId: batch.unitId,
          periodFrom: batch.periodFrom,
          periodTo: batch.periodTo,
          itemCount: batch.itemCount,
          totalYuan: batch.totalYuan,
        },
      });
      const view = await repo.findBatch(tx, p, batch.id);
      if (!view) throw AppError.notFound('发放批次');
      return this.#batchView(view);
    });
  }

  /** The payment sheet's rows and file name; the export is audited. */
  async exportBatch(ctx: RequestContext, id: string) {
    const p = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findBatch(tx, p, id);
      if (!found) throw AppError.notFound('发放批次');
      const lines = await repo.batchLines(tx, id);
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.paymentBatch.export',
        entityType: 'legalAidPaymentBatch',
        entityId: id,
        detail: { itemCount: lines.length, totalYuan: found.batch.totalYuan },
      });
      const b = found.batch;
      return {
        filename: `法律援助办案补贴发放表-${found.unitName}-${b.periodFrom}至${b.periodTo}.xlsx`,
        batch: this.#batchView(found),
        lines: lines.map((l, i) => ({
          index: i + 1,
          caseNo: l.caseNo ?? '',
          applicantName: l.applicantName,
          lawyerName: l.lawyerName ?? '',
          lawFirm: l.lawFirm ?? '',
          matterType: legalAidMatterTypeLabels[l.matterType],
          closedOn: l.closedOn ?? '',
          rating: legalAidQualityRatingLabels[l.rating],
          baseYuan: l.baseYuan,
          coefficient: l.coefficient,
          subsidyYuan: l.subsidyYuan,
          fundingSource: legalAidFundingSourceLabels[l.fundingSource],
        })),
      };
    });
  }

  #batchView(r: repo.BatchListRow): LegalAidPaymentBatch {
    return {
      id: r.batch.id,
      unit: { id: r.batch.unitId, name: r.unitName },
      periodFrom: r.batch.periodFrom,
      periodTo: r.batch.periodTo,
      itemCount: r.batch.itemCount,
      totalYuan: r.batch.totalYuan,
      createdAt: r.batch.createdAt.toISOString(),
      createdByName: r.createdByName,
    };
  }

  // ---- pledge checks -------------------------------------------------------------------------------

  async casePledge(ctx: RequestContext, caseId: string): Promise<LegalAidCasePledge> {
    const p = requireStaff(ctx);
    const found = await repo.findAidCase(this.#d.db, p, caseId);
    if (!found) throw AppError.notFound('法律援助案件');
    const check = await repo.findPledgeCheck(this.#d.db, caseId);
    return this.#pledgeView(this.#d.db, found, check);
  }

  /**
   * Records the check of a pledge (第四十一条). Found false: aid already granted is terminated (第四十八条,
   * obtained by deception) and an undecided application refused (false information), in the same
   * transaction; the costs to recover are kept (第六十四条; a fine is for the justice bureau).
   */
  async checkPledge(ctx: RequestContext, caseId: string, raw: unknown): Promise<LegalAidCasePledge> {
    const p = requireStaff(ctx);
    const input = parse(legalAidPledgeCheckInputSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findAidCase(tx, p, caseId, { forUpdate: true });
      if (!found) throw AppError.notFound('法律援助案件');
      const { record } = found;
      const problem = this.#pledgeProblem(found);
      if (problem) throw refused(problem);
      if (await repo.findPledgeCheck(tx, caseId, { forUpdate: true })) {
        throw AppError.conflict('该承诺已核查过，请刷新查看核查结论');
      }
      const step = input.result === 'false' ? falsePledgeStep(record.status) : null;
      if (step === 'notNow') throw refused(pledgeNotNowMessage);
      const row = await repo.insertPledgeCheck(tx, {
        caseId,
        result: input.result,
        note: input.note,
        costRecoveryYuan: input.result === 'false' ? (input.costRecoveryYuan ?? null) : null,
        recoveredOn: null,
        checkedBy: p.id,
        checkedAt: this.#d.clock.now(),
      });
      if (!row) throw AppError.conflict('该承诺已核查过，请刷新查看核查结论');
      if (step === 'terminate') {
        await this.#d.workflow.transition(
          ctx,
          {
            caseId,
            transition: 'terminate',
            version: record.version,
            input: {
              reasonCode: 'fraud',
              explanation: `经核查，申请人的经济困难状况承诺不实：${input.note}`,
              ...(input.costRecoveryYuan !== undefined ? { costRecoveryYuan: input.costRecoveryYuan } : {}),
            },
          },
          { tx },
        );
      } else if (step === 'refuse') {
        await this.#d.workflow.transition(
          ctx,
          {
            caseId,
            transition: 'refuse',
            version: record.version,
            input: {
              reasonCode: 'falseInformation',
              reasons: `经核查，申请人的经济困难状况承诺不实：${input.note}`,
            },
          },
          { tx },
        );
      }
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.pledgeCheck',
        entityType: 'case',
        entityId: caseId,
        after: { result: row.result, costRecoveryYuan: row.costRecoveryYuan },
        detail: { caseNo: record.caseNo, step },
      });
      const after = await repo.findAidCase(tx, p, caseId);
      if (!after) throw AppError.notFound('法律援助案件');
      return this.#pledgeView(tx, after, row);
    });
  }

  /** 第六十四条: the recovered costs were paid back on `recoveredOn`. */
  async markRecovered(ctx: RequestContext, caseId: string, raw: unknown): Promise<LegalAidCasePledge> {
    const p = requireStaff(ctx);
    const input = parse(legalAidPledgeRecoveredSchema, raw);
    if (input.recoveredOn > this.#d.clock.today()) throw AppError.badRequest('退还日期不能晚于今天');
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findAidCase(tx, p, caseId, { forUpdate: true });
      if (!found) throw AppError.notFound('法律援助案件');
      const check = await repo.findPledgeCheck(tx, caseId, { forUpdate: true });
      if (check?.result !== 'false' || !check.costRecoveryYuan) {
        throw refused('该案件没有需要追缴的法律援助费用');
      }
      if (check.recoveredOn) throw AppError.conflict(`追缴的费用已于 ${check.recoveredOn} 登记退还`);
      const row = await repo.markRecovered(tx, caseId, input.recoveredOn);
      if (!row) throw AppError.notFound('承诺核查');
      await this.#d.audit(tx, ctx, {
        action: 'legalAid.pledgeCheck.recovered',
        entityType: 'case',
        entityId: caseId,
        after: { recoveredOn: row.recoveredOn, costRecoveryYuan: row.costRecoveryYuan },
      });
      return this.#pledgeView(tx, found, row);
    });
  }

  async listPledges(
    ctx: RequestContext,
    status: LegalAidPledgeCheckStatus,
  ): Promise<{ items: LegalAidPledgeListItem[] }> {
    const p = requireStaff(ctx);
    const rows = await repo.listPledges(this.#d.db, p, status);
    const type = this.#d.workflow.types.get(LEGAL_AID_APPLICATION);
    return {
      items: rows.map((r) => ({
        caseId: r.record.id,
        caseNo: r.record.caseNo,
        applicantName: r.applicantName,
        competentUnit: { id: r.record.competentUnitId, name: r.unitName },
        status: r.record.status,
        statusLabel: stateLabel(type, r.record.status),
        receivedAt: r.record.createdAt.toISOString(),
        sampled: r.sampled,
        result: r.check?.result ?? null,
        costRecoveryYuan: r.check?.costRecoveryYuan ?? null,
        recoveredOn: r.check?.recoveredOn ?? null,
      })),
    };
  }

  #pledgeProblem({ app }: AidCase): string | null {
    const pledged = app.hardship.proof === 'pledge';
    if (!pledged && !app.meansTest.needsVerification) {
      return '该申请未以个人诚信承诺证明经济困难状况，无需承诺核查';
    }
    return null;
  }

  async #pledgeView(
    executor: Database | Transaction,
    found: AidCase,
    check: LegalAidPledgeCheckRow | undefined,
  ): Promise<LegalAidCasePledge> {
    const { record, app } = found;
    const type = this.#d.workflow.types.get(LEGAL_AID_APPLICATION);
    const step = falsePledgeStep(record.status);
    const names = await repo.staffNames(executor, [check?.checkedBy ?? null]);
    const problem =
      this.#pledgeProblem(found) ?? (check ? '该承诺已核查' : step === 'notNow' ? pledgeNotNowMessage : null);
    return {
      caseId: record.id,
      caseNo: record.caseNo,
      status: record.status,
      statusLabel: stateLabel(type, record.status),
      pledged: app.hardship.proof === 'pledge',
      sampled: app.meansTest.needsVerification,
      falseEffect: problem ? null : falsePledgeEffect[step],
      problem,
      check: check
        ? {
            result: check.result,
            note: check.note,
            costRecoveryYuan: check.costRecoveryYuan,
            recoveredOn: check.recoveredOn,
            checkedAt: check.checkedAt.toISOString(),
            checkedByName: check.checkedBy ? (names.get(check.checkedBy) ?? null) : null,
          }
        : null,
    };
  }
}
