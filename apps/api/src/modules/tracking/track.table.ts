import { bigint, doublePrecision, pgTable, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// tracking_position: the track store. Declared here for queries only — not a *.schema.ts, so drizzle-kit does
// not generate it: migration 0020 creates it by hand as a table PARTITIONED BY RANGE (fixed_at), one partition
// per calendar month (UTC) named tracking_position_pYYYYMM, created on demand by track.partitions.ts and
// dropped whole by retention. The primary key (terminal_id, fixed_at) deduplicates and includes the
// partition key, as PostgreSQL requires.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const trackingPosition = pgTable('tracking_position', {
  terminalId: uuid('terminal_id').notNull(),
  fixedAt: at('fixed_at').notNull(),
  receivedAt: at('received_at').notNull(),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  altitudeM: smallint('altitude_m').notNull(),
  speedKmh: real('speed_kmh').notNull(),
  course: smallint('course').notNull(),
  alarmBits: bigint('alarm_bits', { mode: 'number' }).notNull(),
  statusBits: bigint('status_bits', { mode: 'number' }).notNull(),
  satellites: smallint('satellites'),
  signal: smallint('signal'),
  mileageKm: real('mileage_km'),
  source: text('source').$type<'jt808' | 'http'>().notNull(),
});
export type TrackingPositionRow = typeof trackingPosition.$inferSelect;
