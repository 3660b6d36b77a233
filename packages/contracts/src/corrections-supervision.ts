import { z } from 'zod';
import { sentenceKinds, superviseeFlags, supervisionLevels } from './corrections.ts';
import { correctionsDay, correctionsOptionalText, correctionsText } from './corrections-investigation.ts';

// 日常监管 (社区矫正法第二十三条、第二十六条; 实施办法 定期报告、走访、教育学习和公益活动): check-ins by the
// supervisee in the portal on a schedule set by the supervision level, monthly periodic reports (思想汇报),
// officers' visits and calls, education and public-service hours against the plan's monthly targets, and
// missed check-ins that become tasks for the office. Also the portal's online report-in (网上报到).

// ---- vocabularies -----------------------------------------------------------------------------------------

/** 按时 / 迟到 (outside any open window: recorded, never refused). */
export const checkInStatuses = ['onTime', 'late'] as const;
export type CheckInStatus = (typeof checkInStatuses)[number];
export const checkInStatusLabels: Record<CheckInStatus, string> = { onTime: '按时', late: '迟到' };

/** A window of today as the portal and the office board show it. */
export const checkInWindowStates = ['upcoming', 'open', 'done', 'missed'] as const;
export type CheckInWindowState = (typeof checkInWindowStates)[number];
export const checkInWindowStateLabels: Record<CheckInWindowState, string> = {
  upcoming: '未开始',
  open: '可打卡',
  done: '已打卡',
  missed: '未打卡',
};

/** 走访 / 电话核查. */
export const supervisionContactKinds = ['visit', 'call'] as const;
export type SupervisionContactKind = (typeof supervisionContactKinds)[number];
export const supervisionContactKindLabels: Record<SupervisionContactKind, string> = {
  visit: '走访',
  call: '电话核查',
};

/** 教育学习 / 公益活动. */
export const supervisionHoursKinds = ['education', 'publicService'] as const;
export type SupervisionHoursKind = (typeof supervisionHoursKinds)[number];
export const supervisionHoursKindLabels: Record<SupervisionHoursKind, string> = {
  education: '教育学习',
  publicService: '公益活动',
};

export const missedCheckInStatuses = ['open', 'resolved'] as const;
export type MissedCheckInStatus = (typeof missedCheckInStatuses)[number];
export const missedCheckInStatusLabels: Record<MissedCheckInStatus, string> = {
  open: '待核实',
  resolved: '已核实',
};

// ---- schedule (platform setting `corrections.checkInSchedule`) ---------------------------------------------

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间应为 HH:MM');

/**
 * One level's check-in schedule. `daily`: every window every day. `weekly`: one window a week, opening on
 * Monday at the first window's start and closing on Sunday at its end. Times are Beijing time.
 */
export const checkInLevelScheduleSchema = z.object({
  frequency: z.enum(['daily', 'weekly']),
  windows: z
    .array(z.object({ start: hhmm, end: hhmm }))
    .min(1)
    .max(6),
});
export type CheckInLevelSchedule = z.infer<typeof checkInLevelScheduleSchema>;
export const checkInScheduleSchema = z.object({
  strict: checkInLevelScheduleSchema,
  ordinary: checkInLevelScheduleSchema,
  lenient: checkInLevelScheduleSchema,
});
export type CheckInSchedule = z.infer<typeof checkInScheduleSchema>;

/** The defaults (configurable): 严管 three fixed windows a day, 普管 once a day, 宽管 once a week. */
export const defaultCheckInSchedule: CheckInSchedule = {
  strict: {
    frequency: 'daily',
    windows: [
      { start: '08:00', end: '09:00' },
      { start: '12:00', end: '13:00' },
      { start: '18:00', end: '19:00' },
    ],
  },
  ordinary: { frequency: 'daily', windows: [{ start: '08:00', end: '20:00' }] },
  lenient: { frequency: 'weekly', windows: [{ start: '08:00', end: '20:00' }] },
};

// ---- requests ---------------------------------------------------------------------------------------------

