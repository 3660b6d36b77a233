import type { Jt808Edition, TerminalAlarmKind } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  doublePrecision,
  index,
  integer,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// 海上定位 part 1: vendor platforms, terminals and their installation on vessels, filtered fixes and terminal
// alarms. The positions themselves live in `tracking_position`, partitioned by month: see track.table.ts.

/** A vendor platform (终端厂商平台) pushing batches over HTTP; only the key's SHA-256 is kept. */
export const trackingVendor = pgTable(
  'tracking_vendor',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    keyHash: text('key_hash'),
    keyHint: text('key_hint'),
    keyIssuedAt: at('key_issued_at'),
    lastIngestAt: at('last_ingest_at'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('tracking_vendor_code_key').on(t.code),
    uniqueIndex('tracking_vendor_key_hash_key').on(t.keyHash).where(sql`${t.keyHash} is not null`),
  ],
);
export type TrackingVendorRow = typeof trackingVendor.$inferSelect;

/** 卫星终端: registered by staff; the terminal then registers itself over JT/T 808 and gets an auth code. */
export const trackingTerminal = pgTable(
  'tracking_terminal',
  {
    id: uuid('id').primaryKey(),
    /** 终端手机号 without leading zeros. */
    terminalNumber: text('terminal_number').notNull(),
    deviceId: text('device_id').notNull(),
    model: text('model').notNull(),
    vendorId: uuid('vendor_id').references(() => trackingVendor.id),
    sim: text('sim').notNull(),
    edition: text('edition').$type<Jt808Edition>().notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    note: text('note'),
    retiredAt: at('retired_at'),
    /** SHA-256 of the auth code issued in the last 0x8100. */
    authCodeHash: text('auth_code_hash'),
    registeredAt: at('registered_at'),
    lastAuthenticatedAt: at('last_authenticated_at'),
    /** From the 2019 authentication body. */
    imei: text('imei'),
    softwareVersion: text('software_version'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('tracking_terminal_number_key').on(t.terminalNumber),
    index('tracking_terminal_unit_idx').on(t.unitId),
  ],
);
export type TrackingTerminalRow = typeof trackingTerminal.$inferSelect;

/** A terminal installed on a corrections vessel from `from_at` until `to_at` (open: still installed). */
export const trackingInstallation = pgTable(
  'tracking_installation',
  {
    id: uuid('id').primaryKey(),
    terminalId: uuid('terminal_id')
      .notNull()
      .references(() => trackingTerminal.id),
    /** corrections_vessel.id (read through the corrections module's exports). */
    vesselId: uuid('vessel_id').notNull(),
    fromAt: at('from_at').notNull(),
    toAt: at('to_at'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('tracking_installation_terminal_idx').on(t.terminalId, t.fromAt),
    index('tracking_installation_vessel_idx').on(t.vesselId, t.fromAt),
  ],
);
export type TrackingInstallationRow = typeof trackingInstallation.$inferSelect;

/** Fixes kept out of the track (not located, zero, future-dated, impossible speed, …): recorded, not lost. */
export const trackingFilteredFix = pgTable(
  'tracking_filtered_fix',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    terminalId: uuid('terminal_id')
      .notNull()
      .references(() => trackingTerminal.id),
    fixedAt: at('fixed_at').notNull(),
    receivedAt: at('received_at').notNull(),
    reason: text('reason').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    speedKmh: real('speed_kmh'),
    alarmBits: bigint('alarm_bits', { mode: 'number' }).notNull().default(0),
    statusBits: bigint('status_bits', { mode: 'number' }).notNull().default(0),
    source: text('source').$type<'jt808' | 'http'>().notNull(),
  },
  (t) => [
    uniqueIndex('tracking_filtered_fix_key').on(t.terminalId, t.fixedAt),
    index('tracking_filtered_fix_received_idx').on(t.receivedAt),
  ],
);

/** A terminal alarm (SOS, power cut, …) from a 0x0200 alarm word or a vendor's batch; one per kind and time. */
export const trackingAlarm = pgTable(
  'tracking_alarm',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    terminalId: uuid('terminal_id')
      .notNull()
      .references(() => trackingTerminal.id),
    at: at('at').notNull(),
    kind: text('kind').$type<TerminalAlarmKind>().notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    source: text('source').$type<'jt808' | 'http'>().notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('tracking_alarm_key').on(t.terminalId, t.at, t.kind),
    index('tracking_alarm_received_idx').on(t.receivedAt),
  ],
);
