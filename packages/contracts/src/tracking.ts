import { z } from 'zod';

// 海上定位 (maritime tracking), part 1: satellite terminals (卫星终端) registered by staff and installed on
// vessels over time windows, vendor platforms (终端厂商平台) pushing batches over HTTP with a key each, and the
// track store's positions. Terminals themselves speak JT/T 808 to the gateway (no JSON there).

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

/** JT/T 808 protocol editions a terminal may speak (2019 adds the version flag and a 10-byte phone). */
export const jt808Editions = ['2011', '2013', '2019'] as const;
export type Jt808Edition = (typeof jt808Editions)[number];

// ---- terminals ---------------------------------------------------------------------------------------------

/**
 * 终端手机号: the number in every JT/T 808 header (BCD; 12 digits in 2011/2013, 20 in 2019). Stored without
 * the leading zeros the header pads with, so `013345678906` and `13345678906` are one terminal.
 */
export const terminalNumberSchema = z
  .string({ error: '请填写终端号' })
  .trim()
  .regex(/^[0-9A-Fa-f]{1,20}$/, '终端号应为 1 至 20 位数字（JT/T 808 消息头中的终端手机号）')
  .transform((v) => v.toLowerCase().replace(/^0+(?=[0-9a-f])/, ''));

export const terminalInputSchema = z.object({
  terminalNumber: terminalNumberSchema,
  /** 终端ID as the terminal sends it in its registration (0x0100); checked when it registers. */
  deviceId: z
    .string({ error: '请填写终端ID' })
    .trim()
    .regex(/^[0-9A-Za-z-]{1,30}$/, '终端ID应为 1 至 30 位字母或数字'),
  model: text('终端型号', 40),
  vendorId: z.uuid('请选择终端厂商').nullable().optional(),
  /** SIM / ICCID of the satellite or cellular card. */
  sim: z
    .string({ error: '请填写 SIM 卡号' })
    .trim()
    .regex(/^[0-9A-Za-z]{6,24}$/, 'SIM 卡号（ICCID）应为 6 至 24 位字母或数字'),
  edition: z.enum(jt808Editions, { error: '请选择协议版本' }).default('2019'),
  /** The owning unit (the caller's own by default). */
  unitId: z.number({ error: '请选择所属单位' }).int().optional(),
  note: optionalText('备注', 200),
});
export type TerminalInput = z.input<typeof terminalInputSchema>;

export const terminalUpdateSchema = terminalInputSchema
  .omit({ terminalNumber: true, unitId: true })
  .partial()
  .extend({ version, retired: z.boolean().optional() });
export type TerminalUpdateInput = z.input<typeof terminalUpdateSchema>;

export const installationViewSchema = z.object({
  id: z.string(),
  terminalId: z.string(),
  vessel: z.object({ id: z.string(), name: z.string(), registrationNo: z.string() }),
  from: z.string(),
  /** Null: still installed. */
  to: z.string().nullable(),
  note: z.string().nullable(),
});
export type InstallationView = z.infer<typeof installationViewSchema>;

export const positionViewSchema = z.object({
  /** The fix's time (the terminal's clock, stored in UTC). */
  time: z.string(),
  receivedAt: z.string(),
  lat: z.number(),
  lon: z.number(),
  speedKmh: z.number(),
  course: z.number(),
  altitudeM: z.number(),
  /** JT/T 808 alarm flag bits (SOS = bit 0, power cut = bit 8, …). */
  alarmBits: z.number(),
  statusBits: z.number(),
  satellites: z.number().nullable(),
  source: z.enum(['jt808', 'http']),
});
export type PositionView = z.infer<typeof positionViewSchema>;

export const terminalStatuses = ['awaiting', 'registered', 'retired'] as const;
export type TerminalStatus = (typeof terminalStatuses)[number];
export const terminalStatusLabels: Record<TerminalStatus, string> = {
  awaiting: '待终端注册',
  registered: '已注册',
  retired: '已停用',
};

