import type { TerminalAlarmKind } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Transaction } from '../../platform/db/database.ts';
import { alarmKinds } from './jt808.messages.ts';
import { TrackPartitions } from './track.partitions.ts';
import { type FilterLimits, type FilterReason, type Fix, filterReason } from './track.rules.ts';
import { trackingPosition } from './track.table.ts';
import { trackingAlarm, trackingFilteredFix } from './tracking.schema.ts';

// The track store's writer. Callers (the gateway's sessions, the HTTP ingest) submit fixes and wait for the
// commit; submissions arriving while a batch commits are gathered into the next one, so a busy gateway writes
// a few large multi-row INSERTs a second instead of one per frame. Every fix is either a track position or a
// filtered fix with its reason; (terminal, time) is unique in both, so a retried frame or batch stores nothing new.

export interface AlarmIn {
  terminalId: string;
  at: Date;
  kind: TerminalAlarmKind;
  lat: number | null;
  lon: number | null;
  source: 'jt808' | 'http';
}

export interface SubmitOutcome {
  stored: number;
  filtered: number;
  duplicates: number;
  alarmsStored: number;
  alarmDuplicates: number;
}

/** What one commit newly stored: accepted positions (in time order per terminal) and terminal alarms. */
export interface Committed {
  positions: (Fix & { time: Date })[];
  alarms: AlarmIn[];
}

export interface TrackWriterStats {
  queued: number;
  stored: number;
  duplicates: number;
  filtered: number;
  batches: number;
}

interface Pending {
  fixes: Fix[];
  alarms: AlarmIn[];
  resolve: (outcome: SubmitOutcome) => void;
  reject: (err: unknown) => void;
}

/** Rows per INSERT statement (14 columns: well under PostgreSQL's 65,535 parameters). */
const ROWS_PER_STATEMENT = 1000;
/** Terminals whose last accepted fix is remembered for the implied-speed check. */
const REMEMBERED_TERMINALS = 200_000;

export interface TrackWriterOptions {
  db: Database;
  clock: Clock;
  limits: FilterLimits;
  /** A batch is written as soon as this many fixes wait… */
  maxBatch?: number;
  /** …or this long after the first one arrived. */
  lingerMs?: number;
}

const keyOf = (terminalId: string, time: Date) => `${terminalId}|${time.getTime()}`;

export class TrackWriter {
  readonly #o: Required<TrackWriterOptions>;
  readonly #partitions = new TrackPartitions();
  readonly #last = new Map<string, { time: Date; lat: number; lon: number }>();
  #queue: Pending[] = [];
  #queuedFixes = 0;
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> | null = null;
  readonly #listeners: ((committed: Committed) => void)[] = [];
  readonly stats: TrackWriterStats = { queued: 0, stored: 0, duplicates: 0, filtered: 0, batches: 0 };

  constructor(options: TrackWriterOptions) {
    this.#o = { maxBatch: 2000, lingerMs: 10, ...options };
  }

