import { z } from 'zod';
import { legalAidDisputeKinds } from './legal-aid.ts';

// 法律援助登记: the legal-aid centre's registries — lawyers (律师库), the duty roster (值班安排), workstations
// (工作站), support teams (支援队伍) and the consultations log (咨询登记). Shared by the api (validation,
// OpenAPI) and the console (forms, labels).

// ---- vocabularies --------------------------------------------------------------------------------------

// A consultation's topic and a lawyer's specialties use the dispute kinds of the application
// (legalAidDisputeKinds in legal-aid.ts), so the figures line up with the cases.

export const consultationChannels = ['counter', 'hotline', 'online', 'station'] as const;
export type ConsultationChannel = (typeof consultationChannels)[number];
export const consultationChannelLabels: Record<ConsultationChannel, string> = {
  counter: '窗口',
  hotline: '12348 热线',
  online: '网络',
  station: '工作站',
};

export const consultationOutcomes = ['answered', 'referredToApplication', 'referredElsewhere'] as const;
export type ConsultationOutcome = (typeof consultationOutcomes)[number];
export const consultationOutcomeLabels: Record<ConsultationOutcome, string> = {
  answered: '已解答',
  referredToApplication: '转法律援助申请',
  referredElsewhere: '转其他部门',
};

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
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional();

const unitId = z.number({ error: '请选择所属法律援助中心' }).int('所属单位不正确').positive('所属单位不正确');
const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();
const uuid = (label: string) => z.uuid({ error: `${label}不正确` });

/** Two dates in order: `to` (when given) is not before `from`. */
function ordered<T extends z.ZodType>(schema: T, fromKey: string, toKey: string, message: string): T {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    const from = v[fromKey];
    const to = v[toKey];
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      ctx.addIssue({ code: 'custom', message, input: to, path: [toKey] });
    }
  });
}

// ---- lawyers (律师库) --------------------------------------------------------------------------------

export const lawyerUnavailabilitySchema = ordered(
  z.object({
    from: day('不可指派开始日期'),
    to: day('不可指派结束日期'),
    reason: text('不可指派原因', 100),
  }),
  'from',
  'to',
  '不可指派结束日期不能早于开始日期',
);
export type LawyerUnavailability = z.infer<typeof lawyerUnavailabilitySchema>;

const lawyerFields = {
  unitId,
  name: text('姓名', 30),
  /** The lawyer's staff account (role 律师), made by the system administrator; optional. */
  staffUserId: uuid('关联账号').nullable().optional(),
  lawFirm: text('执业机构', 100),
  /** 律师执业证号: 17 digits. */
  licenceNumber: z
    .string({ error: '请填写执业证号' })
    .trim()
    .regex(/^\d{17}$/, '执业证号应为 17 位数字'),
  practiceStartDate: day('执业开始日期'),
  specialties: z
    .array(z.enum(legalAidDisputeKinds, { error: '擅长领域不正确' }))
    .max(legalAidDisputeKinds.length)
    .default([]),
  /** The day the lawyer was registered for legal-aid work (新招募). */
  registeredOn: day('入库日期'),
  /** 公益律师值班岗: on the post from/to. */
  proBonoFrom: optionalDay('公益值班岗开始日期'),
  proBonoTo: optionalDay('公益值班岗结束日期'),
  /** 专家律师库（未成年人）. */
  expertPanel: z.boolean().default(false),
  unavailable: z.array(lawyerUnavailabilitySchema).max(50, '不可指派时段最多 50 段').default([]),
  /** Left legal-aid work (退出律师库). */
  leftOn: optionalDay('退出日期'),
};

const lawyerChecks = <T extends z.ZodType>(schema: T): T =>
  schema.superRefine((value, ctx) => {
    const v = value as { proBonoFrom?: string | null; proBonoTo?: string | null };
    if (v.proBonoTo && !v.proBonoFrom) {
      ctx.addIssue({
        code: 'custom',
        message: '请先填写公益值班岗开始日期',
        input: v,
        path: ['proBonoFrom'],
      });
    }
    if (v.proBonoFrom && v.proBonoTo && v.proBonoTo < v.proBonoFrom) {
      ctx.addIssue({
        code: 'custom',
        message: '公益值班岗结束日期不能早于开始日期',
        input: v.proBonoTo,
        path: ['proBonoTo'],
      });
    }
  });