export const terminalViewSchema = z.object({
  id: z.string(),
  terminalNumber: z.string(),
  deviceId: z.string(),
  model: z.string(),
  vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
  sim: z.string(),
  edition: z.enum(jt808Editions),
  unit: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(terminalStatuses),
  note: z.string().nullable(),
  /** When the terminal last registered over JT/T 808 (0x0100). */
  registeredAt: z.string().nullable(),
  lastAuthenticatedAt: z.string().nullable(),
  lastPosition: positionViewSchema.nullable(),
  installation: installationViewSchema.nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type TerminalView = z.infer<typeof terminalViewSchema>;

export const terminalListQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  status: z.enum(terminalStatuses, { error: '状态不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TerminalListQuery = z.input<typeof terminalListQuerySchema>;
export const terminalListSchema = z.object({ items: z.array(terminalViewSchema), total: z.number() });

export const installationInputSchema = z
  .object({
    vesselId: z.uuid('请选择船舶'),
    from: dateTime('安装时间'),
    to: dateTime('拆除时间').nullable().optional(),
    note: optionalText('备注', 200),
  })
  .refine((v) => !v.to || Date.parse(v.to) > Date.parse(v.from), {
    message: '拆除时间应晚于安装时间',
    path: ['to'],
  });
export type InstallationInput = z.input<typeof installationInputSchema>;

export const installationEndSchema = z.object({ to: dateTime('拆除时间') });
export type InstallationEndInput = z.input<typeof installationEndSchema>;

export const terminalDetailSchema = terminalViewSchema.extend({
  installations: z.array(installationViewSchema),
});
export type TerminalDetail = z.infer<typeof terminalDetailSchema>;

// ---- vendors and their keys --------------------------------------------------------------------------------

export const vendorInputSchema = z.object({
  name: text('厂商名称', 60),
  /** Short code, used in logs and the key's prefix. */
  code: z
    .string({ error: '请填写厂商代码' })
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,19}$/, '厂商代码应为 2 至 20 位小写字母、数字或连字符，以字母开头'),
});
export type VendorInput = z.input<typeof vendorInputSchema>;

export const vendorViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  /** The last four characters of the active key, or null before a key is issued or after revocation. */
  keyHint: z.string().nullable(),
  keyIssuedAt: z.string().nullable(),
  lastIngestAt: z.string().nullable(),
  createdAt: z.string(),
});
export type VendorView = z.infer<typeof vendorViewSchema>;
export const vendorListSchema = z.object({ items: z.array(vendorViewSchema) });

/** A newly issued key: shown once, never again (only its hash is stored). */
export const vendorKeySchema = z.object({ vendor: vendorViewSchema, key: z.string() });
export type VendorKey = z.infer<typeof vendorKeySchema>;

// ---- HTTP ingest (vendor platforms) ----------------------------------------------------------------------

export const INGEST_MAX_ITEMS = 5000;