/** The phone's geolocation (navigator.geolocation): WGS-84 degrees and the accuracy radius in metres. */
export const geoLocationSchema = z.object(
  {
    latitude: z
      .number({ error: '位置信息不正确，请重新定位' })
      .min(-90, '位置信息不正确，请重新定位')
      .max(90, '位置信息不正确，请重新定位'),
    longitude: z
      .number({ error: '位置信息不正确，请重新定位' })
      .min(-180, '位置信息不正确，请重新定位')
      .max(180, '位置信息不正确，请重新定位'),
    accuracy: z
      .number({ error: '缺少定位精度，请重新定位' })
      .min(0, '定位精度不正确')
      .max(100_000, '定位精度过低，请到室外开阔处重新定位'),
  },
  { error: '请允许获取位置后再提交' },
);
export type GeoLocation = z.infer<typeof geoLocationSchema>;

/** 打卡: location required; a photo (camera) and a few words optional. */
export const checkInSchema = z.object({
  location: geoLocationSchema,
  photoFileId: z.uuid('照片编号不正确，请重新拍照').nullable().optional(),
  note: correctionsOptionalText('打卡说明', 500),
});
export type CheckInInput = z.input<typeof checkInSchema>;

/** 网上报到: photo and location required. */
export const portalReportInSchema = z.object({
  location: geoLocationSchema,
  photoFileId: z.uuid({ error: '请拍摄本人照片' }),
  note: correctionsOptionalText('报到说明', 500),
});
export type PortalReportInInput = z.input<typeof portalReportInSchema>;

/** 思想汇报: once a month. */
export const periodicReportSchema = z.object({
  content: correctionsText('思想汇报内容', 5000),
  photoFileId: z.uuid('照片编号不正确，请重新上传').nullable().optional(),
});
export type PeriodicReportInput = z.input<typeof periodicReportSchema>;

/** 走访 / 电话核查, recorded by an officer. */
export const supervisionContactSchema = z.object({
  kind: z.enum(supervisionContactKinds, { error: '请选择走访或电话核查' }),
  occurredOn: correctionsDay('走访（核查）日期'),
  place: correctionsOptionalText('地点或电话', 100),
  content: correctionsText('走访（核查）情况', 2000),
  /** 表现正常 / 发现异常… in the officer's words. */
  finding: correctionsOptionalText('核查结论', 200),
});
export type SupervisionContactInput = z.input<typeof supervisionContactSchema>;

/** Hours of education or public service done on a day. */
export const supervisionHoursSchema = z.object({
  kind: z.enum(supervisionHoursKinds, { error: '请选择教育学习或公益活动' }),
  occurredOn: correctionsDay('活动日期'),
  hours: z
    .number({ error: '时长应为数字' })
    .min(0.5, '时长至少 0.5 小时')
    .max(12, '一次记录的时长不能超过 12 小时')
    .refine((v) => Number.isInteger(v * 2), '时长以 0.5 小时为单位'),
  activity: correctionsText('活动内容', 200),
});
export type SupervisionHoursInput = z.input<typeof supervisionHoursSchema>;

export const missedCheckInResolveSchema = z.object({
  note: correctionsText('核实情况', 1000),
});

export const checkInBoardQuerySchema = z.object({
  officeId: z.coerce.number().int().optional(),
  date: correctionsDay('日期').optional(),
  /** all, missed (未打卡) or done. */
  show: z.enum(['all', 'missed', 'done']).default('all'),
});

// ---- views ------------------------------------------------------------------------------------------------

export const geoLocationViewSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  accuracy: z.number(),
  /** 北纬 21.4813°，东经 109.1201°（精度约 15 米）: the map-less text the console shows. */
  text: z.string(),
});
export type GeoLocationView = z.infer<typeof geoLocationViewSchema>;

export const checkInWindowViewSchema = z.object({
  key: z.string(),
  /** 08:00–09:00, or 本周 11月23日 08:00 至 11月29日 20:00. */
  label: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(checkInWindowStates),
});
export type CheckInWindowView = z.infer<typeof checkInWindowViewSchema>;

export const checkInViewSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  status: z.enum(checkInStatuses),
  windowKey: z.string().nullable(),
  windowLabel: z.string().nullable(),
  note: z.string().nullable(),
  photoFileId: z.uuid().nullable(),
  location: geoLocationViewSchema,
});
export type CheckInView = z.infer<typeof checkInViewSchema>;

