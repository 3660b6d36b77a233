import type {
  ConsultationChannel,
  ConsultationOutcome,
  LawyerUnavailability,
  LegalAidDisputeKind,
} from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { staffUser } from '../../platform/access/access.schema.ts';
import { registerEncryptedColumn } from '../../platform/crypto/encrypted-columns.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';

// 法律援助登记: the registries a legal-aid centre keeps besides its cases. Each row belongs to a unit (the
// centre that keeps it), which is what data scopes and the metrics' unit filter look at.

const at = (name: string) => timestamp(name, { withTimezone: true });

const common = {
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
};

/** 法律援助人员 (律师库): a lawyer registered for legal-aid work, optionally linked to a staff account. */
export const legalAidLawyer = pgTable(
  'legal_aid_lawyer',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    name: text('name').notNull(),
    staffUserId: uuid('staff_user_id').references(() => staffUser.id),
    lawFirm: text('law_firm').notNull(),
    licenceNumber: text('licence_number').notNull(),
    /** Years of practice (Art. 26) are counted from this day. */
    practiceStartDate: date('practice_start_date').notNull(),
    specialties: text('specialties')
      .array()
      .$type<LegalAidDisputeKind[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    registeredOn: date('registered_on').notNull(),
    proBonoFrom: date('pro_bono_from'),
    proBonoTo: date('pro_bono_to'),
    expertPanel: boolean('expert_panel').notNull().default(false),
    /** Periods the lawyer may not be assigned (leave, illness, training). */
    unavailable: jsonb('unavailable').$type<LawyerUnavailability[]>().notNull().default(sql`'[]'::jsonb`),
    leftOn: date('left_on'),
    ...common,
  },
  (t) => [
    uniqueIndex('legal_aid_lawyer_licence_key').on(t.licenceNumber),
    uniqueIndex('legal_aid_lawyer_staff_user_key').on(t.staffUserId),
    index('legal_aid_lawyer_unit_idx').on(t.unitId),
  ],
);
export type LegalAidLawyerRow = typeof legalAidLawyer.$inferSelect;

/** 法律援助工作站 at a host unit (a court, the detention centre, the armed police…), under a centre. */
export const legalAidStation = pgTable(
  'legal_aid_station',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    name: text('name').notNull(),
    hostName: text('host_name').notNull(),
    address: text('address'),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    ...common,
  },
  (t) => [index('legal_aid_station_unit_idx').on(t.unitId, t.openedOn)],
);
export type LegalAidStationRow = typeof legalAidStation.$inferSelect;

/** 值班律师: one lawyer on duty at a station or a named place for a run of days. */
export const legalAidDutyEntry = pgTable(
  'legal_aid_duty_entry',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    lawyerId: uuid('lawyer_id')
      .notNull()
      .references(() => legalAidLawyer.id),
    stationId: uuid('station_id').references(() => legalAidStation.id),
    place: text('place'),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    ...common,
  },
  (t) => [
    index('legal_aid_duty_entry_unit_idx').on(t.unitId, t.fromDay),
    index('legal_aid_duty_entry_lawyer_idx').on(t.lawyerId),
    check('legal_aid_duty_entry_days_check', sql`${t.toDay} >= ${t.fromDay}`),
  ],
);
export type LegalAidDutyEntryRow = typeof legalAidDutyEntry.$inferSelect;

/** 法律援助支援队伍: a named team of lawyers. */
export const legalAidSupportTeam = pgTable(
  'legal_aid_support_team',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    name: text('name').notNull(),
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    setUpOn: date('set_up_on').notNull(),
    dissolvedOn: date('dissolved_on'),
    note: text('note'),
    ...common,
  },
  (t) => [index('legal_aid_support_team_unit_idx').on(t.unitId)],
);
export type LegalAidSupportTeamRow = typeof legalAidSupportTeam.$inferSelect;

registerEncryptedColumn({
  table: 'legal_aid_consultation',
  idColumn: 'id',
  column: 'phone_enc',
  blindIndex: { column: 'phone_index', purpose: 'phone' },
});

/** 法律咨询: one person-time of advice at the counter, on 12348, online or at a workstation. */
export const legalAidConsultation = pgTable(
  'legal_aid_consultation',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The handling unit (the centre or, through a station, its centre). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    channel: text('channel').$type<ConsultationChannel>().notNull(),
    consultedAt: at('consulted_at').notNull(),
    personName: text('person_name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    topic: text('topic').$type<LegalAidDisputeKind>().notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome').$type<ConsultationOutcome>().notNull(),
    referredTo: text('referred_to'),
    stationId: uuid('station_id').references(() => legalAidStation.id),
    handledBy: uuid('handled_by').references(() => staffUser.id),
    ...common,
  },
  (t) => [
    index('legal_aid_consultation_unit_idx').on(t.unitId, t.consultedAt),
    index('legal_aid_consultation_phone_idx').on(t.phoneIndex),
  ],
);
export type LegalAidConsultationRow = typeof legalAidConsultation.$inferSelect;
