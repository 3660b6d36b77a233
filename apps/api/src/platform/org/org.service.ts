import {
  ORG_UNIT_NAME_MAX,
  type OrgUnitKind,
  type OrgUnitStatus,
  orgUnitKindLabels,
  orgUnitKinds,
  orgUnitStatuses,
  type PermissionCode,
} from '@zhucheng/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AuditWriter } from '../access/ports.ts';
import type { RequestContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import {
  countActiveChildren,
  findSiblingByName,
  findUnit,
  insertUnit,
  listUnits,
  lockTreeShape,
  moveSubtree,
  nextSortOrder,
} from './org.repo.ts';
import { buildForest, isWithin, statusChangeProblem, type TreeNode } from './org.rules.ts';
import { type OrgUnitRow, orgUnit } from './org.schema.ts';

export interface OrgServiceDeps {
  db: Database;
  clock: Clock;
  /** Writes the audit row in the caller's transaction. */
  audit: AuditWriter;
}

export interface OrgUnitView {
  id: number;
  parentId: number | null;
  kind: OrgUnitKind;
  kindLabel: string;
  name: string;
  shortName: string | null;
  divisionCode: string | null;
  depth: number;
  sortOrder: number;
  status: OrgUnitStatus;
  version: number;
}

export type OrgTreeNode = TreeNode<OrgUnitView>;

export interface CreateUnitInput {
  /** null: a new root, only for callers whose scope is the whole city. */
  parentId: number | null;
  kind: OrgUnitKind;
  name: string;
  shortName?: string | null | undefined;
  divisionCode?: string | null | undefined;
  sortOrder?: number | undefined;
}

/** Any of the changes at once, against the version the caller read; one version step, one audit row. */
export interface UpdateUnitInput {
  version: number;
  name?: string | undefined;
  shortName?: string | null | undefined;
  parentId?: number | null | undefined;
  status?: OrgUnitStatus | undefined;
  sortOrder?: number | undefined;
}

const staleVersion = () => AppError.conflict('该机构已被他人修改，请刷新后重试');
const duplicateName = () =>
  new AppError('CONFLICT', 409, '同一上级机构下已有同名机构，请换一个名称', [
    { path: 'name', message: '名称重复' },
  ]);

export function toView(row: OrgUnitRow): OrgUnitView {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    kindLabel: orgUnitKindLabels[row.kind] ?? row.kind,
    name: row.name,
    shortName: row.shortName,
    divisionCode: row.divisionCode,
    depth: row.depth,
    sortOrder: row.sortOrder,
    status: row.status,
    version: row.version,
  };
}

/** System work (principal null) sees everything; people see their resolved scope. */
function sees(ctx: RequestContext, unitId: number): boolean {
  const scope = ctx.principal?.scope;
  return !scope || scope.all || scope.unitIds.has(unitId);
}

function seesAll(ctx: RequestContext): boolean {
  const scope = ctx.principal?.scope;
  return !scope || scope.all;
}

function requirePermission(ctx: RequestContext, code: PermissionCode): void {
  if (ctx.principal && !ctx.principal.permissions.has(code)) throw AppError.forbidden();
}

function cleanName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (trimmed.length === 0)
    throw AppError.badRequest('请填写机构名称', [{ path: field, message: '不能为空' }]);
  if (trimmed.length > ORG_UNIT_NAME_MAX) {
    throw AppError.badRequest(`机构名称不能超过 ${ORG_UNIT_NAME_MAX} 个字`, [
      { path: field, message: `不能超过 ${ORG_UNIT_NAME_MAX} 个字` },
    ]);
  }
  return trimmed;
}

function cleanShortName(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return cleanName(value, 'shortName');
}

