import { idNumberCheckChar } from '@zhucheng/contracts';
import { expect } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { type TestApp, testPasswords } from '../../testing/test-app.ts';

// Test helpers of the corrections module: valid ID numbers and staff accounts in a role at a unit.

/** A valid resident ID number: region 450502, the birth date, a sequence whose last digit says the sex. */
export function idNumber(birth: string, sequence: string): string {
  const first17 = `450502${birth.replaceAll('-', '')}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

export async function unitId(t: TestApp, name: string): Promise<number> {
  const rows = (await t.database.executeSql('select id from org_unit where name = $1', [name])).rows;
  const id = Number((rows[0] as { id?: unknown } | undefined)?.id);
  if (!id) throw new Error(`no unit ${name}`);
  return id;
}

export const STAFF_PASSWORD = 'Beihai#2026jz';

/** Signs in a new staff account of `unit` holding `roles`. */
export async function staffAccount(
  t: TestApp,
  username: string,
  unit: number,
  roles: string[],
): Promise<SessionClient & { id: string }> {
  const admin = await signIn(t.app, 'admin', testPasswords.admin);
  const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
  const created = await admin.request('POST', '/api/access/users', {
    username,
    displayName: username,
    unitId: unit,
  });
  expect(created.statusCode, created.body).toBe(201);
  const { user, initialPassword } = created.json();
  const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes: roles });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const first = await signIn(t.app, username, initialPassword);
  await first.request('POST', '/api/auth/password', {
    currentPassword: initialPassword,
    newPassword: STAFF_PASSWORD,
  });
  return { ...(await signIn(t.app, username, STAFF_PASSWORD)), id: user.id };
}
