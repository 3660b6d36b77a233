import type {
  CheckInStatus,
  MissedCheckInStatus,
  SupervisionContactKind,
  SupervisionHoursKind,
  SupervisionLevel,
} from '@zhucheng/contracts';
import {
  bigserial,
  date,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });
const caseId = () =>
  uuid('case_id')
    .notNull()
    .references(() => caseRecord.id);

/**
 * 打卡: a check-in by the supervisee in the portal. On time when made inside an open window of the level's
 * schedule (`window_key` names it), late otherwise (recorded, never refused). The location is the phone's
 * geolocation (WGS-84) with its accuracy in metres; the photo is a platform file attached to the case.
 */
export const correctionsCheckIn = pgTable(
  'corrections_check_in',
  {
    id: uuid('id').primaryKey(),
    caseId: caseId(),
    at: at('at').notNull(),
    status: text('status').$type<CheckInStatus>().notNull(),
    level: text('level').$type<SupervisionLevel>().notNull(),
    windowKey: text('window_key'),
    windowOpensAt: at('window_opens_at'),
    windowClosesAt: at('window_closes_at'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    accuracyM: doublePrecision('accuracy_m').notNull(),
    photoFileId: uuid('photo_file_id'),
    note: text('note'),
    /** The citizen account that checked in. */
    citizenAccountId: uuid('citizen_account_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_check_in_case_idx').on(t.caseId, t.at)],
);
export type CorrectionsCheckInRow = typeof correctionsCheckIn.$inferSelect;

/**
 * 未打卡: a window that closed without an on-time check-in, recorded by the job `corrections.missedCheckIns`
 * (once per window) and a task for the office until an officer records what they found.
 */
export const correctionsMissedCheckIn = pgTable(
  'corrections_missed_check_in',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseId(),
    windowKey: text('window_key').notNull(),
    windowOpensAt: at('window_opens_at').notNull(),
    windowClosesAt: at('window_closes_at').notNull(),
    level: text('level').$type<SupervisionLevel>().notNull(),
    status: text('status').$type<MissedCheckInStatus>().notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedBy: text('resolved_by'),
    resolvedAt: at('resolved_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('corrections_missed_check_in_window_key').on(t.caseId, t.windowKey),
    index('corrections_missed_check_in_open_idx').on(t.status),
  ],
);
export type CorrectionsMissedCheckInRow = typeof correctionsMissedCheckIn.$inferSelect;

/** 思想汇报 (定期报告): one a month, by the supervisee in the portal. */
export const correctionsPeriodicReport = pgTable(
  'corrections_periodic_report',
  {
    id: uuid('id').primaryKey(),
    caseId: caseId(),
    /** 2026-11 (Beijing calendar month of submission). */
    month: text('month').notNull(),
    content: text('content').notNull(),
    photoFileId: uuid('photo_file_id'),
    citizenAccountId: uuid('citizen_account_id').notNull(),
    submittedAt: at('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('corrections_periodic_report_month_key').on(t.caseId, t.month)],
);
export type CorrectionsPeriodicReportRow = typeof correctionsPeriodicReport.$inferSelect;

/** 走访 / 电话核查 by an officer (第二十六条). */
export const correctionsSupervisionContact = pgTable(
  'corrections_supervision_contact',
  {
    id: uuid('id').primaryKey(),
    caseId: caseId(),
    kind: text('kind').$type<SupervisionContactKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    place: text('place'),
    content: text('content').notNull(),
    finding: text('finding'),
    recordedBy: text('recorded_by').notNull(),
    recordedById: uuid('recorded_by_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_supervision_contact_case_idx').on(t.caseId, t.occurredOn)],
);
export type CorrectionsSupervisionContactRow = typeof correctionsSupervisionContact.$inferSelect;

/** Hours of 教育学习 or 公益活动, logged by an officer against the plan's monthly targets. */
export const correctionsSupervisionHours = pgTable(
  'corrections_supervision_hours',
  {
    id: uuid('id').primaryKey(),
    caseId: caseId(),
    kind: text('kind').$type<SupervisionHoursKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    hours: doublePrecision('hours').notNull(),
    activity: text('activity').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_supervision_hours_case_idx').on(t.caseId, t.occurredOn)],
);
export type CorrectionsSupervisionHoursRow = typeof correctionsSupervisionHours.$inferSelect;

/** 网上报到: the evidence of a report-in made in the portal (the report-in itself is intake's). */
export const correctionsReportInEvidence = pgTable('corrections_report_in_evidence', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  reportedAt: at('reported_at').notNull(),
  photoFileId: uuid('photo_file_id').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  accuracyM: doublePrecision('accuracy_m').notNull(),
  note: text('note'),
  citizenAccountId: uuid('citizen_account_id').notNull(),
});
export type CorrectionsReportInEvidenceRow = typeof correctionsReportInEvidence.$inferSelect;
