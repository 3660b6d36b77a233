import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { staffUser } from '../access/access.schema.ts';
import type { AuditWriter, FieldCipher, SmsSender, SubtreeExpander } from '../access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../access/principal.ts';
import { loadCitizenPrincipal, loadStaffPrincipal, rolesOfUser } from '../access/principal-loader.ts';
import type { Clock } from '../clock/clock.ts';
import { maskPhone } from '../crypto/personal-data.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { findUnit } from '../org/org.repo.ts';
import { authSession, citizenAccount, otpChallenge } from './auth.schema.ts';
import { hashPassword, passwordProblem, unusablePasswordHash, verifyPassword } from './password.ts';
import { readSecurityPolicy } from './security-policy.ts';
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts';

export interface AuthPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** 5 failures → locked for 15 minutes (等保三级: 登录失败处理). */
  lockoutThreshold: number;
  lockoutMinutes: number;
  otpTtlMinutes: number;
  otpResendSeconds: number;
  otpMaxAttempts: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  idleMinutes: 30,
  absoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  otpTtlMinutes: 5,
  otpResendSeconds: 60,
  otpMaxAttempts: 5,
};

export interface AuthDeps {
  db: Database;
  clock: Clock;
  policy: AuthPolicy;
  cipher: FieldCipher;
  audit: AuditWriter;
  expandSubtrees: SubtreeExpander;
  sendSms: SmsSender;
  /** Asks for the outbox to be sent now, after the code's transaction committed. */
  afterSms: () => Promise<void>;
  platformName: string;
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface LoginResult extends IssuedSession {
  principal: Principal;
  mustChangePassword: boolean;
  mustSetUpTotp: boolean;
}

export type SessionLookup =
  | {
      state: 'valid';
      principal: Principal;
      csrfToken: string;
      mustChangePassword: boolean;
      /** The security policy asks administrators for two-factor sign-in and this one has not set it up. */
      mustSetUpTotp: boolean;
    }
  | { state: 'expired' }
  | { state: 'none' };

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 401, '用户名或密码错误');

export class AuthService {
  readonly #d: AuthDeps;

  constructor(deps: AuthDeps) {
    this.#d = deps;
  }

