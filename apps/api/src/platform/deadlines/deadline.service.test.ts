import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { RequestContext } from '../access/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import { CalendarStore } from '../calendar/calendar-store.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { staffContext } from '../org/org-testing.ts';
import { DeadlineExtensionLimitError, DeadlineRuleRegistry } from './deadline.rules.ts';
import { DeadlineService } from './deadline.service.ts';
import { deadlineCatalogue } from './deadline-catalogue.ts';

// Running clocks in the database, on both PGlite and PostgreSQL, driven the way the workflow engine will
// drive them: inside the caller's transaction, with the clock set to each event's day.
describe('deadline service', () => {
  let database: DatabaseHandle;
  let deadlines: DeadlineService;
  let calendar: CalendarService;
  // 10:00 in Beihai on Monday 2026-03-02.
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const admin: RequestContext = staffContext({ all: true }, ['calendar:read', 'calendar:manage']);
  const atBeihai = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

  const row = async (id: number) =>
    (
      await database.executeSql(
        `select due_on::text, due_at, status, paused_since::text, paused_days, extensions,
                needs_calendar_year, closed_at, version, pauses
           from case_deadline where id = $1`,
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    const store = new CalendarStore();
    deadlines = new DeadlineService({
      clock,
      calendar: store,
      rules: new DeadlineRuleRegistry(...deadlineCatalogue),
    });
    calendar = new CalendarService({
      db: database.db,
      clock,
      audit: (executor, ctx, entry) => recordAudit(executor, ctx, entry, clock).then(() => undefined),
      store,
      dependents: deadlines,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts a working-day clock in the caller transaction and refuses a second live one', async () => {
    clock.set(atBeihai('2026-03-02'));
    const view = await database.db.transaction((tx) =>
      deadlines.start(tx, {
        caseType: 'reconsideration',
        caseId: 'R-1',
        ruleCode: 'reconsideration.acceptanceReview',
      }),
    );
    expect(view).toMatchObject({
      startedOn: '2026-03-02',
      dueOn: '2026-03-09',
      status: 'running',
      ruleName: '受理审查期限',
      article: '行政复议法第三十条',
      standing: { state: 'ok', label: '剩余 5 个工作日' },
    });
    expect(await row(view.id)).toMatchObject({ due_on: '2026-03-09', status: 'running', version: 1 });

    await expect(
      database.db.transaction((tx) =>
        deadlines.start(tx, {
          caseType: 'reconsideration',
          caseId: 'R-1',
          ruleCode: 'reconsideration.acceptanceReview',
        }),
      ),
    ).rejects.toMatchObject({ statusCode: 409, message: '该案件的“受理审查期限”已在计时，不能重复开始' });
    const count = await database.executeSql(
      `select count(*)::int as n from case_deadline where case_id = 'R-1'`,
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it('paused for a 10-working-day correction and resumed: the due date moves by exactly those days', async () => {
    clock.set(atBeihai('2026-03-02'));
    const key = { caseType: 'reconsideration', caseId: 'R-2', ruleCode: 'reconsideration.acceptanceReview' };
    const started = await deadlines.start(database.db, key);
    expect(started.dueOn).toBe('2026-03-09');

    clock.set(atBeihai('2026-03-04', '16:00'));
    const paused = await database.db.transaction((tx) => deadlines.pause(tx, key));
    expect(paused).toMatchObject({
      status: 'paused',
      dueOn: null,
      pausedSince: '2026-03-04',
      standing: { state: 'paused', label: '暂停计时，剩余 3 个工作日' },
    });
    expect(await row(started.id)).toMatchObject({
      status: 'paused',
      due_on: null,
      paused_since: '2026-03-04',
    });

    clock.set(atBeihai('2026-03-18', '09:00'));
    const resumed = await database.db.transaction((tx) => deadlines.resume(tx, key));
    expect(resumed).toMatchObject({
      status: 'running',
      dueOn: '2026-03-23',
      pausedDays: 10,
      pausedSince: null,
    });
    expect(await row(started.id)).toMatchObject({
      status: 'running',
      due_on: '2026-03-23',
      paused_days: 10,
      paused_since: null,
      version: 3,
      pauses: [{ from: '2026-03-04', to: '2026-03-18' }],
    });

    await expect(deadlines.resume(database.db, key)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('a change in a transaction that rolls back leaves the clock as it was', async () => {
    clock.set(atBeihai('2026-03-02'));
    const key = { caseType: 'reconsideration', caseId: 'R-3', ruleCode: 'reconsideration.acceptanceReview' };
    const started = await deadlines.start(database.db, key);
    clock.set(atBeihai('2026-03-03'));
    await expect(
      database.db.transaction(async (tx) => {
        await deadlines.pause(tx, key);
        throw new Error('the transition failed');
      }),
    ).rejects.toThrow('the transition failed');
    expect(await row(started.id)).toMatchObject({ status: 'running', due_on: '2026-03-09', version: 1 });
  });

  it('60 days extended once by 30; a second extension is refused and changes nothing (行政复议法第六十二条)', async () => {
    const key = { caseType: 'reconsideration', caseId: 'R-4', ruleCode: 'reconsideration.decision' };
    const started = await deadlines.start(database.db, { ...key, startedOn: '2026-06-01' });
    expect(started.dueOn).toBe('2026-07-31');

    const extended = await database.db.transaction((tx) => deadlines.extend(tx, key));
    expect(extended).toMatchObject({ dueOn: '2026-08-31', extensions: 1, maxExtensions: 1 });

    const refused = database.db.transaction((tx) => deadlines.extend(tx, started.id));
    await expect(refused).rejects.toBeInstanceOf(DeadlineExtensionLimitError);
    await expect(refused).rejects.toMatchObject({
      message: '“行政复议决定期限”最多只能延长 1 次（行政复议法第六十二条），不能再延长',
    });
    expect(await row(started.id)).toMatchObject({ due_on: '2026-08-31', extensions: 1, version: 2 });
  });

  it('met and stopped clocks end; a new clock of the same rule may start after', async () => {
    clock.set(atBeihai('2026-03-02'));
    const key = { caseType: 'legalAid', caseId: 'L-1', ruleCode: 'legalAid.decide' };
    const first = await deadlines.start(database.db, key);
    expect(first.dueOn).toBe('2026-03-09');
    clock.set(atBeihai('2026-03-05'));
    const met = await deadlines.meet(database.db, key);
    expect(met).toMatchObject({
      status: 'met',
      standing: { state: 'met' },
      closedAt: atBeihai('2026-03-05').toISOString(),
    });
    await expect(deadlines.pause(database.db, first.id)).rejects.toMatchObject({
      statusCode: 409,
      message: '“法律援助审查决定期限”已办结，不能暂停',
    });
    await expect(deadlines.pause(database.db, key)).rejects.toMatchObject({ statusCode: 404 });

    const second = await deadlines.start(database.db, key);
    const stopped = await deadlines.stop(database.db, second.id);
    expect(stopped.status).toBe('stopped');
    expect((await deadlines.listForCase(database.db, 'legalAid', 'L-1')).map((d) => d.status)).toEqual([
      'met',
      'stopped',
    ]);
  });

  it('an hours clock is an exact instant (法律援助法第三十九条)', async () => {
    clock.set('2026-03-06T12:00:00Z'); // 20:00 in Beihai
    const view = await deadlines.start(database.db, {
      caseType: 'legalAid',
      caseId: 'L-2',
      ruleCode: 'legalAid.forwardDetainedApplication',
    });
    expect(view).toMatchObject({
      startedOn: '2026-03-06',
      startedAt: '2026-03-06T12:00:00.000Z',
      dueOn: null,
      dueAt: '2026-03-07T12:00:00.000Z',
      standing: { state: 'ok', remainingHours: 24 },
    });
    expect((await row(view.id))?.due_at).toEqual(new Date('2026-03-07T12:00:00Z'));
  });

  it('a 2027 clock waits for the calendar with an admin warning, and computes once 2027 is entered', async () => {
    clock.set(atBeihai('2026-12-21'));
    const key = { caseType: 'reconsideration', caseId: 'R-2027', ruleCode: 'reconsideration.reply' };
    const started = await deadlines.start(database.db, key);
    expect(started).toMatchObject({
      dueOn: null,
      needsCalendarYear: 2027,
      standing: { state: 'needsCalendar' },
    });
    expect(await row(started.id)).toMatchObject({ due_on: null, needs_calendar_year: 2027 });

    const warning = '2027 年节假日安排尚未录入，涉及该年度的 1 个期限暂无法计算，请在“节假日设置”中补录';
    expect(await deadlines.calendarWarnings(database.db)).toEqual([
      { year: 2027, deadlines: 1, message: warning },
    ]);
    const status = await calendar.status(admin);
    expect(status.missingYears).toEqual([{ year: 2027, deadlines: 1, message: warning }]);
    expect(status.warnings).toContain(warning);
    expect(status.nextYear).toEqual({ year: 2027, known: false });

    // The administrator enters 2027's New Year's Day: the clock is recomputed in the same transaction.
    await calendar.putOverride(admin, '2027-01-01', { kind: 'holiday', name: '元旦', note: '国办发明电' });
    expect(await row(started.id)).toMatchObject({
      due_on: '2027-01-05',
      needs_calendar_year: null,
      version: 2,
    });
    expect(await deadlines.calendarWarnings(database.db)).toEqual([]);
    expect((await calendar.status(admin)).warnings).toEqual([]);

    const audit = await database.executeSql(
      `select action, entity_id, detail from audit_log where action like 'calendar.%' order by id`,
    );
    expect(audit.rows).toEqual([
      { action: 'calendar.override.create', entity_id: '2027-01-01', detail: null },
      {
        action: 'calendar.deadlines.recompute',
        entity_id: '2027-01-01',
        detail: { dates: ['2027-01-01'], recomputedDeadlines: 1 },
      },
    ]);
    await database.executeSql(`delete from case_deadline where case_id = 'R-2027'`);
    await calendar.deleteOverride(admin, '2027-01-01');
  });

  it('an override edit moves the live clocks it touches, and deleting it moves them back', async () => {
    const key = { caseType: 'reconsideration', caseId: 'R-5', ruleCode: 'reconsideration.acceptanceReview' };
    const started = await deadlines.start(database.db, { ...key, startedOn: '2026-09-28' });
    expect(started.dueOn).toBe('2026-10-10');
    const untouched = await deadlines.start(database.db, {
      caseType: 'reconsideration',
      caseId: 'R-6',
      ruleCode: 'reconsideration.acceptanceReview',
      startedOn: '2026-10-12',
    });
    expect(untouched.dueOn).toBe('2026-10-19');

    // Suppose the make-up Saturday were cancelled: the fifth working day becomes Monday 10-12.
    await calendar.putOverride(admin, '2026-10-10', { kind: 'holiday', name: '取消调休' });
    expect((await row(started.id))?.due_on).toBe('2026-10-12');
    expect(await row(untouched.id)).toMatchObject({ due_on: '2026-10-19', version: 1 });
    // New clocks use the new calendar at once.
    const after = await deadlines.start(database.db, {
      caseType: 'reconsideration',
      caseId: 'R-7',
      ruleCode: 'reconsideration.acceptanceReview',
      startedOn: '2026-09-28',
    });
    expect(after.dueOn).toBe('2026-10-12');

    await calendar.deleteOverride(admin, '2026-10-10');
    expect((await row(started.id))?.due_on).toBe('2026-10-10');
    expect((await row(after.id))?.due_on).toBe('2026-10-10');
  });

  it('the nightly recompute picks up a year added behind its back', async () => {
    clock.set(atBeihai('2026-12-28'));
    const started = await deadlines.start(database.db, {
      caseType: 'legalAid',
      caseId: 'L-2027',
      ruleCode: 'legalAid.decide',
    });
    expect(started.needsCalendarYear).toBe(2027);
    // Another instance (or a package upgrade) made 2027 known; this process learns it on reload.
    await database.db.execute(
      sql`insert into calendar_override (date, kind, name, created_by, updated_by, created_at, updated_at)
          values ('2027-01-04', 'holiday', '测试', 'system', 'system', now(), now())`,
    );
    const store = new CalendarStore({ reloadSeconds: 0 });
    const fresh = new DeadlineService({ clock, calendar: store, rules: deadlines.rules });
    expect(await database.db.transaction((tx) => fresh.recomputeUpcoming(tx))).toBeGreaterThanOrEqual(1);
    // 7 days from 12-28 end on Monday 2027-01-04, here a holiday → Tuesday 01-05.
    expect(await row(started.id)).toMatchObject({ due_on: '2027-01-05', needs_calendar_year: null });
  });
});