/** A unique violation that slipped past the check (two people naming two units alike at once). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export class OrgService {
  readonly #d: OrgServiceDeps;

  constructor(deps: OrgServiceDeps) {
    this.#d = deps;
  }

  /** The units in the caller's data scope as a forest; units above the scope are left out. */
  async listTree(ctx: RequestContext): Promise<OrgTreeNode[]> {
    requirePermission(ctx, 'org:read');
    const scope = ctx.principal?.scope;
    const rows = await listUnits(this.#d.db, !scope || scope.all ? 'all' : [...scope.unitIds]);
    return buildForest(rows.map(toView));
  }

  async getUnit(ctx: RequestContext, id: number): Promise<OrgUnitView> {
    requirePermission(ctx, 'org:read');
    const row = sees(ctx, id) ? await findUnit(this.#d.db, id) : undefined;
    if (!row) throw AppError.notFound('机构');
    return toView(row);
  }

  async createUnit(ctx: RequestContext, input: CreateUnitInput): Promise<OrgUnitView> {
    requirePermission(ctx, 'org:manage');
    if (!(orgUnitKinds as readonly string[]).includes(input.kind)) {
      throw AppError.badRequest('机构类型不正确', [{ path: 'kind', message: '不是可选的机构类型' }]);
    }
    const name = cleanName(input.name);
    const shortName = cleanShortName(input.shortName);
    return this.#write(async (tx) => {
      let parent: OrgUnitRow | null = null;
      if (input.parentId === null) {
        if (!seesAll(ctx)) throw AppError.forbidden('只有全市范围的管理员可以新增顶级机构');
      } else {
        parent =
          (sees(ctx, input.parentId) && (await findUnit(tx, input.parentId, { forUpdate: true }))) || null;
        if (!parent) throw AppError.notFound('上级机构');
        if (parent.status === 'disabled') throw AppError.conflict('上级机构已停用，不能在其下新增机构');
      }
      if (await findSiblingByName(tx, parent?.id ?? null, name)) throw duplicateName();
      const row = await insertUnit(
        tx,
        parent,
        {
          kind: input.kind,
          name,
          shortName,
          divisionCode: input.divisionCode?.trim() || null,
          sortOrder: input.sortOrder ?? (await nextSortOrder(tx, parent?.id ?? null)),
        },
        this.#d.clock.now(),
      );
      const view = toView(row);
      await this.#d.audit(tx, ctx, {
        action: 'org.unit.create',
        entityType: 'orgUnit',
        entityId: String(row.id),
        after: view,
      });
      return view;
    });
  }

  renameUnit(
    ctx: RequestContext,
    id: number,
    input: { name: string; shortName?: string | null; version: number },
  ): Promise<OrgUnitView> {
    return this.updateUnit(ctx, id, input);
  }

  moveUnit(
    ctx: RequestContext,
    id: number,
    input: { parentId: number | null; version: number },
  ): Promise<OrgUnitView> {
    return this.updateUnit(ctx, id, input);
  }

  setUnitStatus(
    ctx: RequestContext,
    id: number,
    input: { status: OrgUnitStatus; version: number },
  ): Promise<OrgUnitView> {
    return this.updateUnit(ctx, id, input);
  }

  /**
   * Rename, move, reorder, disable or enable. The unit and its new parent must be in the caller's scope
   * (otherwise 404); a stale version is a 409. There is no delete: records keep pointing at units.
   */
  async updateUnit(ctx: RequestContext, id: number, input: UpdateUnitInput): Promise<OrgUnitView> {
    requirePermission(ctx, 'org:manage');
    if (input.status !== undefined && !(orgUnitStatuses as readonly string[]).includes(input.status)) {
      throw AppError.badRequest('状态不正确', [{ path: 'status', message: '只能是在用或已停用' }]);
    }
    const name = input.name === undefined ? undefined : cleanName(input.name);
    const shortName = input.shortName === undefined ? undefined : cleanShortName(input.shortName);
    const moving = input.parentId !== undefined;
    return this.#write(async (tx) => {
      if (moving) await lockTreeShape(tx);
      const unit = sees(ctx, id) ? await findUnit(tx, id, { forUpdate: true }) : undefined;
      if (!unit) throw AppError.notFound('机构');
      if (unit.version !== input.version) throw staleVersion();

      const changes: Partial<typeof orgUnit.$inferInsert> = {};
      const actions: string[] = [];
      if (name !== undefined && name !== unit.name) {
        changes.name = name;
        actions.push('rename');
      }
      if (shortName !== undefined && shortName !== unit.shortName) {
        changes.shortName = shortName;
        if (!actions.includes('rename')) actions.push('rename');
      }
      if (input.sortOrder !== undefined && input.sortOrder !== unit.sortOrder) {
        changes.sortOrder = input.sortOrder;
        actions.push('reorder');
      }

      // The parent the unit will have once this change is done; locked, so enabling the unit and
      // disabling its parent cannot pass each other.
      let parent =
        unit.parentId === null ? null : ((await findUnit(tx, unit.parentId, { forUpdate: true })) ?? null);
      const parentChanges = moving && input.parentId !== unit.parentId;
      if (parentChanges) {
        const targetId = input.parentId ?? null;
        if (targetId === null) {
          if (!seesAll(ctx)) throw AppError.forbidden('只有全市范围的管理员可以设置顶级机构');
          parent = null;
        } else {
          const target = sees(ctx, targetId) ? await findUnit(tx, targetId, { forUpdate: true }) : undefined;
          if (!target) throw AppError.notFound('上级机构');
          if (isWithin(target.path, unit.path)) {
            throw AppError.conflict('不能把机构移到它自己或它的下级机构之下');
          }
          parent = target;
        }
        changes.parentId = targetId;
        actions.push('move');
      }

      const status = input.status ?? unit.status;
      if (status !== unit.status) {
        changes.status = status;
        actions.push(status === 'disabled' ? 'disable' : 'enable');
      }
      // An active unit never sits under a disabled one, and a disabled one has no active children.
      const problem =
        parentChanges && status === 'active' && parent?.status === 'disabled'
          ? '目标上级机构已停用，不能把在用的机构移到其下'
          : status !== unit.status
            ? statusChangeProblem({
                next: status,
                activeChildren: status === 'disabled' ? await countActiveChildren(tx, unit.id) : 0,
                parentStatus: parent?.status ?? null,
              })
            : undefined;
      if (problem) throw AppError.conflict(problem);

      if (actions.length === 0) return toView(unit);
      if (changes.name !== undefined || parentChanges) {
        if (await findSiblingByName(tx, parent?.id ?? null, changes.name ?? unit.name, unit.id)) {
          throw duplicateName();
        }
      }
      if (parentChanges) {
        const placed = await moveSubtree(tx, unit, parent);
        changes.path = placed.path;
        changes.depth = placed.depth;
      }
      const [row] = await tx
        .update(orgUnit)
        .set({ ...changes, version: sql`${orgUnit.version} + 1`, updatedAt: this.#d.clock.now() })
        .where(and(eq(orgUnit.id, unit.id), eq(orgUnit.version, input.version)))
        .returning();
      if (!row) throw staleVersion();
      const before = toView(unit);
      const after = toView(row);
      await this.#d.audit(tx, ctx, {
        action: actions.length === 1 ? `org.unit.${actions[0]}` : 'org.unit.update',
        entityType: 'orgUnit',
        entityId: String(unit.id),
        before,
        after,
      });
      return after;
    });
  }

  async #write<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await this.#d.db.transaction(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateName();
      throw err;
    }
  }
}
