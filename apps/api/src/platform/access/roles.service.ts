import { allPermissionCodes, isPermissionCode } from '@zhucheng/contracts';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { role, staffUserRole } from './access.schema.ts';
import { builtinRoles } from './builtin-roles.ts';
import type { AuditWriter } from './ports.ts';
import { type DataScopeKind, type Principal, type RequestContext, requireStaff } from './principal.ts';

export interface RoleInput {
  code: string;
  name: string;
  description?: string | undefined;
  dataScope: DataScopeKind;
  permissions: string[];
  customUnitIds?: number[] | undefined;
}

export interface RoleView {
  id: number;
  code: string;
  name: string;
  description: string;
  builtin: boolean;
  duty: 'system' | 'security' | 'audit' | null;
  dataScope: DataScopeKind;
  permissions: string[];
  customUnitIds: number[];
  accountKind: 'staff' | 'citizen';
  userCount: number;
  version: number;
}

type RoleRow = typeof role.$inferSelect;

const rolePattern = /^[a-z][A-Za-z0-9]{1,39}$/;

/** Writes the built-in roles as the code defines them; run at every start. Custom roles are untouched. */
export async function syncBuiltinRoles(db: Executor, at: Date): Promise<void> {
  for (const def of builtinRoles) {
    const values = {
      name: def.name,
      description: def.description,
      builtin: true,
      duty: def.duty,
      dataScope: def.dataScope,
      permissions: def.permissions,
      customUnitIds: [],
      accountKind: def.accountKind,
      updatedAt: at,
    };
    await db
      .insert(role)
      .values({ code: def.code, ...values, createdAt: at })
      .onConflictDoUpdate({ target: role.code, set: values });
  }
}

export class RolesService {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #audit: AuditWriter;

  constructor(deps: { db: Database; clock: Clock; audit: AuditWriter }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
  }

  #view(r: RoleRow, userCount: number): RoleView {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      builtin: r.builtin,
      duty: r.duty,
      dataScope: r.dataScope,
      permissions: r.permissions,
      customUnitIds: r.customUnitIds,
      accountKind: r.accountKind,
      userCount,
      version: r.version,
    };
  }

  async list(ctx: RequestContext): Promise<RoleView[]> {
    requireStaff(ctx);
    const counts = await this.#db
      .select({ roleId: staffUserRole.roleId, n: count() })
      .from(staffUserRole)
      .groupBy(staffUserRole.roleId);
    const byRole = new Map(counts.map((c) => [c.roleId, c.n]));
    const rows = await this.#db.select().from(role).orderBy(asc(role.id));
    return rows.map((r) => this.#view(r, byRole.get(r.id) ?? 0));
  }

  /** The permission catalogue for the role editor. */
  permissionCatalogue(): string[] {
    return allPermissionCodes;
  }

  #check(p: Principal, input: RoleInput): void {
    const unknown = input.permissions.filter((c) => !isPermissionCode(c));
    if (unknown.length)
      throw AppError.badRequest(`未知的权限：${unknown.join('、')}`, [
        { path: 'permissions', message: '包含未知的权限' },
      ]);
    if (input.dataScope === 'all' && !p.scope.all)
      throw AppError.forbidden('不能创建比自己数据权限更大的角色（全部数据）');
    if (input.dataScope === 'custom') {
      const ids = input.customUnitIds ?? [];
      if (ids.length === 0)
        throw AppError.badRequest('请选择指定机构', [{ path: 'customUnitIds', message: '请选择指定机构' }]);
      if (!p.scope.all && ids.some((id) => !p.scope.unitIds.has(id)))
        throw AppError.forbidden('指定的机构超出了您的数据权限范围');
    }
    if (p.duty !== 'security' && input.permissions.some((c) => !p.permissions.has(c as never))) {
      throw AppError.forbidden('不能授予自己没有的权限');
    }
  }

  async create(ctx: RequestContext, input: RoleInput): Promise<RoleView> {
    const p = requireStaff(ctx);
    if (!rolePattern.test(input.code)) {
      const message = '角色编码为 2–40 位字母或数字，以小写字母开头';
      throw AppError.badRequest(message, [{ path: 'code', message }]);
    }
    this.#check(p, input);
    const now = this.#clock.now();
    const created = await this.#db.transaction(async (tx) => {
      const [clash] = await tx.select({ id: role.id }).from(role).where(eq(role.code, input.code));
      if (clash)
        throw new AppError('ROLE_CODE_TAKEN', 409, `角色编码 ${input.code} 已存在`, [
          { path: 'code', message: '编码已存在' },
        ]);
      const [row] = await tx
        .insert(role)
        .values({
          code: input.code,
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          dataScope: input.dataScope,
          permissions: [...new Set(input.permissions)].sort(),
          customUnitIds: input.dataScope === 'custom' ? (input.customUnitIds ?? []) : [],
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('role not created');
      await this.#audit(tx, ctx, {
        action: 'role.create',
        entityType: 'role',
        entityId: String(row.id),
        after: row,
      });
      return row;
    });
    return this.#view(created, 0);
  }

  async update(
    ctx: RequestContext,
    id: number,
    input: Omit<RoleInput, 'code'> & { version: number },
  ): Promise<RoleView> {
    const p = requireStaff(ctx);
    this.#check(p, { ...input, code: 'unchanged' });
    const updated = await this.#db.transaction(async (tx) => {
      const [before] = await tx.select().from(role).where(eq(role.id, id));
      if (!before) throw AppError.notFound('角色');
      if (before.builtin) throw AppError.conflict('内置角色不能修改；如需调整，请新建角色');
      const [after] = await tx
        .update(role)
        .set({
          name: input.name.trim(),
          description: input.description?.trim() ?? '',
          dataScope: input.dataScope,
          permissions: [...new Set(input.permissions)].sort(),
          customUnitIds: input.dataScope === 'custom' ? (input.customUnitIds ?? []) : [],
          updatedAt: this.#clock.now(),
          version: sql`${role.version} + 1`,
        })
        .where(and(eq(role.id, id), eq(role.version, input.version)))
        .returning();
      if (!after) throw AppError.conflict('该角色已被他人修改，请刷新后重试');
      await this.#audit(tx, ctx, {
        action: 'role.update',
        entityType: 'role',
        entityId: String(id),
        before,
        after,
      });
      return after;
    });
    const [n] = await this.#db.select({ n: count() }).from(staffUserRole).where(eq(staffUserRole.roleId, id));
    return this.#view(updated, n?.n ?? 0);
  }

  async remove(ctx: RequestContext, id: number): Promise<void> {
    requireStaff(ctx);
    await this.#db.transaction(async (tx) => {
      const [before] = await tx.select().from(role).where(eq(role.id, id));
      if (!before) throw AppError.notFound('角色');
      if (before.builtin) throw AppError.conflict('内置角色不能删除');
      const [used] = await tx.select({ n: count() }).from(staffUserRole).where(eq(staffUserRole.roleId, id));
      if ((used?.n ?? 0) > 0) throw AppError.conflict(`该角色仍有 ${used?.n} 个账号在用，请先取消分配`);
      await tx.delete(role).where(eq(role.id, id));
      await this.#audit(tx, ctx, { action: 'role.delete', entityType: 'role', entityId: String(id), before });
    });
  }
}
