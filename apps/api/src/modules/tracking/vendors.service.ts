import crypto from 'node:crypto';
import {
  type IngestResult,
  ingestAlarmSchema,
  ingestPositionSchema,
  type VendorInput,
  type VendorKey,
  type VendorView,
} from '@zhucheng/contracts';
import { asc, eq } from 'drizzle-orm';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff, systemContext } from '../../platform/access/principal.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { StatusBit } from './jt808.messages.ts';
import { terminalsByNumbers } from './terminals.repo.ts';
import { sha256 } from './terminals.service.ts';
import type { Fix } from './track.rules.ts';
import type { AlarmIn, TrackWriter } from './track.store.ts';
import { type TrackingVendorRow, trackingVendor } from './tracking.schema.ts';

// 厂商接入: vendor platforms with one active key each (shown once; only its SHA-256 is kept), and their batch
// ingest. Items are checked one by one: a bad item is named in the answer and the others are stored; an item
// for a terminal nobody registered is rejected. (terminal, time) makes a retried batch store nothing new.

export interface VendorsDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  writer: TrackWriter;
}

const KEY_PREFIX = 'zcv';

function vendorView(v: TrackingVendorRow): VendorView {
  return {
    id: v.id,
    name: v.name,
    code: v.code,
    keyHint: v.keyHint,
    keyIssuedAt: v.keyIssuedAt?.toISOString() ?? null,
    lastIngestAt: v.lastIngestAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
  };
}

export class VendorsService {
  readonly #d: VendorsDeps;

  constructor(deps: VendorsDeps) {
    this.#d = deps;
  }

  async list(ctx: RequestContext): Promise<{ items: VendorView[] }> {
    requireStaff(ctx);
    const rows = await this.#d.db.select().from(trackingVendor).orderBy(asc(trackingVendor.name));
    return { items: rows.map(vendorView) };
  }

