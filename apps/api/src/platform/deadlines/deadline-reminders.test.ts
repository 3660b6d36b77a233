import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { RequestContext } from '../access/principal.ts';
import { fixedClock } from '../clock/clock.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';
import {
  DEADLINE_REMIND_JOB,
  deadlineRemindJob,
  reminderText,
  sendDeadlineReminders,
} from './deadline-reminders.ts';

// The reminder job on a fixed clock, over the worked example: 法律援助法第四十三条 gives seven days to decide;
// a case received on Monday 2026-03-02 is due on 2026-03-09 and turns amber two days before, on 03-07.
describe('deadline reminders', () => {
  let t: TestApp;
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const atBeihai = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
  let clerk: RequestContext;
  let cityBureau: number;
  const handler = '00000000-0000-4000-8000-0000000000a1';
  const lawyer = '00000000-0000-4000-8000-0000000000a2';
  const bystander = '00000000-0000-4000-8000-0000000000a3';

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const run = () =>
    sendDeadlineReminders(t.database.db, {
      clock,
      rules: t.services.deadlines.rules,
      outbox: t.services.outbox,
      batchSize: 2,
    });
  const messages = () =>
    q(
      "select recipient, template, body, payload, dedupe_key from notification_outbox where channel = 'inApp' order by id",
    );
  const marks = (caseId: string) =>
    q(
      'select warned_due_soon_at is not null as due_soon, warned_overdue_at is not null as overdue from case_deadline where case_id = $1',
      [caseId],
    );

  beforeAll(async () => {
    t = await createTestApp({ clock, caseTypes: [exampleApplication], numberSeries: [exampleCaseSeries] });
    cityBureau = Number((await q("select id from org_unit where name = '北海市司法局'"))[0]?.id);
    clerk = staffContext({ unitIds: [cityBureau] }, ['org:read', 'org:manage'], cityBureau);
  });
  afterAll(() => t?.close());

  it('tells the people working on the case once when due soon and once when overdue', async () => {
    clock.set(atBeihai('2026-03-02'));
    const c = await t.services.workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '张三申请法律援助',
      participants: [
        { accountKind: 'staff', accountId: handler, role: 'handler' },
        { accountKind: 'staff', accountId: lawyer, role: 'assignedLawyer' },
        { accountKind: 'staff', accountId: bystander, role: 'observer' },
        { accountKind: 'citizen', accountId: '00000000-0000-4000-8000-0000000000c1', role: 'applicant' },
      ],
    });
    // Nobody works on this one yet.
    const unattended = await t.services.workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '李四申请法律援助',
    });

    clock.set(atBeihai('2026-03-06', '23:59'));
    expect(await run()).toEqual({ dueSoon: 0, overdue: 0, messages: 0, unattended: 0 });
    expect(await messages()).toEqual([]);

    clock.set(atBeihai('2026-03-07', '00:05'));
    expect(await run()).toEqual({ dueSoon: 2, overdue: 0, messages: 2, unattended: 1 });
    const text = `【期限临近】案件${c.caseNo}“张三申请法律援助”的“法律援助审查决定期限”将于2026年3月9日到期（法律援助法第四十三条）`;
    const payload = { caseId: c.id, caseType: 'example.application', deadlineId: expect.any(Number) };
    expect(await messages()).toEqual([
      {
        recipient: `staff:${handler}`,
        template: 'deadline.dueSoon',
        body: text,
        payload,
        dedupe_key: expect.stringMatching(new RegExp(`^deadline:\\d+:dueSoon:2026-03-09:staff:${handler}$`)),
      },
      {
        recipient: `staff:${lawyer}`,
        template: 'deadline.dueSoon',
        body: text,
        payload,
        dedupe_key: expect.stringMatching(/:dueSoon:2026-03-09:staff:/),
      },
    ]);
    // The unattended case is marked all the same, so later scans do not pick it up again.
    expect(await marks(unattended.id)).toEqual([{ due_soon: true, overdue: false }]);

    clock.set(atBeihai('2026-03-08'));
    expect(await run()).toEqual({ dueSoon: 0, overdue: 0, messages: 0, unattended: 0 });
    expect(await messages()).toHaveLength(2);

    // The last day (03-09) is still not overdue; 03-11 is two days past.
    clock.set(atBeihai('2026-03-09', '23:50'));
    expect((await run()).overdue).toBe(0);
    clock.set(atBeihai('2026-03-11'));
    expect(await run()).toEqual({ dueSoon: 0, overdue: 2, messages: 2, unattended: 1 });
    const overdue = (await messages()).slice(2);
    expect(overdue.map((m) => [m.recipient, m.template, m.body])).toEqual([
      [
        `staff:${handler}`,
        'deadline.overdue',
        `【已超期】案件${c.caseNo}“张三申请法律援助”的“法律援助审查决定期限”已于2026年3月9日到期，已超期 2 天（法律援助法第四十三条）`,
      ],
      [`staff:${lawyer}`, 'deadline.overdue', expect.stringContaining('已超期 2 天')],
    ]);
    expect(await marks(unattended.id)).toEqual([{ due_soon: true, overdue: true }]);

    clock.set(atBeihai('2026-03-12'));
    expect(await run()).toEqual({ dueSoon: 0, overdue: 0, messages: 0, unattended: 0 });
    expect(await messages()).toHaveLength(4);
  });

  it('gives a clock that ran out before any scan only the overdue message', async () => {
    clock.set(atBeihai('2026-04-01'));
    const c = await t.services.workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '王五申请法律援助',
      participants: [{ accountKind: 'staff', accountId: handler, role: 'handler' }],
    });
    const before = (await messages()).length;
    clock.set(atBeihai('2026-04-20'));
    expect(await run()).toEqual({ dueSoon: 0, overdue: 1, messages: 1, unattended: 0 });
    const added = (await messages()).slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        template: 'deadline.overdue',
        payload: expect.objectContaining({ caseId: c.id }),
      }),
    ]);
    expect(await marks(c.id)).toEqual([{ due_soon: true, overdue: true }]);
  });

  it('does not message a paused or met clock', async () => {
    clock.set(atBeihai('2026-05-04'));
    const c = await t.services.workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '赵六申请法律援助',
      participants: [{ accountKind: 'staff', accountId: handler, role: 'handler' }],
    });
    await t.services.workflow.transition(clerk, {
      caseId: c.id,
      transition: 'requestCorrection',
      version: 1,
    });
    const before = (await messages()).length;
    clock.set(atBeihai('2026-06-01'));
    await run();
    expect(await messages()).toHaveLength(before);
    expect(await marks(c.id)).toEqual([{ due_soon: false, overdue: false }]);
  });

  it('shares the work between two instances without telling anyone twice', async () => {
    clock.set(atBeihai('2026-07-01'));
    for (const title of ['甲', '乙', '丙', '丁', '戊']) {
      await t.services.workflow.create(clerk, {
        type: 'example.application',
        competentUnitId: cityBureau,
        title,
        participants: [{ accountKind: 'staff', accountId: handler, role: 'handler' }],
      });
    }
    const before = (await messages()).length;
    clock.set(atBeihai('2026-07-06'));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.dueSoon + b.dueSoon).toBe(5);
    expect(a.messages + b.messages).toBe(5);
    const added = (await messages()).slice(before);
    expect(new Set(added.map((m) => m.dedupe_key)).size).toBe(5);
  });

  it('warns again when a pause moves the due date later', async () => {
    clock.set(atBeihai('2026-09-07'));
    const c = await t.services.workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '赵六申请法律援助',
      participants: [{ accountKind: 'staff', accountId: handler, role: 'handler' }],
    });
    const clockOf = async () =>
      (
        await q(
          'select due_on::text, warn_on::text, warned_due_soon_at from case_deadline where case_id = $1',
          [c.id],
        )
      )[0];
    const first = await clockOf();
    clock.set(atBeihai(String(first?.warn_on)));
    await run();
    const mine = async () =>
      (await messages()).filter((m) => (m.payload as { caseId?: string }).caseId === c.id).map((m) => m.body);
    expect(await mine()).toHaveLength(1);

    // 通知补正 pauses the clock; the applicant takes three days; the due date moves later.
    const received = await t.services.workflow.get(clerk, c.id);
    const paused = await t.services.workflow.transition(clerk, {
      caseId: c.id,
      transition: 'requestCorrection',
      version: received.version,
    });
    clock.set(new Date(clock.now().getTime() + 3 * 86_400_000));
    await t.services.workflow.transition(clerk, {
      caseId: c.id,
      transition: 'supplyCorrection',
      version: paused.version,
    });
    const moved = await clockOf();
    expect(String(moved?.due_on) > String(first?.due_on)).toBe(true);
    expect(moved?.warned_due_soon_at).toBeNull();

    clock.set(atBeihai(String(moved?.warn_on)));
    await run();
    const bodies = await mine();
    expect(bodies).toHaveLength(2);
    const [y, m, d] = String(moved?.due_on).split('-').map(Number);
    expect(bodies[1]).toContain(`将于${y}年${m}月${d}日到期`);
  });

  it('words hours rules by the instant, and says how long ago they ran out', () => {
    const input = {
      deadline: {
        dueOn: null,
        dueAt: new Date('2026-03-03T08:00:00Z'),
        ruleCode: 'legalAid.forwardDetainedApplication',
      },
      caseInfo: { caseNo: '北司援〔2026〕第12号', title: '王某申请法律援助' },
      ruleName: '转交被羁押人法律援助申请期限',
      article: '法律援助法第三十九条',
      today: '2026-03-03',
      timeZone: 'Asia/Shanghai',
    };
    expect(reminderText('dueSoon', { ...input, now: new Date('2026-03-03T03:00:00Z') })).toBe(
      '【期限临近】案件北司援〔2026〕第12号“王某申请法律援助”的“转交被羁押人法律援助申请期限”将于2026年3月3日 16:00到期（法律援助法第三十九条）',
    );
    expect(reminderText('overdue', { ...input, now: new Date('2026-03-03T10:30:00Z') })).toBe(
      '【已超期】案件北司援〔2026〕第12号“王某申请法律援助”的“转交被羁押人法律援助申请期限”已于2026年3月3日 16:00到期，已超时 3 小时（法律援助法第三十九条）',
    );
  });

  it('is a ten-minute job', () => {
    const job = deadlineRemindJob(t.database.db, {
      clock,
      rules: t.services.deadlines.rules,
      outbox: t.services.outbox,
    });
    expect(job).toMatchObject({ name: DEADLINE_REMIND_JOB, cron: '*/10 * * * *' });
  });
});