export const lawyerInputSchema = lawyerChecks(z.object(lawyerFields));
export type LawyerInput = z.input<typeof lawyerInputSchema>;
export const lawyerUpdateSchema = lawyerChecks(z.object({ ...lawyerFields, version }));
export type LawyerUpdate = z.input<typeof lawyerUpdateSchema>;

export const lawyerViewSchema = z.object({
  id: z.uuid(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string(),
  staffUserId: z.uuid().nullable(),
  staffUsername: z.string().nullable(),
  lawFirm: z.string(),
  licenceNumber: z.string(),
  practiceStartDate: z.string(),
  /** Full years of practice as of today. */
  practiceYears: z.number(),
  specialties: z.array(z.enum(legalAidDisputeKinds)),
  registeredOn: z.string(),
  proBonoFrom: z.string().nullable(),
  proBonoTo: z.string().nullable(),
  expertPanel: z.boolean(),
  unavailable: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  /** Not unavailable today and not left. */
  availableToday: z.boolean(),
  leftOn: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type LawyerView = z.infer<typeof lawyerViewSchema>;

// ---- legal-aid workstations (工作站) ----------------------------------------------------------------

const stationFields = {
  unitId,
  name: text('工作站名称', 60),
  /** The unit hosting it: a court, the detention centre, 武警北海支队, 北海海警局… */
  hostName: text('设站单位', 60),
  address: optionalText('地址', 200),
  openedOn: day('设立日期'),
  closedOn: optionalDay('撤销日期'),
};
export const stationInputSchema = ordered(
  z.object(stationFields),
  'openedOn',
  'closedOn',
  '撤销日期不能早于设立日期',
);
export type StationInput = z.input<typeof stationInputSchema>;
export const stationUpdateSchema = ordered(
  z.object({ ...stationFields, version }),
  'openedOn',
  'closedOn',
  '撤销日期不能早于设立日期',
);
export type StationUpdate = z.input<typeof stationUpdateSchema>;

export const stationViewSchema = z.object({
  id: z.uuid(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string(),
  hostName: z.string(),
  address: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type StationView = z.infer<typeof stationViewSchema>;

// ---- duty roster (值班安排) ----------------------------------------------------------------------------

const dutyFields = {
  unitId,
  lawyerId: uuid('值班律师'),
  /** At a workstation, or a place named in words (a court, the detention centre). */
  stationId: uuid('值班工作站').nullable().optional(),
  place: optionalText('值班地点', 60),
  from: day('值班开始日期'),
  to: day('值班结束日期'),
};
const dutyChecks = <T extends z.ZodType>(schema: T): T =>
  ordered(schema, 'from', 'to', '值班结束日期不能早于开始日期').superRefine((value, ctx) => {
    const v = value as { stationId?: string | null; place?: string | null };
    if (!v.stationId && !v.place) {
      ctx.addIssue({ code: 'custom', message: '请选择值班工作站或填写值班地点', input: v, path: ['place'] });
    }
  });
export const dutyEntryInputSchema = dutyChecks(z.object(dutyFields));
export type DutyEntryInput = z.input<typeof dutyEntryInputSchema>;
export const dutyEntryUpdateSchema = dutyChecks(z.object({ ...dutyFields, version }));
export type DutyEntryUpdate = z.input<typeof dutyEntryUpdateSchema>;

export const dutyEntryViewSchema = z.object({
  id: z.uuid(),
  unitId: z.number(),
  unitName: z.string(),
  lawyerId: z.uuid(),
  lawyerName: z.string(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  place: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type DutyEntryView = z.infer<typeof dutyEntryViewSchema>;

// ---- support teams (支援队伍) --------------------------------------------------------------------------

const teamFields = {
  unitId,
  name: text('队伍名称', 60),
  memberIds: z.array(uuid('队员')).max(200, '队员最多 200 名').default([]),
  setUpOn: day('组建日期'),
  dissolvedOn: optionalDay('撤销日期'),
  note: optionalText('备注', 200),
};
export const supportTeamInputSchema = ordered(
  z.object(teamFields),
  'setUpOn',
  'dissolvedOn',
  '撤销日期不能早于组建日期',
);
export type SupportTeamInput = z.input<typeof supportTeamInputSchema>;
export const supportTeamUpdateSchema = ordered(
  z.object({ ...teamFields, version }),
  'setUpOn',
  'dissolvedOn',
  '撤销日期不能早于组建日期',
);
export type SupportTeamUpdate = z.input<typeof supportTeamUpdateSchema>;

export const supportTeamViewSchema = z.object({
  id: z.uuid(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string(),
  members: z.array(z.object({ id: z.uuid(), name: z.string() })),
  setUpOn: z.string(),
  dissolvedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type SupportTeamView = z.infer<typeof supportTeamViewSchema>;

// ---- consultations (咨询登记) --------------------------------------------------------------------------

const consultationFields = {
  /** Defaults to the clerk's own unit. */
  unitId: unitId.optional(),
  channel: z.enum(consultationChannels, { error: '请选择咨询方式' }),
  /** Defaults to now. */
  consultedAt: z.iso.datetime({ offset: true, error: '咨询时间不正确' }).optional(),
  personName: text('咨询人姓名', 30),
  /** Encrypted at rest; lists show a mask. */
  phone: optionalText('联系电话', 30),
  topic: z.enum(legalAidDisputeKinds, { error: '请选择咨询事项' }),
  summary: text('咨询内容', 1000),
  outcome: z.enum(consultationOutcomes, { error: '请选择处理结果' }),
  referredTo: optionalText('转往单位', 60),
  stationId: uuid('工作站').nullable().optional(),
};
const consultationChecks = <T extends z.ZodType>(schema: T): T =>
  schema.superRefine((value, ctx) => {
    const v = value as {
      outcome?: string;
      referredTo?: string | null;
      channel?: string;
      stationId?: string | null;
    };
    if (v.outcome === 'referredElsewhere' && !v.referredTo) {
      ctx.addIssue({ code: 'custom', message: '请填写转往的单位', input: v, path: ['referredTo'] });
    }
    if (v.channel === 'station' && !v.stationId) {
      ctx.addIssue({ code: 'custom', message: '请选择接待的工作站', input: v, path: ['stationId'] });
    }
  });
export const consultationInputSchema = consultationChecks(z.object(consultationFields));
export type ConsultationInput = z.input<typeof consultationInputSchema>;
/** A correction: the name and phone are kept when not sent (lists show only masks); null clears the phone. */
export const consultationUpdateSchema = consultationChecks(
  z.object({ ...consultationFields, personName: consultationFields.personName.optional(), version }),
);
export type ConsultationUpdate = z.input<typeof consultationUpdateSchema>;

export const consultationViewSchema = z.object({
  id: z.uuid(),
  unitId: z.number(),
  unitName: z.string(),
  channel: z.enum(consultationChannels),
  consultedAt: z.string(),
  personNameMasked: z.string(),
  phoneMasked: z.string().nullable(),
  topic: z.enum(legalAidDisputeKinds),
  summary: z.string(),
  outcome: z.enum(consultationOutcomes),
  referredTo: z.string().nullable(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  handledBy: z.string().nullable(),
  handledByName: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type ConsultationView = z.infer<typeof consultationViewSchema>;

export const consultationListQuerySchema = z.object({
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  channel: z.enum(consultationChannels, { error: '咨询方式不正确' }).optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数应为数字' })
    .int()
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .default(20),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuerySchema>;

// ---- list answers ----------------------------------------------------------------------------------------

export const lawyerListSchema = z.object({ items: z.array(lawyerViewSchema) });
export const lawyerAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
});
export type LawyerAccount = z.infer<typeof lawyerAccountSchema>;
export const lawyerAccountListSchema = z.object({ items: z.array(lawyerAccountSchema) });
export const stationListSchema = z.object({ items: z.array(stationViewSchema) });
export const dutyEntryListSchema = z.object({ items: z.array(dutyEntryViewSchema) });
export const supportTeamListSchema = z.object({ items: z.array(supportTeamViewSchema) });
export const consultationListSchema = z.object({ items: z.array(consultationViewSchema), total: z.number() });
