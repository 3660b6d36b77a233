import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../testing/test-database.ts';
import type { RequestContext } from '../access/principal.ts';
import { fixedClock } from '../clock/clock.ts';
import { registeredEncryptedColumns } from '../crypto/encrypted-columns.ts';
import { createFieldCipher } from '../crypto/field-cipher.ts';
import { createKeyring, generateSecret, type SecretEntry } from '../crypto/keyring.ts';
import { rotateKeys } from '../crypto/rotate.ts';
import type { DatabaseHandle, Transaction } from '../db/database.ts';
import { staffContext } from '../org/org-testing.ts';
import { idempotencyPruneJob } from './idempotency.job.ts';
import { canonicalJson } from './idempotency.rules.ts';
import {
  IdempotencyService,
  type IdempotencyServiceDeps,
  type IdempotentRequest,
} from './idempotency.service.ts';

interface Widget {
  id: number;
  name: string;
  phone: string;
}

// The service under create requests as routes send them, on PGlite and PostgreSQL; a scratch table
// stands in for a module's records.
describe('idempotency service', () => {
  let database: DatabaseHandle;
  let idempotency: IdempotencyService;
  let deps: IdempotencyServiceDeps;
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const staff = staffContext({ all: true }, []);
  const anonymous: RequestContext = { principal: null, ip: '203.0.113.9', requestId: 'req-anon' };
  const v1: SecretEntry = { id: 'v1', secret: generateSecret() };
  const indexSecret = generateSecret();

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.executeSql(
      'create table example_widget (id serial primary key, name text not null, phone text not null)',
    );
    deps = {
      db: database.db,
      clock,
      cipher: createFieldCipher(createKeyring({ versions: [v1], indexSecret })),
      hashKey: crypto.randomBytes(32),
    };
    idempotency = new IdempotencyService(deps);
  });
  afterAll(() => database?.close());

  const createWidget = async (tx: Transaction, body: { name: string }, wait?: Promise<void>) => {
    const result = await tx.execute(
      sql`insert into example_widget (name, phone) values (${body.name}, '13907795432') returning id`,
    );
    await wait;
    const id = Number((result as unknown as { rows: { id: number }[] }).rows[0]?.id);
    return { status: 201, body: { id, name: body.name, phone: '13907795432' } as Widget };
  };

  const request = (key: string | undefined, body: object, ctx = staff, path = '/api/example/widgets') =>
    ({ key, ctx, method: 'POST', path, body }) satisfies IdempotentRequest;

  const post = (key: string | undefined, body: { name: string }, ctx = staff, wait?: Promise<void>) =>
    idempotency.withIdempotency(request(key, body, ctx), (tx) => createWidget(tx, body, wait));

  const widgets = async () =>
    Number((await database.executeSql('select count(*)::int as n from example_widget')).rows[0]?.n);
  const records = async () =>
    (
      await database.executeSql(
        'select account, key, status, response_status, response_enc from idempotency_record',
      )
    ).rows;

  it('keeps the response encrypted and answers a repeat with it, creating nothing', async () => {
    const first = await post('key-1', { name: '甲' });
    expect(first).toMatchObject({ status: 201, replayed: false, body: { name: '甲' } });
    const again = await post('key-1', { name: '甲' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await widgets()).toBe(1);
    const [row] = await records();
    expect(row).toMatchObject({ account: `staff:${staff.principal?.id}`, key: 'key-1', status: 'completed' });
    expect(String(row?.response_enc)).toMatch(/^v1\./);
    expect(JSON.stringify(await records())).not.toContain('13907795432');
  });

  it('re-encrypts stored responses on key rotation, and still replays them', async () => {
    const column = registeredEncryptedColumns().find((c) => c.table === 'idempotency_record');
    expect(column).toEqual({ table: 'idempotency_record', idColumn: 'id', column: 'response_enc' });
    const keyringV2 = createKeyring({ versions: [{ id: 'v2', secret: generateSecret() }, v1], indexSecret });
    const report = await rotateKeys(database.db, keyringV2, column ? [column] : []);
    expect(report.columns[0]).toMatchObject({ updated: 1, failed: [] });
    const rotated = new IdempotencyService({ ...deps, cipher: createFieldCipher(keyringV2) });
    const again = await rotated.withIdempotency(request('key-1', { name: '甲' }), (tx) =>
      createWidget(tx, { name: '甲' }),
    );
    expect(again).toMatchObject({ replayed: true, body: { name: '甲' } });
    expect(String((await records())[0]?.response_enc)).toMatch(/^v2\./);
  });

  it('treats the same content in another key order as the same request', async () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
    const first = await idempotency.withIdempotency(request('key-2', { name: '乙', tags: [1] }), (tx) =>
      createWidget(tx, { name: '乙' }),
    );
    const again = await idempotency.withIdempotency(request('key-2', { tags: [1], name: '乙' }), (tx) =>
      createWidget(tx, { name: '乙' }),
    );
    expect(again).toEqual({ ...first, replayed: true });
    expect(await widgets()).toBe(2);
  });

  it('refuses the key for other content or another path with 422, creating nothing', async () => {
    await expect(post('key-1', { name: '丙' })).rejects.toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: '同一个 Idempotency-Key 不能用于不同的请求内容',
    });
    await expect(
      idempotency.withIdempotency(request('key-1', { name: '甲' }, staff, '/api/example/others'), (tx) =>
        createWidget(tx, { name: '甲' }),
      ),
    ).rejects.toMatchObject({ statusCode: 422 });
    expect(await widgets()).toBe(2);
  });

  it('scopes keys to the account, and without a key creates every time', async () => {
    const other = staffContext({ all: true }, []);
    const otherStaff: RequestContext = {
      ...other,
      principal: other.principal && { ...other.principal, id: '00000000-0000-4000-8000-000000000002' },
    };
    const mine = await post('key-3', { name: '丁' });
    const theirs = await post('key-3', { name: '丁' }, otherStaff);
    const public1 = await post('key-3', { name: '丁' }, anonymous);
    expect(new Set([mine.body.id, theirs.body.id, public1.body.id]).size).toBe(3);
    expect([mine.replayed, theirs.replayed, public1.replayed]).toEqual([false, false, false]);
    expect((await post('key-3', { name: '丁' }, anonymous)).replayed).toBe(true);

    const before = await widgets();
    const a = await post(undefined, { name: '戊' });
    const b = await post(undefined, { name: '戊' });
    expect(a.body.id).not.toBe(b.body.id);
    expect(await widgets()).toBe(before + 2);
  });

  it('keeps nothing of a failed creation, so the key can be used again', async () => {
    const before = await widgets();
    await expect(
      idempotency.withIdempotency(request('key-4', { name: '己' }), async (tx) => {
        await createWidget(tx, { name: '己' });
        throw new Error('the creation failed');
      }),
    ).rejects.toThrow('the creation failed');
    expect(await widgets()).toBe(before);
    expect((await records()).some((r) => r.key === 'key-4')).toBe(false);
    expect((await post('key-4', { name: '己' })).replayed).toBe(false);
    expect(await widgets()).toBe(before + 1);
  });

  it.each([[''], ['has space'], ['x'.repeat(101)], ['键']])(
    'refuses the malformed key %j with 400',
    async (key) => {
      await expect(post(key, { name: '庚' })).rejects.toMatchObject({
        statusCode: 400,
        message: 'Idempotency-Key 应为 1—100 个可见 ASCII 字符（不含空格），例如一个 UUID',
      });
    },
  );

  it('accepts a key of 100 visible characters', async () => {
    const key = `${'~'.repeat(50)}${'!'.repeat(50)}`;
    expect((await post(key, { name: '辛' })).replayed).toBe(false);
    expect((await post(key, { name: '辛' })).replayed).toBe(true);
  });

  it('forgets a key after a day, and the daily job prunes expired records', async () => {
    await post('key-5', { name: '壬' });
    clock.advance(23 * 3_600_000);
    expect((await post('key-5', { name: '壬' })).replayed).toBe(true);
    clock.advance(2 * 3_600_000);
    // Expired: the key starts afresh, even with other content.
    const fresh = await post('key-5', { name: '癸' });
    expect(fresh).toMatchObject({ replayed: false, body: { name: '癸' } });

    const job = idempotencyPruneJob(idempotency);
    expect(job).toMatchObject({ name: 'idempotency.prune', cron: '50 3 * * *' });
    await job.run({}, { id: 'job-1', name: job.name });
    // Only key-5's new record (made just now) is left.
    expect((await records()).map((r) => r.key)).toEqual(['key-5']);
  });

  /** Waits until another session of this database waits for a lock (the duplicate at the primary key). */
  const untilSomeoneWaits = async () => {
    for (let i = 0; i < 500; i++) {
      const { rows } = await database.executeSql(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (Number(rows[0]?.n) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no session started waiting for the lock');
  };

  it('lets one of two simultaneous requests with a key create; the other replays', async () => {
    const before = await widgets();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // On PostgreSQL both run at once: the winner holds its transaction open until the loser is seen
    // waiting at the primary key. PGlite runs one transaction at a time, so nothing is held there.
    const wait = testDatabaseKind() === 'postgres' ? held : undefined;
    const both = Promise.all([
      post('key-6', { name: '子' }, staff, wait),
      post('key-6', { name: '子' }, staff, wait),
    ]);
    if (wait) await untilSomeoneWaits();
    release();
    const [a, b] = await both;
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.body).toEqual(b.body);
    expect(await widgets()).toBe(before + 1);
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'answers 409 to a duplicate that waited too long for the first request',
    async () => {
      const impatient = new IdempotencyService({ ...deps, lockTimeoutMs: 100 });
      const before = await widgets();
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const send = () =>
        impatient.withIdempotency(request('key-7', { name: '丑' }), (tx) =>
          createWidget(tx, { name: '丑' }, held),
        );
      const attempts = [send(), send()];
      // The creator holds its transaction until the other attempt has given up.
      const gaveUp = await Promise.race(
        attempts.map((p) =>
          p.then(
            () => undefined,
            (err: unknown) => err,
          ),
        ),
      );
      expect(gaveUp).toMatchObject({
        statusCode: 409,
        code: 'IDEMPOTENCY_IN_PROGRESS',
        message: '相同的请求正在处理中，请稍后再试',
      });
      release();
      const settled = await Promise.allSettled(attempts);
      expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await widgets()).toBe(before + 1);
      expect(
        (
          await impatient.withIdempotency(request('key-7', { name: '丑' }), (tx) =>
            createWidget(tx, { name: '丑' }),
          )
        ).replayed,
      ).toBe(true);
    },
  );
});
