import crypto from 'node:crypto';
import {
  type FenceDetail,
  type FenceInput,
  type FenceUpdateInput,
  type FenceView,
  fenceInputSchema,
  fenceUpdateSchema,
} from '@zhucheng/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listUnits, unitAndAncestors } from '../../platform/org/org.repo.ts';
import { vesselsByIds } from '../corrections/index.ts';
import { type TrackingFenceRow, trackingFence, trackingFenceVersion } from './alerts.schema.ts';

// 电子围栏: drawn by the county bureau (tracking:manageFences) for its unit and below. Every save is a new
// numbered version, kept whole, so an alert names the fence version it broke. Officers see the fences of their
// scope and those of the units above them (a city-wide prohibited zone applies to every office's vessels).
// Fences are switched off, never deleted: alerts keep pointing at them.

export interface FencesDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  /** Called after every committed change (the evaluator reloads its index). */
  onChange?: () => void;
}

type FenceFields = z.output<typeof fenceInputSchema>;

const stale = () => AppError.conflict('该围栏已被他人修改，请刷新后重试');
const field = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);

export class FencesService {
  readonly #d: FencesDeps;

  constructor(deps: FencesDeps) {
    this.#d = deps;
  }

  async list(ctx: RequestContext): Promise<{ items: FenceView[] }> {
    const staff = requireStaff(ctx);
    const rows = await this.#d.db
      .select()
      .from(trackingFence)
      .where(await this.#visible(this.#d.db, staff))
      .orderBy(desc(trackingFence.active), asc(trackingFence.purpose), asc(trackingFence.name));
    return { items: await views(this.#d.db, rows) };
  }

  async detail(ctx: RequestContext, id: string): Promise<FenceDetail> {
    const staff = requireStaff(ctx);
    const row = await this.#find(this.#d.db, staff, id);
    const [view] = await views(this.#d.db, [row]);
    if (!view) throw AppError.notFound('围栏');
    const versions = await this.#d.db
      .select()
      .from(trackingFenceVersion)
      .where(eq(trackingFenceVersion.fenceId, id))
      .orderBy(desc(trackingFenceVersion.version));
    return {
      ...view,
      versions: versions.map((v) => ({
        version: v.version,
        createdAt: v.createdAt.toISOString(),
        createdBy: v.createdBy,
        fence: v.snapshot as FenceView,
      })),
    };
  }

  /** Inside the caller's transaction (the idempotent create); call `changed()` once it commits. */
  async create(tx: Transaction, ctx: RequestContext, raw: FenceInput): Promise<FenceView> {
    const staff = requireStaff(ctx);
    const input = fenceInputSchema.parse(raw);
    const unitId = input.unitId ?? staff.unitId;
    if (unitId === null || !unitInScope(staff.scope, unitId))
      throw field('unitId', '所属单位应在您的管辖范围内');
    await this.#checkVessels(tx, staff, input.vesselIds);
    const id = crypto.randomUUID();
    const now = this.#d.clock.now();
    await tx.insert(trackingFence).values({
      id,
      ...fields(input),
      unitId,
      version: 1,
      createdBy: staff.displayName,
      createdAt: now,
      updatedBy: staff.displayName,
      updatedAt: now,
    });
    const view = await this.#snapshot(tx, staff, id);
    await this.#d.audit(tx, ctx, {
      action: 'tracking.fence.create',
      entityType: 'trackingFence',
      entityId: id,
      after: view,
    });
    return view;
  }

  /** Tells the evaluator the fences changed (after a commit). */
  changed(): void {
    this.#d.onChange?.();
  }

  async update(ctx: RequestContext, id: string, raw: FenceUpdateInput): Promise<FenceDetail> {
    const staff = requireStaff(ctx);
    const input = fenceUpdateSchema.parse(raw);
    await this.#d.db.transaction(async (tx) => {
      const found = await this.#find(tx, staff, id, true);
      if (!unitInScope(staff.scope, found.unitId))
        throw AppError.forbidden('上级单位的围栏只能由上级单位修改');
      if (found.version !== input.version) throw stale();
      const unitId = input.unitId ?? found.unitId;
      if (!unitInScope(staff.scope, unitId)) throw field('unitId', '所属单位应在您的管辖范围内');
      await this.#checkVessels(tx, staff, input.vesselIds);
      const [before] = await views(tx, [found]);
      const updated = await tx
        .update(trackingFence)
        .set({
          ...fields(input),
          unitId,
          version: found.version + 1,
          updatedBy: staff.displayName,
          updatedAt: this.#d.clock.now(),
        })
        .where(and(eq(trackingFence.id, id), eq(trackingFence.version, input.version)))
        .returning({ id: trackingFence.id });
      if (updated.length === 0) throw stale();
      const after = await this.#snapshot(tx, staff, id);
      await this.#d.audit(tx, ctx, {
        action: 'tracking.fence.update',
        entityType: 'trackingFence',
        entityId: id,
        before,
        after,
      });
    });
    this.#d.onChange?.();
    return this.detail(ctx, id);
  }

  /** Writes the fence's current state as its version row (inside the saving transaction). */
  async #snapshot(tx: Executor, staff: Principal, id: string): Promise<FenceView> {
    const [row] = await tx.select().from(trackingFence).where(eq(trackingFence.id, id));
    if (!row) throw new Error('fence missing after save');
    const [view] = await views(tx, [row]);
    if (!view) throw new Error('fence view missing');
    await tx.insert(trackingFenceVersion).values({
      fenceId: id,
      version: row.version,
      snapshot: view,
      createdBy: staff.displayName,
      createdAt: row.updatedAt,
    });
    return view;
  }

  async #find(
    executor: Executor,
    staff: Principal,
    id: string,
    forUpdate = false,
  ): Promise<TrackingFenceRow> {
    const query = executor
      .select()
      .from(trackingFence)
      .where(and(eq(trackingFence.id, id), await this.#visible(executor, staff)));
    const [row] = forUpdate ? await query.for('update') : await query;
    if (!row) throw AppError.notFound('围栏');
    return row;
  }

  /** The caller's scope and the units above their own. */
  async #visible(executor: Executor, staff: Principal) {
    if (staff.scope.all) return undefined;
    const above = staff.unitId === null ? [] : await unitAndAncestors(executor, staff.unitId);
    const ids = [...new Set([...staff.scope.unitIds, ...above])];
    return inArray(trackingFence.unitId, ids.length > 0 ? ids : [-1]);
  }

  async #checkVessels(executor: Executor, staff: Principal, vesselIds: string[]): Promise<void> {
    if (vesselIds.length === 0) return;
    const found = await vesselsByIds(executor, vesselIds);
    const visible = new Set(found.filter((v) => unitInScope(staff.scope, v.unitId)).map((v) => v.vesselId));
    if (vesselIds.some((id) => !visible.has(id)))
      throw field('vesselIds', '所选船舶不存在或不在您的管辖范围内');
  }
}

function fields(input: FenceFields) {
  return {
    name: input.name,
    purpose: input.purpose,
    shape: input.shape,
    calendar: input.calendar,
    exemptGearTypes: input.exemptGearTypes,
    dwellMinutes: input.dwellMinutes,
    vesselIds: input.vesselIds,
    active: input.active,
    note: input.note,
  };
}

async function views(executor: Executor, rows: TrackingFenceRow[]): Promise<FenceView[]> {
  const units = new Map(
    (await listUnits(executor, [...new Set(rows.map((r) => r.unitId))])).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    shape: r.shape,
    calendar: r.calendar,
    exemptGearTypes: r.exemptGearTypes,
    dwellMinutes: r.dwellMinutes,
    vesselIds: r.vesselIds,
    unitId: r.unitId,
    unitName: units.get(r.unitId) ?? '',
    active: r.active,
    note: r.note,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  }));
}
