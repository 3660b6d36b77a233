import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/database.ts';
import type { NumberKind } from './numbering.rules.ts';
import { type NumberPrefixRow, numberPrefix, numberSequence } from './numbering.schema.ts';

/**
 * The transaction `db.transaction` hands its callback. (`Transaction` in db/database.ts is a PgTransaction
 * with other type parameters, which that callback's transaction is not assignable to.)
 */

export interface SequenceScope {
  kind: NumberKind;
  series: string;
  unitId: number;
  year: number;
}

/**
 * Takes the next value of a counter in the caller's transaction. Not a PostgreSQL SEQUENCE: nextval()
 * is non-transactional, so a creation that rolls back would leave a hole in the official numbering,
 * and a sequence per unit, series and year would have to be created on the fly. The upsert takes the
 * counter row's lock (the first creator of a year inserts it; racing first creators meet on the primary
 * key and the losers update), which it keeps until the transaction ends: concurrent creators queue,
 * each sees the committed value of the one before, and a rollback returns the number.
 */
export async function takeNextValue(tx: Transaction, scope: SequenceScope, at: Date): Promise<number> {
  const [row] = await tx
    .insert(numberSequence)
    .values({ ...scope, lastValue: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: [numberSequence.kind, numberSequence.series, numberSequence.unitId, numberSequence.year],
      set: { lastValue: sql`${numberSequence.lastValue} + 1`, updatedAt: at },
    })
    .returning({ value: numberSequence.lastValue });
  if (!row) throw new Error('number_sequence upsert returned no row');
  return row.value;
}

/** The last value issued, or 0 before the first (for previews and checks; takes no lock). */
export async function lastValue(executor: Executor, scope: SequenceScope): Promise<number> {
  const [row] = await executor
    .select({ value: numberSequence.lastValue })
    .from(numberSequence)
    .where(
      and(
        eq(numberSequence.kind, scope.kind),
        eq(numberSequence.series, scope.series),
        eq(numberSequence.unitId, scope.unitId),
        eq(numberSequence.year, scope.year),
      ),
    );
  return row?.value ?? 0;
}

/** The unit's rows for the given series codes (a series and `*`). */
export async function findPrefixes(
  executor: Executor,
  unitId: number,
  series: readonly string[],
): Promise<NumberPrefixRow[]> {
  return executor
    .select()
    .from(numberPrefix)
    .where(and(eq(numberPrefix.unitId, unitId), inArray(numberPrefix.series, [...series])));
}

export async function upsertPrefix(
  executor: Executor,
  row: { unitId: number; series: string; prefix: string },
  at: Date,
): Promise<void> {
  await executor
    .insert(numberPrefix)
    .values({ ...row, updatedAt: at })
    .onConflictDoUpdate({
      target: [numberPrefix.unitId, numberPrefix.series],
      set: { prefix: row.prefix, updatedAt: at },
    });
}

export async function deletePrefix(executor: Executor, unitId: number, series: string): Promise<boolean> {
  const rows = await executor
    .delete(numberPrefix)
    .where(and(eq(numberPrefix.unitId, unitId), eq(numberPrefix.series, series)))
    .returning({ unitId: numberPrefix.unitId });
  return rows.length > 0;
}
