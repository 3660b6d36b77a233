import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { expiredPartitions, monthStart, partitionName } from './track.rules.ts';

// Monthly partitions of tracking_position: created on demand inside the transaction of the batch that needs
// one, dropped whole by retention. DDL runs under one transaction-level advisory lock, so two gateways never
// race on a CREATE.

const PARTITION_LOCK = 8_080_001;

export async function listPartitions(executor: Executor): Promise<string[]> {
  const result = (await executor.execute(
    sql`select c.relname as name from pg_inherits i
          join pg_class c on c.oid = i.inhrelid
          join pg_class p on p.oid = i.inhparent
         where p.relname = 'tracking_position' order by c.relname`,
  )) as unknown as { rows: { name: string }[] };
  return (result.rows as { name: string }[]).map((r) => r.name);
}

export class TrackPartitions {
  readonly #known = new Set<string>();

  /** Makes sure every month of the given instants has its partition (call inside the batch's transaction). */
  async ensure(tx: Executor, instants: Iterable<Date>): Promise<void> {
    const missing = new Map<string, Date>();
    for (const at of instants) {
      const name = partitionName(at);
      if (!this.#known.has(name)) missing.set(name, monthStart(at));
    }
    if (missing.size === 0) return;
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    const existing = new Set(await listPartitions(tx));
    for (const [name, start] of missing) {
      if (!existing.has(name)) {
        const end = monthStart(start, 1);
        await tx.execute(
          sql.raw(
            `create table "${name}" partition of tracking_position for values from ('${start.toISOString()}') to ('${end.toISOString()}')`,
          ),
        );
      }
    }
  }

  /** After the transaction commits: the partitions are there for good (until retention). */
  remember(instants: Iterable<Date>): void {
    for (const at of instants) this.#known.add(partitionName(at));
  }

  forget(names: Iterable<string>): void {
    for (const n of names) this.#known.delete(n);
  }
}

/** Drops the partitions wholly older than the retention floor, in one transaction; returns their names. */
export async function dropExpiredPartitions(
  db: { transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> },
  now: Date,
  retentionMonths: number,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
    const expired = expiredPartitions(await listPartitions(tx), now, retentionMonths);
    for (const name of expired) await tx.execute(sql.raw(`drop table "${name}"`));
    return expired;
  });
}
