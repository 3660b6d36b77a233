import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../testing/test-database.ts';
import type { RequestContext } from '../access/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { CalendarStore } from '../calendar/calendar-store.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { DeadlineRuleRegistry } from '../deadlines/deadline.rules.ts';
import { DeadlineService } from '../deadlines/deadline.service.ts';
import { deadlineCatalogue } from '../deadlines/deadline-catalogue.ts';
import { createNotificationOutbox } from '../notifications/outbox.ts';
import { NumberSeriesRegistry } from '../numbering/number-series.ts';
import { NumberingService } from '../numbering/numbering.service.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { generateOrgTree } from '../org/org.generate.ts';
import { staffContext } from '../org/org-testing.ts';
import { CaseTypeRegistry } from './workflow.rules.ts';
import { WorkflowService } from './workflow.service.ts';
import { exampleApplication } from './workflow-testing.ts';

// The transition engine on the worked example, on PGlite and on PostgreSQL: what the database holds after
// each transition, and that every refusal leaves it exactly as it was.
describe('workflow service', () => {
  let database: DatabaseHandle;
  let workflow: WorkflowService;
  let cityBureau: number;
  let haicheng: number;
  // 10:00 in Beihai on Monday 2026-03-02.
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const atBeihai = (day: string) => new Date(`${day}T10:00:00+08:00`);
  let clerk: RequestContext;
  let chief: RequestContext;
  /** A clerk of another district: the city bureau's cases are outside their scope. */
  let outsider: RequestContext;

  const q = async (text: string, values: unknown[] = []) => (await database.executeSql(text, values)).rows;
  /** Everything a transition may touch, to compare before and after a refusal. */
  const snapshot = async (caseId: string) => ({
    record: await q('select status, version, updated_at from case_record where id = $1', [caseId]),
    history: await q('select id, transition from case_history where case_id = $1 order by id', [caseId]),
    audit: await q(
      "select id, action from audit_log where entity_type = 'case' and entity_id = $1 order by id",
      [caseId],
    ),
    deadlines: await q(
      'select rule_code, status, pauses, version from case_deadline where case_id = $1 order by id',
      [caseId],
    ),
    notices: await q('select count(*)::int as n from notification_outbox'),
  });
  const deadline = async (caseId: string, ruleCode: string) =>
    (
      await q(
        'select status, due_on::text, pauses, paused_days from case_deadline where case_id = $1 and rule_code = $2 order by id desc',
        [caseId, ruleCode],
      )
    )[0];

  const open = (title = '张三申请法律援助') =>
    workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title,
      participants: [{ accountKind: 'staff', accountId: chief.principal?.id ?? '', role: 'handler' }],
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateOrgTree(database.db, { cityDivisionCode: '450500', clock });
    const units = await q("select id, name from org_unit where name in ('北海市司法局', '海城区司法局')");
    const idOf = (name: string) => Number(units.find((r) => r.name === name)?.id);
    cityBureau = idOf('北海市司法局');
    haicheng = idOf('海城区司法局');
    clerk = staffContext({ unitIds: [cityBureau] }, ['org:read'], cityBureau);
    const chiefBase = staffContext({ unitIds: [cityBureau] }, ['org:read', 'org:manage'], cityBureau);
    chief = {
      ...chiefBase,
      principal: chiefBase.principal && {
        ...chiefBase.principal,
        id: '00000000-0000-4000-8000-000000000002',
        displayName: '李科长',
      },
    };
    const outsiderBase = staffContext({ unitIds: [haicheng] }, ['org:read', 'org:manage'], haicheng);
    outsider = {
      ...outsiderBase,
      principal: outsiderBase.principal && {
        ...outsiderBase.principal,
        id: '00000000-0000-4000-8000-000000000003',
      },
    };
    const audit = (
      executor: Parameters<typeof recordAudit>[0],
      ctx: RequestContext,
      entry: Parameters<typeof recordAudit>[2],
    ) => recordAudit(executor, ctx, entry, clock).then(() => undefined);
    const store = new CalendarStore();
    workflow = new WorkflowService({
      db: database.db,
      clock,
      audit,
      deadlines: new DeadlineService({
        clock,
        calendar: store,
        rules: new DeadlineRuleRegistry(...deadlineCatalogue),
      }),
      numbering: new NumberingService({
        db: database.db,
        clock,
        series: new NumberSeriesRegistry(exampleCaseSeries),
        cityName: '北海市',
        audit,
      }),
      types: new CaseTypeRegistry(exampleApplication),
      outbox: createNotificationOutbox({ clock, protect: (s) => s, reveal: (s) => s }),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a case with its number, the initial clock, a history row and an audit row', async () => {
    clock.set(atBeihai('2026-03-02'));
    const first = await open();
    const second = await open('李四申请法律援助');
    expect(first.caseNo).toBe('北司援〔2026〕第1号');
    expect(second.caseNo).toBe('北司援〔2026〕第2号');
    expect(first).toMatchObject({ status: 'received', version: 1, receivingUnitId: cityBureau });
    expect(await deadline(first.id, 'legalAid.decide')).toMatchObject({
      status: 'running',
      due_on: '2026-03-09',
    });
    expect(
      await q('select transition, from_status, to_status, actor_name from case_history where case_id = $1', [
        first.id,
      ]),
    ).toEqual([{ transition: 'create', from_status: null, to_status: 'received', actor_name: '测试员' }]);
    expect(
      await q("select action from audit_log where entity_type = 'case' and entity_id = $1", [first.id]),
    ).toEqual([{ action: 'case.create' }]);
  });

  it('pauses the clock for a correction, resumes it, and meets it on the decision', async () => {
    clock.set(atBeihai('2026-03-02'));
    const c = await open();
    clock.set(atBeihai('2026-03-03'));
    let row = await workflow.transition(clerk, { caseId: c.id, transition: 'requestCorrection', version: 1 });
    expect(row).toMatchObject({ status: 'awaitingCorrection', version: 2 });
    expect(await deadline(c.id, 'legalAid.decide')).toMatchObject({ status: 'paused' });
    clock.set(atBeihai('2026-03-06'));
    row = await workflow.transition(clerk, { caseId: c.id, transition: 'supplyCorrection', version: 2 });
    const resumed = await deadline(c.id, 'legalAid.decide');
    expect(resumed).toMatchObject({ status: 'running', pauses: [{ from: '2026-03-03', to: '2026-03-06' }] });
    expect(resumed?.due_on).not.toBe('2026-03-09'); // the paused days moved the due date
    row = await workflow.transition(clerk, {
      caseId: c.id,
      transition: 'accept',
      version: 3,
      comment: '材料齐全',
    });
    row = await workflow.transition(chief, {
      caseId: c.id,
      transition: 'decide',
      version: 4,
      input: { decisionText: '给予法律援助' },
    });
    expect(row).toMatchObject({ status: 'decided', version: 5, updatedBy: chief.principal?.id });
    expect(await deadline(c.id, 'legalAid.decide')).toMatchObject({ status: 'met' });
    expect(await deadline(c.id, 'legalAid.assignLawyer')).toMatchObject({ status: 'running' });
    expect(
      await q(
        'select transition, from_status, to_status, comment, data from case_history where case_id = $1 order by id',
        [c.id],
      ),
    ).toEqual([
      { transition: 'create', from_status: null, to_status: 'received', comment: null, data: null },
      {
        transition: 'requestCorrection',
        from_status: 'received',
        to_status: 'awaitingCorrection',
        comment: null,
        data: null,
      },
      {
        transition: 'supplyCorrection',
        from_status: 'awaitingCorrection',
        to_status: 'received',
        comment: null,
        data: null,
      },
      {
        transition: 'accept',
        from_status: 'received',
        to_status: 'accepted',
        comment: '材料齐全',
        data: null,
      },
      {
        transition: 'decide',
        from_status: 'accepted',
        to_status: 'decided',
        comment: null,
        data: { decisionText: '给予法律援助' },
      },
    ]);
    const audits = await q(
      "select before, after, detail from audit_log where entity_type = 'case' and entity_id = $1 and action = 'case.transition' order by id",
      [c.id],
    );
    expect(audits).toHaveLength(4);
    expect(audits[3]).toEqual({
      before: { status: 'accepted', version: 4 },
      after: { status: 'decided', version: 5 },
      detail: { caseType: 'example.application', transition: 'decide' },
    });
    // The handler hears of the decision in the notification centre.
    expect(
      await q(
        "select recipient, body from notification_outbox where template = 'example.decided' and recipient = $1",
        [`staff:${chief.principal?.id}`],
      ),
    ).toEqual([{ recipient: `staff:${chief.principal?.id}`, body: `案件${c.caseNo}已作出决定` }]);
  });

  it('a guard refusal changes nothing and says why', async () => {
    const c = await open();
    await workflow.transition(clerk, { caseId: c.id, transition: 'accept', version: 1 });
    const before = await snapshot(c.id);
    clock.set(atBeihai('2026-03-04'));
    await expect(
      workflow.transition(chief, {
        caseId: c.id,
        transition: 'decide',
        version: 2,
        input: { decisionText: ' ' },
      }),
    ).rejects.toMatchObject({ statusCode: 422, message: '尚未填写决定内容，不能作出决定' });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('refuses bad input, a missing permission, a wrong state and a stale version, changing nothing', async () => {
    const c = await open();
    const before = await snapshot(c.id);
    await expect(
      workflow.transition(chief, { caseId: c.id, transition: 'refuse', version: 1, input: {} }),
    ).rejects.toMatchObject({ statusCode: 400, fields: [{ path: 'reason' }] });
    await expect(
      workflow.transition(clerk, {
        caseId: c.id,
        transition: 'refuse',
        version: 1,
        input: { reason: '不符合条件' },
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      workflow.transition(chief, {
        caseId: c.id,
        transition: 'decide',
        version: 1,
        input: { decisionText: '给予' },
      }),
    ).rejects.toMatchObject({ statusCode: 409, message: '案件当前状态为“待受理”，不能执行“作出决定”' });
    await expect(
      workflow.transition(clerk, { caseId: c.id, transition: 'accept', version: 7 }),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: '该案件已被他人处理，请刷新后重试',
    });
    expect(await snapshot(c.id)).toEqual(before);
    await workflow.transition(chief, {
      caseId: c.id,
      transition: 'refuse',
      version: 1,
      input: { reason: '不符合条件' },
    });
    expect(await deadline(c.id, 'legalAid.decide')).toMatchObject({ status: 'stopped' });
  });

  it('two concurrent transitions: exactly one wins, the other gets 409; history and audit for the winner only', async () => {
    const c = await open();
    const both = () =>
      Promise.allSettled([
        workflow.transition(clerk, { caseId: c.id, transition: 'accept', version: 1 }),
        workflow.transition(clerk, { caseId: c.id, transition: 'requestCorrection', version: 1 }),
      ]);
    let results: Awaited<ReturnType<typeof both>>;
    if (testDatabaseKind() === 'postgres') {
      // Truly at once: a third transaction holds the row lock until both transitions, each in its own
      // transaction on its own connection, are waiting for it; then the lock decides the order.
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => {};
      const holding = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from case_record where id = ${c.id} for update`);
        locked();
        await gate;
      });
      await holding;
      const pending = both();
      for (;;) {
        const [row] = await q(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (Number(row?.n) >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await holder;
      results = await pending;
    } else {
      // PGlite has one connection: the two transactions run one after the other.
      results = await both();
    }
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ statusCode: 409 });
    const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value;
    const transitionName = winner.status === 'accepted' ? 'accept' : 'requestCorrection';
    expect(await q('select status, version from case_record where id = $1', [c.id])).toEqual([
      { status: winner.status, version: 2 },
    ]);
    expect(
      await q("select transition from case_history where case_id = $1 and transition <> 'create'", [c.id]),
    ).toEqual([{ transition: transitionName }]);
    expect(
      await q(
        "select detail->>'transition' as t from audit_log where entity_id = $1 and action = 'case.transition'",
        [c.id],
      ),
    ).toEqual([{ t: transitionName }]);
    // The loser's clock change (a pause) happened only if it won.
    expect(await deadline(c.id, 'legalAid.decide')).toMatchObject({
      status: transitionName === 'accept' ? 'running' : 'paused',
    });
  });

  it('a case outside the caller scope does not exist for them, unless they take part in it', async () => {
    const c = await open();
    await expect(workflow.get(outsider, c.id)).rejects.toMatchObject({
      statusCode: 404,
      message: '案件不存在或您无权查看',
    });
    const before = await snapshot(c.id);
    await expect(
      workflow.transition(outsider, { caseId: c.id, transition: 'accept', version: 1 }),
    ).rejects.toMatchObject({
      statusCode: 404,
    });
    expect(await snapshot(c.id)).toEqual(before);
    // Received in Haicheng for the city bureau (city-wide acceptance): Haicheng's staff see it.
    const received = await workflow.create(outsider, {
      type: 'example.application',
      competentUnitId: cityBureau,
      receivingUnitId: haicheng,
      title: '王五申请法律援助',
    });
    expect((await workflow.get(outsider, received.id)).id).toBe(received.id);
    // A participant sees a case outside their units through the "self" scope.
    const selfOnly = staffContext({ unitIds: [] }, ['org:read'], null);
    const lawyer: RequestContext = {
      ...selfOnly,
      principal: selfOnly.principal && { ...selfOnly.principal, id: '00000000-0000-4000-8000-000000000009' },
    };
    await expect(workflow.get(lawyer, c.id)).rejects.toMatchObject({ statusCode: 404 });
    const withLawyer = await workflow.create(clerk, {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '赵六申请法律援助',
      participants: [{ accountKind: 'staff', accountId: lawyer.principal?.id ?? '', role: 'assignedLawyer' }],
    });
    expect((await workflow.get(lawyer, withLawyer.id)).id).toBe(withLawyer.id);
    await expect(
      workflow.create(outsider, { type: 'example.application', competentUnitId: cityBureau, title: '越权' }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  it('refuses at start-up a case type naming a clock or a series nobody registered', () => {
    const deps = {
      db: database.db,
      clock,
      audit: async () => {},
      deadlines: new DeadlineService({
        clock,
        calendar: new CalendarStore(),
        rules: new DeadlineRuleRegistry(),
      }),
      numbering: new NumberingService({
        db: database.db,
        clock,
        series: new NumberSeriesRegistry(exampleCaseSeries),
        cityName: '北海市',
        audit: async () => {},
      }),
      types: new CaseTypeRegistry(exampleApplication),
    };
    expect(() => new WorkflowService(deps)).toThrow(/unknown deadline rule legalAid.decide/);
  });

  it('shows the timeline to callers in scope only', async () => {
    const c = await open();
    await workflow.transition(clerk, { caseId: c.id, transition: 'accept', version: 1, comment: '材料齐全' });
    expect((await workflow.history(clerk, c.id)).map((h) => [h.transition, h.toStatus, h.comment])).toEqual([
      ['create', 'received', null],
      ['accept', 'accepted', '材料齐全'],
    ]);
    await expect(workflow.history(outsider, c.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists the buttons the caller may press', async () => {
    const c = await open();
    expect(workflow.availableTransitions(clerk, c)).toEqual([
      {
        name: 'requestCorrection',
        label: '通知补正',
        to: 'awaitingCorrection',
        toLabel: '待补正',
        destructive: false,
        inputSchema: null,
      },
      {
        name: 'accept',
        label: '受理',
        to: 'accepted',
        toLabel: '已受理',
        destructive: false,
        inputSchema: null,
      },
    ]);
    const chiefs = workflow.availableTransitions(chief, c);
    expect(chiefs.map((t) => t.name)).toEqual(['requestCorrection', 'accept', 'refuse']);
    // Refusing ends the case with a grey tag: the page asks first, and draws the reason field by its title.
    const refuse = chiefs.find((t) => t.name === 'refuse');
    expect(refuse?.destructive).toBe(true);
    expect(refuse?.inputSchema).toMatchObject({
      type: 'object',
      properties: { reason: { type: 'string', title: '不予受理的理由' } },
      required: ['reason'],
    });
  });

  it("a module's own step is refused on the generic route and applied in the module's transaction", async () => {
    const c = await open();
    const before = await snapshot(c.id);
    await expect(
      workflow.transition(clerk, { caseId: c.id, transition: 'withdraw', version: c.version }),
    ).rejects.toMatchObject({ statusCode: 400, message: '“撤回申请”请在案件页的对应栏目中办理' });
    expect(await snapshot(c.id)).toEqual(before);

    // The module's own row and the transition commit together, or not at all.
    await q('create table if not exists example_withdrawal (case_id uuid primary key)');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into example_withdrawal values (${c.id})`);
        await workflow.transition(
          clerk,
          { caseId: c.id, transition: 'withdraw', version: c.version },
          { tx, viaModule: true },
        );
        throw new Error('the module fails after the transition');
      }),
    ).rejects.toThrow('the module fails after the transition');
    expect(await snapshot(c.id)).toEqual(before);
    expect(await q('select count(*)::int as n from example_withdrawal')).toEqual([{ n: 0 }]);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into example_withdrawal values (${c.id})`);
      await workflow.transition(
        clerk,
        { caseId: c.id, transition: 'withdraw', version: c.version },
        { tx, viaModule: true },
      );
    });
    expect(await q('select status from case_record where id = $1', [c.id])).toEqual([
      { status: 'withdrawn' },
    ]);
    expect(await deadline(c.id, 'legalAid.decide')).toMatchObject({ status: 'stopped' });
    expect(await q('select count(*)::int as n from example_withdrawal')).toEqual([{ n: 1 }]);
  });

  it('offers the decision with its input form and without a confirmation', async () => {
    const c = await open();
    const accepted = await workflow.transition(chief, { caseId: c.id, transition: 'accept', version: 1 });
    const decide = workflow.availableTransitions(chief, accepted).find((t) => t.name === 'decide');
    expect(decide).toMatchObject({ destructive: false, toLabel: '已决定' });
    expect(decide?.inputSchema).toMatchObject({
      properties: { decisionText: { type: 'string', title: '决定内容' } },
    });
  });
});
