import {
  type SweepCancelInput,
  type SweepDetail,
  type SweepHoldInput,
  type SweepList,
  type SweepListQuery,
  type SweepPlanInput,
  type SweepPlanUpdate,
  type SweepRecordInput,
  type SweepUnitOption,
  type SweepView,
  sweepCancelInputSchema,
  sweepHoldInputSchema,
  sweepListQuerySchema,
  sweepPlanInputSchema,
  sweepPlanUpdateSchema,
  sweepRecordInputSchema,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { mediationDispute as disputeCaseType } from './dispute.case-type.ts';
import {
  disputeCounts,
  findSweep,
  findSweepUnit,
  insertSweep,
  listSweeps,
  sweepDisputes,
  sweepUnitsInScope,
  unitNames,
  updateSweep,
} from './sweep.repo.ts';
import type { DisputeSweepRow } from './sweep.schema.ts';

export interface SweepServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

/** Validates in the service too (the demo and other parts call it directly), answering in Chinese. */
function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw AppError.badRequest(`提交的内容有误：${fields.map((f) => f.message).join('；')}`, fields);
}

function checkVersion(current: number, named: number): void {
  if (current !== named) throw AppError.conflict('该排查记录已被他人修改，请刷新后重试');
}

/** What the audit keeps of a sweep. */
function auditValues(row: DisputeSweepRow) {
  return {
    unitId: row.unitId,
    title: row.title,
    plannedOn: row.plannedOn,
    heldOn: row.heldOn,
    area: row.area,
    participants: row.participants,
    participantCount: row.participantCount,
    findings: row.findings,
    risksFound: row.risksFound,
    status: row.status,
  };
}

/**
 * 矛盾纠纷排查: a justice office or a committee plans a sweep, records it as held (with findings) or cancels
 * it. Every sweep belongs to its unit: outside the caller's scope it does not exist (404). Every change is
 * audited in its transaction; changes name the version they read (stale → 409).
 */
export class SweepService {
  readonly #d: SweepServiceDeps;

  constructor(deps: SweepServiceDeps) {
    this.#d = deps;
  }

