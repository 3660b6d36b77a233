import {
  changePasswordSchema,
  citizenCodeRequestSchema,
  citizenLoginSchema,
  loginRequestSchema,
  sessionResponseSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../access/access-hook.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { type AuthService, describeSessionUser, type LoginResult } from './auth.service.ts';

export function authRoutes(deps: {
  auth: AuthService;
  db: Database;
  loginRatePerMinute: number;
}): FastifyPluginAsyncZod {
  const { auth, db } = deps;
  // Per client IP, on top of the per-account lockout: slows password spraying across many accounts.
  const loginRateLimit = { max: deps.loginRatePerMinute, timeWindow: '1 minute' };
  return async (app) => {
    const session = async (
      result: Pick<LoginResult, 'principal' | 'csrfToken' | 'mustChangePassword' | 'mustSetUpTotp'>,
    ) => ({
      user: await describeSessionUser(db, result.principal),
      csrfToken: result.csrfToken,
      mustChangePassword: result.mustChangePassword,
      mustSetUpTotp: result.mustSetUpTotp,
    });

    app.post(
      '/api/auth/login',
      {
        config: { permission: 'public', rateLimit: loginRateLimit },
        schema: {
          tags: ['auth'],
          summary: '工作人员登录（用户名、密码，启用双因素时加动态验证码）',
          body: loginRequestSchema,
          response: { 200: sessionResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await auth.login(request.ctx, request.body);
        setSessionCookie(reply, result.token, result.expiresAt, request.protocol === 'https');
        return session(result);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['auth'], summary: '当前登录账号', response: { 200: sessionResponseSchema } },
      },
      async (request) => {
        const found = await auth.lookup(request.cookies.zj_session);
        if (found.state !== 'valid') throw AppError.unauthenticated();
        return session(found);
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { permission: 'authenticated' }, schema: { tags: ['auth'], summary: '退出登录' } },
      async (request, reply) => {
        await auth.logout(request.ctx);
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['auth'], summary: '修改本人密码', body: changePasswordSchema },
      },
      async (request, reply) => {
        await auth.changePassword(request.ctx, request.body);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/totp/setup',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: '开始设置双因素认证：生成密钥（以二维码展示）',
          response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
        },
      },
      async (request) => auth.beginTotpSetup(request.ctx),
    );

    app.post(
      '/api/auth/totp/confirm',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: '输入动态验证码，启用双因素认证',
          body: z.object({ code: z.string().regex(/^\d{6}$/, '动态验证码为 6 位数字') }),
        },
      },
      async (request, reply) => {
        await auth.confirmTotpSetup(request.ctx, request.body.code);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/totp/disable',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: '停用双因素认证（需输入密码）',
          body: z.object({ password: z.string().min(1, '请输入密码').max(128) }),
        },
      },
      async (request, reply) => {
        await auth.disableTotp(request.ctx, request.body.password);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/citizen/code',
      {
        config: { permission: 'public', rateLimit: loginRateLimit },
        schema: {
          tags: ['auth'],
          summary: '群众登录：获取短信验证码',
          body: citizenCodeRequestSchema,
          response: { 200: z.object({ resendAfterSeconds: z.number() }) },
        },
      },
      async (request) => auth.requestCitizenCode(request.ctx, request.body.phone),
    );

    app.post(
      '/api/auth/citizen/login',
      {
        config: { permission: 'public', rateLimit: loginRateLimit },
        schema: {
          tags: ['auth'],
          summary: '群众登录：手机号 + 短信验证码',
          body: citizenLoginSchema,
          response: { 200: sessionResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await auth.citizenLogin(request.ctx, request.body);
        setSessionCookie(reply, result.token, result.expiresAt, request.protocol === 'https');
        return session(result);
      },
    );
  };
}
