import { z } from 'zod';
import {
  classificationFactors,
  genderOptions,
  lostContactOutcomes,
  lostContactStatuses,
  lostContactTriggers,
  searchMethods,
  sentenceKinds,
  superviseeFlags,
  supervisionLevels,
  teamMemberRoles,
} from './corrections.ts';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';
import { personInputSchema } from './persons.ts';

/** The supervisee's own mobile phone: the portal identity (they sign in to 我的矫正 with it). */
const superviseePhone = z
  .string({ error: '请填写社区矫正对象本人的手机号码' })
  .trim()
  .min(1, '请填写社区矫正对象本人的手机号码')
  .regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位数字，以 1 开头');

// 社区矫正对象台账 and 入矫 (社区矫正法第二十一条、第二十四条、第二十五条、第三十条): registering a supervisee from
// the court's notice (the 10-day report-in clock), the report-in, the supervision team, classification,
// the individual plan, the announcement, and the lost-contact search with its steps.

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();

/** 入矫登记: from the court's (or prison's) notice of execution. */
export const superviseeRegisterSchema = z
  .object({
    person: personInputSchema,
    supervisingOfficeId: z.number({ error: '请选择执行地司法所' }).int('请选择执行地司法所'),
    sentenceKind: z.enum(sentenceKinds, { error: '请选择社区矫正类别' }),
    offence: correctionsText('罪名', 100),
    courtName: correctionsText('判决（决定）机关', 100),
    judgmentNo: correctionsText('判决书（裁定书、决定书）文号', 80),
    judgmentEffectiveOn: correctionsDay('判决（裁定、决定）生效日期'),
    noticeNo: correctionsOptionalText('执行通知书文号', 80),
    noticeReceivedOn: correctionsDay('收到执行通知书日期').nullable().optional(),
    periodStart: correctionsDay('矫正期起始日'),
    periodEnd: correctionsDay('矫正期届满日'),
    prohibitionOrders: z
      .array(correctionsText('禁止令内容', 200), { error: '禁止令应为列表' })
      .max(10, '禁止令最多 10 项')
      .default([]),
    flags: z
      .array(z.enum(superviseeFlags, { error: '标记不正确' }), { error: '标记应为列表' })
      .max(superviseeFlags.length)
      .default([]),
    photoFileId: z.uuid('照片编号不正确').nullable().optional(),
    /** 本人手机号码: encrypted at rest; the supervisee signs in to the portal with it. */
    phone: superviseePhone,
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd <= v.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: '矫正期届满日应晚于起始日' });
    }
  });
export type SuperviseeRegisterInput = z.input<typeof superviseeRegisterSchema>;

/** Register fields an officer corrects later (the person's identity changes through 当事人). */
export const superviseeUpdateSchema = z.object({
  version,
  offence: correctionsText('罪名', 100).optional(),
  courtName: correctionsText('判决（决定）机关', 100).optional(),
  judgmentNo: correctionsText('判决书（裁定书、决定书）文号', 80).optional(),
  periodStart: correctionsDay('矫正期起始日').optional(),
  periodEnd: correctionsDay('矫正期届满日').optional(),
  prohibitionOrders: z.array(correctionsText('禁止令内容', 200)).max(10, '禁止令最多 10 项').optional(),
  flags: z
    .array(z.enum(superviseeFlags, { error: '标记不正确' }))
    .max(superviseeFlags.length)
    .optional(),
  photoFileId: z.uuid('照片编号不正确').nullable().optional(),
  phone: superviseePhone.optional(),
});
export type SuperviseeUpdateInput = z.input<typeof superviseeUpdateSchema>;

