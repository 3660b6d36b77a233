import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { type CalendarOverrideRow, calendarOverride } from './calendar.schema.ts';
import type { IsoDate } from './iso-date.ts';
import type { OverrideKind } from './working-calendar.ts';

export async function listOverrides(
  executor: Executor,
  range: { from?: IsoDate; to?: IsoDate } = {},
): Promise<CalendarOverrideRow[]> {
  const conditions = [
    range.from ? gte(calendarOverride.date, range.from) : undefined,
    range.to ? lte(calendarOverride.date, range.to) : undefined,
  ];
  return executor
    .select()
    .from(calendarOverride)
    .where(and(...conditions))
    .orderBy(asc(calendarOverride.date));
}

export async function findOverride(
  executor: Executor,
  date: IsoDate,
  options: { forUpdate?: boolean } = {},
): Promise<CalendarOverrideRow | undefined> {
  const query = executor.select().from(calendarOverride).where(eq(calendarOverride.date, date));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export interface OverrideWrite {
  date: IsoDate;
  kind: OverrideKind;
  name: string;
  note: string | null;
  by: string;
  at: Date;
}

export async function upsertOverride(executor: Executor, w: OverrideWrite): Promise<CalendarOverrideRow> {
  const [row] = await executor
    .insert(calendarOverride)
    .values({
      date: w.date,
      kind: w.kind,
      name: w.name,
      note: w.note,
      createdBy: w.by,
      updatedBy: w.by,
      createdAt: w.at,
      updatedAt: w.at,
    })
    .onConflictDoUpdate({
      target: calendarOverride.date,
      set: { kind: w.kind, name: w.name, note: w.note, updatedBy: w.by, updatedAt: w.at },
    })
    .returning();
  if (!row) throw new Error('calendar override upsert returned no row');
  return row;
}

export async function deleteOverride(executor: Executor, date: IsoDate): Promise<boolean> {
  const rows = await executor
    .delete(calendarOverride)
    .where(eq(calendarOverride.date, date))
    .returning({ date: calendarOverride.date });
  return rows.length > 0;
}
