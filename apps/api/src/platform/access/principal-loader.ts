import { isPermissionCode, type PermissionCode } from '@zhucheng/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { role, staffUser, staffUserRole } from './access.schema.ts';
import type { SubtreeExpander } from './ports.ts';
import type { Duty, Principal } from './principal.ts';
import { resolveScope } from './scope.ts';

export interface RoleRow {
  id: number;
  code: string;
  name: string;
  duty: Duty | null;
  dataScope: 'all' | 'unitAndBelow' | 'unit' | 'self' | 'custom';
  permissions: string[];
  customUnitIds: number[];
}

export async function rolesOfUser(db: Executor, userId: string): Promise<RoleRow[]> {
  return db
    .select({
      id: role.id,
      code: role.code,
      name: role.name,
      duty: role.duty,
      dataScope: role.dataScope,
      permissions: role.permissions,
      customUnitIds: role.customUnitIds,
    })
    .from(staffUserRole)
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(eq(staffUserRole.userId, userId))
    .orderBy(role.id);
}

function permissionSet(roles: readonly RoleRow[]): Set<PermissionCode> {
  const set = new Set<PermissionCode>();
  // A code a later release removed may linger in a custom role: it grants nothing.
  for (const r of roles) for (const code of r.permissions) if (isPermissionCode(code)) set.add(code);
  return set;
}

export interface StaffPrincipal {
  principal: Principal;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

export async function loadStaffPrincipal(
  db: Executor,
  expand: SubtreeExpander,
  userId: string,
  sessionId: string,
): Promise<StaffPrincipal | null> {
  const [user] = await db
    .select()
    .from(staffUser)
    .where(and(eq(staffUser.id, userId), eq(staffUser.status, 'active')));
  if (!user) return null;
  const roles = await rolesOfUser(db, userId);
  const scope = await resolveScope(roles, user.unitId, (ids) => expand(db, ids));
  const principal: Principal = {
    kind: 'staff',
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    permissions: permissionSet(roles),
    scope,
    duty: roles.find((r) => r.duty)?.duty ?? null,
    sessionId,
  };
  return { principal, mustChangePassword: user.mustChangePassword, totpEnabled: user.totpEnabled };
}

export async function loadCitizenPrincipal(
  db: Executor,
  citizen: { id: string; maskedPhone: string; realName: string | null },
  sessionId: string,
): Promise<Principal> {
  const roles = await db
    .select({ permissions: role.permissions })
    .from(role)
    .where(and(eq(role.accountKind, 'citizen'), inArray(role.code, ['citizen'])));
  const permissions = new Set<PermissionCode>();
  for (const r of roles) for (const code of r.permissions) if (isPermissionCode(code)) permissions.add(code);
  return {
    kind: 'citizen',
    id: citizen.id,
    username: citizen.maskedPhone,
    displayName: citizen.realName ?? citizen.maskedPhone,
    unitId: null,
    permissions,
    scope: { all: false, unitIds: new Set(), self: true },
    duty: null,
    sessionId,
  };
}