export const superviseeListQuerySchema = z.object({
  status: z.string().max(40).optional(),
  sentenceKind: z.enum(sentenceKinds, { error: '社区矫正类别不正确' }).optional(),
  supervisionLevel: z.enum(supervisionLevels, { error: '管理等级不正确' }).optional(),
  flag: z.enum(superviseeFlags, { error: '标记不正确' }).optional(),
  name: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SuperviseeListQuery = z.input<typeof superviseeListQuerySchema>;

/** 报到 (第二十一条). */
export const reportInSchema = z.object({
  version,
  reportedOn: correctionsDay('报到日期'),
  note: correctionsOptionalText('报到情况', 1000),
});

/** 矫正小组 (第二十五条): saved whole; a woman supervisee's team includes a woman. */
export const teamMemberSchema = z.object({
  name: correctionsText('组员姓名', 30),
  role: z.enum(teamMemberRoles, { error: '请选择组员身份' }),
  gender: z.enum(genderOptions, { error: '请选择组员性别' }),
  /** 工作单位或与社区矫正对象的关系. */
  affiliation: correctionsOptionalText('单位或关系', 60),
  /** A staff account (the office's officer), when the member has one. */
  staffUserId: z.string().max(60).nullable().optional(),
  leader: z.boolean().default(false),
});
export const teamSchema = z.object({
  version,
  members: z
    .array(teamMemberSchema, { error: '请填写矫正小组成员' })
    .min(2, '矫正小组至少应有 2 名成员')
    .max(12, '矫正小组最多 12 名成员'),
});
export type TeamInput = z.input<typeof teamSchema>;

/** 分类管理 (第二十四条). */
export const classifySchema = z.object({
  version,
  level: z.enum(supervisionLevels, { error: '请选择管理等级' }),
  factors: z
    .array(z.enum(classificationFactors, { error: '考虑因素不正确' }))
    .min(1, '请至少选择一项考虑因素'),
  reasons: correctionsText('分类理由', 2000),
  decidedOn: correctionsDay('分类日期'),
});
export type ClassifyInput = z.input<typeof classifySchema>;

/** 矫正方案 (第二十四条): content and the monthly hours the supervisee is to do. */
export const planSchema = z.object({
  version,
  content: correctionsText('矫正方案内容', 8000),
  educationHoursMonthly: z
    .number({ error: '每月教育学习时长应为数字' })
    .int('每月教育学习时长应为整数')
    .min(0, '每月教育学习时长不能为负数')
    .max(200, '每月教育学习时长过大'),
  publicServiceHoursMonthly: z
    .number({ error: '每月公益活动时长应为数字' })
    .int('每月公益活动时长应为整数')
    .min(0, '每月公益活动时长不能为负数')
    .max(200, '每月公益活动时长过大'),
  setOn: correctionsDay('制定日期'),
});
export type PlanInput = z.input<typeof planSchema>;

/** 宣告 (入矫宣告). */
export const announcementSchema = z.object({
  version,
  announcedOn: correctionsDay('宣告日期'),
  place: correctionsText('宣告地点', 100),
  host: correctionsText('宣告人', 30),
  attendees: z
    .array(
      z.object({
        name: correctionsText('参加人员姓名', 30),
        role: correctionsText('参加人员身份', 40),
      }),
      { error: '请填写参加人员' },
    )
    .min(1, '请至少填写一名参加人员')
    .max(30, '参加人员最多 30 名'),
  note: correctionsOptionalText('宣告内容及情况', 2000),
});
export type AnnouncementInput = z.input<typeof announcementSchema>;

/** 失联查找 (第三十条). */
export const lostContactOpenSchema = z.object({
  note: correctionsOptionalText('失联情况', 1000),
});
export const lostContactStepSchema = z.object({
  method: z.enum(searchMethods, { error: '请选择查找方式' }),
  action: correctionsText('查找经过', 2000),
  result: correctionsText('查找结果', 500),
});
export const lostContactCloseSchema = z.object({
  version,
  outcome: z.enum(lostContactOutcomes, { error: '请选择查找结果' }),
  note: correctionsOptionalText('情况说明', 1000),
});

// ---- views ------------------------------------------------------------------------------------------------

const unitRef = z.object({ id: z.number().int(), name: z.string() });

/** A running statutory clock as the register shows it: the badge's state and label (UI.md). */
export const correctionsClockSchema = z.object({
  ruleName: z.string(),
  article: z.string(),
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  /** running, paused, stopped, met. */
  status: z.string(),
  /** ok, dueSoon, overdue, met, stopped, paused… */
  state: z.string(),
  /** 剩余 3 天 / 已超期 2 天 / 已办结. */
  label: z.string(),
});
export type CorrectionsClock = z.infer<typeof correctionsClockSchema>;

export const superviseeListItemSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** Full for adults; 张某 for a minor. */
  name: z.string(),
  /** First 6 and last 4 for adults; fully masked for a minor. */
  idNumberMasked: z.string().nullable(),
  gender: z.enum(genderOptions).nullable(),
  sentenceKind: z.enum(sentenceKinds),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  flags: z.array(z.enum(superviseeFlags)),
  office: unitRef,
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Calendar days from today to the end of the term (0 once it has ended). */
  daysRemaining: z.number().int(),
  reportIn: correctionsClockSchema.nullable(),
  lostContact: z.boolean(),
});
export type SuperviseeListItem = z.infer<typeof superviseeListItemSchema>;

