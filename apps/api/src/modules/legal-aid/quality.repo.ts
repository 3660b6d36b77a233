import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import { caseScope } from '../../platform/cases/cases.repo.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import { legalAidAssignment } from './assignment.schema.ts';
import { legalAidClosing } from './lawyer-case.schema.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import { legalAidApplication } from './legal-aid.schema.ts';
import {
  mergeCoefficients,
  SUBSIDY_COEFFICIENTS_SETTING,
  type SubsidyCoefficients,
} from './quality.rules.ts';
import {
  type LegalAidPaymentBatchRow,
  type LegalAidPledgeCheckRow,
  type LegalAidRatingRow,
  type LegalAidSubsidyRateRow,
  legalAidPaymentBatch,
  legalAidPledgeCheck,
  legalAidRating,
  legalAidSubsidyRate,
} from './quality.schema.ts';
import { legalAidLawyer } from './registry.schema.ts';

// Queries of 质量评估、补贴发放、承诺核查. Cases are read through `caseScope` (out of scope = not found).

export async function readCoefficients(executor: Executor): Promise<SubsidyCoefficients> {
  return mergeCoefficients(
    await readSetting<Record<string, unknown>>(executor, SUBSIDY_COEFFICIENTS_SETTING),
  );
}

// ---- rates -------------------------------------------------------------------------------------------

export async function listRates(executor: Executor) {
  const used = executor
    .select({ rateId: legalAidRating.rateId, n: count().as('n') })
    .from(legalAidRating)
    .groupBy(legalAidRating.rateId)
    .as('used');
  return executor
    .select({ rate: legalAidSubsidyRate, usedBy: sql<number>`coalesce(${used.n}, 0)::int` })
    .from(legalAidSubsidyRate)
    .leftJoin(used, eq(used.rateId, legalAidSubsidyRate.id))
    .orderBy(asc(legalAidSubsidyRate.matterType), desc(legalAidSubsidyRate.effectiveFrom));
}

export async function ratesOf(executor: Executor, matterType: LegalAidSubsidyRateRow['matterType']) {
  return executor.select().from(legalAidSubsidyRate).where(eq(legalAidSubsidyRate.matterType, matterType));
}

