import type {
  Gender,
  LostContactOutcome,
  LostContactStatus,
  LostContactTrigger,
  SearchMethod,
  TeamMemberRole,
} from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 矫正小组 (第二十五条): its members, saved whole. */
export const correctionsTeamMember = pgTable(
  'corrections_team_member',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    name: text('name').notNull(),
    role: text('role').$type<TeamMemberRole>().notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    affiliation: text('affiliation'),
    staffUserId: text('staff_user_id'),
    leader: boolean('leader').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [index('corrections_team_member_case_idx').on(t.caseId)],
);
export type CorrectionsTeamMemberRow = typeof correctionsTeamMember.$inferSelect;

/** 矫正方案 (第二十四条): one per term, with the monthly targets daily supervision counts against. */
export const correctionsPlan = pgTable('corrections_plan', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  content: text('content').notNull(),
  educationHoursMonthly: integer('education_hours_monthly').notNull(),
  publicServiceHoursMonthly: integer('public_service_hours_monthly').notNull(),
  setOn: date('set_on').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: at('updated_at').notNull(),
});
export type CorrectionsPlanRow = typeof correctionsPlan.$inferSelect;

/** 入矫宣告: when, where, by whom, who attended. */
export const correctionsAnnouncement = pgTable('corrections_announcement', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  announcedOn: date('announced_on').notNull(),
  place: text('place').notNull(),
  host: text('host').notNull(),
  attendees: jsonb('attendees').$type<{ name: string; role: string }[]>().notNull(),
  note: text('note'),
  recordedBy: text('recorded_by').notNull(),
  createdAt: at('created_at').notNull(),
});
export type CorrectionsAnnouncementRow = typeof correctionsAnnouncement.$inferSelect;

/** 失联查找 (第三十条): search at once, record every step. At most one open search per term. */
export const correctionsLostContact = pgTable(
  'corrections_lost_contact',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    trigger: text('trigger').$type<LostContactTrigger>().notNull(),
    status: text('status').$type<LostContactStatus>().notNull(),
    openedOn: date('opened_on').notNull(),
    note: text('note'),
    closedOn: date('closed_on'),
    outcome: text('outcome').$type<LostContactOutcome>(),
    outcomeNote: text('outcome_note'),
    version: integer('version').notNull().default(1),
    openedBy: text('opened_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('corrections_lost_contact_open_key').on(t.caseId).where(sql`${t.status} = 'searching'`),
  ],
);
export type CorrectionsLostContactRow = typeof correctionsLostContact.$inferSelect;

export const correctionsLostContactStep = pgTable(
  'corrections_lost_contact_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    lostContactId: uuid('lost_contact_id')
      .notNull()
      .references(() => correctionsLostContact.id),
    at: at('at').notNull(),
    method: text('method').$type<SearchMethod>().notNull(),
    action: text('action').notNull(),
    result: text('result').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('corrections_lost_contact_step_idx').on(t.lostContactId)],
);
export type CorrectionsLostContactStepRow = typeof correctionsLostContactStep.$inferSelect;
