import { z } from 'zod';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 船舶与出海报备 (涉海涉渔社区矫正对象): vessels, who is aboard which vessel when, the basis of whole-term vessel
// tracking (the local rule plus the supervisee's written consent — not 社区矫正法第二十九条), and sea trips
// (出海报备: filed before departure → approved or rejected → at sea with a log → return report).

/** 作业类型 of a vessel; the fishing moratorium's exemptions name these. */
export const gearTypes = [
  'trawl',
  'gillnet',
  'purseSeine',
  'hookAndLine',
  'trap',
  'cageCulture',
  'transport',
  'other',
] as const;
export type GearType = (typeof gearTypes)[number];
export const gearTypeLabels: Record<GearType, string> = {
  trawl: '拖网',
  gillnet: '刺网',
  purseSeine: '围网',
  hookAndLine: '钓具',
  trap: '笼壶',
  cageCulture: '网箱养殖',
  transport: '运输',
  other: '其他',
};

/** A supervisee's role aboard. */
export const aboardRoles = ['owner', 'captain', 'crew'] as const;
export type AboardRole = (typeof aboardRoles)[number];
export const aboardRoleLabels: Record<AboardRole, string> = {
  owner: '船东',
  captain: '船长',
  crew: '船员',
};

/** 出海报备 states: filed → approved / rejected; approved → atSea → returned; filed or approved → cancelled. */
export const seaTripStatuses = ['filed', 'approved', 'rejected', 'atSea', 'returned', 'cancelled'] as const;
export type SeaTripStatus = (typeof seaTripStatuses)[number];
export const seaTripStatusLabels: Record<SeaTripStatus, string> = {
  filed: '待审批',
  approved: '已同意',
  rejected: '不同意',
  atSea: '在海上',
  returned: '已返港',
  cancelled: '已撤回',
};

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();
const dateTime = (label: string) => z.iso.datetime({ offset: true, error: `${label}应为带时区的日期时间` });
const positive = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .positive(`${label}应大于 0`)
    .max(max, `${label}不能超过 ${max}`);

// ---- vessels ----------------------------------------------------------------------------------------------

export const vesselInputSchema = z.object({
  name: correctionsText('船名', 60),
  /** 船舶登记号, unique across the platform. */
  registrationNo: correctionsText('船舶登记号', 40),
  homePort: correctionsText('船籍港', 60),
  gearType: z.enum(gearTypes, { error: '请选择作业类型' }),
  ownerName: correctionsText('船舶所有人', 60),
  lengthM: positive('船长（米）', 500).nullable().optional(),
  tonnage: positive('总吨位', 100000).nullable().optional(),
  /** 卫星通信终端编号: free text the tracking module matches later. */
  terminalId: correctionsOptionalText('卫星终端编号', 40),
  note: correctionsOptionalText('备注', 500),
  /** The registering office (justice office in the caller's scope); the caller's own office by default. */
  unitId: z.number({ error: '请选择登记司法所' }).int().optional(),
});
export type VesselInput = z.input<typeof vesselInputSchema>;

export const vesselUpdateSchema = vesselInputSchema.omit({ unitId: true }).partial().extend({ version });
export type VesselUpdateInput = z.input<typeof vesselUpdateSchema>;

export const vesselViewSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  name: z.string(),
  registrationNo: z.string(),
  homePort: z.string(),
  gearType: z.enum(gearTypes),
  ownerName: z.string(),
  lengthM: z.number().nullable(),
  tonnage: z.number().nullable(),
  terminalId: z.string().nullable(),
  note: z.string().nullable(),
  /** Supervisees aboard now (windows covering this moment). */
  aboardNow: z.number(),
  version: z.number(),
  createdAt: z.string(),
});
export type VesselView = z.infer<typeof vesselViewSchema>;

