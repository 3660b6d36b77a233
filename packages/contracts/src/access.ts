import { z } from 'zod';
import { mobileNumberSchema } from './auth.ts';

export const dataScopeSchema = z.enum(['all', 'unitAndBelow', 'unit', 'self', 'custom']);

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
  phoneMasked: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const userListQuerySchema = z.object({
  keyword: z.string().trim().max(50).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const createUserSchema = z.object({
  username: z.string().trim().min(3, '用户名至少 3 位').max(32, '用户名不超过 32 位'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 个字'),
  unitId: z.number().int().positive('请选择所属机构'),
  phone: mobileNumberSchema.optional(),
});

export const updateUserSchema = z.object({
  version: z.number().int(),
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 个字').optional(),
  unitId: z.number().int().positive().optional(),
  phone: mobileNumberSchema.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const roleViewSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  builtin: z.boolean(),
  duty: z.enum(['system', 'security', 'audit']).nullable(),
  dataScope: dataScopeSchema,
  permissions: z.array(z.string()),
  customUnitIds: z.array(z.number()),
  accountKind: z.enum(['staff', 'citizen']),
  userCount: z.number(),
  version: z.number(),
});
export type RoleView = z.infer<typeof roleViewSchema>;

const roleFields = {
  name: z.string().trim().min(1, '请填写角色名称').max(40, '角色名称不超过 40 个字'),
  description: z.string().trim().max(200, '说明不超过 200 个字').optional(),
  dataScope: dataScopeSchema,
  permissions: z.array(z.string()).max(500),
  customUnitIds: z.array(z.number().int().positive()).max(500).optional(),
};
export const createRoleSchema = z.object({ code: z.string().trim().min(2).max(40), ...roleFields });
export const updateRoleSchema = z.object({ version: z.number().int(), ...roleFields });

export const activeSessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
  ip: z.string(),
  userAgent: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});

export const securityPolicySchema = z.object({ totpRequiredForAdmins: z.boolean() });
