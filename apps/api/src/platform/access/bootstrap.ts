import { count, eq } from 'drizzle-orm';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { role, staffUser, staffUserRole } from './access.schema.ts';
import type { AuditWriter } from './ports.ts';
import { systemContext } from './principal.ts';
import { syncBuiltinRoles } from './roles.service.ts';

export interface BootstrapAccount {
  username: string;
  password: string;
  generated: boolean;
}

const accounts = [
  { username: 'admin', displayName: '系统管理员', roleCode: 'sysAdmin', env: 'ADMIN_PASSWORD' },
  { username: 'secadmin', displayName: '安全管理员', roleCode: 'secAdmin', env: 'SECADMIN_PASSWORD' },
  { username: 'auditor', displayName: '安全审计员', roleCode: 'auditor', env: 'AUDITOR_PASSWORD' },
] as const;

export class BootstrapError extends Error {
  override name = 'BootstrapError';
}

/**
 * On every start: the built-in roles as the code defines them. On an empty database: the three
 * administrator accounts of 三员分立, in the city bureau. A password from the environment is used as given
 * (it must meet the policy); a generated one is returned for printing once and must be changed at first
 * login.
 */
export async function bootstrapIdentity(deps: {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  homeUnitId: number;
  env: Record<string, string | undefined>;
}): Promise<BootstrapAccount[]> {
  const { db, clock, audit, homeUnitId, env } = deps;
  const now = clock.now();
  for (const a of accounts) {
    const given = env[a.env];
    const problem = given ? passwordProblem(given, a.username) : null;
    if (problem) throw new BootstrapError(`${a.env} 不符合密码策略：${problem}`);
  }
  return db.transaction(async (tx) => {
    await syncBuiltinRoles(tx, now);
    const [existing] = await tx.select({ n: count() }).from(staffUser);
    if ((existing?.n ?? 0) > 0) return [];
    const created: BootstrapAccount[] = [];
    for (const a of accounts) {
      const given = env[a.env];
      const password = given ?? generatePassword();
      const [user] = await tx
        .insert(staffUser)
        .values({
          username: a.username,
          displayName: a.displayName,
          unitId: homeUnitId,
          passwordHash: await hashPassword(password),
          mustChangePassword: !given,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const [r] = await tx.select({ id: role.id }).from(role).where(eq(role.code, a.roleCode));
      if (!user || !r) throw new BootstrapError(`无法创建初始账号 ${a.username}`);
      await tx.insert(staffUserRole).values({ userId: user.id, roleId: r.id });
      await audit(tx, systemContext('bootstrap'), {
        action: 'user.create',
        entityType: 'staffUser',
        entityId: user.id,
        after: { username: a.username, displayName: a.displayName, unitId: homeUnitId, roles: [a.roleCode] },
      });
      created.push({ username: a.username, password, generated: !given });
    }
    return created;
  });
}
