import { and, eq, inArray, sql } from 'drizzle-orm';
import { authSession } from '../auth/auth.schema.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import type { Clock } from '../clock/clock.ts';
import { maskPhone } from '../crypto/personal-data.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { findUnit } from '../org/org.repo.ts';
import { findUser, listUsers, roleCodesByUser, type UserFilters, userScope } from './access.repo.ts';
import { role, staffUser, staffUserRole } from './access.schema.ts';
import type { AuditWriter, FieldCipher, SubtreeExpander } from './ports.ts';
import { type Principal, type RequestContext, requireStaff } from './principal.ts';
import { rolesOfUser } from './principal-loader.ts';
import { resolveScope, scopeWithin, unitInScope } from './scope.ts';

export interface UsersDeps {
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditWriter;
  expandSubtrees: SubtreeExpander;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  unitId: number;
  phoneMasked: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  roles: { code: string; name: string }[];
  lastLoginAt: string | null;
  version: number;
}

type UserRow = typeof staffUser.$inferSelect;

const usernamePattern = /^[a-z][a-z0-9_.-]{2,31}$/;

/** What the audit log keeps of an account: never the password hash or the encrypted phone. */
function auditView(u: UserRow) {
  return { username: u.username, displayName: u.displayName, unitId: u.unitId, status: u.status };
}

export class UsersService {
  readonly #d: UsersDeps;

  constructor(deps: UsersDeps) {
    this.#d = deps;
  }

