import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import { orgUnitKinds, orgUnitStatuses } from '@zhucheng/contracts';
import { NAME_MAX, type OrgService } from './org.service.ts';

export interface OrgRoutesDeps {
  org: Pick<OrgService, 'listTree' | 'createUnit' | 'updateUnit'>;
}

const unitFields = {
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(orgUnitKinds),
  kindLabel: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  divisionCode: z.string().nullable(),
  depth: z.number().int(),
  sortOrder: z.number().int(),
  status: z.enum(orgUnitStatuses),
  version: z.number().int(),
};

export const orgUnitSchema = z.object(unitFields).meta({ id: 'OrgUnit', description: '机构' });

interface OrgTreeNodeShape extends z.infer<typeof orgUnitSchema> {
  children: OrgTreeNodeShape[];
}

export const orgTreeNodeSchema: z.ZodType<OrgTreeNodeShape> = z
  .object({
    ...unitFields,
    get children(): z.ZodArray<z.ZodType<OrgTreeNodeShape>> {
      return z.array(orgTreeNodeSchema);
    },
  })
  .meta({ id: 'OrgTreeNode', description: '机构树节点（children 为下级机构）' });

const nameSchema = z
  .string({ error: '请填写机构名称' })
  .trim()
  .min(1, '请填写机构名称')
  .max(NAME_MAX, `机构名称不能超过 ${NAME_MAX} 个字`);
const shortNameSchema = z.string().trim().max(NAME_MAX, `简称不能超过 ${NAME_MAX} 个字`).nullable();
const parentIdSchema = z.number({ error: '上级机构编号应为数字' }).int().positive().nullable();
const versionSchema = z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1);
const divisionCodeSchema = z
  .string()
  .regex(/^(\d{6}|\d{12})$/, '行政区划代码应为 6 位（区县）或 12 位（乡镇街道）数字')
  .nullable();

const createBody = z.object({
  parentId: parentIdSchema,
  kind: z.enum(orgUnitKinds, { error: '请选择机构类型' }),
  name: nameSchema,
  shortName: shortNameSchema.optional(),
  divisionCode: divisionCodeSchema.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

const updateBody = z
  .object({
    version: versionSchema,
    name: nameSchema.optional(),
    shortName: shortNameSchema.optional(),
    parentId: parentIdSchema.optional(),
    status: z.enum(orgUnitStatuses, { error: '状态只能是 active（在用）或 disabled（已停用）' }).optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .refine(
    (b) => [b.name, b.shortName, b.parentId, b.status, b.sortOrder].some((v) => v !== undefined),
    '请至少修改一项：名称、简称、上级机构、状态或排序',
  );

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
          body: createBody,
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
          body: updateBody,
          response: { 200: orgUnitSchema },
        },
      },
      async (request) => org.updateUnit(request.ctx, request.params.id, request.body),
    );
  };
}
