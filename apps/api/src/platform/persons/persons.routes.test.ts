import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { fixedClock } from '../clock/clock.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';

// Check characters computed independently of the code under test (see personal-data.test.ts).
function withCheckChar(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * (2 ** (17 - k) % 11);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
}
const creditValues = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function withCreditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditValues.indexOf(first17[i] ?? '') * (3 ** i % 31);
  return first17 + creditValues[(31 - (sum % 31)) % 31];
}

// 当事人 over HTTP: one person per ID number however often (and however at once) it is entered, masks in
// every answer, the audited reveal, case parties only within the case's scope, and Chinese 400s.
describe('persons, organisations and case parties', () => {
  let t: TestApp;
  // 10:00 in Beihai on Monday 2026-03-02.
  const clock = fixedClock('2026-03-02T02:00:00Z');
  let clerk: SessionClient;
  let revealer: SessionClient;
  let outsider: SessionClient;
  let reader: SessionClient;
  let haichengCase: string;

  // Made-up people in Beihai.
  const zhang = withCheckChar('45050219850312123'); // 海城区, born 1985-03-12, male
  const minor = withCheckChar('45050320100505002'); // 银海区, born 2010-05-05, female
  const elder = withCheckChar('45052119500101001'); // 合浦县, born 1950-01-01, male
  const phone = '13907790123';
  const address = '广西壮族自治区北海市海城区长青路88号3栋501';
  const company = withCreditCheck('91450500MA5K3B7Q2');

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  beforeAll(async () => {
    t = await createTestApp({ clock, caseTypes: [exampleApplication], numberSeries: [exampleCaseSeries] });
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const haicheng = await unitId('海城区司法局');
    const yinhai = await unitId('银海区司法局');
    const role = async (code: string, permissions: string[]) => {
      const res = await secadmin.request('POST', '/api/access/roles', {
        code,
        name: code,
        dataScope: 'unitAndBelow',
        permissions,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await role('partyClerk', ['case:read', 'party:read', 'party:manage']);
    await role('partyRevealer', ['case:read', 'party:read', 'party:reveal']);
    await role('partyReader', ['party:read']);
    const staff = async (username: string, unit: number, roleCodes: string[]) => {
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
      await first.request('POST', '/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Beihai#2026party',
      });
      return signIn(t.app, username, 'Beihai#2026party');
    };
    clerk = await staff('hcparty', haicheng, ['partyClerk']);
    revealer = await staff('hcreveal', haicheng, ['partyRevealer']);
    outsider = await staff('yhparty', yinhai, ['partyClerk']);
    reader = await staff('hcreader', haicheng, ['partyReader']);
    const created = await t.services.workflow.create(staffContext({ all: true }, ['org:read']), {
      type: 'example.application',
      competentUnitId: haicheng,
      title: '张三申请法律援助',
      participants: [],
    });
    haichengCase = created.id;
  });
  afterAll(() => t.close());

  const registerZhang = () =>
    clerk.request('POST', '/api/persons', {
      name: '张三',
      idType: 'residentIdCard',
      idNumber: zhang,
      phone,
      address,
      ethnicity: '08',
      tags: ['migrantWorker'],
    });

  it('the same ID number entered twice is one person', async () => {
    const first = await registerZhang();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().created).toBe(true);
    // Typed again, with spaces and full-width digits: found, not duplicated.
    const fullWidth = `${zhang.slice(0, 6)} ${[...zhang.slice(6)].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}`;
    const second = await clerk.request('POST', '/api/persons', {
      name: '张三',
      idType: 'residentIdCard',
      idNumber: fullWidth,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ created: false, person: { id: first.json().person.id } });
    expect(await q('select count(*)::int as n from person')).toEqual([{ n: 1 }]);
    const audits = await q("select count(*)::int as n from audit_log where action = 'person.create'");
    expect(audits).toEqual([{ n: 1 }]);
  });

  it('answers masks only, with gender and birth date from the ID number', async () => {
    const res = await clerk.request('POST', '/api/persons/lookup', {
      idType: 'residentIdCard',
      idNumber: zhang,
    });
    expect(res.statusCode, res.body).toBe(200);
    const person = res.json().person;
    expect(person).toMatchObject({
      name: '张三',
      idNumberMasked: `${zhang.slice(0, 6)}********${zhang.slice(14)}`,
      phoneMasked: '139****0123',
      addressMasked: '广西壮族自治区北海市海城区****',
      gender: 'male',
      birthDate: '1985-03-12',
      ethnicity: '08',
      tags: ['migrantWorker'],
    });
    const list = await clerk.request('GET', '/api/persons?name=张');
    const detail = await clerk.request('GET', `/api/persons/${person.id}`);
    for (const body of [res.body, list.body, detail.body]) {
      expect(body).not.toContain(zhang);
      expect(body).not.toContain(phone);
      expect(body).not.toContain('长青路');
    }
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const unknown = await clerk.request('POST', '/api/persons/lookup', {
      idType: 'residentIdCard',
      idNumber: minor,
    });
    expect(unknown.json()).toEqual({ person: null });
  });

  it('derives 未成年人 and 老年人 from the birth date', async () => {
    const child = await clerk.request('POST', '/api/persons', {
      name: '李小红',
      idType: 'residentIdCard',
      idNumber: minor,
    });
    expect(child.json().person).toMatchObject({ gender: 'female', birthDate: '2010-05-05', tags: ['minor'] });
    const old = await clerk.request('POST', '/api/persons', {
      name: '王老汉',
      idType: 'residentIdCard',
      idNumber: elder,
    });
    expect(old.json().person).toMatchObject({ gender: 'male', birthDate: '1950-01-01', tags: ['elderly'] });
    const wrongGender = await clerk.request('POST', '/api/persons', {
      name: '赵六',
      idType: 'residentIdCard',
      idNumber: withCheckChar('45050219900101003'),
      gender: 'female',
    });
    expect(wrongGender.statusCode).toBe(400);
    expect(wrongGender.json().message).toBe('性别与身份证号码不一致：按身份证号码应为“男”');
  });

  it('a bad check digit, a 15-digit number or a bad credit code is a Chinese 400, never a 500', async () => {
    const bad = zhang.slice(0, 17) + (zhang.endsWith('0') ? '1' : '0');
    for (const [url, body] of [
      ['/api/persons', { name: '张三', idType: 'residentIdCard', idNumber: bad }],
      ['/api/persons/lookup', { idType: 'residentIdCard', idNumber: bad }],
    ] as const) {
      const res = await clerk.request('POST', url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields).toContainEqual({ path: 'idNumber', message: '身份证号码校验位不正确' });
    }
    const old = await clerk.request('POST', '/api/persons', {
      name: '张三',
      idType: 'residentIdCard',
      idNumber: '450502850312123',
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().fields).toContainEqual({
      path: 'idNumber',
      message: '请填写 18 位身份证号码（15 位旧号码已停止使用）',
    });
    // Other document types carry no check digit.
    const passport = await clerk.request('POST', '/api/persons', {
      name: 'John Smith',
      idType: 'passport',
      idNumber: 'e12345678',
    });
    expect(passport.statusCode, passport.body).toBe(201);
    expect(passport.json().person).toMatchObject({
      idType: 'passport',
      idNumberMasked: '*******78',
      gender: null,
    });
    const badCode = company.slice(0, 17) + (company.endsWith('0') ? '1' : '0');
    const org = await clerk.request('POST', '/api/organisations', {
      name: '北海某公司',
      creditCode: badCode,
    });
    expect(org.statusCode).toBe(400);
    expect(org.json().fields).toContainEqual({ path: 'creditCode', message: '统一社会信用代码校验位不正确' });
    const phoneRes = await clerk.request('POST', '/api/persons', { name: '孙七', phone: '12345' });
    expect(phoneRes.statusCode).toBe(400);
    expect(phoneRes.json().message).toMatch(/^联系电话应为/);
  });

  it('organisations are found again by credit code', async () => {
    const first = await clerk.request('POST', '/api/organisations', {
      name: '北海海鲜贸易有限公司',
      creditCode: company,
      legalRepresentative: '陈某',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await clerk.request('POST', '/api/organisations', {
      name: '北海海鲜贸易公司',
      creditCode: company.toLowerCase(),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      created: false,
      organisation: { id: first.json().organisation.id, name: '北海海鲜贸易有限公司' },
    });
    const lookup = await clerk.request('POST', '/api/organisations/lookup', { creditCode: company });
    expect(lookup.json().organisation.id).toBe(first.json().organisation.id);
    expect(await q('select count(*)::int as n from organisation')).toEqual([{ n: 1 }]);
  });

  it('edits carry the version: a stale one is 409, and every edit is audited', async () => {
    const { person } = (
      await clerk.request('POST', '/api/persons/lookup', { idType: 'residentIdCard', idNumber: zhang })
    ).json();
    const ok = await clerk.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      phone: '0779-3031234',
      tags: ['migrantWorker', 'veteran'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: person.version + 1,
      phoneMasked: '077****1234',
      tags: ['migrantWorker', 'veteran'],
    });
    const stale = await clerk.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      name: '张叁',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该人员信息已被他人修改，请刷新后重试');
    const clash = await clerk.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version + 1,
      idType: 'residentIdCard',
      idNumber: minor,
    });
    expect(clash.statusCode).toBe(409);
    const rows = await q(
      "select before, after, detail from audit_log where action = 'person.update' and entity_id = $1",
      [person.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(zhang);
    expect(JSON.stringify(rows)).not.toContain('张三');
    expect(rows[0]?.detail).toMatchObject({ phoneChanged: true });
  });

  it('reveal shows the full data, needs party:reveal and is audited', async () => {
    const { person } = (
      await clerk.request('POST', '/api/persons/lookup', { idType: 'residentIdCard', idNumber: zhang })
    ).json();
    const denied = await clerk.request('POST', `/api/persons/${person.id}/reveal`, {});
    expect(denied.statusCode).toBe(403);
    const res = await revealer.request('POST', `/api/persons/${person.id}/reveal`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ idNumber: zhang, phone: '07793031234', address });
    const rows = await q(
      "select actor_name, detail from audit_log where action = 'personalData.reveal' and entity_type = 'person' and entity_id = $1",
      [person.id],
    );
    expect(rows).toEqual([{ actor_name: 'hcreveal', detail: { fields: ['idNumber', 'phone', 'address'] } }]);
  });

  it("another county's staff find a person only by the exact ID number, not by name or id", async () => {
    const { person } = (
      await clerk.request('POST', '/api/persons/lookup', { idType: 'residentIdCard', idNumber: zhang })
    ).json();
    // 海城区 entered 张三 and has no case of theirs with him in 银海区's scope.
    const byName = await outsider.request('GET', `/api/persons?name=${encodeURIComponent('张三')}`);
    expect(byName.statusCode).toBe(200);
    expect(JSON.stringify(byName.json())).not.toContain(person.id);
    expect((await outsider.request('GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
    const colleague = await clerk.request('GET', `/api/persons?name=${encodeURIComponent('张三')}`);
    expect(JSON.stringify(colleague.json())).toContain(person.id);
    // Entering the same person again at another office still finds the one record (never a duplicate).
    const lookup = await outsider.request('POST', '/api/persons/lookup', {
      idType: 'residentIdCard',
      idNumber: zhang,
    });
    expect(lookup.json().person.id).toBe(person.id);
  });

  it('case parties: added, listed with masks, removed; outside the case scope everything is 404', async () => {
    const { person } = (
      await clerk.request('POST', '/api/persons/lookup', { idType: 'residentIdCard', idNumber: zhang })
    ).json();
    const org = (await clerk.request('POST', '/api/organisations/lookup', { creditCode: company })).json()
      .organisation;
    const url = `/api/cases/${haichengCase}/parties`;
    const added = await clerk.request('POST', url, { role: 'applicant', personId: person.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      role: 'applicant',
      roleLabel: '申请人',
      kind: 'person',
      sortOrder: 0,
    });
    const respondent = await clerk.request('POST', url, { role: 'respondent', organisationId: org.id });
    expect(respondent.json()).toMatchObject({ roleLabel: '被申请人', kind: 'organisation', sortOrder: 1 });
    const twice = await clerk.request('POST', url, { role: 'applicant', personId: person.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该人员已作为申请人列入本案');
    const both = await clerk.request('POST', url, {
      role: 'agent',
      personId: person.id,
      organisationId: org.id,
    });
    expect(both.statusCode).toBe(400);

    const list = await clerk.request('GET', url);
    expect(list.json().items.map((p: { roleLabel: string }) => p.roleLabel)).toEqual(['申请人', '被申请人']);
    expect(list.body).not.toContain(zhang);
    expect(list.body).not.toContain(phone);

    // 银海区 staff do not see the 海城区 case: not to read, add or remove.
    const before = await q('select count(*)::int as n from case_party');
    expect((await outsider.request('GET', url)).statusCode).toBe(404);
    const foreignAdd = await outsider.request('POST', url, { role: 'thirdParty', personId: person.id });
    expect(foreignAdd.statusCode).toBe(404);
    expect(foreignAdd.json().message).toBe('案件不存在或您无权查看');
    expect((await outsider.request('DELETE', `${url}/${added.json().id}`)).statusCode).toBe(404);
    expect(await q('select count(*)::int as n from case_party')).toEqual(before);
    // Reading parties needs party:read; writing needs party:manage.
    expect((await reader.request('POST', url, { role: 'thirdParty', personId: person.id })).statusCode).toBe(
      403,
    );

    const removed = await clerk.request('DELETE', `${url}/${added.json().id}`);
    expect(removed.statusCode).toBe(204);
    const actions = await q(
      "select action from audit_log where entity_type = 'case' and entity_id = $1 and action like 'party.%' order by id",
      [haichengCase],
    );
    expect(actions.map((r) => r.action)).toEqual(['party.add', 'party.add', 'party.remove']);
    expect((await clerk.request('DELETE', `${url}/${added.json().id}`)).statusCode).toBe(404);
  });

  it("adds a party inside the caller's transaction, which a module's creation runs in", async () => {
    const ctx = staffContext({ all: true }, ['party:manage']);
    const party = await t.database.db.transaction(async (tx) => {
      const { person } = await t.services.persons.findOrCreatePerson(
        ctx,
        { name: '陈七', idType: 'residentIdCard', idNumber: withCheckChar('45050219900808231') },
        tx,
      );
      return t.services.persons.addParty(ctx, haichengCase, { role: 'thirdParty', personId: person.id }, tx);
    });
    expect(party).toMatchObject({ role: 'thirdParty', person: { name: '陈七' } });
  });

  it('entered at the same moment, one ID number still gives one person', async () => {
    const idNumber = withCheckChar('45050219780808456');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        clerk.request('POST', '/api/persons', { name: '周八', idType: 'residentIdCard', idNumber }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().person.id)).size).toBe(1);
    // And through the service, as a module would call it.
    const ctx = staffContext({ all: true }, ['party:manage']);
    const other = withCheckChar('45050219790909457');
    const direct = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.services.persons.findOrCreatePerson(ctx, {
          name: '吴九',
          idType: 'residentIdCard',
          idNumber: other,
        }),
      ),
    );
    expect(direct.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(direct.map((r) => r.person.id)).size).toBe(1);
    const rows = await q('select count(*)::int as n from person where name in ($1, $2)', ['周八', '吴九']);
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('keeps no ID number, phone or address in clear in any table', async () => {
    const tables = await q(
      "select table_schema, table_name from information_schema.tables where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'",
    );
    const hits: string[] = [];
    for (const { table_schema, table_name } of tables) {
      const text = JSON.stringify(await q(`select * from "${String(table_schema)}"."${String(table_name)}"`));
      for (const secret of [zhang, minor, elder, phone, '07793031234', '长青路88号'])
        if (text.includes(secret)) hits.push(`${table_schema}.${table_name}: ${secret}`);
    }
    expect(hits).toEqual([]);
    const [row] = await q('select id_number_enc, phone_enc, address_enc from person where name = $1', [
      '张三',
    ]);
    expect(String(row?.id_number_enc)).toMatch(/^v\d+\./);
    expect(String(row?.address_enc)).toMatch(/^v\d+\./);
  });
});