export const superviseeListSchema = z.object({
  items: z.array(superviseeListItemSchema),
  total: z.number().int(),
});

export const teamMemberViewSchema = z.object({
  name: z.string(),
  role: z.enum(teamMemberRoles),
  gender: z.enum(genderOptions),
  affiliation: z.string().nullable(),
  staffUserId: z.string().nullable(),
  leader: z.boolean(),
});

export const lostContactStepViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  method: z.enum(searchMethods),
  action: z.string(),
  result: z.string(),
  recordedBy: z.string(),
});

export const lostContactViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  trigger: z.enum(lostContactTriggers),
  status: z.enum(lostContactStatuses),
  openedOn: z.string(),
  note: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcome: z.enum(lostContactOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number().int(),
  steps: z.array(lostContactStepViewSchema),
});
export type LostContactView = z.infer<typeof lostContactViewSchema>;

export const superviseeViewSchema = superviseeListItemSchema.extend({
  /** The supervisee record's version (register edits, team, classification, plan, announcement). */
  version: z.number().int(),
  /** The case's version (transitions such as 报到). */
  caseVersion: z.number().int(),
  personId: z.uuid(),
  birthDate: z.string().nullable(),
  offence: z.string(),
  courtName: z.string(),
  judgmentNo: z.string(),
  judgmentEffectiveOn: z.string(),
  noticeNo: z.string().nullable(),
  noticeReceivedOn: z.string().nullable(),
  prohibitionOrders: z.array(z.string()),
  photoFileId: z.uuid().nullable(),
  /** 138****5678; null for a record made before the phone was recorded. */
  phoneMasked: z.string().nullable(),
  reportedInOn: z.string().nullable(),
  levelReasons: z.string().nullable(),
  levelFactors: z.array(z.enum(classificationFactors)),
  levelSetOn: z.string().nullable(),
  /** Every classification decision (第二十四条), newest first; the first is the current level. */
  classifications: z.array(
    z.object({
      level: z.enum(supervisionLevels),
      factors: z.array(z.enum(classificationFactors)),
      reasons: z.string(),
      decidedOn: z.string(),
      decidedBy: z.string(),
    }),
  ),
  team: z.array(teamMemberViewSchema),
  plan: z
    .object({
      content: z.string(),
      educationHoursMonthly: z.number().int(),
      publicServiceHoursMonthly: z.number().int(),
      setOn: z.string(),
    })
    .nullable(),
  announcement: z
    .object({
      announcedOn: z.string(),
      place: z.string(),
      host: z.string(),
      attendees: z.array(z.object({ name: z.string(), role: z.string() })),
      note: z.string().nullable(),
    })
    .nullable(),
  lostContacts: z.array(lostContactViewSchema),
  createdAt: z.string(),
});
export type SuperviseeView = z.infer<typeof superviseeViewSchema>;
