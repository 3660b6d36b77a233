import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { builtinRoles } from './builtin-roles.ts';

function builtinRole(code: string) {
  const role = builtinRoles.find((r) => r.code === code);
  if (!role) throw new Error(`no built-in role ${code}`);
  return role;
}

describe('accounts, roles and data scopes', () => {
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  const units = { haicheng: 0, yinhai: 0, haichengOffice: 0 };

  const unitId = async (name: string) => {
    const r = await t.database.executeSql('select id from org_unit where name = $1', [name]);
    const id = r.rows[0]?.id;
    if (typeof id !== 'number') throw new Error(`no unit ${name}`);
    return id;
  };

  /** admin creates the account, secadmin gives it roles, the user logs in and sets a password. */
  const createStaff = async (username: string, unit: number, roleCodes: string[]) => {
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: `测试${username}`,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    if (roleCodes.length) {
      const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const first = await signIn(t.app, username, initialPassword);
    const newPassword = `Beihai#${username}X9`.replace(username, 'u');
    const changed = await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword,
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return { id: user.id as string, client: await signIn(t.app, username, newPassword) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    units.haicheng = await unitId('海城区司法局');
    units.yinhai = await unitId('银海区司法局');
    const office = await t.database.executeSql(
      "select id from org_unit where kind = 'justiceOffice' and parent_id = $1 order by id limit 1",
      [units.haicheng],
    );
    units.haichengOffice = office.rows[0]?.id as number;
  });
  afterAll(() => t.close());

  it('a new account must change its generated password before doing anything else', async () => {
    const created = await admin.request('POST', '/api/access/users', {
      username: 'clerk01',
      displayName: '海城区办事员',
      unitId: units.haicheng,
      phone: '13877001234',
    });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    expect(user.phoneMasked).toBe('138****1234');
    await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes: ['countyStaff'] });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk01', password: initialPassword },
    });
    expect(login.json().mustChangePassword).toBe(true);
    const clerk = await signIn(t.app, 'clerk01', initialPassword);
    const blocked = await clerk.request('GET', '/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await clerk.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'clerk01abc',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0]).toMatchObject({ path: 'newPassword' });
    const ok = await clerk.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Haicheng#2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await clerk.request('GET', '/api/org/units')).statusCode).toBe(200);
  });

  it('keeps the three administrator duties apart', async () => {
    const auditor = await signIn(t.app, 'auditor', testPasswords.auditor);
    // The system administrator makes accounts but cannot give roles or read the audit log.
    expect(
      (
        await admin.request('PUT', '/api/access/users/00000000-0000-4000-8000-000000000000/roles', {
          roleCodes: [],
        })
      ).statusCode,
    ).toBe(403);
    expect((await admin.request('GET', '/api/audit/entries')).statusCode).toBe(403);
    // The security administrator gives roles but cannot make accounts or read the audit log.
    expect(
      (await secadmin.request('POST', '/api/access/users', { username: 'x1', displayName: 'x', unitId: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await secadmin.request('GET', '/api/audit/entries')).statusCode).toBe(403);
    // The auditor reads the audit log and nothing else.
    expect((await auditor.request('GET', '/api/audit/entries')).statusCode).toBe(200);
    expect((await auditor.request('GET', '/api/access/users')).statusCode).toBe(403);
    expect((await auditor.request('GET', '/api/org/units')).statusCode).toBe(403);

    // Nobody holds two duties, and the system administrator cannot reset the others' passwords.
    const someone = await createStaff('dual01', units.haicheng, []);
    const dual = await secadmin.request('PUT', `/api/access/users/${someone.id}/roles`, {
      roleCodes: ['auditor', 'sysAdmin'],
    });
    expect(dual.statusCode).toBe(400);
    const auditorId = (await auditor.request('GET', '/api/auth/me')).json().user.id;
    const reset = await admin.request('POST', `/api/access/users/${auditorId}/reset-password`);
    expect(reset.statusCode).toBe(403);
    // Nobody changes their own roles.
    const secId = (await secadmin.request('GET', '/api/auth/me')).json().user.id;
    expect(
      (
        await secadmin.request('PUT', `/api/access/users/${secId}/roles`, {
          roleCodes: ['secAdmin', 'leader'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a county clerk sees only their county, and other counties answer 404 on reads and writes', async () => {
    const role = await secadmin.request('POST', '/api/access/roles', {
      code: 'countyAccountAdmin',
      name: '县区账号管理员',
      dataScope: 'unitAndBelow',
      permissions: ['user:read', 'user:update', 'org:read'],
    });
    expect(role.statusCode, role.body).toBe(201);
    const county = await createStaff('county01', units.haicheng, ['countyAccountAdmin']);
    const inside = await createStaff('office01', units.haichengOffice, ['officeStaff']);
    const outside = await createStaff('yinhai01', units.yinhai, ['countyStaff']);

    const list = await county.client.request('GET', '/api/access/users?pageSize=100');
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('office01');
    expect(names).not.toContain('yinhai01');
    expect(names).not.toContain('admin');

    expect((await county.client.request('GET', `/api/access/users/${inside.id}`)).statusCode).toBe(200);
    const read = await county.client.request('GET', `/api/access/users/${outside.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().message).toBe('账号不存在或您无权查看');
    const write = await county.client.request('PATCH', `/api/access/users/${outside.id}`, {
      version: 1,
      displayName: '改名',
    });
    expect(write.statusCode).toBe(404);
    const after = await secadmin.request('GET', `/api/access/users/${outside.id}`);
    expect(after.json().displayName).toBe('测试yinhai01');

    const tree = await county.client.request('GET', '/api/org/units');
    const flat = JSON.stringify(tree.json());
    expect(flat).toContain('海城区司法局');
    expect(flat).not.toContain('银海区司法局');
    expect(flat).not.toContain('北海市司法局');
  });

  it('several roles give the union of their permissions and scopes', async () => {
    const a = await secadmin.request('POST', '/api/access/roles', {
      code: 'yinhaiReader',
      name: '银海区账号查看',
      dataScope: 'custom',
      customUnitIds: [units.yinhai],
      permissions: ['user:read'],
    });
    expect(a.statusCode).toBe(201);
    const both = await createStaff('union01', units.haicheng, ['countyAccountAdmin', 'yinhaiReader']);
    const names = (await both.client.request('GET', '/api/access/users?pageSize=100'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['office01', 'yinhai01']));
    expect(names).not.toContain('admin');
  });

  it('nobody grants a scope or a permission wider than their own', async () => {
    await secadmin.request('POST', '/api/access/roles', {
      code: 'countyRoleAdmin',
      name: '县区角色管理员',
      dataScope: 'unitAndBelow',
      // Everything 司法所工作人员 holds, so granting that role is within the delegate's own permissions.
      permissions: [
        ...new Set([
          'role:read',
          'role:manage',
          'role:assign',
          'user:read',
          ...builtinRole('officeStaff').permissions,
        ]),
      ],
    });
    const delegate = await createStaff('deleg01', units.haicheng, ['countyRoleAdmin']);
    const cityWide = await delegate.client.request('POST', '/api/access/roles', {
      code: 'wide',
      name: '全市',
      dataScope: 'all',
      permissions: ['org:read'],
    });
    expect(cityWide.statusCode).toBe(403);
    const otherCounty = await delegate.client.request('POST', '/api/access/roles', {
      code: 'otherCounty',
      name: '银海',
      dataScope: 'custom',
      customUnitIds: [units.yinhai],
      permissions: ['org:read'],
    });
    expect(otherCounty.statusCode).toBe(403);
    const morePermissions = await delegate.client.request('POST', '/api/access/roles', {
      code: 'morePerms',
      name: '更多权限',
      dataScope: 'unit',
      permissions: ['audit:read'],
    });
    expect(morePermissions.statusCode).toBe(403);
    // Giving a city-wide built-in role to a user of their own county is widening too.
    const target = await createStaff('target01', units.haichengOffice, []);
    const grant = await delegate.client.request('PUT', `/api/access/users/${target.id}/roles`, {
      roleCodes: ['cityStaff'],
    });
    expect(grant.statusCode).toBe(403);
    const fine = await delegate.client.request('PUT', `/api/access/users/${target.id}/roles`, {
      roleCodes: ['officeStaff'],
    });
    expect(fine.statusCode).toBe(200);
  });

  it('revealing a phone needs its permission and is audited', async () => {
    const list = await admin.request('GET', '/api/access/users?keyword=clerk01');
    const clerk = list.json().items[0];
    expect(clerk.phoneMasked).toBe('138****1234');
    expect((await admin.request('POST', `/api/access/users/${clerk.id}/reveal-phone`)).statusCode).toBe(403);
    await secadmin.request('POST', '/api/access/roles', {
      code: 'phoneRevealer',
      name: '可查看手机号',
      dataScope: 'all',
      permissions: ['user:read', 'user:revealPhone'],
    });
    const revealer = await createStaff('reveal01', units.haicheng, ['phoneRevealer']);
    const shown = await revealer.client.request('POST', `/api/access/users/${clerk.id}/reveal-phone`);
    expect(shown.json()).toEqual({ phone: '13877001234' });
    const audit = await t.database.executeSql(
      "select actor_id, entity_id from audit_log where action = 'personalData.reveal' order by id desc limit 1",
    );
    expect(audit.rows[0]).toEqual({ actor_id: revealer.id, entity_id: clerk.id });
  });

  it('a stale version is refused and changes nothing', async () => {
    const target = (await admin.request('GET', '/api/access/users?keyword=office01')).json().items[0];
    const first = await admin.request('PATCH', `/api/access/users/${target.id}`, {
      version: target.version,
      displayName: '第一次修改',
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request('PATCH', `/api/access/users/${target.id}`, {
      version: target.version,
      displayName: '第二次修改',
    });
    expect(stale.statusCode).toBe(409);
    expect((await admin.request('GET', `/api/access/users/${target.id}`)).json().displayName).toBe(
      '第一次修改',
    );
  });

  it('forced logout ends the other session', async () => {
    const victim = await createStaff('kick01', units.haicheng, ['countyStaff']);
    const sessions = (await secadmin.request('GET', '/api/access/sessions')).json().items;
    const session = sessions.find((s: { username: string }) => s.username === 'kick01');
    expect(session).toBeDefined();
    expect((await secadmin.request('DELETE', `/api/access/sessions/${session.id}`)).statusCode).toBe(204);
    expect((await victim.client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
