import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A demo-data step that has run to the end (演示数据): `npm run demo` skips it the next time. */
export const demoStep = pgTable('demo_step', {
  id: text('id').primaryKey(),
  completedAt: at('completed_at').notNull(),
});

/**
 * Every business record a demo step created, so `npm run demo` can tell demo data from real data and
 * refuses to mix the two.
 */
export const demoRecord = pgTable(
  'demo_record',
  {
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    stepId: text('step_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.recordId] }), index('demo_record_step_idx').on(t.stepId)],
);
