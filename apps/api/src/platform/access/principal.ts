import type { PermissionCode } from '@zhucheng/contracts';
import { AppError } from '../http/app-error.ts';

/** all / unit and below / own unit / self / custom units (数据权限范围). */
export type DataScopeKind = 'all' | 'unitAndBelow' | 'unit' | 'self' | 'custom';

/** 三员分立: the three duty roles; nobody holds two of them. */
export type Duty = 'system' | 'security' | 'audit';

/** The union of a caller's role scopes, with unit subtrees already expanded. */
export interface ResolvedScope {
  all: boolean;
  unitIds: ReadonlySet<number>;
  /** Records where the caller is a participant (assigned lawyer, mediator, applicant…). */
  self: boolean;
}

export interface Principal {
  kind: 'staff' | 'citizen';
  /** staff_user.id or citizen_account.id */
  id: string;
  /** Staff username, or the citizen's masked phone. */
  username: string;
  displayName: string;
  unitId: number | null;
  permissions: ReadonlySet<PermissionCode>;
  scope: ResolvedScope;
  duty: Duty | null;
  sessionId: string;
}

/** Who asks, from where: handed from the route to every service call, and written into the audit log. */
export interface RequestContext {
  principal: Principal | null;
  ip: string;
  requestId: string;
  userAgent?: string | undefined;
}

/** For work the platform does on its own (jobs, bootstrap, demo data): audited as the system. */
export function systemContext(reason: string): RequestContext {
  return { principal: null, ip: '127.0.0.1', requestId: `system:${reason}` };
}

/** The caller, who must be a signed-in staff member (the access hook has already checked the permission). */
export function requireStaff(ctx: RequestContext): Principal {
  if (ctx.principal?.kind === 'staff') return ctx.principal;
  if (ctx.principal) throw AppError.forbidden('该功能仅限工作人员使用');
  throw AppError.unauthenticated();
}
