import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';
import { caseCountMetric, caseFlowMetric, caseSnapshotMetric } from './case-metrics.ts';

// 统计指标 over HTTP on the worked example case type: cases opened and closed on fixed days in 海城区 and
// 银海区, figures for the first half of 2026 as a city-wide user and as a 海城区 clerk, the drill-down ids,
// period boundaries, a snapshot as of a past day, who may see which metric, and refused parameters.
describe('metrics', () => {
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  const clock = fixedClock('2026-07-10T02:00:00Z');
  const units = { city: 0, haicheng: 0, haichengOffice: 0, yinhai: 0 };
  let city: SessionClient;
  let county: SessionClient;
  let noMetrics: SessionClient;
  const c = {} as Record<
    | 'hOpen'
    | 'hClosedBefore'
    | 'hCarriedClosed'
    | 'officeNewClosed'
    | 'hNewOpen'
    | 'hAfter'
    | 'hClosedAfter'
    | 'yNewClosed'
    | 'crossReceived'
    | 'yLastEvening',
    string
  >;
  const platform = staffContext({ all: true }, ['org:read', 'org:manage']);

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
  /** 10:00 in Beihai on the day, or the given wall-clock time. */
  const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

  const open = async (
    day: string,
    title: string,
    competentUnitId: number,
    receivingUnitId?: number,
    time?: string,
  ) => {
    clock.set(at(day, time));
    const row = await t.services.workflow.create(platform, {
      type: 'example.application',
      competentUnitId,
      ...(receivingUnitId ? { receivingUnitId } : {}),
      title,
      participants: [],
    });
    return row.id;
  };
  const move = async (caseId: string, day: string, transition: string, input?: unknown) => {
    clock.set(at(day));
    const version = Number((await q('select version from case_record where id = $1', [caseId]))[0]?.version);
    await t.services.workflow.transition(platform, {
      caseId,
      transition,
      version,
      ...(input ? { input } : {}),
    });
  };

  const createStaff = async (username: string, unit: number, roleCodes: string[]) => {
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: username,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    const changed = await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#2026stat',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return signIn(t.app, username, 'Beihai#2026stat');
  };
  const createRole = async (code: string, dataScope: string, permissions: string[]) => {
    const res = await secadmin.request('POST', '/api/access/roles', {
      code,
      name: code,
      dataScope,
      permissions,
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  const H1 = 'from=2026-01-01&to=2026-06-30';
  const allIn = (records: Record<string, string[]>) => [...new Set(Object.values(records).flat())];

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      // The platform alone: the shipped modules' metrics would join the lists this test asserts.
      modules: [],
      caseTypes: [exampleApplication],
      numberSeries: [exampleCaseSeries],
    });
    t.services.metrics.registry
      .add(
        caseFlowMetric({
          name: 'example.cases',
          label: '示例申请收结案情况',
          caseTypes: ['example.application'],
        }),
      )
      .add(
        caseCountMetric({
          name: 'example.accepted',
          label: '受理示例申请数',
          caseTypes: ['example.application'],
          reached: ['accepted'],
        }),
      )
      .add(
        caseSnapshotMetric({
          name: 'example.open',
          label: '未办结示例申请数',
          caseTypes: ['example.application'],
        }),
      )
      // Needs a permission the county role lacks.
      .add(
        caseCountMetric({
          name: 'example.restricted',
          label: '仅市局可见的示例指标',
          caseTypes: ['example.application'],
          permission: 'party:manage',
        }),
      );
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    units.city = await unitId('北海市司法局');
    units.haicheng = await unitId('海城区司法局');
    units.yinhai = await unitId('银海区司法局');
    units.haichengOffice = Number(
      (
        await q(
          "select id from org_unit where kind = 'justiceOffice' and parent_id = $1 order by id limit 1",
          [units.haicheng],
        )
      )[0]?.id,
    );
    await createRole('statCity', 'all', ['case:read', 'metric:read', 'party:manage']);
    await createRole('statCounty', 'unitAndBelow', ['case:read', 'metric:read']);
    city = await createStaff('statcity', units.city, ['statCity']);
    county = await createStaff('stathc', units.haicheng, ['statCounty']);
    noMetrics = await createStaff('hcplain', units.haicheng, ['lawyer']);

    // 海城区 (and one of its 司法所), period 2026-01-01 … 2026-06-30.
    c.hOpen = await open('2025-12-10', '结转未结', units.haicheng);
    c.hClosedBefore = await open('2025-11-05', '上年已结', units.haicheng);
    await move(c.hClosedBefore, '2025-12-20', 'refuse', { reason: '不符合条件' });
    c.hCarriedClosed = await open('2025-12-15', '结转本期办结', units.haicheng);
    await move(c.hCarriedClosed, '2025-12-16', 'accept');
    await move(c.hCarriedClosed, '2026-02-10', 'decide', { decisionText: '给予法律援助' });
    c.officeNewClosed = await open('2026-03-02', '司法所本期收结', units.haichengOffice);
    await move(c.officeNewClosed, '2026-03-03', 'accept');
    await move(c.officeNewClosed, '2026-04-01', 'decide', { decisionText: '给予法律援助' });
    c.hNewOpen = await open('2026-05-20', '本期受理未结', units.haicheng);
    await move(c.hNewOpen, '2026-05-21', 'accept');
    c.hAfter = await open('2026-07-02', '期后收案', units.haicheng);
    c.hClosedAfter = await open('2026-06-01', '期后办结', units.haicheng);
    await move(c.hClosedAfter, '2026-07-05', 'refuse', { reason: '不符合条件' });
    // 银海区.
    c.yNewClosed = await open('2026-02-01', '银海本期收结', units.yinhai);
    await move(c.yNewClosed, '2026-02-03', 'refuse', { reason: '不符合条件' });
    // Received in 海城区 under city-wide acceptance, competent in 银海区: counts for 银海区 only.
    c.crossReceived = await open('2026-04-10', '通办案件', units.yinhai, units.haicheng);
    // 23:30 on 30 June in Beihai is 15:30 UTC: still the first half-year.
    c.yLastEvening = await open('2026-06-30', '半年末晚间收案', units.yinhai, undefined, '23:30');
    clock.set(at('2026-07-10'));
  });
  afterAll(() => t?.close());

  const get = async (client: SessionClient, query: string) => {
    const res = await client.request('GET', `/api/metrics/${query}`);
    return res;
  };

  it('counts carried-in, received, closed and pending cases city-wide, with the ids behind each part', async () => {
    const res = await get(city, `example.cases?${H1}&records=1`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'example.cases',
      from: '2026-01-01',
      to: '2026-06-30',
      unit: null,
      value: { carriedIn: 2, received: 6, closed: 3, pending: 5 },
    });
    expect(body.asOf).toBeUndefined();
    const v = body.value;
    expect(v.pending).toBe(v.carriedIn + v.received - v.closed);
    expect(body.records).toEqual({
      carriedIn: [c.hOpen, c.hCarriedClosed],
      received: [
        c.yNewClosed,
        c.officeNewClosed,
        c.crossReceived,
        c.hNewOpen,
        c.hClosedAfter,
        c.yLastEvening,
      ],
      closed: [c.hCarriedClosed, c.yNewClosed, c.officeNewClosed],
      pending: [c.hOpen, c.crossReceived, c.hNewOpen, c.hClosedAfter, c.yLastEvening],
    });
    // The drill-down names each case by its number.
    expect(Object.keys(body.recordLabels).sort()).toEqual(allIn(body.records).sort());
    expect(body.recordLabels[c.hOpen]).toBe('海城司援〔2025〕第1号');
    // Without records=1 no ids are sent.
    const plain = await get(city, `example.cases?${H1}`);
    expect(plain.json().records).toBeUndefined();
    expect(plain.json().recordLabels).toBeUndefined();
    expect(plain.json().value).toEqual(v);
  });

  it('gives a county clerk the figure of their own county only; another county is not found', async () => {
    const mine = await get(county, `example.cases?${H1}&records=1`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      unit: null,
      value: { carriedIn: 2, received: 3, closed: 2, pending: 3 },
      records: {
        carriedIn: [c.hOpen, c.hCarriedClosed],
        received: [c.officeNewClosed, c.hNewOpen, c.hClosedAfter],
        closed: [c.hCarriedClosed, c.officeNewClosed],
        pending: [c.hOpen, c.hNewOpen, c.hClosedAfter],
      },
    });
    // The same figure when the clerk names their county; a 司法所 below it counts on its own.
    const named = await get(county, `example.cases?${H1}&unit=${units.haicheng}`);
    expect(named.json()).toMatchObject({
      unit: { id: units.haicheng, name: '海城区司法局' },
      value: mine.json().value,
    });
    const office = await get(county, `example.cases?${H1}&unit=${units.haichengOffice}&records=1`);
    expect(office.json()).toMatchObject({
      value: { carriedIn: 0, received: 1, closed: 1, pending: 0 },
      records: { received: [c.officeNewClosed], closed: [c.officeNewClosed] },
    });
    const other = await get(county, `example.cases?${H1}&unit=${units.yinhai}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('单位不存在或您无权查看');
    // The city-wide user may name either county.
    const yinhai = await get(city, `example.cases?${H1}&unit=${units.yinhai}`);
    expect(yinhai.json().value).toEqual({ carriedIn: 0, received: 3, closed: 1, pending: 2 });
  });

  it('moves cases between parts as the period moves', async () => {
    // From 1 March, 海城区 carries in only the cases still open on that day.
    const spring = await get(county, 'example.cases?from=2026-03-01&to=2026-04-30&records=1');
    expect(spring.json()).toMatchObject({
      value: { carriedIn: 1, received: 1, closed: 1, pending: 1 },
      records: {
        // Closed on 10 February: no longer carried in.
        carriedIn: [c.hOpen],
        // Received and closed within the period.
        received: [c.officeNewClosed],
        closed: [c.officeNewClosed],
        pending: [c.hOpen],
      },
    });
    // One day: the decision day counts as closed in it.
    const decisionDay = await get(county, 'example.cases?from=2026-02-10&to=2026-02-10');
    expect(decisionDay.json().value).toEqual({ carriedIn: 2, received: 0, closed: 1, pending: 1 });
    // The evening of 30 June (Beihai time) belongs to 30 June, not 1 July.
    const julyFirst = await get(city, `example.cases?from=2026-07-01&to=2026-07-01&unit=${units.yinhai}`);
    expect(julyFirst.json().value).toMatchObject({ received: 0, carriedIn: 2 });
  });

  it('counts cases that entered a state within the period, each once', async () => {
    const res = await get(city, `example.accepted?${H1}&records=1`);
    expect(res.json()).toMatchObject({ value: 2, records: [c.officeNewClosed, c.hNewOpen] });
  });

  it('takes a snapshot as of a past day from the history, not from today’s status', async () => {
    const january = await get(city, 'example.open?asOf=2026-01-31&records=1');
    expect(january.statusCode, january.body).toBe(200);
    // Open then: still received, and accepted (decided only on 10 February); the refused one is not.
    expect(january.json()).toMatchObject({
      asOf: '2026-01-31',
      value: 2,
      records: [c.hOpen, c.hCarriedClosed],
    });
    // As of the period's end it equals the flow's pending part; asOf defaults to `to`.
    const june = await get(city, `example.open?${H1}`);
    expect(june.json()).toMatchObject({ asOf: '2026-06-30', value: 5 });
  });

  it('lists only the metrics the caller may read, and hides the others', async () => {
    const names = async (client: SessionClient) =>
      ((await client.request('GET', '/api/metrics')).json().metrics as { name: string }[]).map((m) => m.name);
    // The platform's and the example's figures; the shipped modules' own are tested with each module.
    const platformOnly = (list: string[]) =>
      list.filter((n) => n.startsWith('platform.') || n.startsWith('example.'));
    expect(platformOnly(await names(city))).toEqual([
      'platform.cases',
      'example.cases',
      'example.accepted',
      'example.open',
      'example.restricted',
    ]);
    expect(await names(county)).not.toContain('example.restricted');
    const listed = (await county.request('GET', '/api/metrics')).json();
    expect(listed.today).toBe('2026-07-10');
    const list = listed.metrics;
    expect(list.find((m: { name: string }) => m.name === 'example.cases')).toMatchObject({
      label: '示例申请收结案情况',
      measure: '件',
      kind: 'flow',
      recordKind: 'case',
      parts: [
        { key: 'carriedIn', label: '上期结转' },
        { key: 'received', label: '本期收案' },
        { key: 'closed', label: '本期办结' },
        { key: 'pending', label: '期末未结' },
      ],
    });
    const hidden = await get(county, `example.restricted?${H1}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().message).toBe('统计指标不存在或您无权查看');
    expect((await get(city, `example.restricted?${H1}`)).json().value).toBe(6);
    // Without metric:read, neither the list nor a figure.
    expect((await noMetrics.request('GET', '/api/metrics')).statusCode).toBe(403);
    expect((await get(noMetrics, `example.cases?${H1}`)).statusCode).toBe(403);
  });

  it('sums every case type in platform.cases and defaults the period to this year up to today', async () => {
    const res = await get(city, 'platform.cases');
    expect(res.json()).toMatchObject({
      from: '2026-01-01',
      to: '2026-07-10',
      // Up to 10 July: the July case received, the July refusal closed.
      value: { carriedIn: 2, received: 7, closed: 4, pending: 5 },
    });
  });

  it('refuses bad parameters in Chinese', async () => {
    const reversed = await get(city, 'example.cases?from=2026-07-01&to=2026-06-30');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toBe('开始日期不能晚于结束日期');
    const badDate = await get(city, 'example.cases?from=2026-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('开始日期应为 YYYY-MM-DD 格式的有效日期');
    expect((await get(city, 'example.cases?unit=abc')).statusCode).toBe(400);
    expect((await get(city, 'example.cases?records=yes')).statusCode).toBe(400);
    const unknown = await get(city, 'example.nothing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('统计指标不存在或您无权查看');
    expect((await get(city, 'example.cases?unit=99999999')).statusCode).toBe(404);
  });

  it('writes no audit row for a figure or its ids', async () => {
    const count = async () => (await q('select count(*)::int as n from audit_log'))[0]?.n;
    const before = await count();
    expect((await get(city, `example.cases?${H1}&records=1`)).statusCode).toBe(200);
    expect(await count()).toBe(before);
  });
});
