import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date.ts';
import { CalendarYearUnknownError, WorkingCalendar } from '../calendar/working-calendar.ts';
import {
  computeDue,
  configureDeadlineRule,
  DeadlineExtensionLimitError,
  type DeadlineRule,
  DeadlineRuleRegistry,
  deadlineStanding,
  defineDeadlineRules,
  warningStartsAt,
  warningStartsOn,
} from './deadline.rules.ts';
import { legalAidDeadlines, reconsiderationDeadlines } from './deadline-catalogue.ts';

const calendar = new WorkingCalendar();
const { acceptanceReview, reply, decision } = reconsiderationDeadlines;
const { decide, forwardDetainedApplication } = legalAidDeadlines;

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

// The "must show" table, plus the counting rules of RULES.md around it.
describe('statutory deadlines on the working-day calendar', () => {
  it.each([
    {
      what: '5 working days from Monday 2026-09-28 end on the make-up Saturday 2026-10-10 (行政复议法第三十条; RULES.md worked example)',
      rule: acceptanceReview,
      startedOn: '2026-09-28',
      dueOn: '2026-10-10',
    },
    {
      what: '7 calendar days from 2026-09-28 would end on 10-05 inside National Day, so they end on the next working day 2026-10-08 (法律援助法第四十三条; 民事诉讼法第八十五条)',
      rule: decide,
      startedOn: '2026-09-28',
      dueOn: '2026-10-08',
    },
    {
      what: '5 working days from Thursday 2026-02-12 span Spring Festival: Fri 13, make-up Sat 14, then Tue 24 – Thu 26 (行政复议法第三十条)',
      rule: acceptanceReview,
      startedOn: '2026-02-12',
      dueOn: '2026-02-26',
    },
    {
      what: '10 working days from 2026-02-12 count both Spring Festival make-up Saturdays (14 and 28 February) and end 2026-03-04 (行政复议法第四十八条)',
      rule: reply,
      startedOn: '2026-02-12',
      dueOn: '2026-03-04',
    },
    {
      what: '7 calendar days from 2026-02-10 would end on 02-17 inside Spring Festival, so they end on 2026-02-24 (法律援助法第四十三条)',
      rule: decide,
      startedOn: '2026-02-10',
      dueOn: '2026-02-24',
    },
    {
      what: '7 calendar days from Saturday 2026-03-07 end on a Saturday, a rest day, so on Monday 2026-03-16 (民事诉讼法第八十五条: 节假日 includes weekends)',
      rule: decide,
      startedOn: '2026-03-07',
      dueOn: '2026-03-16',
    },
    {
      what: '3 calendar days ending on the make-up Saturday 2026-10-10 stay there: it is a working day (法律援助法第四十三条)',
      rule: legalAidDeadlines.assignLawyer,
      startedOn: '2026-10-07',
      dueOn: '2026-10-10',
    },
  ])('$what', ({ rule, startedOn, dueOn }) => {
    const due = computeDue({ rule, startedOn, calendar });
    expect(due).toMatchObject({ dueOn, dueAt: null, state: 'running', pausedDays: 0 });
  });

  it('does not roll a calendar-day period forward when the rule says so (rollForwardFromHoliday: false)', () => {
    const { plain } = defineDeadlineRules({
      plain: { ...decide, code: 'test.plainSevenDays', rollForwardFromHoliday: false },
    });
    expect(computeDue({ rule: plain, startedOn: '2026-09-28', calendar }).dueOn).toBe('2026-10-05');
  });

  it('a clock paused for a 10-working-day correction and resumed moves by exactly those 10 working days (行政复议法第三十一条)', () => {
    // Received Monday 2026-03-02: due Monday 03-09 without a pause.
    const unpaused = computeDue({ rule: acceptanceReview, startedOn: '2026-03-02', calendar });
    expect(unpaused.dueOn).toBe('2026-03-09');

    // Correction requested on Wednesday 03-04 (two working days used: 03-03, 03-04): the clock stops.
    const waiting = computeDue({
      rule: acceptanceReview,
      startedOn: '2026-03-02',
      calendar,
      pauses: [{ from: '2026-03-04', to: null }],
    });
    expect(waiting).toMatchObject({ state: 'paused', dueOn: null, remainingWhenPaused: 3 });

    // The materials arrive on 03-18, ten working days later (03-05 … 03-18); counting resumes on 03-19.
    const resumed = computeDue({
      rule: acceptanceReview,
      startedOn: '2026-03-02',
      calendar,
      pauses: [{ from: '2026-03-04', to: '2026-03-18' }],
    });
    expect(resumed).toMatchObject({ state: 'running', pausedDays: 10, dueOn: '2026-03-23' });
    // The same as ten more working days on the unpaused due date.
    const tenMore = computeDue({
      rule: { ...acceptanceReview, length: acceptanceReview.length + 10 },
      startedOn: '2026-03-02',
      calendar,
    });
    expect(tenMore.dueOn).toBe(resumed.dueOn);
  });

  it('a pause over National Day pushes a working-day clock only by the working days inside it', () => {
    // Paused 09-29 → 10-09: working days inside (09-30, 10-08, 10-09) = 3; holidays cost nothing.
    const due = computeDue({
      rule: acceptanceReview,
      startedOn: '2026-09-28',
      calendar,
      pauses: [{ from: '2026-09-29', to: '2026-10-09' }],
    });
    // Counted: 09-29, then 10-10 (make-up), 10-12, 10-13, 10-14.
    expect(due).toMatchObject({ pausedDays: 3, dueOn: '2026-10-14' });
  });

  it('a calendar-day clock is pushed by the calendar days of its pauses, two pauses included', () => {
    const due = computeDue({
      rule: decision,
      startedOn: '2026-06-01',
      calendar,
      pauses: [
        { from: '2026-06-10', to: '2026-06-15' },
        { from: '2026-07-01', to: '2026-07-04' },
      ],
    });
    // 60 days → 07-31; plus 5 + 3 paused days → 08-08, a Saturday → Monday 08-10.
    expect(due).toMatchObject({ pausedDays: 8, dueOn: '2026-08-10' });
  });

  it('60 days extended once by 30, and a second extension is refused in Chinese (行政复议法第六十二条)', () => {
    expect(computeDue({ rule: decision, startedOn: '2026-06-01', calendar, extensions: 0 }).dueOn).toBe(
      '2026-07-31',
    );
    // 90 days from 06-01 end on Sunday 08-30, so on Monday 08-31.
    const extended = computeDue({ rule: decision, startedOn: '2026-06-01', calendar, extensions: 1 });
    expect(extended).toMatchObject({ dueOn: '2026-08-31', totalLength: 90 });

    const err = thrown(() =>
      computeDue({ rule: decision, startedOn: '2026-06-01', calendar, extensions: 2 }),
    );
    expect(err).toBeInstanceOf(DeadlineExtensionLimitError);
    expect(err).toMatchObject({ code: 'DEADLINE_EXTENSION_LIMIT', statusCode: 409 });
    expect(err.message).toBe('“行政复议决定期限”最多只能延长 1 次（行政复议法第六十二条），不能再延长');

    const never = thrown(() =>
      computeDue({ rule: acceptanceReview, startedOn: '2026-06-01', calendar, extensions: 1 }),
    );
    expect(never.message).toBe('“受理审查期限”依法不能延长（行政复议法第三十条）');
  });

  it('a 2027 deadline raises CalendarYearUnknownError, and computes once 2027 is entered', () => {
    // 10 working days from Monday 2026-12-21: eight in December, then 2027.
    const err = thrown(() => computeDue({ rule: reply, startedOn: '2026-12-21', calendar }));
    expect(err).toBeInstanceOf(CalendarYearUnknownError);
    expect(err).toMatchObject({ year: 2027 });
    // A calendar-day period needs the year too: its last day might be a holiday.
    expect(() => computeDue({ rule: decide, startedOn: '2026-12-28', calendar })).toThrow(
      CalendarYearUnknownError,
    );

    const with2027 = new WorkingCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(computeDue({ rule: reply, startedOn: '2026-12-21', calendar: with2027 }).dueOn).toBe('2027-01-05');
    expect(computeDue({ rule: decide, startedOn: '2026-12-28', calendar: with2027 }).dueOn).toBe(
      '2027-01-04',
    );
  });

  it('24 hours is an exact span, holidays or not, and a pause adds its length (法律援助法第三十九条)', () => {
    const due = computeDue({
      rule: forwardDetainedApplication,
      startedAt: '2026-09-30T22:30:00+08:00',
      calendar,
    });
    expect(due).toMatchObject({ dueAt: '2026-10-01T14:30:00.000Z', dueOn: null, state: 'running' });

    const paused = computeDue({
      rule: forwardDetainedApplication,
      startedAt: '2026-09-30T22:30:00+08:00',
      calendar,
      pauses: [{ from: '2026-10-01T02:00:00+08:00', to: '2026-10-01T04:30:00+08:00' }],
    });
    expect(paused).toMatchObject({ dueAt: '2026-10-01T17:00:00.000Z', pausedMs: 2.5 * 3_600_000 });

    const open = computeDue({
      rule: forwardDetainedApplication,
      startedAt: '2026-09-30T22:30:00+08:00',
      calendar,
      pauses: [{ from: '2026-10-01T04:30:00+08:00', to: null }],
    });
    expect(open).toMatchObject({ state: 'paused', dueAt: null, remainingWhenPaused: 18 });
  });

  it('refuses pauses that overlap or begin before the start', () => {
    expect(() =>
      computeDue({
        rule: acceptanceReview,
        startedOn: '2026-03-02',
        calendar,
        pauses: [{ from: '2026-03-01', to: '2026-03-03' }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      computeDue({
        rule: acceptanceReview,
        startedOn: '2026-03-02',
        calendar,
        pauses: [
          { from: '2026-03-03', to: null },
          { from: '2026-03-05', to: '2026-03-06' },
        ],
      }),
    ).toThrow(RangeError);
  });
});

describe('deadline standing (the badge)', () => {
  const at = (today: string) => ({ today, now: new Date(`${today}T04:00:00Z`), calendar });

  it('green, amber within warnBefore working days, red when past, counted on working days', () => {
    const base = { rule: acceptanceReview, lifecycle: 'running' as const, dueOn: '2026-10-10', dueAt: null };
    // From 09-30, only 10-08, 10-09 and 10-10 are working days before the due date.
    expect(deadlineStanding({ ...base, ...at('2026-09-30') })).toMatchObject({
      state: 'ok',
      remainingDays: 10,
      remainingWorkingDays: 3,
      label: '剩余 3 个工作日',
      title: '受理审查期限：5 个工作日（行政复议法第三十条）',
    });
    expect(deadlineStanding({ ...base, ...at('2026-10-08') })).toMatchObject({
      state: 'dueSoon',
      remainingWorkingDays: 2,
    });
    expect(deadlineStanding({ ...base, ...at('2026-10-10') })).toMatchObject({
      state: 'dueSoon',
      remainingDays: 0,
      label: '今日到期',
    });
    expect(deadlineStanding({ ...base, ...at('2026-10-12') })).toMatchObject({
      state: 'overdue',
      remainingDays: -2,
      label: '已超期 2 天',
    });
  });

  it('calendar-day rules warn on calendar days; hours rules on hours', () => {
    const base = { rule: decision, lifecycle: 'running' as const, dueOn: '2026-07-31', dueAt: null };
    expect(deadlineStanding({ ...base, ...at('2026-07-20') }).state).toBe('ok');
    expect(deadlineStanding({ ...base, ...at('2026-07-21') })).toMatchObject({
      state: 'dueSoon',
      label: '剩余 10 天',
    });

    const hours = {
      rule: forwardDetainedApplication,
      lifecycle: 'running' as const,
      dueOn: null,
      dueAt: '2026-10-01T14:30:00.000Z',
      today: '2026-10-01',
      calendar,
    };
    expect(deadlineStanding({ ...hours, now: new Date('2026-10-01T04:30:00Z') })).toMatchObject({
      state: 'ok',
      remainingHours: 10,
    });
    expect(deadlineStanding({ ...hours, now: new Date('2026-10-01T09:00:00Z') })).toMatchObject({
      state: 'dueSoon',
      remainingHours: 5.5,
    });
    expect(deadlineStanding({ ...hours, now: new Date('2026-10-01T15:30:00Z') })).toMatchObject({
      state: 'overdue',
      label: '已超时 1 小时',
    });
  });

  it('paused, stopped, met and waiting for the calendar', () => {
    const base = { rule: acceptanceReview, dueOn: null, dueAt: null, ...at('2026-03-10') };
    expect(deadlineStanding({ ...base, lifecycle: 'paused', remainingWhenPaused: 3 })).toMatchObject({
      state: 'paused',
      label: '暂停计时，剩余 3 个工作日',
    });
    expect(deadlineStanding({ ...base, lifecycle: 'stopped' }).state).toBe('stopped');
    expect(deadlineStanding({ ...base, lifecycle: 'met' }).state).toBe('met');
    expect(deadlineStanding({ ...base, lifecycle: 'running' }).state).toBe('needsCalendar');
  });
});

describe('rule definitions and the registry', () => {
  const sample: DeadlineRule = {
    code: 'sample.review',
    name: '示例期限',
    article: '示例法第一条',
    startEvent: '收到申请之日',
    length: 5,
    unit: 'workingDays',
    warnBefore: 1,
    maxExtensions: 0,
  };

  it('refuses malformed rules and duplicate codes', () => {
    expect(() => defineDeadlineRules({ a: { ...sample, length: 0 } })).toThrow(/length/);
    expect(() => defineDeadlineRules({ a: { ...sample, maxExtensions: 1 } })).toThrow(/extensionLength/);
    expect(() => defineDeadlineRules({ a: { ...sample, code: 'Bad code' } })).toThrow(/code/);
    expect(() => defineDeadlineRules({ a: { ...sample, rollForwardFromHoliday: true } })).toThrow(
      /calendar-day/,
    );
    expect(() => defineDeadlineRules({ a: sample, b: { ...sample } })).toThrow(/twice/);
    const registry = new DeadlineRuleRegistry(defineDeadlineRules({ a: sample }));
    expect(() => registry.add({ b: { ...sample } })).toThrow(/registered twice/);
    expect(registry.get('sample.review').name).toBe('示例期限');
    expect(() => registry.get('sample.none')).toThrow(/unknown deadline rule/);
  });

  it('configures a value while keeping the code', () => {
    const longer = configureDeadlineRule(sample, { length: 10 });
    expect(longer).toMatchObject({ code: 'sample.review', length: 10 });
    expect(() => configureDeadlineRule(sample, { warnBefore: -1 })).toThrow(/warnBefore/);
  });
});

describe('the day a clock turns amber', () => {
  it('5 working days due on the make-up Saturday 2026-10-10, warned 2 working days before: amber from Thursday 2026-10-08 (not inside the holiday)', () => {
    expect(warningStartsOn(acceptanceReview, '2026-10-10', calendar)).toBe('2026-10-08');
  });

  it.each([
    { rule: acceptanceReview, dueOn: '2026-10-10' },
    { rule: acceptanceReview, dueOn: '2026-02-26' },
    { rule: decide, dueOn: '2026-10-08' },
    { rule: reply, dueOn: '2026-03-04' },
  ])('agrees with the badge on every day before $rule.code due $dueOn', ({ rule, dueOn }) => {
    const warnOn = warningStartsOn(rule, dueOn, calendar);
    for (let today = addDays(dueOn, -30); today <= dueOn; today = addDays(today, 1)) {
      const state = deadlineStanding({
        rule,
        lifecycle: 'running',
        dueOn,
        dueAt: null,
        today,
        now: new Date(`${today}T12:00:00+08:00`),
        calendar,
        remainingWhenPaused: null,
      }).state;
      expect(state === 'dueSoon', `${today}`).toBe(today >= warnOn);
    }
  });

  it('hours rules turn amber warnBefore hours before the instant', () => {
    const dueAt = new Date('2026-11-27T10:00:00+08:00');
    expect(warningStartsAt(forwardDetainedApplication, dueAt).toISOString()).toBe(
      new Date(dueAt.getTime() - forwardDetainedApplication.warnBefore * 3_600_000).toISOString(),
    );
  });
});
