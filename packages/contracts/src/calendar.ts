import { z } from 'zod';

// 节假日设置: the working-day calendar as the console reads it (GET /api/calendar/days, /overrides, /status).

export const calendarDayKinds = ['workday', 'weekend', 'holiday', 'makeUpWorkday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

export const calendarOverrideKinds = ['workday', 'holiday'] as const;
export type CalendarOverrideKind = (typeof calendarOverrideKinds)[number];

export const calendarDaySchema = z.object({
  date: z.string(),
  weekday: z.number().int().describe('1 = 周一 … 7 = 周日'),
  kind: z
    .enum(calendarDayKinds)
    .nullable()
    .describe('workday 工作日 / weekend 休息日 / holiday 节假日 / makeUpWorkday 调休上班；年度未录入为 null'),
  working: z.boolean().nullable(),
  name: z.string().nullable().describe('节假日名称，或调休上班所属节日'),
  source: z
    .enum(['override', 'package', 'default'])
    .nullable()
    .describe('override 管理员设置 / package 国务院安排 / default 按星期'),
  yearKnown: z.boolean(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarDaysSchema = z.object({ days: z.array(calendarDaySchema) });

export const calendarOverrideSchema = z.object({
  date: z.string(),
  kind: z.enum(calendarOverrideKinds),
  name: z.string(),
  note: z.string().nullable(),
  packageKind: z
    .enum(calendarDayKinds)
    .nullable()
    .describe('不设置时按国务院安排应为何种日子；该年度无数据为 null'),
  createdBy: z.string(),
  updatedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export const calendarOverridesSchema = z.object({ overrides: z.array(calendarOverrideSchema) });

export interface CalendarOverrideInput {
  kind: CalendarOverrideKind;
  name: string;
  note?: string | null;
}

export const calendarStatusSchema = z.object({
  today: z.string(),
  coverage: z.array(
    z.object({ year: z.number().int(), fromPackage: z.boolean(), overrideDays: z.number().int() }),
  ),
  missingYears: z
    .array(z.object({ year: z.number().int(), deadlines: z.number().int(), message: z.string() }))
    .describe('进行中的期限需要、但尚未录入节假日安排的年度'),
  nextYear: z.object({ year: z.number().int(), known: z.boolean() }),
  warnings: z.array(z.string()).describe('给管理员的提示（中文）；为空表示无需处理'),
});
export type CalendarStatus = z.infer<typeof calendarStatusSchema>;

/** The deadline badge's states (the API's `deadlineStanding`). */
export const deadlineBadgeStates = [
  'ok',
  'dueSoon',
  'overdue',
  'paused',
  'stopped',
  'met',
  'needsCalendar',
] as const;
export type DeadlineBadgeState = (typeof deadlineBadgeStates)[number];

export const deadlineStandingSchema = z.object({
  state: z.enum(deadlineBadgeStates),
  /** Calendar days to the due date: 0 = due today, negative = overdue. */
  remainingDays: z.number().nullable(),
  remainingWorkingDays: z.number().nullable(),
  remainingHours: z.number().nullable(),
  /** Chinese, for the badge: 剩余 3 个工作日 / 今日到期 / 已超期 2 天. */
  label: z.string(),
  /** Chinese, for the hover: the rule and its article. */
  title: z.string(),
});
export type DeadlineStanding = z.infer<typeof deadlineStandingSchema>;
