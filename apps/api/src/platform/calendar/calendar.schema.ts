import { sql } from 'drizzle-orm';
import { check, date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { OverrideKind } from './working-calendar.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The administrator's corrections to the holiday package (节假日设置): a year the package does not know
 * yet (the State Council publishes next year's arrangement in November or December), or a local or late
 * change. One row per day; it wins over the package. A deleted row gives the day back to the package.
 */
export const calendarOverride = pgTable(
  'calendar_override',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').$type<OverrideKind>().notNull(),
    /** The holiday (元旦, 春节…), or for a working day what it makes up for (国庆节调休上班). */
    name: text('name').notNull(),
    note: text('note'),
    /** staff_user.id, or `system`. */
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [check('calendar_override_kind_check', sql`${t.kind} in ('workday', 'holiday')`)],
);

export type CalendarOverrideRow = typeof calendarOverride.$inferSelect;
