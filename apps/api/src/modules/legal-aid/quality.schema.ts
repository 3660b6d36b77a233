import type {
  LegalAidFundingSource,
  LegalAidMatterType,
  LegalAidPledgeCheckResult,
  LegalAidQualityRating,
  LegalAidReviewMethod,
} from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffUser } from '../../platform/access/access.schema.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });
const yuan = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** 办案补贴标准: the base subsidy of a matter type from a day on (civil 2,800, criminal 2,300 in 2023). */
export const legalAidSubsidyRate = pgTable(
  'legal_aid_subsidy_rate',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    matterType: text('matter_type').$type<LegalAidMatterType>().notNull(),
    effectiveFrom: date('effective_from').notNull(),
    baseYuan: yuan('base_yuan').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => staffUser.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('legal_aid_subsidy_rate_key').on(t.matterType, t.effectiveFrom)],
);
export type LegalAidSubsidyRateRow = typeof legalAidSubsidyRate.$inferSelect;

/** 补贴发放批次: the subsidies of one centre's rated cases in a period, exported to .xlsx for payment. */
export const legalAidPaymentBatch = pgTable(
  'legal_aid_payment_batch',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    itemCount: integer('item_count').notNull(),
    totalYuan: yuan('total_yuan').notNull(),
    createdBy: uuid('created_by').references(() => staffUser.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('legal_aid_payment_batch_unit_idx').on(t.unitId, t.periodFrom)],
);
export type LegalAidPaymentBatchRow = typeof legalAidPaymentBatch.$inferSelect;

/**
 * 质量评估 and its subsidy, one per closed case. The subsidy is fixed when rated: the rate in force on the
 * closing day × the rating's coefficient; a payment batch then claims it (batch_id).
 */
export const legalAidRating = pgTable(
  'legal_aid_rating',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    rating: text('rating').$type<LegalAidQualityRating>().notNull(),
    reviewMethods: text('review_methods').array().$type<LegalAidReviewMethod[]>().notNull(),
    note: text('note'),
    fundingSource: text('funding_source').$type<LegalAidFundingSource>().notNull(),
    matterType: text('matter_type').$type<LegalAidMatterType>().notNull(),
    rateId: uuid('rate_id').references(() => legalAidSubsidyRate.id),
    baseYuan: yuan('base_yuan').notNull(),
    coefficient: numeric('coefficient', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    subsidyYuan: yuan('subsidy_yuan').notNull(),
    batchId: uuid('batch_id').references(() => legalAidPaymentBatch.id),
    version: integer('version').notNull().default(1),
    ratedBy: uuid('rated_by').references(() => staffUser.id),
    ratedAt: at('rated_at').notNull(),
  },
  (t) => [
    index('legal_aid_rating_batch_idx').on(t.batchId),
    index('legal_aid_rating_rated_at_idx').on(t.ratedAt),
  ],
);
export type LegalAidRatingRow = typeof legalAidRating.$inferSelect;

/**
 * 承诺核查: the centre's check of a sampled pledge (第四十一条). A false pledge revokes the aid and the
 * costs are recovered (第六十四条); the amount and when it was paid back are kept here.
 */
export const legalAidPledgeCheck = pgTable('legal_aid_pledge_check', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  result: text('result').$type<LegalAidPledgeCheckResult>().notNull(),
  note: text('note').notNull(),
  costRecoveryYuan: yuan('cost_recovery_yuan'),
  recoveredOn: date('recovered_on'),
  checkedBy: uuid('checked_by').references(() => staffUser.id),
  checkedAt: at('checked_at').notNull(),
});
export type LegalAidPledgeCheckRow = typeof legalAidPledgeCheck.$inferSelect;
