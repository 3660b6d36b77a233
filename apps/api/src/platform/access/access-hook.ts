import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import { AppError } from '../http/app-error.ts';
import '../http/request-context.ts';
import type {} from '@fastify/cookie';

export const SESSION_COOKIE = 'zj_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Runs before every API route: resolves the session cookie into the caller, then enforces the route's
 * declared permission. Anonymous → 401, lacking the permission → 403; data scope is the services'
 * business (out of scope → 404). Cookie-authenticated writes must echo the session's CSRF token.
 */
export function registerAccessHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('ctx');
  app.addHook('onRequest', async (request, reply) => {
    const ua = request.headers['user-agent'];
    request.ctx = { principal: null, ip: request.ip, requestId: request.id, userAgent: ua };
    if (!request.url.startsWith('/api/')) return;
    const permission = request.routeOptions.config?.permission;
    const token = request.cookies[SESSION_COOKIE];
    const session = await auth.lookup(token);
    if (session.state === 'valid') request.ctx = { ...request.ctx, principal: session.principal };
    if (!permission || permission === 'public') return;
    if (session.state !== 'valid') {
      if (session.state === 'expired') {
        clearSessionCookie(reply);
        throw new AppError('SESSION_EXPIRED', 401, '登录已超时或已在别处退出，请重新登录');
      }
      throw AppError.unauthenticated();
    }
    if (!safeMethods.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new AppError('CSRF_REJECTED', 403, '页面已过期，请刷新页面后重试');
      }
    }
    if (permission === 'authenticated') return;
    if (session.mustChangePassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, '请先修改初始密码，再使用其他功能');
    }
    if (session.mustSetUpTotp) {
      throw new AppError(
        'TOTP_SETUP_REQUIRED',
        403,
        '安全策略要求管理员启用双因素认证，请先在“个人中心”完成设置',
      );
    }
    if (!session.principal.permissions.has(permission)) throw AppError.forbidden();
  });
}
