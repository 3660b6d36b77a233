import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, RequestContext } from '../../platform/access/principal.ts';
import { fixedClock } from '../../platform/clock/clock.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  courtNotice,
  idNumber,
  STAFF_PASSWORD,
  signInCitizen,
  staffAccount,
  unitId,
} from './corrections.fixture.ts';
import { correctionsModule, moduleServicesOf } from './index.ts';

// 我的矫正: the portal identity. The officer records the supervisee's phone at registration (encrypted, blind
// index); a citizen signed in with that phone is that supervisee while the term runs. Anyone else → 404.
describe('supervisee portal identity', () => {
  let t: TestApp;
  const clock = fixedClock('2026-09-29T02:00:00Z');
  let office: number;
  let caseId = '';

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const ctxOf = (principal: Partial<Principal> & Pick<Principal, 'kind' | 'id'>): RequestContext => ({
    principal: {
      username: '',
      displayName: '',
      unitId: null,
      permissions: new Set(),
      scope: { all: false, unitIds: new Set(), self: true },
      duty: null,
      sessionId: 's',
      ...principal,
    },
    ip: '127.0.0.1',
    requestId: 'test',
  });

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [correctionsModule] });
    office = await unitId(t, '海城区中街司法所');
    const officer = await staffAccount(t, 'zjjz', office, ['correctionsOfficer']);
    const res = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, { flags: ['maritime'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().caseId;
    expect(res.json().phoneMasked).toBe('139****1011');
    // A second supervisee may not take the same phone while the first term runs.
    const clash = await officer.request(
      'POST',
      '/api/corrections/supervisees',
      courtNotice(office, {
        person: { name: '王强', idType: 'residentIdCard', idNumber: idNumber('1991-07-07', '031') },
        phone: '13907791011',
      }),
    );
    expect(clash.statusCode).toBe(400);
    expect(clash.json().fields).toContainEqual({
      path: 'phone',
      message: '该手机号码已登记为另一名在矫社区矫正对象的手机号码，请核实',
    });
  });
  afterAll(() => t?.close());

  it('stores the phone encrypted, with the same blind index as the citizen account', async () => {
    const [row] = (await q('select phone_enc, phone_index from corrections_supervisee where case_id = $1', [
      caseId,
    ])) as { phone_enc: string; phone_index: string }[];
    expect(row?.phone_enc).toMatch(/^v\d+\./);
    expect(row?.phone_enc).not.toContain('1011');
    await signInCitizen(t, '13907791011');
    const [account] = (await q('select phone_index from citizen_account')) as { phone_index: string }[];
    expect(account?.phone_index).toBe(row?.phone_index);
  });

  it('a citizen signed in with the recorded phone sees their running term', async () => {
    const citizen = await signInCitizen(t, '13907791011');
    const term = await moduleServicesOf(t.services).portal.currentTerm(
      ctxOf({ kind: 'citizen', id: citizen.id }),
    );
    expect(term).toEqual({
      caseId,
      personId: expect.any(String),
      unitId: office,
      name: '李海明',
      flags: ['maritime'],
      supervisionLevel: null,
    });
  });

  it('another citizen, a staff account, no one, or an ended term → 404 未找到您的社区矫正档案', async () => {
    const portal = moduleServicesOf(t.services).portal;
    const stranger = await signInCitizen(t, '13907791099');
    const officerRow = (await q("select id from staff_user where username = 'zjjz'")) as { id: string }[];
    for (const ctx of [
      ctxOf({ kind: 'citizen', id: stranger.id }),
      ctxOf({ kind: 'staff', id: officerRow[0]?.id ?? '' }),
      { principal: null, ip: '127.0.0.1', requestId: 'x' },
    ]) {
      await expect(portal.currentTerm(ctx)).rejects.toMatchObject({
        statusCode: 404,
        message: '未找到您的社区矫正档案',
      });
    }
    const citizen = await signInCitizen(t, '13907791011');
    await q("update corrections_supervisee set ended_on = '2026-09-28' where case_id = $1", [caseId]);
    await expect(portal.currentTerm(ctxOf({ kind: 'citizen', id: citizen.id }))).rejects.toMatchObject({
      statusCode: 404,
    });
    await q('update corrections_supervisee set ended_on = null where case_id = $1', [caseId]);
  });

  it('the officer corrects the phone: the new phone signs in to the term, the old one no longer', async () => {
    const portal = moduleServicesOf(t.services).portal;
    const officer = await signIn(t.app, 'zjjz', STAFF_PASSWORD);
    const view = (await officer.request('GET', `/api/corrections/supervisees/${caseId}`)).json();
    const bad = await officer.request('PATCH', `/api/corrections/supervisees/${caseId}`, {
      version: view.version,
      phone: '12345',
    });
    expect(bad.statusCode).toBe(400);
    const res = await officer.request('PATCH', `/api/corrections/supervisees/${caseId}`, {
      version: view.version,
      phone: '13907791012',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().phoneMasked).toBe('139****1012');
    const old = await signInCitizen(t, '13907791011');
    const now = await signInCitizen(t, '13907791012');
    await expect(portal.currentTerm(ctxOf({ kind: 'citizen', id: old.id }))).rejects.toMatchObject({
      statusCode: 404,
    });
    expect((await portal.currentTerm(ctxOf({ kind: 'citizen', id: now.id }))).caseId).toBe(caseId);
    // The audit log says the phone changed, and holds neither number nor its cipher text.
    const rows = (await q(
      "select before::text as b, after::text as a from audit_log where action = 'corrections.supervisee.update'",
    )) as { b: string; a: string }[];
    expect(rows).toHaveLength(1);
    // (the audit writer masks any `phone` value itself)
    expect(rows[0]?.a).toContain('"phone"');
    for (const text of [rows[0]?.a, rows[0]?.b]) {
      expect(text).not.toMatch(/1011|1012|phoneEnc|phoneIndex/);
    }
  });
});
