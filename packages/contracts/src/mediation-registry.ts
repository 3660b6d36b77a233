import { z } from 'zod';
import {
  committeeIndustries,
  committeeKinds,
  disputeKinds,
  mediatorEmployments,
  mediatorStatuses,
  studioStatuses,
} from './mediation.ts';

// 人民调解组织: committees (调委会, each an org unit of kind mediationCommittee), mediators (调解员) with their
// training (第十四条), and the named studios (人民调解工作室) the bureau plans and follows. Shared by the api
// (validation, OpenAPI) and the console (forms, labels).

// ---- field schemas ---------------------------------------------------------------------------------------

const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`)
    .refine(isRealDay, `${label}不是有效日期`);

const optionalDay = (label: string) => day(label).nullable().optional();

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullable()
    .optional();

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号不正确');
const unitRef = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`${label}不正确`)
    .positive(`${label}不正确`);
const queryUnit = (label: string) =>
  z.coerce
    .number({ error: `${label}应为数字编号` })
    .int(`${label}应为数字编号`)
    .positive(`${label}应为数字编号`);

/** 12-digit statistical code of a town (乡镇/街道), e.g. 450502001000. */
export const townCodeSchema = z
  .string({ error: '乡镇（街道）代码应为文字' })
  .trim()
  .regex(/^\d{12}$/, '乡镇（街道）代码应为 12 位数字');

const latitude = z
  .number({ error: '纬度应为数字' })
  .min(3, '纬度应在 3 至 54 之间（中国境内）')
  .max(54, '纬度应在 3 至 54 之间（中国境内）')
  .nullable()
  .optional();
const longitude = z
  .number({ error: '经度应为数字' })
  .min(73, '经度应在 73 至 136 之间（中国境内）')
  .max(136, '经度应在 73 至 136 之间（中国境内）')
  .nullable()
  .optional();

/** An office phone: digits with an optional area-code hyphen (0779-1234567), or a mobile. */
const officePhone = z
  .string({ error: '办公电话应为文字' })
  .trim()
  .regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/,
    '办公电话应为带区号的固定电话（如 0779-1234567）或手机号码',
  )
  .nullable()
  .optional();

// ---- committees (调委会) ----------------------------------------------------------------------------------

/** Every committee's name ends so: the organ abbreviation of its case numbers is made from it (…调). */
export const COMMITTEE_NAME_SUFFIX = '人民调解委员会';

const committeeName = text('调委会名称', 60).refine(
  (v) => v.endsWith(COMMITTEE_NAME_SUFFIX) && v.length > COMMITTEE_NAME_SUFFIX.length,
  `调委会名称应以“${COMMITTEE_NAME_SUFFIX}”结尾，如“北海市海城区中街街道人民调解委员会”`,
);

const committeeProfileFields = {
  name: committeeName,
  industry: z.enum(committeeIndustries, { error: '行业类别不正确' }).nullable().optional(),
  /** Defaults to the town of the parent justice office. */
  townCode: townCodeSchema.nullable().optional(),
  /** The villages or communities it serves. */
  servedAreas: z.array(text('服务的村（社区）', 30)).max(50, '服务的村（社区）最多 50 个').default([]),
  address: optionalText('地址', 200),
  latitude,
  longitude,
  phone: officePhone,
  establishedOn: optionalDay('成立日期'),
};

const coordinatesTogether = <T extends z.ZodType>(schema: T): T =>
  schema.superRefine((value, ctx) => {
    const v = value as { latitude?: number | null; longitude?: number | null };
    const hasLat = v.latitude !== undefined && v.latitude !== null;
    const hasLng = v.longitude !== undefined && v.longitude !== null;
    if (hasLat !== hasLng) {
      ctx.addIssue({
        code: 'custom',
        message: '经度和纬度应同时填写',
        input: v,
        path: [hasLat ? 'longitude' : 'latitude'],
      });
    }
  });

export const committeeInputSchema = coordinatesTogether(
  z.object({
    /** A justice office (village, community, township) or a county or city bureau (industry). */
    parentId: unitRef('上级单位'),
    kind: z.enum(committeeKinds, { error: '请选择调委会类型' }),
    ...committeeProfileFields,
  }),
);
export type CommitteeInput = z.input<typeof committeeInputSchema>;

/** The kind and the parent stay as created (moving a committee is the org tree's work). */
export const committeeUpdateSchema = coordinatesTogether(z.object({ ...committeeProfileFields, version }));
export type CommitteeUpdate = z.input<typeof committeeUpdateSchema>;

export const committeeListQuerySchema = z.object({
  kind: z.enum(committeeKinds, { error: '调委会类型不正确' }).optional(),
  industry: z.enum(committeeIndustries, { error: '行业类别不正确' }).optional(),
  /** A county bureau (or any unit): committees in its subtree. */
  countyId: queryUnit('县（区）').optional(),
  townCode: townCodeSchema.optional(),
  name: z.string().trim().max(30, '名称不能超过 30 个字').optional(),
});
export type CommitteeListQuery = z.infer<typeof committeeListQuerySchema>;

export const committeeViewSchema = z.object({
  /** The committee's org unit id (also its id here). */
  id: z.number(),
  parentId: z.number().nullable(),
  parentName: z.string(),
  /** The county bureau above it, when there is one. */
  countyName: z.string().nullable(),
  name: z.string(),
  kind: z.enum(committeeKinds),
  industry: z.enum(committeeIndustries).nullable(),
  townCode: z.string().nullable(),
  townName: z.string().nullable(),
  servedAreas: z.array(z.string()),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  establishedOn: z.string().nullable(),
  /** The org unit's status (在用 / 已停用). */
  status: z.enum(['active', 'disabled']),
  /** Active mediators. */
  mediatorCount: z.number(),
  /** Disputes it has that are 待受理 or 调解中. */
  openDisputes: z.number(),
  /** Disputes it settled this calendar year. */
  settledThisYear: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type CommitteeView = z.infer<typeof committeeViewSchema>;
export const committeeListSchema = z.object({ items: z.array(committeeViewSchema) });

/** A unit a committee can be created under (justice offices; county and city bureaus for industry ones). */
export const committeeParentSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['justiceOffice', 'countyBureau', 'cityBureau']),
  divisionCode: z.string().nullable(),
});
export type CommitteeParent = z.infer<typeof committeeParentSchema>;
export const committeeParentListSchema = z.object({ items: z.array(committeeParentSchema) });

// ---- mediators (调解员) -------------------------------------------------------------------------------------

const mediatorFields = {
  /** The committee (org unit) the mediator serves on. */
  unitId: unitRef('所在调委会'),
  name: text('姓名', 30),
  gender: z.enum(['male', 'female'], { error: '性别不正确' }).nullable().optional(),
  /** Stored encrypted; on update, leaving it out keeps the stored number, null clears it. */
  phone: z
    .string({ error: '联系电话应为文字' })
    .trim()
    .max(20, '联系电话不能超过 20 位')
    .nullable()
    .optional(),
  employment: z.enum(mediatorEmployments, { error: '请选择专职或兼职' }),
  specialties: z
    .array(z.enum(disputeKinds, { error: '擅长纠纷类型不正确' }))
    .max(disputeKinds.length)
    .default([]),
  /** 主任 / 副主任 / 委员 / 调解员. */
  position: optionalText('职务', 20),
  joinedOn: optionalDay('聘任日期'),
  /** A staff account (role 人民调解员 or 调委会工作人员): that account takes part in the disputes assigned. */
  staffUserId: z.uuid({ error: '关联账号不正确' }).nullable().optional(),
  status: z.enum(mediatorStatuses, { error: '状态不正确' }).default('active'),
  leftOn: optionalDay('离任日期'),
};

const mediatorChecks = <T extends z.ZodType>(schema: T): T =>
  schema.superRefine((value, ctx) => {
    const v = value as { status?: string; leftOn?: string | null; joinedOn?: string | null };
    if (v.status === 'left' && !v.leftOn) {
      ctx.addIssue({ code: 'custom', message: '已离任的调解员请填写离任日期', input: v, path: ['leftOn'] });
    }
    if (v.status !== 'left' && v.leftOn) {
      ctx.addIssue({ code: 'custom', message: '在任的调解员不能有离任日期', input: v, path: ['leftOn'] });
    }
    if (v.joinedOn && v.leftOn && v.leftOn < v.joinedOn) {
      ctx.addIssue({ code: 'custom', message: '离任日期不能早于聘任日期', input: v, path: ['leftOn'] });
    }
  });

export const mediatorInputSchema = mediatorChecks(z.object(mediatorFields));
export type MediatorInput = z.input<typeof mediatorInputSchema>;
export const mediatorUpdateSchema = mediatorChecks(z.object({ ...mediatorFields, version }));
export type MediatorUpdate = z.input<typeof mediatorUpdateSchema>;

const booleanQuery = z
  .enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

export const mediatorListQuerySchema = z.object({
  /** A committee, an office or a county: mediators of the committees in its subtree. */
  unitId: queryUnit('单位').optional(),
  name: z.string().trim().max(30, '姓名不能超过 30 个字').optional(),
  status: z.enum(mediatorStatuses, { error: '状态不正确' }).optional(),
  employment: z.enum(mediatorEmployments, { error: '专兼职不正确' }).optional(),
  /** Active mediators with no training within the window (12 months by default) before `asOf`. */
  needsTraining: booleanQuery.optional(),
  /** The day "needs training" is judged on; defaults to today. */
  asOf: day('判断日期').optional(),
  /** The year whose training hours the list shows; defaults to this year. */
  trainingYear: z.coerce
    .number({ error: '年度应为数字' })
    .int('年度应为整数')
    .min(2000, '年度不正确')
    .max(2100, '年度不正确')
    .optional(),
});
export type MediatorListQuery = z.infer<typeof mediatorListQuerySchema>;

export const mediatorViewSchema = z.object({
  id: z.uuid(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  /** 138****5678; the whole number only through reveal-phone (audited). */
  phoneMasked: z.string().nullable(),
  employment: z.enum(mediatorEmployments),
  specialties: z.array(z.enum(disputeKinds)),
  position: z.string().nullable(),
  joinedOn: z.string().nullable(),
  staffUserId: z.uuid().nullable(),
  staffUsername: z.string().nullable(),
  status: z.enum(mediatorStatuses),
  leftOn: z.string().nullable(),
  /** Training hours in `trainingYear`. */
  trainingYear: z.number(),
  trainingHours: z.number(),
  lastTrainedOn: z.string().nullable(),
  /** Active, and no training within the window before `asOf` (today by default). */
  needsTraining: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type MediatorView = z.infer<typeof mediatorViewSchema>;
export const mediatorListSchema = z.object({
  items: z.array(mediatorViewSchema),
  /** The months without training after which a mediator needs training. */
  trainingWindowMonths: z.number(),
});

export const mediatorPhoneRevealSchema = z.object({ phone: z.string().nullable() });

/** Accounts a mediator profile may link to: role 人民调解员 or 调委会工作人员, in the caller's scope. */
export const mediatorAccountListSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), unitId: z.number().nullable() }),
  ),
});

// ---- training (培训, 第十四条) -------------------------------------------------------------------------------

export const mediatorTrainingInputSchema = z.object({
  heldOn: day('培训日期'),
  topic: text('培训内容', 100),
  organiser: text('组织单位', 60),
  hours: z
    .number({ error: '请填写培训学时' })
    .positive('培训学时应大于 0')
    .max(200, '培训学时不能超过 200')
    .refine((v) => Math.round(v * 10) === v * 10, '培训学时最多保留一位小数'),
  certificateNo: optionalText('结业证书编号', 40),
});
export type MediatorTrainingInput = z.input<typeof mediatorTrainingInputSchema>;

export const mediatorTrainingViewSchema = z.object({
  id: z.uuid(),
  mediatorId: z.uuid(),
  heldOn: z.string(),
  topic: z.string(),
  organiser: z.string(),
  hours: z.number(),
  certificateNo: z.string().nullable(),
  createdAt: z.string(),
});
export type MediatorTrainingView = z.infer<typeof mediatorTrainingViewSchema>;
export const mediatorTrainingListSchema = z.object({
  items: z.array(mediatorTrainingViewSchema),
  /** Hours per calendar year, e.g. { "2023": 16 }. */
  hoursByYear: z.record(z.string(), z.number()),
});

// ---- studios (人民调解工作室) --------------------------------------------------------------------------------

const studioFields = {
  name: text('工作室名称', 60),
  /** The committee or office that hosts it. */
  unitId: unitRef('依托单位'),
  leadMediatorId: z.uuid({ error: '领衔调解员不正确' }).nullable().optional(),
  specialty: optionalText('擅长领域', 60),
  targetDate: optionalDay('计划建成日期'),
  note: optionalText('备注', 300),
};
export const studioInputSchema = z.object(studioFields);
export type StudioInput = z.input<typeof studioInputSchema>;
export const studioUpdateSchema = z.object({ ...studioFields, version });
export type StudioUpdate = z.input<typeof studioUpdateSchema>;

/** 标记建成: the day it opened. */
export const studioCreatedInputSchema = z.object({ version, createdOn: day('建成日期') });
export type StudioCreatedInput = z.input<typeof studioCreatedInputSchema>;

export const studioListQuerySchema = z.object({
  status: z.enum(studioStatuses, { error: '状态不正确' }).optional(),
  unitId: queryUnit('单位').optional(),
});
export type StudioListQuery = z.infer<typeof studioListQuerySchema>;

export const studioViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  leadMediatorId: z.uuid().nullable(),
  leadMediatorName: z.string().nullable(),
  specialty: z.string().nullable(),
  status: z.enum(studioStatuses),
  targetDate: z.string().nullable(),
  createdOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Still planned after its target date. */
  overdue: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type StudioView = z.infer<typeof studioViewSchema>;

/** The list with the progress the bureau follows ("已建成 3 / 计划 20"), over the studios in scope. */
export const studioListSchema = z.object({
  items: z.array(studioViewSchema),
  progress: z.object({ planned: z.number(), created: z.number() }),
});