export const vesselListQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  gearType: z.enum(gearTypes, { error: '作业类型不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type VesselListQuery = z.input<typeof vesselListQuerySchema>;
export const vesselListSchema = z.object({ items: z.array(vesselViewSchema), total: z.number() });

// ---- tracking basis and aboard windows --------------------------------------------------------------------

/** The supervisee's written consent to whole-term vessel tracking (with the local rule, the basis). */
export const trackingConsentSchema = z.object({
  consentOn: correctionsDay('书面同意日期'),
  /** The signed consent, scanned (PDF, JPEG or PNG) and uploaded through platform files. */
  consentFileId: z.uuid('请上传书面同意书扫描件'),
  witness: correctionsText('见证人', 60),
  note: correctionsOptionalText('备注', 500),
});
export type TrackingConsentInput = z.input<typeof trackingConsentSchema>;

export const trackingBasisViewSchema = z.object({
  /** The local rule's name (configuration) as recorded. */
  localRule: z.string(),
  consentOn: z.string(),
  consentFileId: z.string(),
  witness: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type TrackingBasisView = z.infer<typeof trackingBasisViewSchema>;

export const aboardWindowInputSchema = z
  .object({
    vesselId: z.uuid('请选择船舶'),
    role: z.enum(aboardRoles, { error: '请选择在船身份' }),
    fromAt: dateTime('上船时间'),
    /** Open-ended when empty. */
    toAt: dateTime('离船时间').nullable().optional(),
    /** Included in whole-term vessel tracking (needs the written consent). */
    tracked: z.boolean().default(true),
    note: correctionsOptionalText('备注', 200),
  })
  .superRefine((v, ctx) => {
    if (v.toAt && Date.parse(v.toAt) <= Date.parse(v.fromAt)) {
      ctx.addIssue({ code: 'custom', path: ['toAt'], message: '离船时间应晚于上船时间' });
    }
  });
export type AboardWindowInput = z.input<typeof aboardWindowInputSchema>;

export const aboardWindowUpdateSchema = z.object({
  version,
  role: z.enum(aboardRoles, { error: '请选择在船身份' }).optional(),
  fromAt: dateTime('上船时间').optional(),
  toAt: dateTime('离船时间').nullable().optional(),
  tracked: z.boolean().optional(),
  note: correctionsOptionalText('备注', 200),
});
export type AboardWindowUpdateInput = z.input<typeof aboardWindowUpdateSchema>;

export const aboardWindowViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  vessel: z.object({
    id: z.string(),
    name: z.string(),
    registrationNo: z.string(),
    gearType: z.enum(gearTypes),
  }),
  role: z.enum(aboardRoles),
  fromAt: z.string(),
  toAt: z.string().nullable(),
  tracked: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});
export type AboardWindowView = z.infer<typeof aboardWindowViewSchema>;

// ---- sea trips --------------------------------------------------------------------------------------------

/** The trip's sea area besides its text: a bounding box or a centre with a radius (WGS-84 degrees). */
export const seaAreaShapeSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('box'),
        minLng: z.number().min(-180).max(180),
        minLat: z.number().min(-90).max(90),
        maxLng: z.number().min(-180).max(180),
        maxLat: z.number().min(-90).max(90),
      })
      .refine((b) => b.minLng < b.maxLng && b.minLat < b.maxLat, '海域范围的最小经纬度应小于最大经纬度'),
    z.object({
      kind: z.literal('circle'),
      lng: z.number().min(-180, '经度不正确').max(180, '经度不正确'),
      lat: z.number().min(-90, '纬度不正确').max(90, '纬度不正确'),
      radiusKm: positive('半径（公里）', 1000),
    }),
  ],
  { error: '海域范围应为矩形范围或圆心加半径' },
);
export type SeaAreaShape = z.infer<typeof seaAreaShapeSchema>;

export const seaTripFileSchema = z
  .object({
    vesselId: z.uuid('请选择船舶'),
    seaArea: correctionsText('作业海域', 200),
    area: seaAreaShapeSchema.nullable().optional(),
    plannedDepartureAt: dateTime('计划出海时间'),
    plannedReturnAt: dateTime('计划返港时间'),
    note: correctionsOptionalText('备注', 500),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.plannedReturnAt) <= Date.parse(v.plannedDepartureAt)) {
      ctx.addIssue({ code: 'custom', path: ['plannedReturnAt'], message: '计划返港时间应晚于计划出海时间' });
    }
  });
export type SeaTripFileInput = z.input<typeof seaTripFileSchema>;

/** An officer files for a supervisee. */
export const seaTripOfficerFileSchema = seaTripFileSchema.safeExtend({
  caseId: z.uuid('请选择社区矫正对象'),
});
export type SeaTripOfficerFileInput = z.input<typeof seaTripOfficerFileSchema>;

