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

const citizenSessions = new WeakMap<TestApp, Map<string, SessionClient & { id: string }>>();

/**
 * Signs in a citizen (the portal) with a phone and the one-time code from the test outbox. A code is sent
 * once a minute per phone, so the session is kept and handed out again for the same app and phone.
 */
export async function signInCitizen(t: TestApp, phone: string): Promise<SessionClient & { id: string }> {
  const known = citizenSessions.get(t)?.get(phone);
  if (known) return known;
  const client = await citizenSignIn(t, phone);
  const byPhone = citizenSessions.get(t) ?? new Map<string, SessionClient & { id: string }>();
  byPhone.set(phone, client);
  citizenSessions.set(t, byPhone);
  return client;
}

async function citizenSignIn(t: TestApp, phone: string): Promise<SessionClient & { id: string }> {
  const asked = await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
  expect(asked.statusCode, asked.body).toBeLessThan(300);
  const outbox = await t.app.inject({
    method: 'GET',
    url: `/api/test/outbox?recipient=${phone}&template=auth.otp`,
  });
  const messages: { body: string }[] = outbox.json().messages;
  const code = /(\d{6})/.exec(messages.at(-1)?.body ?? '')?.[1] ?? '';
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/citizen/login',
    payload: { phone, code },
  });
  expect(res.statusCode, res.body).toBe(200);
  const raw = res.headers['set-cookie'];
  const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
  const csrfToken: string = res.json().csrfToken;
  return {
    id: res.json().user.id,
    cookie,
    csrfToken,
    request(method, url, payload) {
      return t.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    },
  };
}

/** A court's notice of execution for `POST /api/corrections/supervisees` (adult man, probation). */
export function courtNotice(office: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    person: { name: '李海明', idType: 'residentIdCard', idNumber: idNumber('1988-03-03', '011') },
    supervisingOfficeId: office,
    sentenceKind: 'probation',
    offence: '危险驾驶罪',
    courtName: '北海市海城区人民法院',
    judgmentNo: '（2026）桂0502刑初200号',
    judgmentEffectiveOn: '2026-09-25',
    noticeNo: '（2026）桂0502刑初200号执行通知书',
    periodStart: '2026-09-25',
    periodEnd: '2027-09-24',
    prohibitionOrders: [],
    flags: [],
    phone: '13907791011',
    ...over,
  };
}
