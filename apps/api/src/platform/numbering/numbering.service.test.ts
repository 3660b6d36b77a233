import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../testing/test-database.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { fixedClock } from '../clock/clock.ts';
import { type Database, type DatabaseHandle, openDatabase } from '../db/database.ts';
import { generateOrgTree } from '../org/org.generate.ts';
import { staffContext } from '../org/org-testing.ts';
import { NumberSeriesRegistry } from './number-series.ts';
import { type AllocatedNumber, NumberingService, ORGAN_SERIES } from './numbering.service.ts';
import { exampleCaseSeries, exampleDecisionSeries } from './numbering-testing.ts';

/** Resolves once `n` parties have arrived: lets every creator open its transaction before any numbers. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === n) release();
    return all;
  };
}

// Case numbers as a module's create use case takes them: inside its own transaction, next to the insert
// of the record that carries the number, on PGlite and on PostgreSQL.
describe('numbering service', () => {
  let database: DatabaseHandle;
  /** On PostgreSQL a second handle with a connection per creator, so 16 creators truly run at once. */
  let wide: DatabaseHandle | undefined;
  let numbering: NumberingService;
  let cityBureau: number;
  let haicheng: number;
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const admin = staffContext({ all: true }, ['org:read', 'org:manage']);

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateOrgTree(database.db, { cityDivisionCode: '450500', clock });
    const units = await database.executeSql(
      "select id, name from org_unit where name in ('北海市司法局', '海城区司法局')",
    );
    const idOf = (name: string) => Number(units.rows.find((r) => r.name === name)?.id);
    cityBureau = idOf('北海市司法局');
    haicheng = idOf('海城区司法局');
    // A scratch table standing in for a module's case table.
    await database.executeSql(
      `create table example_case (
         id serial primary key, unit_id integer not null, year integer not null,
         number_value integer not null, case_no text not null unique)`,
    );
    numbering = new NumberingService({
      db: database.db,
      clock,
      series: new NumberSeriesRegistry(exampleCaseSeries, exampleDecisionSeries),
      cityName: '北海市',
      audit: (executor, ctx, entry) => recordAudit(executor, ctx, entry, clock).then(() => undefined),
    });
    if (testDatabaseKind() === 'postgres') {
      const name = (await database.executeSql('select current_database() as name')).rows[0]?.name;
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${String(name)}`;
      wide = await openDatabase({ url: url.toString(), poolSize: 24 });
    }
  });
  afterAll(async () => {
    await wide?.close();
    await database?.close();
  });

  interface CreateOptions {
    unitId?: number;
    series?: string;
    at?: Date;
    fail?: boolean;
    arrive?: () => Promise<void>;
    db?: Database;
  }

  /** One creation: some work, the number, the record; optionally failing after the number was taken. */
  const createCase = (options: CreateOptions = {}): Promise<AllocatedNumber> =>
    (options.db ?? database.db).transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await options.arrive?.();
      const number = await numbering.allocate(tx, {
        series: options.series ?? 'example.case',
        unitId: options.unitId ?? cityBureau,
        ...(options.at ? { at: options.at } : {}),
      });
      await tx.execute(
        sql`insert into example_case (unit_id, year, number_value, case_no)
            values (${number.unitId}, ${number.year}, ${number.value}, ${number.text})`,
      );
      if (options.fail) throw new Error('the creation failed after taking its number');
      return number;
    });

  const casesOf = async (unitId: number, year: number) =>
    (
      await database.executeSql(
        'select number_value, case_no from example_case where unit_id = $1 and year = $2 order by number_value',
        [unitId, year],
      )
    ).rows;

  it('gives 16 parallel creators the numbers 1 to 16, each once', async () => {
    // On PostgreSQL all 16 transactions are open on their own connections before any takes a number, and
    // the first number of the year is a race to insert the counter row; PGlite runs them one by one.
    const arrive = wide ? barrier(16) : undefined;
    const numbers = await Promise.all(
      Array.from({ length: 16 }, () =>
        createCase({ ...(arrive ? { arrive } : {}), ...(wide ? { db: wide.db } : {}) }),
      ),
    );
    expect(numbers.map((n) => n.value).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    const rows = await casesOf(cityBureau, 2026);
    expect(rows.map((r) => r.number_value)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows[0]?.case_no).toBe('北司援〔2026〕第1号');
    expect(rows[11]?.case_no).toBe('北司援〔2026〕第12号');
    expect(numbers.find((n) => n.value === 12)).toEqual({
      series: 'example.case',
      kind: 'caseNo',
      unitId: cityBureau,
      year: 2026,
      value: 12,
      prefix: '北司援',
      text: '北司援〔2026〕第12号',
    });
  });

  it('gives a rolled-back creation’s number to the next one', async () => {
    await expect(createCase({ fail: true })).rejects.toThrow(/failed after taking/);
    const next = await createCase();
    expect(next.text).toBe('北司援〔2026〕第17号');
    expect((await casesOf(cityBureau, 2026)).map((r) => r.number_value)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
  });

  it('leaves no gap when creators fail while others wait for the counter', async () => {
    // 20 creators, every fourth failing after taking its number: the 15 that commit hold 18 to 32.
    const arrive = wide ? barrier(20) : undefined;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createCase({ fail: i % 4 === 3, ...(arrive ? { arrive } : {}), ...(wide ? { db: wide.db } : {}) }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(5);
    expect((await casesOf(cityBureau, 2026)).map((r) => r.number_value)).toEqual(
      Array.from({ length: 32 }, (_, i) => i + 1),
    );
    const counter = await database.executeSql(
      "select last_value from number_sequence where series = 'example.case' and unit_id = $1 and year = 2026",
      [cityBureau],
    );
    expect(counter.rows).toEqual([{ last_value: 32 }]);
  });

  it('counts each issuing unit and each year on its own', async () => {
    const county = await createCase({ unitId: haicheng });
    expect(county.text).toBe('海城司援〔2026〕第1号');
    // 00:30 on 1 January 2027 in Beihai is still 31 December in UTC: a 2027 number.
    const newYear = await createCase({ at: new Date('2026-12-31T16:30:00Z') });
    expect(newYear).toMatchObject({ year: 2027, value: 1, text: '北司援〔2027〕第1号' });
    const lastOf2026 = await createCase({ at: new Date('2026-12-31T15:59:59Z') });
    expect(lastOf2026.text).toBe('北司援〔2026〕第33号');
    expect((await casesOf(haicheng, 2026)).map((r) => r.case_no)).toEqual(['海城司援〔2026〕第1号']);
  });

  it('numbers documents without 第 and counts them apart from cases', async () => {
    const decision = await createCase({ series: 'example.decision' });
    expect(decision).toMatchObject({ kind: 'documentNo', value: 1, text: '北司援决〔2026〕1号' });
  });

  it('uses the organ abbreviation and the prefixes an administrator sets, audited', async () => {
    await numbering.setPrefix(admin, { unitId: haicheng, series: ORGAN_SERIES, prefix: '海司' });
    expect((await createCase({ unitId: haicheng })).text).toBe('海司援〔2026〕第2号');
    expect((await createCase({ unitId: haicheng, series: 'example.decision' })).text).toBe(
      '海司援决〔2026〕1号',
    );

    const views = await numbering.setPrefix(admin, {
      unitId: haicheng,
      series: 'example.case',
      prefix: ' 海司法援 ',
    });
    expect(views.map((v) => [v.series, v.prefix, v.source, v.example])).toEqual([
      ['example.case', '海司法援', 'series', '海司法援〔2026〕第1号'],
      ['example.decision', '海司援决', 'organ', '海司援决〔2026〕1号'],
    ]);
    expect((await createCase({ unitId: haicheng })).text).toBe('海司法援〔2026〕第3号');

    // Another unit cannot take the same prefix in the same series.
    await expect(
      numbering.setPrefix(admin, { unitId: cityBureau, series: ORGAN_SERIES, prefix: '海司' }),
    ).rejects.toMatchObject({ statusCode: 409, message: '前缀「海司」已被其他机构使用，请换一个' });

    await numbering.setPrefix(admin, { unitId: haicheng, series: 'example.case', prefix: null });
    expect((await createCase({ unitId: haicheng })).text).toBe('海司援〔2026〕第4号');

    const audit = await database.executeSql(
      "select action, entity_id, before, after from audit_log where action like 'numbering.%' order by id",
    );
    expect(audit.rows).toEqual([
      {
        action: 'numbering.prefix.set',
        entity_id: String(haicheng),
        before: null,
        after: { series: '*', prefix: '海司' },
      },
      {
        action: 'numbering.prefix.set',
        entity_id: String(haicheng),
        before: null,
        after: { series: 'example.case', prefix: '海司法援' },
      },
      {
        action: 'numbering.prefix.clear',
        entity_id: String(haicheng),
        before: { series: 'example.case', prefix: '海司法援' },
        after: null,
      },
    ]);
  });

  it('refuses prefix changes outside the caller’s permission or scope, and bad prefixes', async () => {
    const reader = staffContext({ all: true }, ['org:read']);
    await expect(
      numbering.setPrefix(reader, { unitId: haicheng, series: ORGAN_SERIES, prefix: '海区司' }),
    ).rejects.toMatchObject({ statusCode: 403 });
    const elsewhere = staffContext({ unitIds: [cityBureau] }, ['org:read', 'org:manage']);
    await expect(
      numbering.setPrefix(elsewhere, { unitId: haicheng, series: ORGAN_SERIES, prefix: '海区司' }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(numbering.listPrefixes(elsewhere, haicheng)).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      numbering.setPrefix(admin, { unitId: haicheng, series: ORGAN_SERIES, prefix: '海〔司〕' }),
    ).rejects.toMatchObject({ statusCode: 400, message: '前缀不能包含空格或括号，年份的〔〕由系统自动加上' });
    await expect(
      numbering.setPrefix(admin, { unitId: haicheng, series: 'example.unknown', prefix: '海司' }),
    ).rejects.toMatchObject({ statusCode: 400, message: '编号类型不存在' });
    await expect(
      database.db.transaction((tx) => numbering.allocate(tx, { series: 'example.case', unitId: 999_999 })),
    ).rejects.toMatchObject({ statusCode: 404 });
    const prefixes = await database.executeSql(
      'select series, prefix from number_prefix where unit_id = $1 order by series',
      [haicheng],
    );
    expect(prefixes.rows).toEqual([{ series: '*', prefix: '海司' }]);
  });
});