export const seaTripDecisionSchema = z.object({
  version,
  reason: correctionsOptionalText('审批意见', 500),
});
export const seaTripRejectSchema = z.object({ version, reason: correctionsText('不同意的理由', 500) });
export const seaTripDepartSchema = z.object({ version, departedAt: dateTime('实际出海时间').optional() });
export const seaTripLogSchema = z.object({
  at: dateTime('记录时间').optional(),
  note: correctionsText('海上日志内容', 500),
  lat: z.number().min(-90, '纬度不正确').max(90, '纬度不正确').nullable().optional(),
  lng: z.number().min(-180, '经度不正确').max(180, '经度不正确').nullable().optional(),
});
export const seaTripReturnSchema = z.object({
  version,
  returnedAt: dateTime('实际返港时间'),
  note: correctionsOptionalText('返港情况', 500),
});
export const seaTripCancelSchema = z.object({ version, reason: correctionsOptionalText('撤回原因', 200) });

export const seaTripLogViewSchema = z.object({
  id: z.number(),
  at: z.string(),
  note: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  recordedBy: z.string(),
});

export const seaTripViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string().nullable(),
  /** Masked for a minor, as in the register's lists. */
  superviseeName: z.string(),
  office: z.object({ id: z.number(), name: z.string() }),
  vessel: z.object({
    id: z.string(),
    name: z.string(),
    registrationNo: z.string(),
    gearType: z.enum(gearTypes),
  }),
  /** Supervisees aboard from the aboard windows at filing (names only on the console). */
  crew: z.array(z.object({ caseId: z.string(), name: z.string(), role: z.enum(aboardRoles) })),
  seaArea: z.string(),
  area: seaAreaShapeSchema.nullable(),
  plannedDepartureAt: z.string(),
  plannedReturnAt: z.string(),
  status: z.enum(seaTripStatuses),
  statusLabel: z.string(),
  /** Past the planned return plus the grace and not yet back. */
  overdue: z.boolean(),
  filedBy: z.enum(['supervisee', 'staff']),
  filedAt: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  departedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  note: z.string().nullable(),
  logs: z.array(seaTripLogViewSchema),
  version: z.number(),
});
export type SeaTripView = z.infer<typeof seaTripViewSchema>;

export const seaTripListQuerySchema = z.object({
  status: z.enum(seaTripStatuses, { error: '状态不正确' }).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  caseId: z.uuid().optional(),
  vesselId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SeaTripListQuery = z.input<typeof seaTripListQuerySchema>;
export const seaTripListSchema = z.object({ items: z.array(seaTripViewSchema), total: z.number() });

/** The settings the pages show (configuration: `corrections.fishingMoratorium`, …). */
export const vesselSettingsViewSchema = z.object({
  localRule: z.string(),
  moratorium: z.object({
    /** `MM-DDTHH:mm` in Beijing time, each year. */
    start: z.string(),
    end: z.string(),
    exemptGearTypes: z.array(z.enum(gearTypes)),
  }),
  returnGraceHours: z.number(),
});
export type VesselSettingsView = z.infer<typeof vesselSettingsViewSchema>;

/** The supervisee record's tab 船舶与出海. */
export const superviseeVesselsViewSchema = z.object({
  maritime: z.boolean(),
  basis: trackingBasisViewSchema.nullable(),
  windows: z.array(aboardWindowViewSchema),
  trips: z.array(seaTripViewSchema),
  settings: vesselSettingsViewSchema,
});
export type SuperviseeVesselsView = z.infer<typeof superviseeVesselsViewSchema>;

/** The portal's 出海报备: the vessels of my aboard windows, my trips. */
export const portalSeaTripsViewSchema = z.object({
  vessels: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      registrationNo: z.string(),
      gearType: z.enum(gearTypes),
      role: z.enum(aboardRoles),
      fromAt: z.string(),
      toAt: z.string().nullable(),
    }),
  ),
  trips: z.array(seaTripViewSchema),
  settings: vesselSettingsViewSchema,
});
export type PortalSeaTripsView = z.infer<typeof portalSeaTripsViewSchema>;