  /** The units the caller may plan a sweep for. */
  async unitOptions(ctx: RequestContext): Promise<SweepUnitOption[]> {
    const p = requireStaff(ctx);
    return sweepUnitsInScope(this.#d.db, p);
  }

  async list(ctx: RequestContext, raw: SweepListQuery = {}): Promise<SweepList> {
    const p = requireStaff(ctx);
    const query = parse(sweepListQuerySchema, raw);
    if (query.from && query.to && query.from > query.to) {
      throw fieldError('from', '开始日期不能晚于结束日期');
    }
    const { db } = this.#d;
    const { rows, total } = await listSweeps(
      db,
      p,
      {
        unitIds: query.unitId !== undefined ? [query.unitId] : undefined,
        from: query.from,
        to: query.to,
        status: query.status,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: await this.#views(db, rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<SweepDetail> {
    const p = requireStaff(ctx);
    const { db } = this.#d;
    const row = await findSweep(db, p, id);
    if (!row) throw AppError.notFound('排查记录');
    const [view] = await this.#views(db, [row]);
    if (!view) throw new Error('no view');
    const disputes = (await sweepDisputes(db, p, id)).map((d) => ({
      ...d,
      statusLabel: disputeCaseType.states[d.status]?.label ?? d.status,
      createdAt: d.createdAt.toISOString(),
    }));
    return { ...view, disputes };
  }

  /** 计划排查. `tx`: the route's idempotency transaction; otherwise its own. */
  async plan(ctx: RequestContext, raw: SweepPlanInput, options: { tx?: Executor } = {}): Promise<SweepView> {
    const p = requireStaff(ctx);
    const input = parse(sweepPlanInputSchema, raw);
    const run = async (tx: Executor) => {
      await this.#checkUnit(tx, p, input.unitId);
      const now = this.#d.clock.now();
      const row = await insertSweep(tx, {
        unitId: input.unitId,
        title: input.title,
        plannedOn: input.plannedOn,
        area: input.area,
        participants: input.participants ?? '',
        status: 'planned',
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await this.#d.audit(tx, ctx, {
        action: 'mediation.sweep.plan',
        entityType: 'disputeSweep',
        entityId: row.id,
        after: auditValues(row),
      });
      return row;
    };
    const row = options.tx ? await run(options.tx) : await this.#d.db.transaction(run);
    return this.#view(options.tx ?? this.#d.db, row);
  }

  /** 登记已开展的排查: a sweep recorded after the fact, held at once (no plan first). */
  async record(
    ctx: RequestContext,
    raw: SweepRecordInput,
    options: { tx?: Executor } = {},
  ): Promise<SweepView> {
    const p = requireStaff(ctx);
    const input = parse(sweepRecordInputSchema, raw);
    if (input.heldOn > this.#d.clock.today()) throw fieldError('heldOn', '排查日期不能晚于今天');
    const run = async (tx: Executor) => {
      await this.#checkUnit(tx, p, input.unitId);
      const now = this.#d.clock.now();
      const row = await insertSweep(tx, {
        unitId: input.unitId,
        title: input.title,
        plannedOn: input.plannedOn,
        heldOn: input.heldOn,
        area: input.area,
        participants: input.participants ?? '',
        participantCount: input.participantCount,
        findings: input.findings,
        risksFound: input.risksFound,
        status: 'held',
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await this.#d.audit(tx, ctx, {
        action: 'mediation.sweep.record',
        entityType: 'disputeSweep',
        entityId: row.id,
        after: auditValues(row),
      });
      return row;
    };
    const row = options.tx ? await run(options.tx) : await this.#d.db.transaction(run);
    return this.#view(options.tx ?? this.#d.db, row);
  }

  /** 修改排查计划: only while planned. */
  async update(ctx: RequestContext, id: string, raw: SweepPlanUpdate): Promise<SweepView> {
    const p = requireStaff(ctx);
    const input = parse(sweepPlanUpdateSchema, raw);
    return this.#change(ctx, p, id, input.version, 'mediation.sweep.update', async (tx, before) => {
      if (before.status !== 'planned') throw AppError.conflict('只有计划中的排查可以修改计划');
      await this.#checkUnit(tx, p, input.unitId);
      return {
        unitId: input.unitId,
        title: input.title,
        plannedOn: input.plannedOn,
        area: input.area,
        participants: input.participants ?? '',
      };
    });
  }

  /** 登记排查情况: a planned sweep becomes held; on a held one it corrects the record. */
  async hold(ctx: RequestContext, id: string, raw: SweepHoldInput): Promise<SweepView> {
    const p = requireStaff(ctx);
    const input = parse(sweepHoldInputSchema, raw);
    if (input.heldOn > this.#d.clock.today()) throw fieldError('heldOn', '排查日期不能晚于今天');
    return this.#change(ctx, p, id, input.version, 'mediation.sweep.hold', async (_tx, before) => {
      if (before.status === 'cancelled') throw AppError.conflict('该排查已取消，不能登记排查情况');
      return {
        status: 'held' as const,
        heldOn: input.heldOn,
        participants: input.participants,
        participantCount: input.participantCount,
        findings: input.findings,
        risksFound: input.risksFound,
      };
    });
  }

  /** 取消排查: only while planned; the reason is kept as the sweep's findings. */
  async cancel(ctx: RequestContext, id: string, raw: SweepCancelInput): Promise<SweepView> {
    const p = requireStaff(ctx);
    const input = parse(sweepCancelInputSchema, raw);
    return this.#change(ctx, p, id, input.version, 'mediation.sweep.cancel', async (_tx, before) => {
      if (before.status !== 'planned') {
        throw AppError.conflict(before.status === 'held' ? '已开展的排查不能取消' : '该排查已取消');
      }
      return { status: 'cancelled' as const, findings: input.reason };
    });
  }

  async #change(
    ctx: RequestContext,
    p: Principal,
    id: string,
    version: number,
    action: string,
    values: (tx: Executor, before: DisputeSweepRow) => Promise<Partial<DisputeSweepRow>>,
  ): Promise<SweepView> {
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const before = await findSweep(tx, p, id, { forUpdate: true });
      if (!before) throw AppError.notFound('排查记录');
      checkVersion(before.version, version);
      const set = await values(tx, before);
      const after = await updateSweep(tx, id, { ...set, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action,
        entityType: 'disputeSweep',
        entityId: id,
        before: auditValues(before),
        after: auditValues(after),
      });
      return after;
    });
    return this.#view(db, row);
  }

  /** The unit named in a request: an active office or committee within the caller's scope. */
  async #checkUnit(executor: Executor, p: Principal, unitId: number): Promise<void> {
    if (!unitInScope(p.scope, unitId) || !(await findSweepUnit(executor, unitId))) {
      throw fieldError('unitId', '组织排查的单位应为您数据范围内的司法所或人民调解委员会');
    }
  }

  async #view(executor: Executor, row: DisputeSweepRow): Promise<SweepView> {
    const [view] = await this.#views(executor, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async #views(executor: Executor, rows: DisputeSweepRow[]): Promise<SweepView[]> {
    const names = await unitNames(
      executor,
      rows.map((r) => r.unitId),
    );
    const counts = await disputeCounts(
      executor,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: names.get(r.unitId) ?? '',
      title: r.title,
      plannedOn: r.plannedOn,
      heldOn: r.heldOn,
      area: r.area,
      participants: r.participants,
      participantCount: r.participantCount,
      findings: r.findings,
      risksFound: r.risksFound,
      status: r.status,
      disputeCount: counts.get(r.id) ?? 0,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}
