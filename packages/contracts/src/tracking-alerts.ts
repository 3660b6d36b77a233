import { z } from 'zod';
import { gearTypes } from './corrections-vessels.ts';

// 海上定位, part 2: 电子围栏 (geofences, versioned) and 告警 (alerts) with their triage queue. Coordinates are
// WGS-84 [longitude, latitude] pairs, as the map and GeoJSON write them.

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
    .optional()
    .transform((v) => (v ? v : null));
const dateTime = (label: string) => z.iso.datetime({ offset: true, error: `${label}应为带时区的日期时间` });
const version = z.number({ error: '缺少版本号，请刷新后重试' }).int();

const lonLat = z.tuple(
  [
    z
      .number({ error: '经度应为数字' })
      .min(-180, '经度应在 -180 至 180 之间')
      .max(180, '经度应在 -180 至 180 之间'),
    z
      .number({ error: '纬度应为数字' })
      .min(-90, '纬度应在 -90 至 90 之间')
      .max(90, '纬度应在 -90 至 90 之间'),
  ],
  { error: '坐标应为 [经度, 纬度]' },
);

/** Vertices a drawn shape may have (the Beibu Gulf's zones have dozens; a coastline hundreds). */
export const FENCE_MAX_VERTICES = 2000;

export const fenceShapeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('polygon'),
      ring: z
        .array(lonLat)
        .min(3, '多边形至少需要 3 个顶点')
        .max(FENCE_MAX_VERTICES, `多边形顶点不能超过 ${FENCE_MAX_VERTICES} 个`),
    }),
    z.object({
      kind: z.literal('circle'),
      center: lonLat,
      radiusM: z
        .number({ error: '请填写半径' })
        .positive('半径应大于 0')
        .max(500_000, '半径不能超过 500 公里'),
    }),
    z.object({
      kind: z.literal('corridor'),
      line: z
        .array(lonLat)
        .min(2, '航道至少需要 2 个点')
        .max(FENCE_MAX_VERTICES, `航道的点不能超过 ${FENCE_MAX_VERTICES} 个`),
      widthM: z
        .number({ error: '请填写航道宽度' })
        .positive('航道宽度应大于 0')
        .max(100_000, '航道宽度不能超过 100 公里'),
    }),
  ],
  { error: '围栏形状应为多边形、圆形或航道' },
);
export type FenceShapeInput = z.infer<typeof fenceShapeSchema>;
export const fenceShapeLabels: Record<FenceShapeInput['kind'], string> = {
  polygon: '多边形',
  circle: '圆形',
  corridor: '航道（折线加宽度）',
};

const monthDayTime = z
  .string({ error: '请填写起止时间' })
  .regex(
    /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/,
    '每年起止时间应为 月-日T时:分，如 05-01T12:00',
  );

/** When a fence is in force: always, every year between two Beijing times, or one period. */
export const fenceCalendarSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('always') }),
    z
      .object({ kind: z.literal('annual'), start: monthDayTime, end: monthDayTime })
      .refine((c) => c.start !== c.end, '每年的开始与结束时间不能相同'),
    z
      .object({ kind: z.literal('period'), from: dateTime('生效时间'), to: dateTime('失效时间') })
      .refine((c) => Date.parse(c.to) > Date.parse(c.from), '失效时间应晚于生效时间'),
  ],
  { error: '生效时间应为长期、每年或指定期间' },
);
export type FenceCalendar = z.infer<typeof fenceCalendarSchema>;

/**
 * permitted: 允许作业区域 (leaving all of a vessel's permitted areas at sea raises an alert); port: 港口 (inside
 * one the vessel is in port, not at sea); prohibited: 禁止区域 (entering raises an alert).
 */
export const fencePurposes = ['permitted', 'port', 'prohibited'] as const;
export type FencePurpose = (typeof fencePurposes)[number];
export const fencePurposeLabels: Record<FencePurpose, string> = {
  permitted: '允许作业区域',
  port: '港口',
  prohibited: '禁止区域',
};

export const fenceInputSchema = z.object({
  name: text('围栏名称', 60),
  purpose: z.enum(fencePurposes, { error: '请选择围栏用途' }),
  shape: fenceShapeSchema,
  calendar: fenceCalendarSchema.default({ kind: 'always' }),
  /** Gear types the fence does not apply to (the moratorium's exemptions, for a seasonal fence). */
  exemptGearTypes: z
    .array(z.enum(gearTypes, { error: '作业类型不正确' }))
    .max(20)
    .default([])
    .transform((v) => [...new Set(v)]),
  /** Minutes a vessel must stay outside / inside before the alert fires (GPS jitter does not). */
  dwellMinutes: z
    .number({ error: '请填写确认时长' })
    .int('确认时长应为整数分钟')
    .min(0, '确认时长不能为负')
    .max(720, '确认时长不能超过 720 分钟')
    .default(5),
  /** The vessels it applies to; empty: every tracked vessel of the unit and below. */
  vesselIds: z
    .array(z.uuid('船舶不正确'))
    .max(500)
    .default([])
    .transform((v) => [...new Set(v)]),
  /** The owning unit (the caller's own by default). */
  unitId: z.number({ error: '请选择所属单位' }).int().optional(),
  active: z.boolean({ error: '启用状态不正确' }).default(true),
  note: optionalText('说明', 300),
});
export type FenceInput = z.input<typeof fenceInputSchema>;
export const fenceUpdateSchema = fenceInputSchema.extend({ version });
export type FenceUpdateInput = z.input<typeof fenceUpdateSchema>;

