import type {
  AlertKind,
  Disposition,
  FenceCalendar,
  FencePurpose,
  FenceShapeInput,
  GearType,
  Severity,
  TriageState,
} from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// 海上定位 part 2: 电子围栏 (geofences; every saved state kept as a numbered version, so an alert names the
// version it broke) and 告警 (alerts: one open alert per vessel, kind and subject; repeats fold into it) with
// their triage log.

export const trackingFence = pgTable(
  'tracking_fence',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    purpose: text('purpose').$type<FencePurpose>().notNull(),
    shape: jsonb('shape').$type<FenceShapeInput>().notNull(),
    calendar: jsonb('calendar').$type<FenceCalendar>().notNull(),
    exemptGearTypes: jsonb('exempt_gear_types').$type<GearType[]>().notNull(),
    dwellMinutes: integer('dwell_minutes').notNull(),
    /** Vessels it applies to; empty: every vessel of the unit and below. */
    vesselIds: jsonb('vessel_ids').$type<string[]>().notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    active: boolean('active').notNull(),
    note: text('note'),
    version: integer('version').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('tracking_fence_unit_idx').on(t.unitId)],
);
export type TrackingFenceRow = typeof trackingFence.$inferSelect;

/** Every saved state of a fence, as saved (the row's columns at that version). */
export const trackingFenceVersion = pgTable(
  'tracking_fence_version',
  {
    fenceId: uuid('fence_id')
      .notNull()
      .references(() => trackingFence.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'tracking_fence_version_pk', columns: [t.fenceId, t.version] })],
);

export const trackingAlert = pgTable(
  'tracking_alert',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<AlertKind>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    state: text('state').$type<TriageState>().notNull(),
    /** vessel|kind|subject: at most one alert not resolved per key. */
    foldKey: text('fold_key').notNull(),
    vesselId: uuid('vessel_id').notNull(),
    /** The vessel's supervising office: the data scope. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    supervisees: jsonb('supervisees').$type<{ caseId: string; caseNo: string | null }[]>().notNull(),
    fenceId: uuid('fence_id').references(() => trackingFence.id),
    fenceVersion: integer('fence_version'),
    tripId: uuid('trip_id'),
    terminalAlarm: text('terminal_alarm'),
    terminalId: uuid('terminal_id'),
    rule: text('rule').notNull(),
    firstAt: at('first_at').notNull(),
    lastAt: at('last_at').notNull(),
    occurrences: integer('occurrences').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    acknowledgeBy: at('acknowledge_by').notNull(),
    resolveBy: at('resolve_by').notNull(),
    /** The SLA step whose escalation was sent (acknowledge, then resolve). */
    escalated: text('escalated').$type<'acknowledge' | 'resolve'>(),
    assigneeId: text('assignee_id'),
    assigneeName: text('assignee_name'),
    disposition: text('disposition').$type<Disposition>(),
    resolvedAt: at('resolved_at'),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('tracking_alert_open_key').on(t.foldKey).where(sql`${t.state} <> 'resolved'`),
    index('tracking_alert_unit_state_idx').on(t.unitId, t.state, t.lastAt),
    index('tracking_alert_vessel_idx').on(t.vesselId, t.firstAt),
  ],
);
export type TrackingAlertRow = typeof trackingAlert.$inferSelect;

/** The alert's life: raised, repeated, each triage step with its actor and note, escalations. */
export const trackingAlertEvent = pgTable(
  'tracking_alert_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => trackingAlert.id),
    at: at('at').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
  },
  (t) => [index('tracking_alert_event_alert_idx').on(t.alertId, t.at)],
);