  async #issueSession(
    tx: Executor,
    ctx: RequestContext,
    kind: 'staff' | 'citizen',
    accountId: string,
  ): Promise<IssuedSession & { id: string }> {
    const now = this.#d.clock.now();
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.#d.policy.absoluteHours * 3_600_000);
    const id = sha256(token);
    await tx.insert(authSession).values({
      id,
      accountKind: kind,
      accountId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: ctx.ip,
      userAgent: (ctx.userAgent ?? '').slice(0, 300),
    });
    return { id, token, csrfToken, expiresAt };
  }

  async login(
    ctx: RequestContext,
    input: { username: string; password: string; totpCode?: string | undefined },
  ): Promise<LoginResult> {
    const { db, clock, policy, audit } = this.#d;
    const username = input.username.trim().toLowerCase();
    const now = clock.now();
    const [user] = await db.select().from(staffUser).where(eq(staffUser.username, username));
    if (!user) {
      await verifyPassword(input.password, unusablePasswordHash);
      await audit(db, ctx, {
        action: 'auth.loginFailed',
        outcome: 'failure',
        detail: { username, reason: 'unknownUser' },
      });
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      await audit(db, ctx, {
        action: 'auth.loginFailed',
        entityType: 'staffUser',
        entityId: user.id,
        outcome: 'failure',
        detail: { username, reason: 'locked' },
      });
      throw new AppError(
        'ACCOUNT_LOCKED',
        401,
        `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系系统管理员`,
      );
    }
    const passwordOk = await verifyPassword(input.password, user.passwordHash);
    if (passwordOk && user.totpEnabled && !input.totpCode) {
      throw new AppError('TOTP_REQUIRED', 401, '请输入手机验证器上的 6 位动态验证码');
    }
    const totpOk =
      !user.totpEnabled ||
      (user.totpSecretEnc !== null &&
        verifyTotp(this.#d.cipher.decrypt(user.totpSecretEnc), input.totpCode ?? '', now));
    if (!passwordOk || !totpOk) {
      const failures = user.failedLogins + 1;
      const lock = failures >= policy.lockoutThreshold;
      await db.transaction(async (tx) => {
        await tx
          .update(staffUser)
          .set(
            lock
              ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) }
              : { failedLogins: failures },
          )
          .where(eq(staffUser.id, user.id));
        await audit(tx, ctx, {
          action: 'auth.loginFailed',
          entityType: 'staffUser',
          entityId: user.id,
          outcome: 'failure',
          detail: { username, reason: passwordOk ? 'totp' : 'password', failures },
        });
        if (lock) {
          await audit(tx, ctx, {
            action: 'auth.locked',
            entityType: 'staffUser',
            entityId: user.id,
            detail: { minutes: policy.lockoutMinutes },
          });
        }
      });
      if (lock) {
        throw new AppError(
          'ACCOUNT_LOCKED',
          401,
          `连续 ${policy.lockoutThreshold} 次登录失败，账号已锁定 ${policy.lockoutMinutes} 分钟`,
        );
      }
      if (passwordOk) throw new AppError('TOTP_INVALID', 401, '动态验证码不正确，请查看验证器后重新输入');
      throw invalidCredentials();
    }
    if (user.status !== 'active') {
      await audit(db, ctx, {
        action: 'auth.loginFailed',
        entityType: 'staffUser',
        entityId: user.id,
        outcome: 'failure',
        detail: { username, reason: 'disabled' },
      });
      throw new AppError('ACCOUNT_DISABLED', 401, '账号已停用，请联系系统管理员');
    }
    return db.transaction(async (tx) => {
      await tx
        .update(staffUser)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(staffUser.id, user.id));
      const session = await this.#issueSession(tx, ctx, 'staff', user.id);
      const loaded = await loadStaffPrincipal(tx, this.#d.expandSubtrees, user.id, session.id);
      if (!loaded) throw invalidCredentials();
      const principal = loaded.principal;
      await audit(
        tx,
        { ...ctx, principal },
        {
          action: 'auth.login',
          entityType: 'staffUser',
          entityId: user.id,
          detail: { username },
        },
      );
      const mustSetUpTotp =
        principal.duty !== null && !user.totpEnabled && (await readSecurityPolicy(tx)).totpRequiredForAdmins;
      return { ...session, principal, mustChangePassword: user.mustChangePassword, mustSetUpTotp };
    });
  }

  /** Resolves the session cookie; idle or expired sessions end here and the caller must log in again. */
  async lookup(token: string | undefined): Promise<SessionLookup> {
    if (!token) return { state: 'none' };
    const { db, clock, policy } = this.#d;
    const now = clock.now();
    const [session] = await db
      .select()
      .from(authSession)
      .where(eq(authSession.id, sha256(token)));
    if (!session || session.revokedAt) return { state: session ? 'expired' : 'none' };
    const idleLimit = new Date(now.getTime() - policy.idleMinutes * 60_000);
    if (session.expiresAt <= now || session.lastSeenAt <= idleLimit) {
      await db
        .update(authSession)
        .set({ revokedAt: now, revokedReason: session.expiresAt <= now ? 'expired' : 'idle' })
        .where(eq(authSession.id, session.id));
      return { state: 'expired' };
    }
    // Write the last-seen time at most once a minute: every request would otherwise be a write.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await db.update(authSession).set({ lastSeenAt: now }).where(eq(authSession.id, session.id));
    }
    if (session.accountKind === 'staff') {
      const loaded = await loadStaffPrincipal(db, this.#d.expandSubtrees, session.accountId, session.id);
      if (!loaded) return { state: 'expired' };
      const mustSetUpTotp =
        loaded.principal.duty !== null &&
        !loaded.totpEnabled &&
        (await readSecurityPolicy(db)).totpRequiredForAdmins;
      return {
        state: 'valid',
        principal: loaded.principal,
        csrfToken: session.csrfToken,
        mustChangePassword: loaded.mustChangePassword,
        mustSetUpTotp,
      };
    }
    const [citizen] = await db.select().from(citizenAccount).where(eq(citizenAccount.id, session.accountId));
    if (citizen?.status !== 'active') return { state: 'expired' };
    const principal = await loadCitizenPrincipal(
      db,
      {
        id: citizen.id,
        maskedPhone: maskPhone(this.#d.cipher.decrypt(citizen.phoneEnc)),
        realName: citizen.realName,
      },
      session.id,
    );
    return {
      state: 'valid',
      principal,
      csrfToken: session.csrfToken,
      mustChangePassword: false,
      mustSetUpTotp: false,
    };
  }

  async logout(ctx: RequestContext): Promise<void> {
    const principal = ctx.principal;
    if (!principal) return;
    await this.#d.db.transaction(async (tx) => {
      await tx
        .update(authSession)
        .set({ revokedAt: this.#d.clock.now(), revokedReason: 'logout' })
        .where(eq(authSession.id, principal.sessionId));
      await this.#d.audit(tx, ctx, {
        action: 'auth.logout',
        entityType: `${principal.kind}Account`,
        entityId: principal.id,
      });
    });
  }

  async changePassword(
    ctx: RequestContext,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const principal = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, principal.id));
    if (!user) throw AppError.unauthenticated();
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new AppError('WRONG_PASSWORD', 400, '当前密码不正确', [
        { path: 'currentPassword', message: '当前密码不正确' },
      ]);
    }
    const problem = passwordProblem(input.newPassword, user.username);
    if (problem)
      throw new AppError('WEAK_PASSWORD', 400, problem, [{ path: 'newPassword', message: problem }]);
    if (await verifyPassword(input.newPassword, user.passwordHash)) {
      const message = '新密码不能与当前密码相同';
      throw new AppError('WEAK_PASSWORD', 400, message, [{ path: 'newPassword', message }]);
    }
    const now = clock.now();
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await tx
        .update(staffUser)
        .set({
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          updatedAt: now,
          version: sql`${staffUser.version} + 1`,
        })
        .where(eq(staffUser.id, user.id));
      // Other sessions of this account end: whoever knew the old password is out.
      await tx
        .update(authSession)
        .set({ revokedAt: now, revokedReason: 'passwordChanged' })
        .where(
          and(
            eq(authSession.accountKind, 'staff'),
            eq(authSession.accountId, user.id),
            isNull(authSession.revokedAt),
            sql`${authSession.id} <> ${principal.sessionId}`,
          ),
        );
      await audit(tx, ctx, { action: 'auth.passwordChanged', entityType: 'staffUser', entityId: user.id });
    });
  }

  /** First step of two-factor set-up: a new secret, shown once as a QR code. */
  async beginTotpSetup(ctx: RequestContext): Promise<{ secret: string; uri: string }> {
    const principal = requireStaff(ctx);
    const secret = generateTotpSecret();
    await this.#d.db
      .update(staffUser)
      .set({ totpSecretEnc: this.#d.cipher.encrypt(secret), totpEnabled: false })
      .where(eq(staffUser.id, principal.id));
    return { secret, uri: totpUri(secret, principal.username, this.#d.platformName) };
  }

  async confirmTotpSetup(ctx: RequestContext, code: string): Promise<void> {
    const principal = requireStaff(ctx);
    const { db, clock, cipher, audit } = this.#d;
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, principal.id));
    if (!user?.totpSecretEnc || !verifyTotp(cipher.decrypt(user.totpSecretEnc), code, clock.now())) {
      throw new AppError('TOTP_INVALID', 400, '动态验证码不正确，请确认手机时间准确后重新输入', [
        { path: 'code', message: '动态验证码不正确' },
      ]);
    }
    await db.transaction(async (tx) => {
      await tx.update(staffUser).set({ totpEnabled: true }).where(eq(staffUser.id, user.id));
      await audit(tx, ctx, { action: 'auth.totpEnabled', entityType: 'staffUser', entityId: user.id });
    });
  }

  async disableTotp(ctx: RequestContext, password: string): Promise<void> {
    const principal = requireStaff(ctx);
    const { db, audit } = this.#d;
    const [user] = await db.select().from(staffUser).where(eq(staffUser.id, principal.id));
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new AppError('WRONG_PASSWORD', 400, '密码不正确', [{ path: 'password', message: '密码不正确' }]);
    }
    await db.transaction(async (tx) => {
      await tx
        .update(staffUser)
        .set({ totpEnabled: false, totpSecretEnc: null })
        .where(eq(staffUser.id, user.id));
      await audit(tx, ctx, { action: 'auth.totpDisabled', entityType: 'staffUser', entityId: user.id });
    });
  }

  /** The phone a citizen account signs in with (for SMS notices), or null for an unknown account. */
  async citizenPhone(executor: Executor, citizenAccountId: string): Promise<string | null> {
    const [row] = await executor
      .select({ phoneEnc: citizenAccount.phoneEnc, status: citizenAccount.status })
      .from(citizenAccount)
      .where(eq(citizenAccount.id, citizenAccountId));
    return row && row.status === 'active' ? this.#d.cipher.decrypt(row.phoneEnc) : null;
  }

  /** Sends a citizen a 6-digit sign-in code by SMS, through the outbox. */
  async requestCitizenCode(ctx: RequestContext, phone: string): Promise<{ resendAfterSeconds: number }> {
    const { db, clock, policy, cipher, audit, sendSms } = this.#d;
    const now = clock.now();
    const phoneIndex = cipher.blindIndex(phone, 'phone');
    const [last] = await db
      .select({ createdAt: otpChallenge.createdAt })
      .from(otpChallenge)
      .where(eq(otpChallenge.phoneIndex, phoneIndex))
      .orderBy(desc(otpChallenge.createdAt))
      .limit(1);
    if (last) {
      const wait = policy.otpResendSeconds - Math.floor((now.getTime() - last.createdAt.getTime()) / 1000);
      if (wait > 0) throw AppError.tooManyRequests(`验证码已发送，请 ${wait} 秒后再重新获取`);
    }
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await db.transaction(async (tx) => {
      await tx.insert(otpChallenge).values({
        phoneIndex,
        codeHash: sha256(`${phoneIndex}:${code}`),
        createdAt: now,
        expiresAt: new Date(now.getTime() + policy.otpTtlMinutes * 60_000),
      });
      await sendSms(
        tx,
        phone,
        `您的验证码是 ${code}，${policy.otpTtlMinutes} 分钟内有效。请勿告诉他人，如非本人操作请忽略。`,
        'auth.otp',
      );
      await audit(tx, ctx, { action: 'auth.otpRequested', detail: { phone: maskPhone(phone) } });
    });
    await this.#d.afterSms();
    return { resendAfterSeconds: policy.otpResendSeconds };
  }

  async citizenLogin(ctx: RequestContext, input: { phone: string; code: string }): Promise<LoginResult> {
    const { db, clock, policy, cipher, audit } = this.#d;
    const now = clock.now();
    const phoneIndex = cipher.blindIndex(input.phone, 'phone');
    const [challenge] = await db
      .select()
      .from(otpChallenge)
      .where(
        and(
          eq(otpChallenge.phoneIndex, phoneIndex),
          isNull(otpChallenge.consumedAt),
          gt(otpChallenge.expiresAt, now),
        ),
      )
      .orderBy(desc(otpChallenge.createdAt))
      .limit(1);
    if (!challenge) throw new AppError('OTP_EXPIRED', 401, '验证码已过期或未获取，请重新获取验证码');
    if (challenge.attempts >= policy.otpMaxAttempts) {
      throw new AppError('OTP_LOCKED', 401, '验证码输错次数过多，请重新获取验证码');
    }
    const expected = Buffer.from(challenge.codeHash);
    const actual = Buffer.from(sha256(`${phoneIndex}:${input.code}`));
    if (!crypto.timingSafeEqual(expected, actual)) {
      await db.transaction(async (tx) => {
        await tx
          .update(otpChallenge)
          .set({ attempts: sql`${otpChallenge.attempts} + 1` })
          .where(eq(otpChallenge.id, challenge.id));
        await audit(tx, ctx, {
          action: 'auth.loginFailed',
          outcome: 'failure',
          detail: { phone: maskPhone(input.phone), reason: 'otp' },
        });
      });
      const left = policy.otpMaxAttempts - challenge.attempts - 1;
      throw new AppError(
        'OTP_INVALID',
        401,
        left > 0 ? `验证码不正确，还可尝试 ${left} 次` : '验证码输错次数过多，请重新获取验证码',
      );
    }
    return db.transaction(async (tx) => {
      await tx.update(otpChallenge).set({ consumedAt: now }).where(eq(otpChallenge.id, challenge.id));
      let [citizen] = await tx.select().from(citizenAccount).where(eq(citizenAccount.phoneIndex, phoneIndex));
      if (!citizen) {
        [citizen] = await tx
          .insert(citizenAccount)
          .values({ phoneEnc: cipher.encrypt(input.phone), phoneIndex, createdAt: now })
          .returning();
      }
      if (!citizen) throw new Error('citizen account not created');
      if (citizen.status !== 'active')
        throw new AppError('ACCOUNT_DISABLED', 401, '账号已停用，请拨打 12348 咨询');
      await tx.update(citizenAccount).set({ lastLoginAt: now }).where(eq(citizenAccount.id, citizen.id));
      const session = await this.#issueSession(tx, ctx, 'citizen', citizen.id);
      const principal = await loadCitizenPrincipal(
        tx,
        { id: citizen.id, maskedPhone: maskPhone(input.phone), realName: citizen.realName },
        session.id,
      );
      await audit(
        tx,
        { ...ctx, principal },
        { action: 'auth.login', entityType: 'citizenAccount', entityId: citizen.id },
      );
      return { ...session, principal, mustChangePassword: false, mustSetUpTotp: false };
    });
  }
}

/** The signed-in account as the console and portal show it. */
export async function describeSessionUser(db: Executor, principal: Principal) {
  if (principal.kind === 'citizen') {
    return {
      id: principal.id,
      kind: principal.kind,
      username: principal.username,
      displayName: principal.displayName,
      unitId: null,
      unitName: null,
      roles: [{ code: 'citizen', name: '群众' }],
      permissions: [...principal.permissions].sort(),
      totpEnabled: false,
    };
  }
  const roles = await rolesOfUser(db, principal.id);
  const [user] = await db
    .select({ totpEnabled: staffUser.totpEnabled })
    .from(staffUser)
    .where(eq(staffUser.id, principal.id));
  const unit = principal.unitId === null ? undefined : await findUnit(db, principal.unitId);
  return {
    id: principal.id,
    kind: principal.kind,
    username: principal.username,
    displayName: principal.displayName,
    unitId: principal.unitId,
    unitName: unit?.name ?? null,
    roles: roles.map((r) => ({ code: r.code, name: r.name })),
    permissions: [...principal.permissions].sort(),
    totpEnabled: user?.totpEnabled ?? false,
  };
}
