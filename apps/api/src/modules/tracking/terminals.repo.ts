import type { terminalListQuerySchema } from '@zhucheng/contracts';
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { type TrackingPositionRow, trackingPosition } from './track.table.ts';
import {
  type TrackingInstallationRow,
  type TrackingTerminalRow,
  trackingFilteredFix,
  trackingInstallation,
  trackingTerminal,
  trackingVendor,
} from './tracking.schema.ts';

// Queries of terminals, installations and positions. Staff reads apply the unit scope here.

export interface TerminalRecord {
  t: TrackingTerminalRow;
  unitName: string;
  vendorName: string | null;
}

function terminalScope(p: Principal): SQL | undefined {
  if (p.scope.all) return undefined;
  const ids = [...p.scope.unitIds];
  return ids.length > 0 ? inArray(trackingTerminal.unitId, ids) : sql`false`;
}

function baseQuery(executor: Executor) {
  return executor
    .select({ t: trackingTerminal, unitName: orgUnit.name, vendorName: trackingVendor.name })
    .from(trackingTerminal)
    .innerJoin(orgUnit, eq(orgUnit.id, trackingTerminal.unitId))
    .leftJoin(trackingVendor, eq(trackingVendor.id, trackingTerminal.vendorId));
}

type ParsedListQuery = z.output<typeof terminalListQuerySchema>;

export async function listTerminals(
  executor: Executor,
  p: Principal,
  q: ParsedListQuery,
): Promise<{ rows: TerminalRecord[]; total: number }> {
  const t = trackingTerminal;
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    terminalScope(p),
    like
      ? or(ilike(t.terminalNumber, like), ilike(t.deviceId, like), ilike(t.model, like), ilike(t.sim, like))
      : undefined,
    q.status === 'retired' ? isNotNull(t.retiredAt) : undefined,
    q.status === 'registered' ? and(isNull(t.retiredAt), isNotNull(t.registeredAt)) : undefined,
    q.status === 'awaiting' ? and(isNull(t.retiredAt), isNull(t.registeredAt)) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    baseQuery(executor)
      .where(where)
      .orderBy(desc(t.createdAt), asc(t.terminalNumber))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    executor.select({ n: sql<number>`count(*)::int` }).from(t).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findTerminal(
  executor: Executor,
  p: Principal | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TerminalRecord | undefined> {
  const q = baseQuery(executor).where(and(eq(trackingTerminal.id, id), p ? terminalScope(p) : undefined));
  const rows = options.forUpdate ? await q.for('update', { of: trackingTerminal }) : await q;
  return rows[0];
}

/** By the number in a JT/T 808 header (any scope: the gateway). */
export async function terminalByNumber(executor: Executor, terminalNumber: string) {
  const [row] = await executor
    .select()
    .from(trackingTerminal)
    .where(eq(trackingTerminal.terminalNumber, terminalNumber));
  return row;
}

export async function terminalsByNumbers(
  executor: Executor,
  numbers: readonly string[],
): Promise<Map<string, TrackingTerminalRow>> {
  if (numbers.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(trackingTerminal)
    .where(inArray(trackingTerminal.terminalNumber, [...numbers]));
  return new Map(rows.map((r) => [r.terminalNumber, r]));
}

export async function installationsOf(
  executor: Executor,
  filter: { terminalIds?: string[]; vesselIds?: string[] },
): Promise<TrackingInstallationRow[]> {
  const i = trackingInstallation;
  if (filter.terminalIds?.length === 0 || filter.vesselIds?.length === 0) return [];
  return executor
    .select()
    .from(i)
    .where(
      and(
        filter.terminalIds ? inArray(i.terminalId, filter.terminalIds) : undefined,
        filter.vesselIds ? inArray(i.vesselId, filter.vesselIds) : undefined,
      ),
    )
    .orderBy(asc(i.fromAt));
}

/** Open installations (no end) of every terminal: vessel → terminal now. */
export async function currentInstallations(executor: Executor): Promise<TrackingInstallationRow[]> {
  return executor.select().from(trackingInstallation).where(isNull(trackingInstallation.toAt));
}

/** The last track position of each terminal at or before `at`. */
export async function lastPositions(
  executor: Executor,
  terminalIds: readonly string[],
  at: Date,
): Promise<Map<string, TrackingPositionRow>> {
  if (terminalIds.length === 0) return new Map();
  const ids = sql.join(
    terminalIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = (await executor.execute(sql`
    select p.* from unnest(array[${ids}]) as t(id)
    cross join lateral (
      select * from ${trackingPosition} where terminal_id = t.id and fixed_at <= ${at}
      order by fixed_at desc limit 1
    ) p`)) as unknown as { rows: Record<string, unknown>[] };
  const out = new Map<string, TrackingPositionRow>();
  for (const r of result.rows as Record<string, unknown>[]) {
    const row = rawPosition(r);
    out.set(row.terminalId, row);
  }
  return out;
}

function rawPosition(r: Record<string, unknown>): TrackingPositionRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    terminalId: String(r.terminal_id),
    fixedAt: date(r.fixed_at),
    receivedAt: date(r.received_at),
    lat: Number(r.lat),
    lon: Number(r.lon),
    altitudeM: Number(r.altitude_m),
    speedKmh: Number(r.speed_kmh),
    course: Number(r.course),
    alarmBits: Number(r.alarm_bits),
    statusBits: Number(r.status_bits),
    satellites: num(r.satellites),
    signal: num(r.signal),
    mileageKm: num(r.mileage_km),
    source: r.source as 'jt808' | 'http',
  };
}

/** Track positions of a terminal in [from, to), in time order, at most `limit`. */
export async function positionsBetween(
  executor: Executor,
  terminalId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<TrackingPositionRow[]> {
  const p = trackingPosition;
  return executor
    .select()
    .from(p)
    .where(and(eq(p.terminalId, terminalId), sql`${p.fixedAt} >= ${from}`, sql`${p.fixedAt} < ${to}`))
    .orderBy(asc(p.fixedAt))
    .limit(limit);
}

export async function filteredCount(executor: Executor, terminalId: string, from: Date, to: Date) {
  const f = trackingFilteredFix;
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(f)
    .where(and(eq(f.terminalId, terminalId), sql`${f.fixedAt} >= ${from}`, sql`${f.fixedAt} < ${to}`));
  return row?.n ?? 0;
}
