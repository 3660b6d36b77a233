import {
  calendarDaySchema,
  calendarOverrideKinds,
  calendarOverrideSchema,
  calendarStatusSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import {
  type CalendarService,
  MAX_OVERRIDES_PER_REQUEST,
  OVERRIDE_NAME_MAX,
  OVERRIDE_NOTE_MAX,
  OVERRIDE_YEARS,
} from './calendar.service.ts';
import { isIsoDate } from './iso-date.ts';

export interface CalendarRoutesDeps {
  calendar: Pick<
    CalendarService,
    'listDays' | 'listOverrides' | 'putOverride' | 'putOverrides' | 'deleteOverride' | 'status'
  >;
}

const dateSchema = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine(isIsoDate, `${label}应为 YYYY-MM-DD 格式的有效日期`)
    .describe(`${label}，YYYY-MM-DD`);

const daySchema = calendarDaySchema.meta({ id: 'CalendarDay', description: '日历中的一天' });
const overrideSchema = calendarOverrideSchema.meta({
  id: 'CalendarOverride',
  description: '节假日设置（覆盖节假日数据包）',
});
const overrideKinds = calendarOverrideKinds;

const overrideFields = {
  kind: z.enum(overrideKinds, { error: '请选择“放假”（holiday）或“上班”（workday）' }),
  name: z
    .string({ error: '请填写名称，如“元旦”或“春节调休上班”' })
    .trim()
    .min(1, '请填写名称，如“元旦”或“春节调休上班”')
    .max(OVERRIDE_NAME_MAX, `名称不能超过 ${OVERRIDE_NAME_MAX} 个字`),
  note: z
    .string()
    .trim()
    .max(OVERRIDE_NOTE_MAX, `备注不能超过 ${OVERRIDE_NOTE_MAX} 个字`)
    .nullable()
    .optional(),
};

const statusSchema = calendarStatusSchema;

const dateParams = z.object({ date: dateSchema('日期') });

/** 节假日设置: the working-day calendar, its administrator's overrides and its coverage warnings. */
export function calendarRoutes(deps: CalendarRoutesDeps): FastifyPluginAsyncZod {
  const { calendar } = deps;
  return async (app) => {
    app.get(
      '/api/calendar/days',
      {
        config: { permission: 'calendar:read' },
        schema: {
          tags: ['calendar'],
          summary: '查询日历：每天是工作日、休息日、节假日还是调休上班（一次最多 366 天）',
          querystring: z.object({ from: dateSchema('开始日期'), to: dateSchema('结束日期') }),
          response: { 200: z.object({ days: z.array(daySchema) }) },
        },
      },
      async (request) => ({
        days: await calendar.listDays(request.ctx, request.query.from, request.query.to),
      }),
    );

    app.get(
      '/api/calendar/overrides',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: '节假日设置列表（管理员补录或更正的日期）',
          querystring: z.object({
            year: z.coerce
              .number({ error: '年份应为数字' })
              .int('年份应为整数')
              .min(OVERRIDE_YEARS.min, `年份应在 ${OVERRIDE_YEARS.min}—${OVERRIDE_YEARS.max} 之间`)
              .max(OVERRIDE_YEARS.max, `年份应在 ${OVERRIDE_YEARS.min}—${OVERRIDE_YEARS.max} 之间`)
              .optional(),
          }),
          response: { 200: z.object({ overrides: z.array(overrideSchema) }) },
        },
      },
      async (request) => ({ overrides: await calendar.listOverrides(request.ctx, request.query.year) }),
    );

    app.put(
      '/api/calendar/overrides',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: '批量设置多天（如录入一整年的节假日安排），同一事务，逐日记入审计日志',
          body: z.object({
            items: z
              .array(z.object({ date: dateSchema('日期'), ...overrideFields }), {
                error: '请提供要设置的日期列表',
              })
              .min(1, '请至少填写一天')
              .max(MAX_OVERRIDES_PER_REQUEST, `一次最多设置 ${MAX_OVERRIDES_PER_REQUEST} 天`),
          }),
          response: { 200: z.object({ overrides: z.array(overrideSchema) }) },
        },
      },
      async (request) => ({ overrides: await calendar.putOverrides(request.ctx, request.body.items) }),
    );

    app.put(
      '/api/calendar/overrides/:date',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: '设置某一天为放假或上班（覆盖节假日数据包），并重算受影响的期限',
          params: dateParams,
          body: z.object(overrideFields),
          response: { 200: overrideSchema },
        },
      },
      async (request) => calendar.putOverride(request.ctx, request.params.date, request.body),
    );

    app.delete(
      '/api/calendar/overrides/:date',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: '删除某一天的设置，恢复按节假日数据包（或星期）计算',
          params: dateParams,
        },
      },
      async (request, reply) => {
        await calendar.deleteOverride(request.ctx, request.params.date);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/calendar/status',
      {
        config: { permission: 'calendar:read' },
        schema: {
          tags: ['calendar'],
          summary: '日历覆盖年度，以及进行中期限所需但尚未录入的年度（管理员提示）',
          response: { 200: statusSchema },
        },
      },
      async (request) => calendar.status(request.ctx),
    );
  };
}
