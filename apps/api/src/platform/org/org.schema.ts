import type { OrgUnitKind, OrgUnitStatus } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One unit of the organisation tree (机构). `path` is the materialized path of ids from the root,
 * `/1/3/17/`, so a subtree is one prefix query (`path LIKE '/1/3/%'`) on a pattern index. Units are never
 * deleted: records keep pointing at them; a unit that is no longer used is disabled.
 */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnit.id),
    /** One of `orgUnitKinds`; checked by the service, so a new kind needs no migration. */
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** GB/T 2260 code (6 digits) of a city or county, or the 12-digit statistical code of a town. */
    divisionCode: text('division_code'),
    path: text('path').notNull(),
    /** 0 for a root. */
    depth: integer('depth').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    status: text('status').$type<OrgUnitStatus>().notNull().default('active'),
    /** Optimistic locking: every change names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    // Siblings have distinct names; two roots too (NULLS NOT DISTINCT is PostgreSQL 15).
    unique('org_unit_parent_name_unique').on(t.parentId, t.name).nullsNotDistinct(),
    index('org_unit_path_idx').on(t.path.op('text_pattern_ops')),
    index('org_unit_parent_idx').on(t.parentId),
    index('org_unit_division_idx').on(t.divisionCode),
    check('org_unit_status_check', sql`${t.status} in ('active', 'disabled')`),
    check('org_unit_path_check', sql`${t.path} like '/%/'`),
  ],
);

export type OrgUnitRow = typeof orgUnit.$inferSelect;
