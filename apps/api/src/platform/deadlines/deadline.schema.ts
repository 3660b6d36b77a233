import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { DeadlineLifecycle, PauseInterval } from './deadline.rules.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One running statutory clock of one case (办理期限): which rule, when it started, its pauses and
 * extensions, and the due date computed from them on the working-day calendar. The due date is stored
 * (lists sort and the reminder job scans by it) and recomputed on pause, resume, extension and calendar
 * changes. A due date that needs a year the calendar does not know yet stays null, with that year in
 * `needs_calendar_year`, until an administrator enters the year.
 */
export const caseDeadline = pgTable(
  'case_deadline',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The workflow's case type, e.g. `reconsideration`. */
    caseType: text('case_type').notNull(),
    caseId: text('case_id').notNull(),
    ruleCode: text('rule_code').notNull(),
    /** The day of the start event (not counted); for an hours rule the day of `started_at`. */
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** The start instant: required for an hours rule, kept when known for a day rule. */
    startedAt: at('started_at'),
    /** Day rules: the last day of the period. */
    dueOn: date('due_on', { mode: 'string' }),
    /** Hours rules: the instant the period runs out. */
    dueAt: at('due_at'),
    status: text('status').$type<DeadlineLifecycle>().notNull().default('running'),
    /** The day the open pause began (an hours rule keeps the instant in `pauses`). */
    pausedSince: date('paused_since', { mode: 'string' }),
    /** Counting days (working days for a working-day rule) the closed pauses pushed the due date by. */
    pausedDays: integer('paused_days').notNull().default(0),
    /** Every pause, `[{from, to}]`: dates for day rules, ISO instants for hours rules; `to` null while open. */
    pauses: jsonb('pauses').$type<PauseInterval[]>().notNull().default([]),
    extensions: integer('extensions').notNull().default(0),
    /** Day rules: the first day the clock counts as due soon (amber), from the rule's `warnBefore`. */
    warnOn: date('warn_on', { mode: 'string' }),
    /** Hours rules: the instant it counts as due soon. */
    warnAt: at('warn_at'),
    /** Set when the due date waits for this year's holiday arrangement. */
    needsCalendarYear: integer('needs_calendar_year'),
    /** The reminder job marks each warning once. */
    warnedDueSoonAt: at('warned_due_soon_at'),
    warnedOverdueAt: at('warned_overdue_at'),
    /** When it was stopped or met. */
    closedAt: at('closed_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One live clock per rule and case; a stopped or met one may be followed by a new one.
    uniqueIndex('case_deadline_live_unique')
      .on(t.caseType, t.caseId, t.ruleCode)
      .where(sql`${t.status} in ('running', 'paused')`),
    index('case_deadline_case_idx').on(t.caseType, t.caseId),
    // The reminder job and "my deadlines" read running clocks by due date.
    index('case_deadline_running_due_idx').on(t.dueOn, t.dueAt).where(sql`${t.status} = 'running'`),
    // The reminder job and the "due soon" filter read running clocks by warning date.
    index('case_deadline_running_warn_idx').on(t.warnOn, t.warnAt).where(sql`${t.status} = 'running'`),
    index('case_deadline_needs_calendar_idx')
      .on(t.needsCalendarYear)
      .where(sql`${t.needsCalendarYear} is not null`),
    check('case_deadline_status_check', sql`${t.status} in ('running', 'paused', 'stopped', 'met')`),
    check('case_deadline_counts_check', sql`${t.pausedDays} >= 0 and ${t.extensions} >= 0`),
  ],
);

export type CaseDeadlineRow = typeof caseDeadline.$inferSelect;
