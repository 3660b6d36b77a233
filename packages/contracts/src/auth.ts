import { z } from 'zod';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  totpCode: z
    .string()
    .regex(/^\d{6}$/, '动态验证码为 6 位数字')
    .optional(),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'citizen']),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
  mustSetUpTotp: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const mobileNumberSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

export const citizenCodeRequestSchema = z.object({ phone: mobileNumberSchema });
export const citizenLoginSchema = z.object({
  phone: mobileNumberSchema,
  code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字'),
});
