import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { orgUnit } from '../org/org.schema.ts';
import type { NumberKind } from './numbering.rules.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The last number issued per kind, series, issuing unit and year. A row is created by the first number
 * of its year and incremented in the creating transaction, which holds its row lock until it commits:
 * concurrent creators queue, and a rolled-back creation takes its increment back with it.
 */
export const numberSequence = pgTable(
  'number_sequence',
  {
    kind: text('kind').$type<NumberKind>().notNull(),
    /** The series code, e.g. `legalAid.application`. */
    series: text('series').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.series, t.unitId, t.year] }),
    check('number_sequence_kind_check', sql`${t.kind} in ('caseNo', 'documentNo')`),
    check('number_sequence_value_check', sql`${t.lastValue} >= 1`),
    check('number_sequence_year_check', sql`${t.year} between 1000 and 9999`),
  ],
);

/**
 * Prefixes an administrator set for a unit: per series (the whole prefix, e.g. 海司援), or under series
 * `*` the unit's organ abbreviation (机关代字) that every series' default template uses. Two units never
 * share a prefix in one series, so the numbers they issue stay distinct.
 */
export const numberPrefix = pgTable(
  'number_prefix',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    series: text('series').notNull(),
    prefix: text('prefix').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.series] }),
    unique('number_prefix_series_prefix_unique').on(t.series, t.prefix),
  ],
);

export type NumberPrefixRow = typeof numberPrefix.$inferSelect;
