import crypto from 'node:crypto';
import {
  type InstallationEndInput,
  type InstallationInput,
  type InstallationView,
  type TerminalDetail,
  type TerminalInput,
  type TerminalListQuery,
  type TerminalUpdateInput,
  type TerminalView,
  terminalInputSchema,
  terminalListQuerySchema,
  terminalUpdateSchema,
} from '@zhucheng/contracts';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff, systemContext } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { type TrackingVessel, vesselsByIds } from '../corrections/index.ts';
import { type RegisterBody, RegisterResult } from './jt808.messages.ts';
import * as repo from './terminals.repo.ts';
import type { TrackingPositionRow } from './track.table.ts';
import { trackingInstallation, trackingTerminal } from './tracking.schema.ts';

// 卫星终端: staff register terminals (number, device id, model, vendor, SIM) and install them on vessels over
// time windows; the gateway asks here whether a terminal may register (0x0100 → an auth code) and authenticate
// (0x0102). A retired or unknown terminal is refused.

export interface TerminalsDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
}

const stale = () => AppError.conflict('该终端的信息已被他人修改，请刷新后重试');
const field = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);

export function positionView(p: TrackingPositionRow) {
  return {
    time: p.fixedAt.toISOString(),
    receivedAt: p.receivedAt.toISOString(),
    lat: p.lat,
    lon: p.lon,
    speedKmh: Math.round(p.speedKmh * 10) / 10,
    course: p.course,
    altitudeM: p.altitudeM,
    alarmBits: p.alarmBits,
    statusBits: p.statusBits,
    satellites: p.satellites,
    source: p.source,
  };
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export class TerminalsService {
  readonly #d: TerminalsDeps;

  constructor(deps: TerminalsDeps) {
    this.#d = deps;
  }

  // ---- staff ------------------------------------------------------------------------------------------------

  async list(ctx: RequestContext, raw: TerminalListQuery): Promise<{ items: TerminalView[]; total: number }> {
    const staff = requireStaff(ctx);
    const q = terminalListQuerySchema.parse(raw);
    const { rows, total } = await repo.listTerminals(this.#d.db, staff, q);
    return { items: await this.#views(this.#d.db, rows), total };
  }

  async detail(ctx: RequestContext, id: string, executor: Executor = this.#d.db): Promise<TerminalDetail> {
    const staff = requireStaff(ctx);
    const found = await repo.findTerminal(executor, staff, id);
    if (!found) throw AppError.notFound('终端');
    const [view] = await this.#views(executor, [found]);
    if (!view) throw AppError.notFound('终端');
    const rows = await repo.installationsOf(executor, { terminalIds: [id] });
    return { ...view, installations: await installationViews(executor, rows) };
  }

  async create(tx: Transaction, ctx: RequestContext, raw: TerminalInput): Promise<TerminalView> {
    const staff = requireStaff(ctx);
    const input = terminalInputSchema.parse(raw);
    const unitId = input.unitId ?? staff.unitId;
    if (unitId === null || !unitInScope(staff.scope, unitId)) {
      throw field('unitId', '所属单位应在您的管辖范围内');
    }
    if (await repo.terminalByNumber(tx, input.terminalNumber)) {
      throw field('terminalNumber', `终端号 ${input.terminalNumber} 已登记`);
    }
    const now = this.#d.clock.now();
    const id = crypto.randomUUID();
    await tx.insert(trackingTerminal).values({
      id,
      terminalNumber: input.terminalNumber,
      deviceId: input.deviceId,
      model: input.model,
      vendorId: input.vendorId ?? null,
      sim: input.sim,
      edition: input.edition,
      unitId,
      note: input.note,
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    });
    await this.#d.audit(tx, ctx, {
      action: 'tracking.terminal.create',
      entityType: 'trackingTerminal',
      entityId: id,
      after: { terminalNumber: input.terminalNumber, deviceId: input.deviceId, model: input.model, unitId },
    });
    const found = await repo.findTerminal(tx, null, id);
    if (!found) throw new Error('terminal missing after insert');
    const [view] = await this.#views(tx, [found]);
    if (!view) throw new Error('terminal view missing');
    return view;
  }

  async update(ctx: RequestContext, id: string, raw: TerminalUpdateInput): Promise<TerminalView> {
    const staff = requireStaff(ctx);
    const input: z.output<typeof terminalUpdateSchema> = terminalUpdateSchema.parse(raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findTerminal(tx, staff, id, { forUpdate: true });
      if (!found) throw AppError.notFound('终端');
      if (found.t.version !== input.version) throw stale();
      const { version, retired, ...fields } = input;
      const patch: Partial<typeof trackingTerminal.$inferInsert> = Object.fromEntries(
        Object.entries(fields).filter(([, v]) => v !== undefined),
      );
      const now = this.#d.clock.now();
      if (retired === true && !found.t.retiredAt) {
        patch.retiredAt = now;
        patch.authCodeHash = null;
      }
      if (retired === false) patch.retiredAt = null;
      const [updated] = await tx
        .update(trackingTerminal)
        .set({ ...patch, updatedAt: now, version: sql`${trackingTerminal.version} + 1` })
        .where(and(eq(trackingTerminal.id, id), eq(trackingTerminal.version, version)))
        .returning({ id: trackingTerminal.id });
      if (!updated) throw stale();
      await this.#d.audit(tx, ctx, {
        action: retired === true ? 'tracking.terminal.retire' : 'tracking.terminal.update',
        entityType: 'trackingTerminal',
        entityId: id,
        after: { ...fields, ...(retired !== undefined ? { retired } : {}) },
      });
      const again = await repo.findTerminal(tx, null, id);
      if (!again) throw new Error('terminal missing after update');
      const [view] = await this.#views(tx, [again]);
      if (!view) throw new Error('terminal view missing');
      return view;
    });
  }

  /** Installs the terminal on a vessel in the caller's scope; windows of one terminal or one vessel never overlap. */
  async install(ctx: RequestContext, id: string, input: InstallationInput): Promise<TerminalDetail> {
    const staff = requireStaff(ctx);
    const from = new Date(input.from);
    const to = input.to ? new Date(input.to) : null;
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findTerminal(tx, staff, id, { forUpdate: true });
      if (!found) throw AppError.notFound('终端');
      if (found.t.retiredAt) throw AppError.conflict('终端已停用，不能安装');
      const [vessel] = await vesselsByIds(tx, [input.vesselId]);
      if (!vessel || !unitInScope(staff.scope, vessel.unitId)) {
        throw field('vesselId', '船舶不存在或不在您的管辖范围内');
      }
      const i = trackingInstallation;
      const overlaps = (column: typeof i.terminalId | typeof i.vesselId, value: string) =>
        tx
          .select({ id: i.id })
          .from(i)
          .where(
            and(eq(column, value), or(isNull(i.toAt), gt(i.toAt, from)), to ? lt(i.fromAt, to) : undefined),
          )
          .limit(1);
      if ((await overlaps(i.terminalId, id)).length > 0) {
        throw field('from', '该终端在这段时间已安装在船上，请先登记拆除');
      }
      if ((await overlaps(i.vesselId, vessel.vesselId)).length > 0) {
        throw field('vesselId', `${vessel.name}在这段时间已安装了其他终端，请先登记拆除`);
      }
      const installationId = crypto.randomUUID();
      await tx.insert(i).values({
        id: installationId,
        terminalId: id,
        vesselId: vessel.vesselId,
        fromAt: from,
        toAt: to,
        note: input.note ?? null,
        createdBy: staff.id,
        createdAt: this.#d.clock.now(),
      });
      await this.#d.audit(tx, ctx, {
        action: 'tracking.terminal.install',
        entityType: 'trackingTerminal',
        entityId: id,
        after: { installationId, vesselId: vessel.vesselId, from: input.from, to: input.to ?? null },
      });
      return this.detail(ctx, id, tx);
    });
  }

  async endInstallation(
    ctx: RequestContext,
    id: string,
    installationId: string,
    input: InstallationEndInput,
  ): Promise<TerminalDetail> {
    const staff = requireStaff(ctx);
    const to = new Date(input.to);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findTerminal(tx, staff, id, { forUpdate: true });
      if (!found) throw AppError.notFound('终端');
      const i = trackingInstallation;
      const [row] = await tx
        .select()
        .from(i)
        .where(and(eq(i.id, installationId), eq(i.terminalId, id)));
      if (!row) throw AppError.notFound('安装记录');
      if (row.toAt) throw AppError.conflict('该安装记录已登记拆除');
      if (to <= row.fromAt) throw field('to', '拆除时间应晚于安装时间');
      await tx.update(i).set({ toAt: to }).where(eq(i.id, installationId));
      await this.#d.audit(tx, ctx, {
        action: 'tracking.terminal.uninstall',
        entityType: 'trackingTerminal',
        entityId: id,
        after: { installationId, to: input.to },
      });
      return this.detail(ctx, id, tx);
    });
  }

  // ---- the gateway ------------------------------------------------------------------------------------------

  /**
   * 0x0100: a terminal staff registered (number and device id match, not retired) gets a fresh auth code;
   * otherwise 0x8100 result 4 (no such terminal). A re-registration after a reset replaces the code.
   */
  async registerDevice(
    terminalNumber: string,
    body: RegisterBody,
  ): Promise<{ result: number; authCode?: string; terminalId?: string }> {
    return this.#d.db.transaction(async (tx) => {
      const row = await repo.terminalByNumber(tx, terminalNumber);
      const matches = row && !row.retiredAt && row.deviceId.toUpperCase() === body.deviceId.toUpperCase();
      if (!row || !matches) {
        await this.#d.audit(tx, systemContext('tracking.gateway'), {
          action: 'tracking.terminal.register',
          entityType: 'trackingTerminal',
          entityId: row?.id ?? terminalNumber,
          outcome: 'failure',
          detail: {
            terminalNumber,
            deviceId: body.deviceId,
            reason: row ? '终端ID不符或已停用' : '未登记的终端',
          },
        });
        return { result: RegisterResult.noTerminal };
      }
      const authCode = crypto.randomBytes(12).toString('base64url');
      const now = this.#d.clock.now();
      await tx
        .update(trackingTerminal)
        .set({ authCodeHash: sha256(authCode), registeredAt: now, edition: body.edition, updatedAt: now })
        .where(eq(trackingTerminal.id, row.id));
      await this.#d.audit(tx, systemContext('tracking.gateway'), {
        action: 'tracking.terminal.register',
        entityType: 'trackingTerminal',
        entityId: row.id,
        detail: { terminalNumber, edition: body.edition, model: body.model, maker: body.maker },
      });
      return { result: RegisterResult.ok, authCode, terminalId: row.id };
    });
  }

  /** 0x0102: the terminal's id when the code is the last one issued to it, else null. */
  async authenticateDevice(
    terminalNumber: string,
    auth: { authCode: string; imei: string | null; softwareVersion: string | null },
  ): Promise<string | null> {
    const row = await repo.terminalByNumber(this.#d.db, terminalNumber);
    if (!row || row.retiredAt || !row.authCodeHash) return null;
    const given = Buffer.from(sha256(auth.authCode), 'hex');
    const expected = Buffer.from(row.authCodeHash, 'hex');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
    await this.#d.db
      .update(trackingTerminal)
      .set({
        lastAuthenticatedAt: this.#d.clock.now(),
        ...(auth.imei ? { imei: auth.imei } : {}),
        ...(auth.softwareVersion ? { softwareVersion: auth.softwareVersion } : {}),
      })
      .where(eq(trackingTerminal.id, row.id));
    return row.id;
  }

  // ---- views ------------------------------------------------------------------------------------------------

  async #views(executor: Executor, rows: repo.TerminalRecord[]): Promise<TerminalView[]> {
    const ids = rows.map((r) => r.t.id);
    const now = this.#d.clock.now();
    const [last, installs] = await Promise.all([
      repo.lastPositions(executor, ids, now),
      repo.installationsOf(executor, { terminalIds: ids }),
    ]);
    const current = installs.filter((i) => i.fromAt <= now && (!i.toAt || i.toAt > now));
    const views = await installationViews(executor, current);
    const byTerminal = new Map(views.map((v) => [v.terminalId, v]));
    return rows.map(({ t, unitName, vendorName }) => {
      const position = last.get(t.id);
      return {
        id: t.id,
        terminalNumber: t.terminalNumber,
        deviceId: t.deviceId,
        model: t.model,
        vendor: t.vendorId && vendorName ? { id: t.vendorId, name: vendorName } : null,
        sim: t.sim,
        edition: t.edition,
        unit: { id: t.unitId, name: unitName },
        status: t.retiredAt ? 'retired' : t.registeredAt ? 'registered' : 'awaiting',
        note: t.note,
        registeredAt: t.registeredAt?.toISOString() ?? null,
        lastAuthenticatedAt: t.lastAuthenticatedAt?.toISOString() ?? null,
        lastPosition: position ? positionView(position) : null,
        installation: byTerminal.get(t.id) ?? null,
        version: t.version,
        createdAt: t.createdAt.toISOString(),
      };
    });
  }
}

export async function installationViews(
  executor: Executor,
  rows: {
    id: string;
    terminalId: string;
    vesselId: string;
    fromAt: Date;
    toAt: Date | null;
    note: string | null;
  }[],
): Promise<InstallationView[]> {
  const vessels = new Map<string, TrackingVessel>(
    (await vesselsByIds(executor, [...new Set(rows.map((r) => r.vesselId))])).map((v) => [v.vesselId, v]),
  );
  return rows.map((r) => {
    const v = vessels.get(r.vesselId);
    return {
      id: r.id,
      terminalId: r.terminalId,
      vessel: { id: r.vesselId, name: v?.name ?? '（船舶已删除）', registrationNo: v?.registrationNo ?? '' },
      from: r.fromAt.toISOString(),
      to: r.toAt?.toISOString() ?? null,
      note: r.note,
    };
  });
}
