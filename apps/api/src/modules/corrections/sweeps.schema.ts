import type { SweepItemStatus, SweepRisk } from '@zhucheng/contracts';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// 安全排查: a campaign organised by a unit (its data scope) over some of its offices; one checklist item per
// supervisee on the register in those offices when the campaign was opened.

export const correctionsSweepCampaign = pgTable('corrections_sweep_campaign', {
  id: uuid('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnit.id),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  note: text('note'),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull(),
});
export type CorrectionsSweepCampaignRow = typeof correctionsSweepCampaign.$inferSelect;

export const correctionsSweepItem = pgTable(
  'corrections_sweep_item',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => correctionsSweepCampaign.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    /** The supervising office when the campaign opened. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    contactVerified: boolean('contact_verified').notNull().default(false),
    homeVisited: boolean('home_visited').notNull().default(false),
    riskAssessed: boolean('risk_assessed').notNull().default(false),
    risk: text('risk').$type<SweepRisk>(),
    note: text('note'),
    status: text('status').$type<SweepItemStatus>().notNull().default('pending'),
    completedOn: date('completed_on'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('corrections_sweep_item_key').on(t.campaignId, t.caseId),
    index('corrections_sweep_item_unit_idx').on(t.campaignId, t.unitId),
  ],
);
export type CorrectionsSweepItemRow = typeof correctionsSweepItem.$inferSelect;