  #view(u: UserRow, roles: { code: string; name: string }[]): UserView {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      unitId: u.unitId,
      phoneMasked: u.phoneEnc ? maskPhone(this.#d.cipher.decrypt(u.phoneEnc)) : null,
      status: u.status,
      locked: !!u.lockedUntil && u.lockedUntil > this.#d.clock.now(),
      mustChangePassword: u.mustChangePassword,
      totpEnabled: u.totpEnabled,
      roles,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
    };
  }

  async #unitUsable(db: Executor, p: Principal, unitId: number): Promise<void> {
    const status = (await findUnit(db, unitId))?.status;
    if (!status || !unitInScope(p.scope, unitId)) throw AppError.notFound('所属机构');
    if (status !== 'active')
      throw AppError.badRequest('所属机构已停用，不能在其下建立账号', [
        { path: 'unitId', message: '机构已停用' },
      ]);
  }

  async #load(db: Executor, p: Principal, id: string): Promise<UserRow> {
    const u = await findUser(db, userScope(p.scope, p.id), id);
    if (!u) throw AppError.notFound('账号');
    return u;
  }

  /** 三员分立: an account holding another administrator duty is out of reach (no reset-and-impersonate). */
  async #loadForChange(db: Executor, p: Principal, id: string): Promise<UserRow> {
    const u = await this.#load(db, p, id);
    const duties = (await rolesOfUser(db, u.id)).map((r) => r.duty).filter((d) => d !== null);
    if (duties.some((d) => d !== p.duty)) {
      throw AppError.forbidden('该账号担任安全管理员或安全审计员等职责，不能由您修改');
    }
    return u;
  }

  async list(ctx: RequestContext, filters: UserFilters) {
    const p = requireStaff(ctx);
    const { total, rows } = await listUsers(this.#d.db, userScope(p.scope, p.id), filters);
    const roles = await roleCodesByUser(
      this.#d.db,
      rows.map((r) => r.id),
    );
    return { total, items: rows.map((r) => this.#view(r, roles.get(r.id) ?? [])) };
  }

  async get(ctx: RequestContext, id: string): Promise<UserView> {
    const p = requireStaff(ctx);
    const u = await this.#load(this.#d.db, p, id);
    return this.#view(u, (await roleCodesByUser(this.#d.db, [u.id])).get(u.id) ?? []);
  }

  /** Creates an account with a generated password the administrator hands over; it must be changed at first login. */
  async create(
    ctx: RequestContext,
    input: { username: string; displayName: string; unitId: number; phone?: string | undefined },
  ): Promise<{ user: UserView; initialPassword: string }> {
    const p = requireStaff(ctx);
    const { db, clock, cipher, audit } = this.#d;
    const username = input.username.trim().toLowerCase();
    if (!usernamePattern.test(username)) {
      const message = '用户名为 3–32 位小写字母、数字或 . _ -，以字母开头';
      throw AppError.badRequest(message, [{ path: 'username', message }]);
    }
    const initialPassword = generatePassword();
    const passwordHash = await hashPassword(initialPassword);
    const now = clock.now();
    const user = await db.transaction(async (tx) => {
      await this.#unitUsable(tx, p, input.unitId);
      const [clash] = await tx
        .select({ id: staffUser.id })
        .from(staffUser)
        .where(eq(staffUser.username, username));
      if (clash) {
        const message = `用户名 ${username} 已被使用，请换一个`;
        throw new AppError('USERNAME_TAKEN', 409, message, [{ path: 'username', message }]);
      }
      const [created] = await tx
        .insert(staffUser)
        .values({
          username,
          displayName: input.displayName.trim(),
          unitId: input.unitId,
          phoneEnc: input.phone ? cipher.encrypt(input.phone) : null,
          phoneIndex: input.phone ? cipher.blindIndex(input.phone, 'phone') : null,
          passwordHash,
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error('user not created');
      await audit(tx, ctx, {
        action: 'user.create',
        entityType: 'staffUser',
        entityId: created.id,
        after: auditView(created),
      });
      return created;
    });
    return { user: this.#view(user, []), initialPassword };
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: {
      version: number;
      displayName?: string | undefined;
      unitId?: number | undefined;
      phone?: string | null | undefined;
      status?: 'active' | 'disabled' | undefined;
    },
  ): Promise<UserView> {
    const p = requireStaff(ctx);
    const { db, clock, cipher, audit } = this.#d;
    const updated = await db.transaction(async (tx) => {
      const before = await this.#loadForChange(tx, p, id);
      if (input.status === 'disabled' && before.id === p.id) throw AppError.badRequest('不能停用自己的账号');
      if (input.unitId !== undefined && input.unitId !== before.unitId)
        await this.#unitUsable(tx, p, input.unitId);
      const phone =
        input.phone === undefined
          ? {}
          : input.phone === null
            ? { phoneEnc: null, phoneIndex: null }
            : { phoneEnc: cipher.encrypt(input.phone), phoneIndex: cipher.blindIndex(input.phone, 'phone') };
      const [after] = await tx
        .update(staffUser)
        .set({
          ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
          ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...phone,
          updatedAt: clock.now(),
          version: sql`${staffUser.version} + 1`,
        })
        .where(and(eq(staffUser.id, id), eq(staffUser.version, input.version)))
        .returning();
      if (!after) throw AppError.conflict('该账号已被他人修改，请刷新后重试');
      if (input.status === 'disabled') await revokeSessions(tx, id, clock.now(), 'disabled');
      await audit(tx, ctx, {
        action: input.status === 'disabled' ? 'user.disable' : 'user.update',
        entityType: 'staffUser',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
        ...(input.phone !== undefined ? { detail: { phoneChanged: true } } : {}),
      });
      return after;
    });
    return this.#view(updated, (await roleCodesByUser(db, [id])).get(id) ?? []);
  }

  /** A new generated password, shown once; the account is unlocked and must change it at next login. */
  async resetPassword(ctx: RequestContext, id: string): Promise<{ temporaryPassword: string }> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const temporaryPassword = generatePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await db.transaction(async (tx) => {
      const u = await this.#loadForChange(tx, p, id);
      const now = clock.now();
      await tx
        .update(staffUser)
        .set({
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: now,
          version: sql`${staffUser.version} + 1`,
        })
        .where(eq(staffUser.id, u.id));
      await revokeSessions(tx, u.id, now, 'passwordReset');
      await audit(tx, ctx, { action: 'user.resetPassword', entityType: 'staffUser', entityId: u.id });
    });
    return { temporaryPassword };
  }

  /** Shows a phone number in full: needs its own permission and is written to the audit log. */
  async revealPhone(ctx: RequestContext, id: string): Promise<{ phone: string | null }> {
    const p = requireStaff(ctx);
    const { db, cipher, audit } = this.#d;
    const u = await this.#load(db, p, id);
    const phone = u.phoneEnc ? cipher.decrypt(u.phoneEnc) : null;
    await audit(db, ctx, {
      action: 'personalData.reveal',
      entityType: 'staffUser',
      entityId: u.id,
      detail: { field: 'phone' },
    });
    return { phone };
  }

  /**
   * Sets a user's roles. Three rules: nobody changes their own roles; nobody holds two of the three
   * administrator duties; and nobody grants a data scope (or, unless they are the security
   * administrator, a permission) beyond their own.
   */
  async assignRoles(ctx: RequestContext, id: string, roleCodes: string[]): Promise<UserView> {
    const p = requireStaff(ctx);
    const { db, audit, expandSubtrees } = this.#d;
    if (id === p.id) throw AppError.forbidden('不能修改自己的角色，请由其他安全管理员操作');
    const codes = [...new Set(roleCodes)];
    const result = await db.transaction(async (tx) => {
      const u = await this.#load(tx, p, id);
      const roles = codes.length ? await tx.select().from(role).where(inArray(role.code, codes)) : [];
      const missing = codes.filter((c) => !roles.some((r) => r.code === c));
      if (missing.length)
        throw AppError.badRequest(`角色不存在：${missing.join('、')}`, [
          { path: 'roleCodes', message: '角色不存在' },
        ]);
      if (roles.some((r) => r.accountKind !== 'staff'))
        throw AppError.badRequest('该角色只用于群众账号，不能分配给工作人员');
      const duties = new Set(roles.map((r) => r.duty).filter(Boolean));
      if (duties.size > 1 || (duties.size === 1 && roles.length > 1)) {
        throw AppError.badRequest(
          '系统管理员、安全管理员、安全审计员三种角色必须由不同账号担任，且不能与其他角色兼任',
        );
      }
      if (p.duty !== 'security') {
        const extra = roles.flatMap((r) => r.permissions).filter((code) => !p.permissions.has(code as never));
        if (extra.length) throw AppError.forbidden('不能授予自己没有的权限');
      }
      const granted = await resolveScope(roles, u.unitId, (ids) => expandSubtrees(tx, ids));
      if (!scopeWithin(p.scope, granted)) throw AppError.forbidden('不能授予超出自己数据权限范围的角色');
      const before = (await rolesOfUser(tx, u.id)).map((r) => r.code);
      await tx.delete(staffUserRole).where(eq(staffUserRole.userId, u.id));
      if (roles.length)
        await tx.insert(staffUserRole).values(roles.map((r) => ({ userId: u.id, roleId: r.id })));
      await tx
        .update(staffUser)
        .set({ version: sql`${staffUser.version} + 1` })
        .where(eq(staffUser.id, u.id));
      await audit(tx, ctx, {
        action: 'role.assign',
        entityType: 'staffUser',
        entityId: u.id,
        before: { roles: before },
        after: { roles: codes },
      });
      return u.id;
    });
    return this.get(ctx, result);
  }
}

export async function revokeSessions(db: Executor, userId: string, at: Date, reason: string): Promise<void> {
  await db
    .update(authSession)
    .set({ revokedAt: at, revokedReason: reason })
    .where(
      and(
        eq(authSession.accountKind, 'staff'),
        eq(authSession.accountId, userId),
        sql`${authSession.revokedAt} is null`,
      ),
    );
}
