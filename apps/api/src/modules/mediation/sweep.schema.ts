import type { SweepStatus } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnit } from '../../platform/org/org.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 矛盾纠纷排查: one sweep session planned by a justice office or a committee (date, area, who took part),
 * held or cancelled, with its findings. `mediation.sweeps` counts the sessions held; the disputes a sweep
 * finds point back at it (`mediation_dispute.sweep_id`).
 */
export const disputeSweep = pgTable(
  'dispute_sweep',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    title: text('title').notNull(),
    plannedOn: date('planned_on').notNull(),
    heldOn: date('held_on'),
    /** The villages, streets, enterprises or waters swept. */
    area: text('area').notNull(),
    /** Who took part (names and bodies, as the record lists them). */
    participants: text('participants').notNull().default(''),
    participantCount: integer('participant_count'),
    findings: text('findings'),
    /** Risks found that did not become a dispute case (kept for follow-up). */
    risksFound: integer('risks_found').notNull().default(0),
    status: text('status').$type<SweepStatus>().notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('dispute_sweep_unit_idx').on(t.unitId, t.plannedOn),
    index('dispute_sweep_held_idx').on(t.heldOn),
  ],
);
export type DisputeSweepRow = typeof disputeSweep.$inferSelect;