export async function findRate(executor: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = executor.select().from(legalAidSubsidyRate).where(eq(legalAidSubsidyRate.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function rateUsage(executor: Executor, rateId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(legalAidRating)
    .where(eq(legalAidRating.rateId, rateId));
  return row?.n ?? 0;
}

/** Inserts unless the type already has a rate from that day; undefined then. */
export async function insertRate(executor: Executor, values: typeof legalAidSubsidyRate.$inferInsert) {
  const [row] = await executor.insert(legalAidSubsidyRate).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateRate(
  executor: Executor,
  id: string,
  set: Pick<LegalAidSubsidyRateRow, 'baseYuan' | 'note'>,
): Promise<LegalAidSubsidyRateRow | undefined> {
  const [row] = await executor
    .update(legalAidSubsidyRate)
    .set(set)
    .where(eq(legalAidSubsidyRate.id, id))
    .returning();
  return row;
}

// ---- the case --------------------------------------------------------------------------------------

/** A legal-aid case in the caller's scope with its application and closing; undefined otherwise. */
export async function findAidCase(
  executor: Executor,
  principal: Principal,
  caseId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = executor
    .select({ record: caseRecord, app: legalAidApplication, closing: legalAidClosing })
    .from(caseRecord)
    .innerJoin(legalAidApplication, eq(legalAidApplication.caseId, caseRecord.id))
    .leftJoin(legalAidClosing, eq(legalAidClosing.caseId, caseRecord.id))
    .where(
      and(eq(caseRecord.id, caseId), eq(caseRecord.caseType, LEGAL_AID_APPLICATION), caseScope(principal)),
    );
  const [row] = options.forUpdate ? await query.for('update', { of: caseRecord }) : await query;
  return row;
}

export async function staffNames(executor: Executor, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await executor
    .select({ id: staffUser.id, name: staffUser.displayName })
    .from(staffUser)
    .where(inArray(staffUser.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- ratings -----------------------------------------------------------------------------------------

export async function findRating(
  executor: Executor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LegalAidRatingRow | undefined> {
  const query = executor.select().from(legalAidRating).where(eq(legalAidRating.caseId, caseId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertRating(executor: Executor, values: typeof legalAidRating.$inferInsert) {
  const [row] = await executor.insert(legalAidRating).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a rating not yet claimed by a batch, when the version still matches; undefined otherwise. */
export async function updateRating(
  executor: Executor,
  caseId: string,
  version: number,
  set: Partial<typeof legalAidRating.$inferInsert>,
): Promise<LegalAidRatingRow | undefined> {
  const [row] = await executor
    .update(legalAidRating)
    .set({ ...set, version: version + 1 })
    .where(
      and(
        eq(legalAidRating.caseId, caseId),
        eq(legalAidRating.version, version),
        isNull(legalAidRating.batchId),
      ),
    )
    .returning();
  return row;
}

// ---- payment batches ---------------------------------------------------------------------------------

/** Unclaimed ratings of cases of `unitIds` in the caller's scope, rated on the days from–to. Locked. */
export async function unclaimedRatings(
  executor: Executor,
  principal: Principal,
  unitIds: readonly number[],
  period: { from: string; to: string; timeZone: string },
) {
  const ratedOn = sql`(${legalAidRating.ratedAt} at time zone ${period.timeZone})::date`;
  if (unitIds.length === 0) return [];
  return executor
    .select({ caseId: legalAidRating.caseId, subsidyYuan: legalAidRating.subsidyYuan })
    .from(legalAidRating)
    .innerJoin(caseRecord, eq(caseRecord.id, legalAidRating.caseId))
    .where(
      and(
        isNull(legalAidRating.batchId),
        sql`${ratedOn} between ${period.from}::date and ${period.to}::date`,
        inArray(caseRecord.competentUnitId, [...unitIds]),
        caseScope(principal),
      ),
    )
    .orderBy(asc(legalAidRating.ratedAt))
    .for('update', { of: legalAidRating });
}

export async function insertBatch(executor: Executor, values: typeof legalAidPaymentBatch.$inferInsert) {
  const [row] = await executor.insert(legalAidPaymentBatch).values(values).returning();
  if (!row) throw new Error('payment batch insert returned nothing');
  return row;
}

export async function claimRatings(executor: Executor, batchId: string, caseIds: readonly string[]) {
  const rows = await executor
    .update(legalAidRating)
    .set({ batchId })
    .where(and(inArray(legalAidRating.caseId, [...caseIds]), isNull(legalAidRating.batchId)))
    .returning({ caseId: legalAidRating.caseId });
  return rows.length;
}

const batchColumns = {
  batch: legalAidPaymentBatch,
  unitName: orgUnit.name,
  createdByName: staffUser.displayName,
};

export async function listBatches(executor: Executor, principal: Principal) {
  return executor
    .select(batchColumns)
    .from(legalAidPaymentBatch)
    .innerJoin(orgUnit, eq(orgUnit.id, legalAidPaymentBatch.unitId))
    .leftJoin(staffUser, eq(staffUser.id, legalAidPaymentBatch.createdBy))
    .where(scopeCondition(principal.scope, { unitColumns: [legalAidPaymentBatch.unitId] }))
    .orderBy(desc(legalAidPaymentBatch.createdAt))
    .limit(500);
}

export async function findBatch(executor: Executor, principal: Principal, id: string) {
  const [row] = await executor
    .select(batchColumns)
    .from(legalAidPaymentBatch)
    .innerJoin(orgUnit, eq(orgUnit.id, legalAidPaymentBatch.unitId))
    .leftJoin(staffUser, eq(staffUser.id, legalAidPaymentBatch.createdBy))
    .where(
      and(
        eq(legalAidPaymentBatch.id, id),
        scopeCondition(principal.scope, { unitColumns: [legalAidPaymentBatch.unitId] }),
      ),
    );
  return row;
}

export type BatchListRow = { batch: LegalAidPaymentBatchRow; unitName: string; createdByName: string | null };

/** The batch's lines for the payment sheet, by case number; the lawyer is the one who closed the case. */
export async function batchLines(executor: Executor, batchId: string) {
  const lastAssignment = executor
    .selectDistinctOn([legalAidAssignment.caseId], {
      caseId: legalAidAssignment.caseId,
      lawyerId: legalAidAssignment.lawyerId,
    })
    .from(legalAidAssignment)
    .orderBy(legalAidAssignment.caseId, desc(legalAidAssignment.assignedAt))
    .as('last_assignment');
  return executor
    .select({
      caseNo: caseRecord.caseNo,
      applicantName: legalAidApplication.applicantName,
      lawyerName: legalAidLawyer.name,
      lawFirm: legalAidLawyer.lawFirm,
      matterType: legalAidRating.matterType,
      closedOn: legalAidClosing.closedOn,
      rating: legalAidRating.rating,
      baseYuan: legalAidRating.baseYuan,
      coefficient: legalAidRating.coefficient,
      subsidyYuan: legalAidRating.subsidyYuan,
      fundingSource: legalAidRating.fundingSource,
    })
    .from(legalAidRating)
    .innerJoin(caseRecord, eq(caseRecord.id, legalAidRating.caseId))
    .innerJoin(legalAidApplication, eq(legalAidApplication.caseId, legalAidRating.caseId))
    .leftJoin(legalAidClosing, eq(legalAidClosing.caseId, legalAidRating.caseId))
    .leftJoin(lastAssignment, eq(lastAssignment.caseId, legalAidRating.caseId))
    .leftJoin(legalAidLawyer, eq(legalAidLawyer.id, lastAssignment.lawyerId))
    .where(eq(legalAidRating.batchId, batchId))
    .orderBy(asc(caseRecord.caseNo));
}

// ---- pledge checks -----------------------------------------------------------------------------------

export async function findPledgeCheck(
  executor: Executor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<LegalAidPledgeCheckRow | undefined> {
  const query = executor.select().from(legalAidPledgeCheck).where(eq(legalAidPledgeCheck.caseId, caseId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPledgeCheck(executor: Executor, values: typeof legalAidPledgeCheck.$inferInsert) {
  const [row] = await executor.insert(legalAidPledgeCheck).values(values).onConflictDoNothing().returning();
  return row;
}

export async function markRecovered(executor: Executor, caseId: string, recoveredOn: string) {
  const [row] = await executor
    .update(legalAidPledgeCheck)
    .set({ recoveredOn })
    .where(eq(legalAidPledgeCheck.caseId, caseId))
    .returning();
  return row;
}

const sampled = sql<boolean>`coalesce((${legalAidApplication.meansTest}->>'needsVerification')::boolean, false)`;
const pledged = sql<boolean>`(${legalAidApplication.hardship}->>'proof') = 'pledge'`;

/**
 * Pledges in the caller's scope: `pending` — drawn for verification and not yet checked (an application
 * still open or finished with aid; refused and withdrawn ones need no check); `checked` — every check.
 */
export async function listPledges(executor: Executor, principal: Principal, status: 'pending' | 'checked') {
  const where =
    status === 'pending'
      ? and(
          sampled,
          isNull(legalAidPledgeCheck.caseId),
          sql`${caseRecord.status} not in ('refused', 'refusalUpheld', 'withdrawn', 'terminated')`,
        )
      : sql`${legalAidPledgeCheck.caseId} is not null`;
  return executor
    .select({
      record: caseRecord,
      applicantName: legalAidApplication.applicantName,
      unitName: orgUnit.name,
      sampled,
      check: legalAidPledgeCheck,
    })
    .from(legalAidApplication)
    .innerJoin(caseRecord, eq(caseRecord.id, legalAidApplication.caseId))
    .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId))
    .leftJoin(legalAidPledgeCheck, eq(legalAidPledgeCheck.caseId, legalAidApplication.caseId))
    .where(and(pledged, where, caseScope(principal)))
    .orderBy(status === 'pending' ? asc(caseRecord.createdAt) : desc(legalAidPledgeCheck.checkedAt))
    .limit(500);
}
