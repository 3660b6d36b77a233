import { z } from 'zod';

// Kinds of organisation unit, in code and on screen: shared by the api and the web. The tree holds the
// justice system's own units and the outside bodies it supervises or works with (law firms, notaries, departments).

export const orgUnitKinds = [
  'cityBureau',
  'countyBureau',
  'justiceOffice',
  'legalAidCentre',
  'serviceCentre',
  'serviceStation',
  'mediationCommittee',
  'lawFirm',
  'notaryOffice',
  'arbitration',
  'department',
] as const;

export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitKindLabels: Record<OrgUnitKind, string> = {
  cityBureau: '市司法局',
  countyBureau: '县（区）司法局',
  justiceOffice: '司法所',
  legalAidCentre: '法律援助中心',
  serviceCentre: '公共法律服务中心',
  serviceStation: '公共法律服务站',
  mediationCommittee: '人民调解委员会',
  lawFirm: '律师事务所',
  notaryOffice: '公证处',
  arbitration: '仲裁委员会',
  department: '其他政府部门',
};

export const orgUnitStatuses = ['active', 'disabled'] as const;
export type OrgUnitStatus = (typeof orgUnitStatuses)[number];

export const orgUnitStatusLabels: Record<OrgUnitStatus, string> = {
  active: '在用',
  disabled: '已停用',
};

/** Longest unit name or short name, in characters. */
export const ORG_UNIT_NAME_MAX = 60;

// The unit as GET /api/org/units answers it (the tree holds only the caller's scope), and the bodies
// that create and change one.
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

export interface OrgTreeNode extends z.infer<typeof orgUnitSchema> {
  children: OrgTreeNode[];
}

export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = z
  .object({
    ...unitFields,
    get children(): z.ZodArray<z.ZodType<OrgTreeNode>> {
      return z.array(orgTreeNodeSchema);
    },
  })
  .meta({ id: 'OrgTreeNode', description: '机构树节点（children 为下级机构）' });

const nameSchema = z
  .string({ error: '请填写机构名称' })
  .trim()
  .min(1, '请填写机构名称')
  .max(ORG_UNIT_NAME_MAX, `机构名称不能超过 ${ORG_UNIT_NAME_MAX} 个字`);
const shortNameSchema = z
  .string()
  .trim()
  .max(ORG_UNIT_NAME_MAX, `简称不能超过 ${ORG_UNIT_NAME_MAX} 个字`)
  .nullable();
const parentIdSchema = z.number({ error: '上级机构编号应为数字' }).int().positive().nullable();
const versionSchema = z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1);
const divisionCodeSchema = z
  .string()
  .regex(/^(\d{6}|\d{12})$/, '行政区划代码应为 6 位（区县）或 12 位（乡镇街道）数字')
  .nullable();

export const createOrgUnitSchema = z.object({
  parentId: parentIdSchema,
  kind: z.enum(orgUnitKinds, { error: '请选择机构类型' }),
  name: nameSchema,
  shortName: shortNameSchema.optional(),
  divisionCode: divisionCodeSchema.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

export const updateOrgUnitSchema = z
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

export type OrgUnit = z.infer<typeof orgUnitSchema>;
export type CreateOrgUnitInput = z.input<typeof createOrgUnitSchema>;
export type UpdateOrgUnitInput = z.input<typeof updateOrgUnitSchema>;