export const fenceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.enum(fencePurposes),
  shape: fenceShapeSchema,
  calendar: fenceCalendarSchema,
  exemptGearTypes: z.array(z.enum(gearTypes)),
  dwellMinutes: z.number(),
  vesselIds: z.array(z.string()),
  unitId: z.number(),
  unitName: z.string(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type FenceView = z.infer<typeof fenceViewSchema>;
export const fenceListSchema = z.object({ items: z.array(fenceViewSchema) });
export const fenceVersionSchema = z.object({
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  fence: fenceViewSchema,
});
export type FenceVersion = z.infer<typeof fenceVersionSchema>;
export const fenceDetailSchema = fenceViewSchema.extend({ versions: z.array(fenceVersionSchema) });
export type FenceDetail = z.infer<typeof fenceDetailSchema>;

// ---- alerts --------------------------------------------------------------------------------------------------

export const alertKinds = [
  'leftPermittedArea',
  'enteredProhibitedZone',
  'atSeaInMoratorium',
  'atSeaWithoutTrip',
  'pastPlannedReturn',
  'noSignal',
  'terminalAlarm',
] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertKindLabels: Record<AlertKind, string> = {
  leftPermittedArea: '驶出允许作业区域',
  enteredProhibitedZone: '进入禁止区域',
  atSeaInMoratorium: '休渔期出海',
  atSeaWithoutTrip: '未报备出海',
  pastPlannedReturn: '逾期未返港',
  noSignal: '信号中断',
  terminalAlarm: '终端报警',
};

export const severities = ['high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];
export const severityLabels: Record<Severity, string> = { high: '紧急', medium: '重要', low: '一般' };

export const triageStates = ['new', 'acknowledged', 'assigned', 'resolved'] as const;
export type TriageState = (typeof triageStates)[number];
export const triageStateLabels: Record<TriageState, string> = {
  new: '待确认',
  acknowledged: '已确认',
  assigned: '已指派',
  resolved: '已办结',
};

export const dispositions = [
  'falseAlarm',
  'verifiedHandled',
  'sanctionStarted',
  'equipmentFault',
  'other',
] as const;
export type Disposition = (typeof dispositions)[number];
export const dispositionLabels: Record<Disposition, string> = {
  falseAlarm: '误报',
  verifiedHandled: '核实并已处置',
  sanctionStarted: '已启动惩处程序',
  equipmentFault: '终端故障',
  other: '其他',
};

export const alertListQuerySchema = z.object({
  /** open: every state but resolved (the queue). */
  state: z.enum(['open', ...triageStates, 'all'], { error: '状态不正确' }).default('open'),
  kind: z.enum(alertKinds, { error: '告警类型不正确' }).optional(),
  vesselId: z.uuid('船舶不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertListQuery = z.input<typeof alertListQuerySchema>;

export const alertViewSchema = z.object({
  id: z.string(),
  kind: z.enum(alertKinds),
  severity: z.enum(severities),
  state: z.enum(triageStates),
  vessel: z.object({ id: z.string(), name: z.string(), registrationNo: z.string() }),
  /** Supervisees aboard when it was raised (their terms' case ids and numbers). */
  supervisees: z.array(z.object({ caseId: z.string(), caseNo: z.string().nullable() })),
  /** What the rule was about: the fence and the version broken, the sea trip, the terminal alarm. */
  fence: z.object({ id: z.string(), name: z.string(), version: z.number() }).nullable(),
  tripId: z.string().nullable(),
  terminalAlarm: z.string().nullable(),
  /** The rule that raised it, in words. */
  rule: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  occurrences: z.number(),
  /** Where it was last seen (the fix that raised or repeated it). */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  terminalId: z.string().nullable(),
  acknowledgeBy: z.string(),
  resolveBy: z.string(),
  escalated: z.enum(['acknowledge', 'resolve']).nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  disposition: z.enum(dispositions).nullable(),
  resolvedAt: z.string().nullable(),
  version: z.number(),
});
export type AlertView = z.infer<typeof alertViewSchema>;
export const alertListSchema = z.object({
  items: z.array(alertViewSchema),
  total: z.number(),
  /** Open alerts by state, for the queue's tabs. */
  counts: z.record(z.string(), z.number()),
});
export type AlertList = z.infer<typeof alertListSchema>;

export const alertEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;
export const alertDetailSchema = alertViewSchema.extend({ events: z.array(alertEventSchema) });
export type AlertDetail = z.infer<typeof alertDetailSchema>;

const note = optionalText('说明', 500);
export const triageInputSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('acknowledge'), version, note }),
    z.object({
      action: z.literal('assign'),
      version,
      assigneeId: z.string({ error: '请选择负责处置的工作人员' }).min(1, '请选择负责处置的工作人员'),
      note,
    }),
    z.object({
      action: z.literal('resolve'),
      version,
      disposition: z.enum(dispositions, { error: '请选择处置结果' }),
      note,
    }),
    z.object({ action: z.literal('reopen'), version, note }),
  ],
  { error: '处置操作不正确' },
);
export type TriageInput = z.input<typeof triageInputSchema>;

/** Staff who may be assigned an alert on this vessel (tracking:handleAlerts, the vessel's unit in scope). */
export const alertAssigneesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string() })),
});
export type AlertAssignees = z.infer<typeof alertAssigneesSchema>;