export const missedCheckInViewSchema = z.object({
  id: z.number().int(),
  windowKey: z.string(),
  windowLabel: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(missedCheckInStatuses),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type MissedCheckInView = z.infer<typeof missedCheckInViewSchema>;

export const periodicReportViewSchema = z.object({
  id: z.uuid(),
  /** 2026-11. */
  month: z.string(),
  content: z.string(),
  photoFileId: z.uuid().nullable(),
  submittedAt: z.string(),
});
export type PeriodicReportView = z.infer<typeof periodicReportViewSchema>;

export const supervisionContactViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(supervisionContactKinds),
  occurredOn: z.string(),
  place: z.string().nullable(),
  content: z.string(),
  finding: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type SupervisionContactView = z.infer<typeof supervisionContactViewSchema>;

export const supervisionHoursViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(supervisionHoursKinds),
  occurredOn: z.string(),
  hours: z.number(),
  activity: z.string(),
  recordedBy: z.string(),
});
export type SupervisionHoursView = z.infer<typeof supervisionHoursViewSchema>;

/** A month's hours against the plan's targets (null target: no plan yet). */
export const hoursProgressSchema = z.object({
  month: z.string(),
  education: z.object({ done: z.number(), target: z.number().nullable() }),
  publicService: z.object({ done: z.number(), target: z.number().nullable() }),
});
export type HoursProgress = z.infer<typeof hoursProgressSchema>;

export const reportInEvidenceViewSchema = z.object({
  reportedAt: z.string(),
  photoFileId: z.uuid(),
  location: geoLocationViewSchema,
  note: z.string().nullable(),
});

/** The 日常监管 tab of the supervisee's record. */
export const supervisionRecordSchema = z.object({
  caseId: z.uuid(),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  /** 每日 3 次：08:00–09:00、12:00–13:00、18:00–19:00. */
  scheduleLabel: z.string().nullable(),
  today: z.array(checkInWindowViewSchema),
  checkIns: z.array(checkInViewSchema),
  missed: z.array(missedCheckInViewSchema),
  reports: z.array(periodicReportViewSchema),
  contacts: z.array(supervisionContactViewSchema),
  hours: z.array(supervisionHoursViewSchema),
  /** This month and the previous five. */
  progress: z.array(hoursProgressSchema),
  reportIn: reportInEvidenceViewSchema.nullable(),
});
export type SupervisionRecord = z.infer<typeof supervisionRecordSchema>;

/** 我的矫正: the portal home. */
export const portalHomeSchema = z.object({
  caseNo: z.string().nullable(),
  name: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  sentenceKind: z.enum(sentenceKinds),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  flags: z.array(z.enum(superviseeFlags)),
  officeName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  daysRemaining: z.number().int(),
  /** Waiting for the report-in: its due day (第二十一条). */
  reportInDueOn: z.string().nullable(),
  reportedInOn: z.string().nullable(),
  scheduleLabel: z.string().nullable(),
  today: z.array(checkInWindowViewSchema),
  /** The month's 思想汇报 is in. */
  reportSubmittedThisMonth: z.boolean(),
  progress: hoursProgressSchema,
});
export type PortalHome = z.infer<typeof portalHomeSchema>;

export const portalRecordsSchema = z.object({
  checkIns: z.array(checkInViewSchema),
  missed: z.array(missedCheckInViewSchema),
  reports: z.array(periodicReportViewSchema),
});
export type PortalRecords = z.infer<typeof portalRecordsSchema>;

/** 今日打卡 / 未打卡: one row per supervisee under supervision at the office. */
export const checkInBoardRowSchema = z.object({
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  /** Full for adults; 张某 for a minor. */
  name: z.string(),
  office: z.object({ id: z.number().int(), name: z.string() }),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  windows: z.array(checkInWindowViewSchema),
  done: z.number().int(),
  missed: z.number().int(),
  lastCheckInAt: z.string().nullable(),
});
export const checkInBoardSchema = z.object({
  date: z.string(),
  rows: z.array(checkInBoardRowSchema),
  totals: z.object({
    supervisees: z.number().int(),
    windows: z.number().int(),
    done: z.number().int(),
    missed: z.number().int(),
  }),
});
export type CheckInBoard = z.infer<typeof checkInBoardSchema>;