  async create(ctx: RequestContext, input: VendorInput): Promise<VendorView> {
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const [taken] = await tx.select().from(trackingVendor).where(eq(trackingVendor.code, input.code));
      if (taken)
        throw AppError.badRequest(`厂商代码 ${input.code} 已被使用`, [
          { path: 'code', message: '厂商代码已被使用' },
        ]);
      const [row] = await tx
        .insert(trackingVendor)
        .values({
          id: crypto.randomUUID(),
          name: input.name,
          code: input.code,
          createdBy: staff.id,
          createdAt: this.#d.clock.now(),
        })
        .returning();
      if (!row) throw new Error('vendor insert returned nothing');
      await this.#d.audit(tx, ctx, {
        action: 'tracking.vendor.create',
        entityType: 'trackingVendor',
        entityId: row.id,
        after: { name: row.name, code: row.code },
      });
      return vendorView(row);
    });
  }

  /** Issues a new key (the old one stops working at once); the key is in this answer only. */
  async issueKey(ctx: RequestContext, id: string): Promise<VendorKey> {
    requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const [found] = await tx.select().from(trackingVendor).where(eq(trackingVendor.id, id)).for('update');
      if (!found) throw AppError.notFound('厂商');
      const key = `${KEY_PREFIX}_${found.code}_${crypto.randomBytes(24).toString('base64url')}`;
      const [row] = await tx
        .update(trackingVendor)
        .set({ keyHash: sha256(key), keyHint: key.slice(-4), keyIssuedAt: this.#d.clock.now() })
        .where(eq(trackingVendor.id, id))
        .returning();
      if (!row) throw AppError.notFound('厂商');
      await this.#d.audit(tx, ctx, {
        action: found.keyHash ? 'tracking.vendor.rotateKey' : 'tracking.vendor.issueKey',
        entityType: 'trackingVendor',
        entityId: id,
        after: { keyHint: row.keyHint },
      });
      return { vendor: vendorView(row), key };
    });
  }

  async revokeKey(ctx: RequestContext, id: string): Promise<VendorView> {
    requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const [row] = await tx
        .update(trackingVendor)
        .set({ keyHash: null, keyHint: null, keyIssuedAt: null })
        .where(eq(trackingVendor.id, id))
        .returning();
      if (!row) throw AppError.notFound('厂商');
      await this.#d.audit(tx, ctx, {
        action: 'tracking.vendor.revokeKey',
        entityType: 'trackingVendor',
        entityId: id,
      });
      return vendorView(row);
    });
  }

  /** The vendor a key belongs to, or a 401 (unknown, revoked or missing key). */
  async vendorByKey(key: string | undefined): Promise<TrackingVendorRow> {
    if (!key || key.length > 200) throw AppError.unauthenticated('缺少或无效的厂商接入密钥（X-Vendor-Key）');
    const [row] = await this.#d.db
      .select()
      .from(trackingVendor)
      .where(eq(trackingVendor.keyHash, sha256(key)));
    if (!row) throw AppError.unauthenticated('缺少或无效的厂商接入密钥（X-Vendor-Key）');
    return row;
  }

  async ingest(
    vendor: TrackingVendorRow,
    batch: { positions: unknown[]; alarms: unknown[] },
  ): Promise<IngestResult> {
    const rejected: IngestResult['rejected'] = [];
    const positions: { index: number; item: ReturnType<typeof ingestPositionSchema.parse> }[] = [];
    const alarms: { index: number; item: ReturnType<typeof ingestAlarmSchema.parse> }[] = [];
    batch.positions.forEach((raw, index) => {
      const r = ingestPositionSchema.safeParse(raw);
      if (r.success) positions.push({ index, item: r.data });
      else
        rejected.push({ list: 'positions', index, message: r.error.issues.map((i) => i.message).join('；') });
    });
    batch.alarms.forEach((raw, index) => {
      const r = ingestAlarmSchema.safeParse(raw);
      if (r.success) alarms.push({ index, item: r.data });
      else rejected.push({ list: 'alarms', index, message: r.error.issues.map((i) => i.message).join('；') });
    });
    const numbers = [...new Set([...positions, ...alarms].map((p) => p.item.terminal))];
    const terminals = await terminalsByNumbers(this.#d.db, numbers);
    const idOf = (list: 'positions' | 'alarms', index: number, number: string): string | null => {
      const t = terminals.get(number);
      if (t && !t.retiredAt) return t.id;
      rejected.push({ list, index, message: `终端 ${number} 未登记或已停用` });
      return null;
    };
    const fixes: Fix[] = [];
    for (const { index, item } of positions) {
      const terminalId = idOf('positions', index, item.terminal);
      if (!terminalId) continue;
      fixes.push({
        terminalId,
        time: new Date(item.time),
        lat: item.lat,
        lon: item.lon,
        altitudeM: item.altitudeM,
        speedKmh: item.speedKmh,
        course: item.course,
        alarmBits: item.alarmBits,
        statusBits: item.statusBits | (item.valid ? StatusBit.located : 0),
        satellites: item.satellites ?? null,
        signal: null,
        mileageKm: null,
        located: item.valid,
        source: 'http',
      });
    }
    const alarmRows: AlarmIn[] = [];
    for (const { index, item } of alarms) {
      const terminalId = idOf('alarms', index, item.terminal);
      if (!terminalId) continue;
      alarmRows.push({
        terminalId,
        at: new Date(item.time),
        kind: item.kind,
        lat: item.lat ?? null,
        lon: item.lon ?? null,
        source: 'http',
      });
    }
    const outcome = await this.#d.writer.submit(fixes, alarmRows);
    await this.#d.db.transaction(async (tx) => {
      await tx
        .update(trackingVendor)
        .set({ lastIngestAt: this.#d.clock.now() })
        .where(eq(trackingVendor.id, vendor.id));
      await this.#d.audit(tx, systemContext(`tracking.ingest:${vendor.code}`), {
        action: 'tracking.ingest',
        entityType: 'trackingVendor',
        entityId: vendor.id,
        detail: { ...outcome, rejected: rejected.length },
      });
    });
    rejected.sort((a, b) => (a.list === b.list ? a.index - b.index : a.list < b.list ? -1 : 1));
    return { ...outcome, rejected };
  }
}