export const ingestPositionSchema = z.object({
  terminal: terminalNumberSchema,
  time: dateTime('定位时间'),
  lat: z.number({ error: '纬度应为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
  lon: z.number({ error: '经度应为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
  speedKmh: z.number({ error: '速度应为数字' }).min(0, '速度不能为负').max(2000).default(0),
  course: z.number({ error: '方向应为数字' }).min(0).max(360).default(0),
  altitudeM: z.number({ error: '高程应为数字' }).min(-1000).max(20000).default(0),
  /** The platform's own fix flag: false = not located (stored as filtered). */
  valid: z.boolean().default(true),
  satellites: z.number().int().min(0).max(255).nullable().optional(),
  alarmBits: z.number().int().min(0).max(0xffffffff).default(0),
  statusBits: z.number().int().min(0).max(0xffffffff).default(0),
});
export type IngestPosition = z.input<typeof ingestPositionSchema>;

/** Alarm kinds a vendor platform may push on their own (JT/T 808 alarm bits by name). */
export const terminalAlarmKinds = [
  'sos',
  'powerCut',
  'powerLow',
  'antennaCut',
  'tamper',
  'gnssFault',
] as const;
export type TerminalAlarmKind = (typeof terminalAlarmKinds)[number];
export const terminalAlarmLabels: Record<TerminalAlarmKind, string> = {
  sos: '紧急报警',
  powerCut: '主电源断电',
  powerLow: '主电源欠压',
  antennaCut: '天线断开',
  tamper: '非法拆卸',
  gnssFault: '定位模块故障',
};

export const ingestAlarmSchema = z.object({
  terminal: terminalNumberSchema,
  time: dateTime('报警时间'),
  kind: z.enum(terminalAlarmKinds, { error: '报警类型不正确' }),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});
export type IngestAlarm = z.input<typeof ingestAlarmSchema>;

/** A batch; items are checked one by one (a bad item is reported, the others are stored). */
export const ingestBatchSchema = z.object({
  positions: z.array(z.unknown()).max(INGEST_MAX_ITEMS, `一批最多 ${INGEST_MAX_ITEMS} 条定位`).default([]),
  alarms: z.array(z.unknown()).max(INGEST_MAX_ITEMS, `一批最多 ${INGEST_MAX_ITEMS} 条报警`).default([]),
});

export const ingestResultSchema = z.object({
  /** New positions stored (accepted + filtered). */
  stored: z.number(),
  /** Of those, filtered (invalid, zero, future-dated, impossible speed): kept, not shown as the track. */
  filtered: z.number(),
  /** Already stored (same terminal and time): a retried batch changes nothing. */
  duplicates: z.number(),
  alarmsStored: z.number(),
  alarmDuplicates: z.number(),
  rejected: z.array(
    z.object({ list: z.enum(['positions', 'alarms']), index: z.number(), message: z.string() }),
  ),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

// ---- tracks -------------------------------------------------------------------------------------------------

export const TRACK_MAX_POINTS = 20000;

export const trackQuerySchema = z
  .object({
    from: dateTime('开始时间'),
    to: dateTime('结束时间'),
  })
  .refine((v) => Date.parse(v.to) > Date.parse(v.from), { message: '结束时间应晚于开始时间', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 31 * 86400_000, {
    message: '一次最多查询 31 天的轨迹',
    path: ['to'],
  });
export type TrackQuery = z.input<typeof trackQuerySchema>;

export const trackSegmentSchema = z.object({
  vessel: z.object({ id: z.string(), name: z.string(), registrationNo: z.string() }),
  terminalNumber: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(positionViewSchema),
  /** Fixes in this window recorded as filtered (not drawn). */
  filteredCount: z.number(),
  /** More than TRACK_MAX_POINTS: the first ones are returned; narrow the range. */
  truncated: z.boolean(),
});
export type TrackSegment = z.infer<typeof trackSegmentSchema>;

export const trackViewSchema = z.object({ segments: z.array(trackSegmentSchema) });
export type TrackView = z.infer<typeof trackViewSchema>;

export const vesselPositionSchema = z.object({
  vessel: z.object({ id: z.string(), name: z.string(), registrationNo: z.string() }),
  terminalNumber: z.string().nullable(),
  position: positionViewSchema.nullable(),
});
export const vesselPositionListSchema = z.object({ items: z.array(vesselPositionSchema) });
export type VesselPosition = z.infer<typeof vesselPositionSchema>;

export const gatewayStatusSchema = z.object({
  listening: z.boolean(),
  port: z.number().nullable(),
  connections: z.number(),
  authenticated: z.number(),
  framesIn: z.number(),
  framesRejected: z.number(),
  bytesDropped: z.number(),
  positionsQueued: z.number(),
  positionsStored: z.number(),
  positionsDuplicate: z.number(),
  positionsFiltered: z.number(),
  startedAt: z.string().nullable(),
});
export type GatewayStatus = z.infer<typeof gatewayStatusSchema>;

export const trackingSettingsSchema = z.object({ retentionMonths: z.number(), maxSpeedKmh: z.number() });
export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;
