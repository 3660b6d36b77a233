import type { AboardRole, GearType, SeaAreaShape, SeaTripStatus } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
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
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 船舶: registered by a supervising office (its data scope); the registration number is unique. */
export const correctionsVessel = pgTable(
  'corrections_vessel',
  {
    id: uuid('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    name: text('name').notNull(),
    registrationNo: text('registration_no').notNull(),
    homePort: text('home_port').notNull(),
    gearType: text('gear_type').$type<GearType>().notNull(),
    ownerName: text('owner_name').notNull(),
    lengthM: doublePrecision('length_m'),
    tonnage: doublePrecision('tonnage'),
    /** The satellite terminal's id as written on it: the tracking module matches its terminals by it. */
    terminalId: text('terminal_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('corrections_vessel_registration_key').on(t.registrationNo),
    index('corrections_vessel_unit_idx').on(t.unitId),
  ],
);
export type CorrectionsVesselRow = typeof correctionsVessel.$inferSelect;

/**
 * The basis of whole-term vessel tracking of one term: the local rule (its name as configured when recorded)
 * and the supervisee's written consent (date, the scanned file — a platform file of the case —, witness).
 */
export const correctionsTrackingBasis = pgTable('corrections_tracking_basis', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => caseRecord.id),
  localRule: text('local_rule').notNull(),
  consentOn: date('consent_on').notNull(),
  consentFileId: uuid('consent_file_id').notNull(),
  witness: text('witness').notNull(),
  note: text('note'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: at('recorded_at').notNull(),
});
export type CorrectionsTrackingBasisRow = typeof correctionsTrackingBasis.$inferSelect;

/** Who is aboard which vessel when: [from_at, to_at), open-ended while to_at is null. */
export const correctionsAboardWindow = pgTable(
  'corrections_aboard_window',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    vesselId: uuid('vessel_id')
      .notNull()
      .references(() => correctionsVessel.id),
    role: text('role').$type<AboardRole>().notNull(),
    fromAt: at('from_at').notNull(),
    toAt: at('to_at'),
    /** Part of whole-term vessel tracking (only with the written consent on record). */
    tracked: boolean('tracked').notNull().default(true),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('corrections_aboard_window_case_idx').on(t.caseId),
    index('corrections_aboard_window_vessel_idx').on(t.vesselId, t.fromAt),
  ],
);
export type CorrectionsAboardWindowRow = typeof correctionsAboardWindow.$inferSelect;

export interface SeaTripCrewMember {
  caseId: string;
  windowId: string;
  role: AboardRole;
}

/** 出海报备: one trip of a vessel filed by (or for) a supervisee; the office decides. */
export const correctionsSeaTrip = pgTable(
  'corrections_sea_trip',
  {
    id: uuid('id').primaryKey(),
    /** The supervisee who filed (or for whom the officer filed). */
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    vesselId: uuid('vessel_id')
      .notNull()
      .references(() => correctionsVessel.id),
    /** Supervisees aboard by their windows at filing (the filer included). */
    crew: jsonb('crew').$type<SeaTripCrewMember[]>().notNull(),
    seaArea: text('sea_area').notNull(),
    area: jsonb('area').$type<SeaAreaShape>(),
    plannedDepartureAt: at('planned_departure_at').notNull(),
    plannedReturnAt: at('planned_return_at').notNull(),
    status: text('status').$type<SeaTripStatus>().notNull(),
    note: text('note'),
    filedByKind: text('filed_by_kind').$type<'supervisee' | 'staff'>().notNull(),
    filedBy: text('filed_by').notNull(),
    filedAt: at('filed_at').notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    departedAt: at('departed_at'),
    returnedAt: at('returned_at'),
    returnNote: text('return_note'),
    cancelledAt: at('cancelled_at'),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('corrections_sea_trip_case_idx').on(t.caseId, t.filedAt),
    index('corrections_sea_trip_vessel_idx').on(t.vesselId, t.plannedDepartureAt),
    index('corrections_sea_trip_status_idx')
      .on(t.status)
      .where(sql`${t.status} in ('filed', 'approved', 'atSea')`),
  ],
);
export type CorrectionsSeaTripRow = typeof correctionsSeaTrip.$inferSelect;

/** 海上日志: entries while at sea. */
export const correctionsSeaTripLog = pgTable(
  'corrections_sea_trip_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tripId: uuid('trip_id')
      .notNull()
      .references(() => correctionsSeaTrip.id),
    at: at('at').notNull(),
    note: text('note').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('corrections_sea_trip_log_trip_idx').on(t.tripId, t.at)],
);
export type CorrectionsSeaTripLogRow = typeof correctionsSeaTripLog.$inferSelect;
