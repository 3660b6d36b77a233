import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { EncryptedColumn } from './encrypted-columns.ts';
import { createFieldCipher } from './field-cipher.ts';
import { createKeyring, generateSecret, type KeyMaterial, withIndexSecret } from './keyring.ts';
import {
  countKeyVersions,
  findUnregisteredEncryptedColumns,
  recomputeBlindIndexes,
  rotateKeys,
} from './rotate.ts';

// A scratch table stands in for a module's table (staff_user.phone_enc and the like).
const people: EncryptedColumn = {
  table: 'rotation_person',
  idColumn: 'id',
  column: 'id_number_enc',
  blindIndex: { column: 'id_number_bidx', purpose: 'idNumber' },
};
const phones: EncryptedColumn = { table: 'rotation_person', idColumn: 'id', column: 'phone_enc' };

const v1 = { id: 'v1', secret: generateSecret() };
const v2 = { id: 'v2', secret: generateSecret() };
const base: KeyMaterial = { versions: [v1], indexSecret: generateSecret() };
const keyringV1 = createKeyring(base);
const keyringV2 = createKeyring({ ...base, versions: [v2, v1] });

// Made-up, check-digit-valid numbers.
const idNumbers = Array.from({ length: 11 }, (_, i) => {
  const first17 = `4505021985031${String(200 + i).padStart(3, '0')}1`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * (2 ** (17 - k) % 11);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
});

interface Row {
  id: string;
  id_number_enc: string | null;
  id_number_bidx: string | null;
  phone_enc: string | null;
}

describe('key rotation', () => {
  let database: DatabaseHandle;
  const select = async () =>
    (
      await database.executeSql(
        'select id::text as id, id_number_enc, id_number_bidx, phone_enc from rotation_person p order by p.id',
        [],
      )
    ).rows as unknown as Row[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.executeSql(
      `create table rotation_person (
         id bigserial primary key, id_number_enc text, id_number_bidx text, phone_enc text)`,
    );
    const cipher = createFieldCipher(keyringV1);
    for (const [i, idNumber] of idNumbers.entries()) {
      await database.executeSql(
        'insert into rotation_person (id_number_enc, id_number_bidx, phone_enc) values ($1, $2, $3)',
        [
          cipher.encrypt(idNumber),
          cipher.blindIndex(idNumber, 'idNumber'),
          i % 3 === 0 ? null : cipher.encrypt(`1381234${String(i).padStart(4, '0')}`),
        ],
      );
    }
    // A row without personal data, and one whose value was tampered with.
    await database.executeSql('insert into rotation_person (id_number_enc) values (null)');
    const tampered = `${cipher.encrypt('999').slice(0, -3)}AAA`;
    await database.executeSql('insert into rotation_person (phone_enc) values ($1)', [tampered]);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('re-encrypts every value to the new version in batches; plaintexts and blind indexes stay', async () => {
    const before = await select();
    const progress: number[] = [];
    const report = await rotateKeys(database.db, keyringV2, [people, phones], {
      batchSize: 3,
      onProgress: (_c, n) => progress.push(n),
    });

    expect(report.current).toBe('v2');
    expect(report.columns.map((c) => [c.column, c.updated, c.failed.length, c.versions])).toEqual([
      ['id_number_enc', 11, 0, { v2: 11 }],
      ['phone_enc', 7, 1, { v1: 1, v2: 7 }],
    ]);
    expect(report.updated).toBe(18);
    expect(report.failed).toBe(1);
    expect(progress.length).toBeGreaterThan(3);

    const tamperedRow = before.at(-1) as Row;
    expect(report.columns[1]?.failed).toEqual([
      { id: tamperedRow.id, reason: expect.stringContaining('篡改') },
    ]);

    const after = await select();
    const cipher = createFieldCipher(keyringV2);
    for (const [i, row] of after.entries()) {
      const old = before[i] as Row;
      expect(row.id_number_bidx).toBe(old.id_number_bidx);
      if (row.id_number_enc) {
        expect(row.id_number_enc.startsWith('v2.')).toBe(true);
        expect(cipher.decrypt(row.id_number_enc)).toBe(
          createFieldCipher(keyringV1).decrypt(old.id_number_enc ?? ''),
        );
        expect(row.id_number_bidx).toBe(cipher.blindIndex(cipher.decrypt(row.id_number_enc), 'idNumber'));
      } else {
        expect(old.id_number_enc).toBeNull();
      }
    }
    // The tampered value is left exactly as it was, for someone to look at.
    expect(after.at(-1)?.phone_enc).toBe(tamperedRow.phone_enc);
  });

  it('finds nothing left to do on a second run', async () => {
    const report = await rotateKeys(database.db, keyringV2, [people, phones], { batchSize: 3 });
    expect(report.updated).toBe(0);
    expect(await countKeyVersions(database.db, people)).toEqual({ v2: 11 });
  });

  it('recomputes blind indexes for a new index key, so lookups work with the new key', async () => {
    const newIndexKeyring = withIndexSecret(keyringV2, generateSecret());
    const report = await recomputeBlindIndexes(database.db, newIndexKeyring, [people, phones], {
      batchSize: 4,
    });
    expect(report.columns.map((c) => [c.column, c.updated, c.failed.length])).toEqual([
      ['id_number_bidx', 11, 0],
    ]);

    const lookup = createFieldCipher(newIndexKeyring).blindIndex(
      ` ${idNumbers[5]?.toLowerCase()}`,
      'idNumber',
    );
    const found = await database.executeSql(
      'select id_number_enc from rotation_person where id_number_bidx = $1',
      [lookup],
    );
    expect(found.rows).toHaveLength(1);
    expect(createFieldCipher(keyringV2).decrypt(String(found.rows[0]?.id_number_enc))).toBe(idNumbers[5]);
  });

  it('names *_enc columns that no module registered', async () => {
    const scratch = async (columns: EncryptedColumn[]) =>
      (await findUnregisteredEncryptedColumns(database.db, columns)).filter((name) =>
        name.startsWith('public.rotation_person.'),
      );
    expect(await scratch([people])).toEqual(['public.rotation_person.phone_enc']);
    expect(await scratch([people, phones])).toEqual([]);
  });
});
