import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import {
  createOrgUnitSchema,
  orgTreeNodeSchema,
  orgUnitSchema,
  updateOrgUnitSchema,
} from '@zhucheng/contracts';
import type { OrgService } from './org.service.ts';

export interface OrgRoutesDeps {
  org: Pick<OrgService, 'listTree' | 'createUnit' | 'updateUnit'>;
}

const idParams = z.object({ id: z.coerce.number({ error: '机构编号应为数字' }).int().positive() });

/** The organisation tree: read within one's data scope, and managed (never deleted). */
export function orgRoutes(deps: OrgRoutesDeps): FastifyPluginAsyncZod {
  const { org } = deps;
  return async (app) => {
    app.get(
      '/api/org/units',
      {
        config: { permission: 'org:read' },
        schema: {
          tags: ['org'],
          summary: '机构树（仅含本人数据权限范围内的机构）',
          response: { 200: z.object({ tree: z.array(orgTreeNodeSchema) }) },
        },
      },
      async (request) => ({ tree: await org.listTree(request.ctx) }),
    );

    app.post(
      '/api/org/units',
      {
        config: { permission: 'org:manage' },
        schema: {
          tags: ['org'],
          summary: '新增机构',
          body: createOrgUnitSchema,
          response: { 201: orgUnitSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await org.createUnit(request.ctx, request.body)),
    );

    app.patch(
      '/api/org/units/:id',
      {
        config: { permission: 'org:manage' },
        schema: {
          tags: ['org'],
          summary: '修改机构：改名、调整上级、排序、停用或启用（须带读取时的版本号；机构不可删除）',
          params: idParams,
          body: updateOrgUnitSchema,
          response: { 200: orgUnitSchema },
        },
      },
      async (request) => org.updateUnit(request.ctx, request.params.id, request.body),
    );
  };
}
