import {
  activeSessionSchema,
  createRoleSchema,
  createUserSchema,
  roleViewSchema,
  securityPolicySchema,
  updateRoleSchema,
  updateUserSchema,
  userListQuerySchema,
  userViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SessionsService } from '../auth/sessions.service.ts';
import type { RolesService } from './roles.service.ts';
import type { UsersService } from './users.service.ts';

const idParams = z.object({ id: z.uuid('账号编号格式不正确') });
const roleIdParams = z.object({ id: z.coerce.number().int().positive() });

export function accessRoutes(deps: {
  users: UsersService;
  roles: RolesService;
  sessions: SessionsService;
}): FastifyPluginAsyncZod {
  const { users, roles, sessions } = deps;
  return async (app) => {
    const tags = ['access'];

    app.get(
      '/api/access/users',
      {
        config: { permission: 'user:read' },
        schema: {
          tags,
          summary: '账号列表（按数据权限范围）',
          querystring: userListQuerySchema,
          response: { 200: z.object({ total: z.number(), items: z.array(userViewSchema) }) },
        },
      },
      async (request) => users.list(request.ctx, request.query),
    );

    app.get(
      '/api/access/users/:id',
      {
        config: { permission: 'user:read' },
        schema: { tags, params: idParams, response: { 200: userViewSchema } },
      },
      async (request) => users.get(request.ctx, request.params.id),
    );

    app.post(
      '/api/access/users',
      {
        config: { permission: 'user:create' },
        schema: {
          tags,
          summary: '新建账号（返回一次性初始密码）',
          body: createUserSchema,
          response: { 201: z.object({ user: userViewSchema, initialPassword: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await users.create(request.ctx, request.body)),
    );

    app.patch(
      '/api/access/users/:id',
      {
        config: { permission: 'user:update' },
        schema: {
          tags,
          summary: '修改账号、停用或启用',
          params: idParams,
          body: updateUserSchema,
          response: { 200: userViewSchema },
        },
      },
      async (request) => users.update(request.ctx, request.params.id, request.body),
    );

    app.post(
      '/api/access/users/:id/reset-password',
      {
        config: { permission: 'user:resetPassword' },
        schema: {
          tags,
          summary: '重置密码（解锁；返回一次性临时密码）',
          params: idParams,
          response: { 200: z.object({ temporaryPassword: z.string() }) },
        },
      },
      async (request) => users.resetPassword(request.ctx, request.params.id),
    );

    app.post(
      '/api/access/users/:id/reveal-phone',
      {
        config: { permission: 'user:revealPhone' },
        schema: {
          tags,
          summary: '查看完整手机号（记入审计日志）',
          params: idParams,
          response: { 200: z.object({ phone: z.string().nullable() }) },
        },
      },
      async (request) => users.revealPhone(request.ctx, request.params.id),
    );

    app.put(
      '/api/access/users/:id/roles',
      {
        config: { permission: 'role:assign' },
        schema: {
          tags,
          summary: '分配角色',
          params: idParams,
          body: z.object({ roleCodes: z.array(z.string()).max(20) }),
          response: { 200: userViewSchema },
        },
      },
      async (request) => users.assignRoles(request.ctx, request.params.id, request.body.roleCodes),
    );

    app.get(
      '/api/access/roles',
      {
        config: { permission: 'role:read' },
        schema: {
          tags,
          summary: '角色列表与权限目录',
          response: {
            200: z.object({ items: z.array(roleViewSchema), permissionCatalogue: z.array(z.string()) }),
          },
        },
      },
      async (request) => ({
        items: await roles.list(request.ctx),
        permissionCatalogue: roles.permissionCatalogue(),
      }),
    );

    app.post(
      '/api/access/roles',
      {
        config: { permission: 'role:manage' },
        schema: { tags, summary: '新建角色', body: createRoleSchema, response: { 201: roleViewSchema } },
      },
      async (request, reply) => reply.status(201).send(await roles.create(request.ctx, request.body)),
    );

    app.put(
      '/api/access/roles/:id',
      {
        config: { permission: 'role:manage' },
        schema: {
          tags,
          summary: '修改角色',
          params: roleIdParams,
          body: updateRoleSchema,
          response: { 200: roleViewSchema },
        },
      },
      async (request) => roles.update(request.ctx, request.params.id, request.body),
    );

    app.delete(
      '/api/access/roles/:id',
      {
        config: { permission: 'role:manage' },
        schema: { tags, summary: '删除未使用的自定义角色', params: roleIdParams },
      },
      async (request, reply) => {
        await roles.remove(request.ctx, request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/access/sessions',
      {
        config: { permission: 'session:read' },
        schema: {
          tags,
          summary: '在线会话',
          response: { 200: z.object({ items: z.array(activeSessionSchema) }) },
        },
      },
      async (request) => ({ items: await sessions.listActive(request.ctx) }),
    );

    app.delete(
      '/api/access/sessions/:id',
      {
        config: { permission: 'session:revoke' },
        schema: {
          tags,
          summary: '强制下线',
          params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, '会话编号格式不正确') }),
        },
      },
      async (request, reply) => {
        await sessions.revoke(request.ctx, request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/access/policy',
      {
        config: { permission: 'policy:manage' },
        schema: { tags, summary: '安全策略', response: { 200: securityPolicySchema } },
      },
      async () => sessions.getPolicy(),
    );

    app.put(
      '/api/access/policy',
      {
        config: { permission: 'policy:manage' },
        schema: {
          tags,
          summary: '修改安全策略',
          body: securityPolicySchema,
          response: { 200: securityPolicySchema },
        },
      },
      async (request) => sessions.setPolicy(request.ctx, request.body),
    );
  };
}
