import type { OrgTreeNode } from '@zhucheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { settableClock } from '../clock/clock.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';
import { platformAccountsDemo, platformDemoAccounts } from './accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from './demo-registry.ts';
import { assertDemoAllowed, DemoRefusedError, resolveDemoPassword, runDemo } from './demo-run.ts';

// The platform's own step: the modules' steps have their own tests (e.g. legal-aid registry.demo.test.ts).
const platformOnly = () => new DemoRegistry([platformAccountsDemo], platformGuardedTables);

// `npm run demo` on the whole app: the demo accounts it makes (and can sign in with), a second run that
// makes nothing, historical times, and the two refusals.
describe('demo data', () => {
  const password = 'Beihai#Demo2026';
  const clock = settableClock('Asia/Shanghai');
  let t: TestApp;
  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const counts = async () => ({
    users: (await q('select count(*)::int as n from staff_user'))[0]?.n,
    units: (await q('select count(*)::int as n from org_unit'))[0]?.n,
    audit: (await q('select count(*)::int as n from audit_log'))[0]?.n,
  });
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  beforeAll(async () => {
    t = await createTestApp({ clock, caseTypes: [exampleApplication], numberSeries: [exampleCaseSeries] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes one account per built-in business role, as the administrators would, audited', async () => {
    const before = await counts();
    const result = await runDemo(t.services, platformOnly(), { clock, password });
    expect(result).toEqual({
      ran: ['platform.accounts'],
      skipped: [],
      created: { org_unit: 1, staff_user: 6 },
    });
    const rows = await q(
      `select u.username, u.display_name, u.must_change_password, r.code as role, o.name as unit
         from staff_user u join staff_user_role ur on ur.user_id = u.id join role r on r.id = ur.role_id
         join org_unit o on o.id = u.unit_id
        where u.username = any($1) order by u.created_at`,
      [platformDemoAccounts.map((a) => a.username)],
    );
    expect(rows.map((r) => [r.username, r.role, r.unit, r.must_change_password])).toEqual([
      ['leader', 'leader', '北海市司法局', false],
      ['cityclerk', 'cityStaff', '北海市司法局', false],
      ['countyclerk', 'countyStaff', '海城区司法局', false],
      ['officeclerk', 'officeStaff', '海城区中街司法所', false],
      ['aidclerk', 'legalAidStaff', '北海市法律援助中心', false],
      ['liaison', 'liaison', '北海市市场监督管理局', false],
    ]);
    // Created by the system administrator, role given by the security administrator, password set by the holder.
    const audit = await q(
      `select action, actor_name from audit_log where id > (select coalesce(max(id), 0) from audit_log) - $1
        order by id`,
      [Number((await counts()).audit) - Number(before.audit)],
    );
    const actions = audit.map((a) => `${a.action}:${a.actor_name}`);
    expect(actions).toContain('org.unit.create:系统管理员');
    expect(actions.filter((a) => a === 'user.create:系统管理员')).toHaveLength(6);
    expect(actions.filter((a) => a === 'role.assign:安全管理员')).toHaveLength(6);
    expect(actions).toContain('auth.passwordChanged:陈建国');
  });

  it('makes nothing the second time', async () => {
    const before = await counts();
    const result = await runDemo(t.services, platformOnly(), { clock, password: 'Other#Pass2027' });
    expect(result).toEqual({ ran: [], skipped: ['platform.accounts'], created: {} });
    expect(await counts()).toEqual(before);
  });

  it('signs the demo accounts in with the demo password, each with its scope', async () => {
    const leader = await signIn(t.app, 'leader', password);
    const me = (await leader.request('GET', '/api/auth/me')).json();
    expect(me.mustChangePassword).toBe(false);
    expect(me.user.roles).toEqual([{ code: 'leader', name: '局领导' }]);

    const names = (nodes: OrgTreeNode[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);
    const tree = async (username: string) =>
      names((await (await signIn(t.app, username, password)).request('GET', '/api/org/units')).json().tree);
    const county = await tree('countyclerk');
    expect(county).toContain('海城区司法局');
    expect(county).toContain('海城区中街司法所');
    expect(county).not.toContain('北海市司法局');
    expect(county).not.toContain('银海区司法局');
    expect(await tree('officeclerk')).toEqual(['海城区中街司法所']);
    expect(await tree('leader')).toEqual(expect.arrayContaining(['北海市司法局', '银海区司法局']));
  });

  it('records a step at its historical time, and lets the clock go on afterwards', async () => {
    const cityBureau = await unitId('北海市司法局');
    let caseId = '';
    const registry = new DemoRegistry([
      {
        id: 'example.cases',
        dependsOn: [],
        async run(ctx) {
          const clerk = await ctx.as('cityclerk');
          expect(clerk.principal?.scope.all).toBe(true);
          const created = await ctx.at('2026-03-02T09:30:00+08:00', () =>
            ctx.services.workflow.create(staffContext({ all: true }, ['org:read'], cityBureau), {
              type: 'example.application',
              competentUnitId: cityBureau,
              title: '演示：张三申请法律援助',
            }),
          );
          caseId = created.id;
          await ctx.track('case_record', created.id);
        },
      },
    ]);
    const result = await runDemo(t.services, registry, { clock, password });
    expect(result.created).toEqual({ case_record: 1 });
    const [row] = await q('select created_at, case_no from case_record where id = $1', [caseId]);
    expect(new Date(row?.created_at as string).toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(row?.case_no).toContain('〔2026〕');
    expect(clock.pinned).toBeNull();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5_000);
    // The tracked case is demo data: another run is still allowed.
    await expect(
      assertDemoAllowed(t.database, { isProduction: false, guardedTables: registry.guardedTables }),
    ).resolves.toBeUndefined();
  });

  it('finishes the accounts of a run that stopped half-way, without making them twice', async () => {
    // As if the first run had died after making officeclerk but before its role and password.
    await q("delete from demo_step where id = 'platform.accounts'");
    await q(
      "delete from staff_user_role where user_id = (select id from staff_user where username = 'officeclerk')",
    );
    await q("update staff_user set must_change_password = true where username = 'officeclerk'");
    const before = await counts();
    const result = await runDemo(t.services, platformOnly(), { clock, password });
    expect(result.ran).toEqual(['platform.accounts']);
    expect((await counts()).users).toBe(before.users);
    expect((await counts()).units).toBe(before.units);
    const office = await signIn(t.app, 'officeclerk', password);
    const me = (await office.request('GET', '/api/auth/me')).json();
    expect(me.mustChangePassword).toBe(false);
    expect(me.user.roles).toEqual([{ code: 'officeStaff', name: '司法所工作人员' }]);
  });

  it('refuses in production, and over a business record that demo data did not create', async () => {
    const guardedTables = platformOnly().guardedTables;
    const production = assertDemoAllowed(t.database, { isProduction: true, guardedTables });
    await expect(production).rejects.toThrow(DemoRefusedError);
    await expect(production).rejects.toThrow('生产环境（NODE_ENV=production）不能写入演示数据');

    const cityBureau = await unitId('北海市司法局');
    await t.services.workflow.create(staffContext({ all: true }, ['org:read'], cityBureau), {
      type: 'example.application',
      competentUnitId: cityBureau,
      title: '李四申请法律援助',
    });
    const before = await counts();
    const refused = runDemo(
      t.services,
      new DemoRegistry([{ id: 'example.more', dependsOn: [], run: async () => {} }]),
      { clock, password },
    );
    await expect(refused).rejects.toThrow('数据库中已有不是演示数据创建的业务记录（case_record 1 条）');
    await expect(refused).rejects.toMatchObject({ exitCode: 2 });
    expect(await counts()).toEqual(before);
    expect(await q("select id from demo_step where id = 'example.more'")).toEqual([]);
  });

  it('takes DEMO_PASSWORD only when it meets the policy for every demo username', () => {
    const usernames = platformDemoAccounts.map((a) => a.username);
    expect(resolveDemoPassword(password, usernames)).toEqual({ password, generated: false });
    expect(() => resolveDemoPassword('demo1234', usernames)).toThrow(
      'DEMO_PASSWORD 不符合密码策略：密码须包含大写字母、小写字母、数字、符号中的至少三类',
    );
    expect(() => resolveDemoPassword('Leader#2026', usernames)).toThrow('密码不能包含用户名（leader）');
    const generated = resolveDemoPassword(undefined, usernames);
    expect(generated.generated).toBe(true);
    expect(generated.password).toMatch(/^.{14}$/);
  });
});
