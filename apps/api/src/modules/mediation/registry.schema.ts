import type {
  CommitteeIndustry,
  CommitteeKind,
  DisputeKind,
  MediatorEmployment,
  MediatorStatus,
  StudioStatus,
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
import { registerEncryptedColumn } from '../../platform/crypto/encrypted-columns.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';

// 人民调解组织: committees, their mediators (with training) and the named studios. A committee is a unit of
// the org tree (kind `mediationCommittee`, under the justice office of its town or under a bureau for an
// industry committee), so data scopes and the metrics' unit filter work on it unchanged; this table holds
// what only mediation needs to know of it.

const at = (name: string) => timestamp(name, { withTimezone: true });

const common = {
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
};

/** 人民调解委员会: the mediation profile of a committee unit. */
export const mediationCommittee = pgTable(
  'mediation_committee',
  {
    unitId: integer('unit_id')
      .primaryKey()
      .references(() => orgUnit.id),
    kind: text('kind').$type<CommitteeKind>().notNull(),
    /** Industry and professional committees only. */
    industry: text('industry').$type<CommitteeIndustry>(),
    /** The 12-digit statistical code of the town (乡镇/街道) it sits in: dispatch matches the dispute's place. */
    townCode: text('town_code'),
    /** The villages or communities it serves, as named by the bureau (村委会/社区 names). */
    servedAreas: text('served_areas').array().notNull().default(sql`'{}'::text[]`),
    address: text('address'),
    /** WGS-84, for "nearest first" when several committees could take a dispute. */
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    /** The committee's office phone (a public number, not personal data). */
    phone: text('phone'),
    establishedOn: date('established_on'),
    ...common,
  },
  (t) => [index('mediation_committee_town_idx').on(t.townCode)],
);
export type MediationCommitteeRow = typeof mediationCommittee.$inferSelect;

/** 人民调解员: full- or part-time, on one committee, optionally with a staff account (the mediator role). */
export const mediator = pgTable(
  'mediator',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The committee (org unit) the mediator serves on. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    staffUserId: uuid('staff_user_id').references(() => staffUser.id),
    name: text('name').notNull(),
    gender: text('gender').$type<'male' | 'female'>(),
    phoneEnc: text('phone_enc'),
    employment: text('employment').$type<MediatorEmployment>().notNull(),
    specialties: text('specialties').array().$type<DisputeKind[]>().notNull().default(sql`'{}'::text[]`),
    /** 主任 / 副主任 / 委员 / 调解员. */
    position: text('position'),
    joinedOn: date('joined_on'),
    status: text('status').$type<MediatorStatus>().notNull().default('active'),
    leftOn: date('left_on'),
    ...common,
  },
  (t) => [index('mediator_unit_idx').on(t.unitId), uniqueIndex('mediator_staff_user_key').on(t.staffUserId)],
);
export type MediatorRow = typeof mediator.$inferSelect;

registerEncryptedColumn({ table: 'mediator', idColumn: 'id', column: 'phone_enc' });

/** 调解员培训 (第十四条): one training a mediator attended, with hours and the certificate if any. */
export const mediatorTraining = pgTable(
  'mediator_training',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediator.id),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    /** Who ran it (e.g. 合浦县司法局). */
    organiser: text('organiser').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    certificateNo: text('certificate_no'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('mediator_training_mediator_idx').on(t.mediatorId, t.heldOn)],
);
export type MediatorTrainingRow = typeof mediatorTraining.$inferSelect;

/** 人民调解工作室: a named studio (often after a well-known mediator), planned with a target date, then created. */
export const mediationStudio = pgTable(
  'mediation_studio',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    /** The committee or office that hosts it. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    leadMediatorId: uuid('lead_mediator_id').references(() => mediator.id),
    specialty: text('specialty'),
    status: text('status').$type<StudioStatus>().notNull().default('planned'),
    /** The date the plan says it should be created by. */
    targetDate: date('target_date'),
    createdOn: date('created_on'),
    note: text('note'),
    ...common,
  },
  (t) => [
    uniqueIndex('mediation_studio_name_key').on(t.name),
    index('mediation_studio_unit_idx').on(t.unitId),
  ],
);
export type MediationStudioRow = typeof mediationStudio.$inferSelect;