  /** Resolves once every fix and alarm is committed (or found already stored). */
  submit(fixes: Fix[], alarms: AlarmIn[] = []): Promise<SubmitOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ fixes, alarms, resolve, reject });
      this.#queuedFixes += fixes.length + alarms.length;
      this.stats.queued = this.#queuedFixes;
      this.#schedule();
    });
  }

  /** Called after every commit with the positions and alarms it newly stored (the alert evaluator listens). */
  onCommit(listener: (committed: Committed) => void): void {
    this.#listeners.push(listener);
  }

  /** Writes whatever waits, and waits for it. */
  async flush(): Promise<void> {
    while (this.#queue.length > 0 || this.#writing) {
      if (this.#writing) await this.#writing;
      else await this.#write();
    }
  }

  /** Forgets the remembered last fixes (retention or a test's fresh start). */
  forget(partitionNames: string[]): void {
    this.#partitions.forget(partitionNames);
    this.#last.clear();
  }

  #schedule(): void {
    if (this.#writing) return;
    if (this.#queuedFixes >= this.#o.maxBatch) {
      void this.#write();
      return;
    }
    if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        if (!this.#writing) void this.#write();
      }, this.#o.lingerMs);
    }
  }

  #write(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const batch = this.#queue;
    this.#queue = [];
    this.#queuedFixes = 0;
    this.stats.queued = 0;
    const run = this.#commit(batch)
      .catch(() => {})
      .finally(() => {
        this.#writing = null;
        if (this.#queue.length > 0) this.#schedule();
      });
    this.#writing = run;
    return run;
  }

  async #commit(batch: Pending[]): Promise<void> {
    if (batch.length === 0) return;
    const receivedAt = this.#o.clock.now();
    // Classify in time order per terminal so the implied-speed check compares neighbours.
    const all = batch.flatMap((p, i) => p.fixes.map((fix) => ({ fix, owner: i })));
    all.sort((a, b) =>
      a.fix.terminalId === b.fix.terminalId
        ? (a.fix.time?.getTime() ?? 0) - (b.fix.time?.getTime() ?? 0)
        : a.fix.terminalId < b.fix.terminalId
          ? -1
          : 1,
    );
    const seen = new Set<string>();
    const accepted: { fix: Fix & { time: Date }; owner: number }[] = [];
    const filtered: { fix: Fix & { time: Date }; owner: number; reason: FilterReason }[] = [];
    const batchDuplicates = new Array<number>(batch.length).fill(0);
    const lastBefore = new Map(this.#last);
    for (const item of all) {
      const reason = filterReason(item.fix, receivedAt, this.#o.limits, lastBefore.get(item.fix.terminalId));
      const time = item.fix.time;
      if (!time || Number.isNaN(time.getTime()) || reason === 'badTime') {
        // No usable time: recorded under the receipt time so it is not lost (and still unique per terminal).
        filtered.push({ fix: { ...item.fix, time: receivedAt }, owner: item.owner, reason: 'badTime' });
        continue;
      }
      const key = keyOf(item.fix.terminalId, time);
      if (seen.has(key)) {
        batchDuplicates[item.owner] = (batchDuplicates[item.owner] ?? 0) + 1;
        continue;
      }
      seen.add(key);
      const fix = { ...item.fix, time };
      if (reason) {
        filtered.push({ fix, owner: item.owner, reason });
      } else {
        accepted.push({ fix, owner: item.owner });
        const prev = lastBefore.get(fix.terminalId);
        if (!prev || prev.time < time) lastBefore.set(fix.terminalId, { time, lat: fix.lat, lon: fix.lon });
      }
    }
    const alarms: { alarm: AlarmIn; owner: number }[] = [
      ...batch.flatMap((p, owner) => p.alarms.map((alarm) => ({ alarm, owner }))),
      ...accepted.flatMap(({ fix, owner }) =>
        alarmKinds(fix.alarmBits).map((kind) => ({
          alarm: {
            terminalId: fix.terminalId,
            at: fix.time,
            kind,
            lat: fix.lat,
            lon: fix.lon,
            source: fix.source,
          },
          owner,
        })),
      ),
    ];

    try {
      const result = await this.#o.db.transaction(async (tx) => {
        await this.#partitions.ensure(
          tx,
          accepted.map((a) => a.fix.time),
        );
        const storedKeys = await insertPositions(tx, accepted, receivedAt);
        const filteredKeys = await insertFiltered(tx, filtered, receivedAt);
        const alarmKeys = await insertAlarms(tx, alarms, receivedAt);
        return { storedKeys, filteredKeys, alarmKeys };
      });
      this.#partitions.remember(accepted.map((a) => a.fix.time));
      for (const [terminalId, last] of lastBefore) this.#last.set(terminalId, last);
      if (this.#last.size > REMEMBERED_TERMINALS) this.#last.clear();

      const outcomes = batch.map(
        (_, i): SubmitOutcome => ({
          stored: 0,
          filtered: 0,
          duplicates: batchDuplicates[i] ?? 0,
          alarmsStored: 0,
          alarmDuplicates: 0,
        }),
      );
      for (const { fix, owner } of accepted) {
        const o = outcomes[owner];
        if (!o) continue;
        if (result.storedKeys.has(keyOf(fix.terminalId, fix.time))) o.stored += 1;
        else o.duplicates += 1;
      }
      for (const { fix, owner } of filtered) {
        const o = outcomes[owner];
        if (!o) continue;
        if (result.filteredKeys.has(keyOf(fix.terminalId, fix.time))) {
          o.stored += 1;
          o.filtered += 1;
        } else o.duplicates += 1;
      }
      for (const { alarm, owner } of alarms) {
        const o = outcomes[owner];
        if (!o) continue;
        if (result.alarmKeys.has(`${keyOf(alarm.terminalId, alarm.at)}|${alarm.kind}`)) o.alarmsStored += 1;
        else o.alarmDuplicates += 1;
      }
      this.stats.batches += 1;
      for (const o of outcomes) {
        this.stats.stored += o.stored - o.filtered;
        this.stats.filtered += o.filtered;
        this.stats.duplicates += o.duplicates;
      }
      batch.forEach((p, i) => {
        p.resolve(outcomes[i] as SubmitOutcome);
      });
      if (this.#listeners.length > 0) {
        const committed: Committed = {
          positions: accepted
            .filter(({ fix }) => result.storedKeys.has(keyOf(fix.terminalId, fix.time)))
            .map(({ fix }) => fix),
          alarms: alarms
            .filter(({ alarm }) => result.alarmKeys.has(`${keyOf(alarm.terminalId, alarm.at)}|${alarm.kind}`))
            .map(({ alarm }) => alarm),
        };
        if (committed.positions.length > 0 || committed.alarms.length > 0) {
          for (const listener of this.#listeners) listener(committed);
        }
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
      throw err;
    }
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/**
 * One INSERT … SELECT FROM unnest(14 arrays) per chunk: fourteen parameters whatever the row count, so neither the
 * query builder nor the server's parser works per row.
 */
async function insertPositions(
  tx: Transaction,
  rows: { fix: Fix & { time: Date } }[],
  receivedAt: Date,
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const part of chunks(rows)) {
    // One parameter holding the whole column (a bare array in sql`` would expand into a list).
    const column = <T>(pick: (fix: Fix & { time: Date }) => T) => sql.param(part.map(({ fix }) => pick(fix)));
    const result = await tx.execute(sql`
      insert into ${trackingPosition} (terminal_id, fixed_at, received_at, lat, lon, altitude_m, speed_kmh, course,
        alarm_bits, status_bits, satellites, signal, mileage_km, source)
      select t, f, ${receivedAt.toISOString()}::timestamptz, la, lo, al, sp, co, ab, sb, sa, si, mi, so
      from unnest(
        ${column((f) => f.terminalId)}::uuid[], ${column((f) => f.time.toISOString())}::timestamptz[],
        ${column((f) => f.lat)}::float8[], ${column((f) => f.lon)}::float8[],
        ${column((f) => Math.max(-32768, Math.min(32767, Math.round(f.altitudeM))))}::int2[],
        ${column((f) => f.speedKmh)}::float4[], ${column((f) => Math.round(f.course) % 361)}::int2[],
        ${column((f) => f.alarmBits >>> 0)}::int8[], ${column((f) => f.statusBits >>> 0)}::int8[],
        ${column((f) => f.satellites)}::int2[], ${column((f) => f.signal)}::int2[],
        ${column((f) => f.mileageKm)}::float4[], ${column((f) => f.source)}::text[]
      ) as u(t, f, la, lo, al, sp, co, ab, sb, sa, si, mi, so)
      on conflict do nothing
      returning terminal_id, fixed_at`);
    for (const r of (result as { rows: { terminal_id: string; fixed_at: string | Date }[] }).rows) {
      stored.add(keyOf(r.terminal_id, new Date(r.fixed_at)));
    }
  }
  return stored;
}

async function insertFiltered(
  tx: Transaction,
  rows: { fix: Fix & { time: Date }; reason: FilterReason }[],
  receivedAt: Date,
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const part of chunks(rows)) {
    const inserted = await tx
      .insert(trackingFilteredFix)
      .values(
        part.map(({ fix, reason }) => ({
          terminalId: fix.terminalId,
          fixedAt: fix.time,
          receivedAt,
          reason,
          lat: Number.isFinite(fix.lat) ? fix.lat : null,
          lon: Number.isFinite(fix.lon) ? fix.lon : null,
          speedKmh: Number.isFinite(fix.speedKmh) ? fix.speedKmh : null,
          alarmBits: fix.alarmBits >>> 0,
          statusBits: fix.statusBits >>> 0,
          source: fix.source,
        })),
      )
      .onConflictDoNothing()
      .returning({ terminalId: trackingFilteredFix.terminalId, fixedAt: trackingFilteredFix.fixedAt });
    for (const r of inserted) stored.add(keyOf(r.terminalId, r.fixedAt));
  }
  return stored;
}

async function insertAlarms(
  tx: Transaction,
  rows: { alarm: AlarmIn }[],
  receivedAt: Date,
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const part of chunks(rows)) {
    const inserted = await tx
      .insert(trackingAlarm)
      .values(part.map(({ alarm }) => ({ ...alarm, receivedAt })))
      .onConflictDoNothing()
      .returning({ terminalId: trackingAlarm.terminalId, at: trackingAlarm.at, kind: trackingAlarm.kind });
    for (const r of inserted) stored.add(`${keyOf(r.terminalId, r.at)}|${r.kind}`);
  }
  return stored;
}

/** Deletes filtered fixes and alarms received before `floor` (positions go with their partitions). */
export async function pruneSideTables(db: Database, floor: Date): Promise<void> {
  await db.execute(
    sql`delete from ${trackingFilteredFix} where ${trackingFilteredFix.receivedAt} < ${floor}`,
  );
  await db.execute(sql`delete from ${trackingAlarm} where ${trackingAlarm.receivedAt} < ${floor}`);
}
