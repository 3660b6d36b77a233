import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';

// Personal data goes in through the API as a user would enter it; then every row of every table is read
// raw. No phone number may appear in clear anywhere: not in the accounts, the sessions, the outbox, the
// audit log or the job queue.
describe('no personal data in clear at rest', () => {
  let t: TestApp;
  const staffPhone = '13877005678';
  const citizenPhone = '13907795432';

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const unit = await t.database.executeSql("select id from org_unit where kind = 'cityBureau'");
    const created = await admin.request('POST', '/api/access/users', {
      username: 'phoneowner',
      displayName: '有手机号的人',
      unitId: unit.rows[0]?.id,
      phone: staffPhone,
    });
    expect(created.statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone: citizenPhone } });
    const outbox = await t.app.inject({ method: 'GET', url: `/api/test/outbox?recipient=${citizenPhone}` });
    const code = /(\d{6})/.exec(outbox.json().messages[0].body)?.[1];
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone: citizenPhone, code },
    });
    expect(login.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('finds neither phone number in any table', async () => {
    const tables = await t.database.executeSql(
      "select table_schema, table_name from information_schema.tables where table_schema in ('public', 'pgboss', 'drizzle') and table_type = 'BASE TABLE'",
    );
    expect(tables.rows.length).toBeGreaterThan(8);
    const hits: string[] = [];
    for (const { table_schema, table_name } of tables.rows) {
      const rows = await t.database.executeSql(
        `select * from "${String(table_schema)}"."${String(table_name)}"`,
      );
      const text = JSON.stringify(rows.rows);
      for (const phone of [staffPhone, citizenPhone])
        if (text.includes(phone)) hits.push(`${table_schema}.${table_name}: ${phone}`);
    }
    expect(hits).toEqual([]);
    // And the data is there, encrypted: the accounts can still be found by their blind index.
    const citizens = await t.database.executeSql('select phone_enc, phone_index from citizen_account');
    expect(citizens.rows).toHaveLength(1);
    expect(String(citizens.rows[0]?.phone_enc)).toMatch(/^v\d+\./);
  });
});
