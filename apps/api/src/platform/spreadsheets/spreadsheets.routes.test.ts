import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { listCaseBatch, listCasePage } from '../cases/case-list.repo.ts';
import { fixedClock } from '../clock/clock.ts';
import { exampleCaseSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';
import { type KeysetCursor, keysetBatches } from './keyset.ts';
import { exampleLedger } from './spreadsheets-testing.ts';

// 台账导入 and the 全部案件 export over HTTP, on the worked example ledger (each row opens a case of the
// worked example case type through the workflow engine).
describe('spreadsheet import and export', () => {
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  const clock = fixedClock('2026-03-02T02:00:00Z');
  const units = { haicheng: 0, yinhai: 0 };
  let clerk: SessionClient;
  let yinhaiClerk: SessionClient;
  let reader: SessionClient;
  const headers = ['标题', '承办单位', '来源', '登记日期'];

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const caseCount = async () => Number((await q('select count(*)::int as n from case_record'))[0]?.n);
  const auditRows = async (action: string) =>
    q('select detail from audit_log where action = $1 order by id', [action]) as Promise<
      { detail: Record<string, unknown> }[]
    >;

  const createStaff = async (username: string, unit: number, roleCodes: string[]) => {
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
    const changed = await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Beihai#2026xlsx',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return signIn(t.app, username, 'Beihai#2026xlsx');
  };

  const workbook = async (rows: (string | null)[][], header = headers): Promise<Buffer> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  const upload = (who: SessionClient, kind: string, bytes: Buffer, filename = '台账.xlsx') => {
    const boundary = `----zhucheng${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/api/imports/${kind}`,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
  };

  const readXlsx = async (res: LightMyRequestResponse) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return wb;
  };

  const sheetRows = (ws: ExcelJS.Worksheet): (string | null)[][] => {
    const out: (string | null)[][] = [];
    ws.eachRow((row) => {
      const values: (string | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        values.push(v === null || v === undefined ? null : String(v));
      }
      out.push(values);
    });
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, caseTypes: [exampleApplication], numberSeries: [exampleCaseSeries] });
    t.services.imports.add(exampleLedger(t.services.workflow));
    t.services.imports.add({ ...exampleLedger(t.services.workflow), code: 'example.small', maxRows: 2 });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const unitId = async (name: string) =>
      Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
    units.haicheng = await unitId('海城区司法局');
    units.yinhai = await unitId('银海区司法局');
    // The worked example's handling permission is org:read.
    for (const [code, permissions] of [
      ['ledgerClerk', ['case:read', 'org:read']],
      ['caseReader', ['case:read']],
    ] as const) {
      const role = await secadmin.request('POST', '/api/access/roles', {
        code,
        name: code === 'ledgerClerk' ? '台账录入员' : '案件查阅员',
        dataScope: 'unitAndBelow',
        permissions,
      });
      expect(role.statusCode, role.body).toBe(201);
    }
    clerk = await createStaff('hcledger', units.haicheng, ['ledgerClerk']);
    yinhaiClerk = await createStaff('yhledger', units.yinhai, ['ledgerClerk']);
    reader = await createStaff('hcreader', units.haicheng, ['caseReader']);
  });
  afterAll(() => t.close());

  it('lists the kinds the caller may use and gives a template with Chinese headers', async () => {
    const kinds = await clerk.request('GET', '/api/imports');
    expect(kinds.statusCode, kinds.body).toBe(200);
    const ledger = kinds.json().items.find((k: { code: string }) => k.code === 'example.ledger');
    expect(ledger.name).toBe('示例申请台账');
    expect(ledger.maxRows).toBe(10_000);
    expect(ledger.columns.map((c: { header: string }) => c.header)).toEqual(headers);
    expect((await reader.request('GET', '/api/imports')).json().items).toEqual([]);
    expect((await reader.request('GET', '/api/imports/example.ledger/template.xlsx')).statusCode).toBe(404);

    const res = await clerk.request('GET', '/api/imports/example.ledger/template.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('示例申请台账导入模板.xlsx')}`,
    );
    const wb = await readXlsx(res);
    const [ledgerSheet, notes] = wb.worksheets;
    expect(ledgerSheet?.name).toBe('示例申请台账');
    expect(sheetRows(ledgerSheet as ExcelJS.Worksheet)).toEqual([headers]);
    expect(ledgerSheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ledgerSheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The dropdown of the enum column.
    expect(ledgerSheet?.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"来访,来电,来信"'],
    });
    expect(notes?.name).toBe('填写说明');
    expect(sheetRows(notes as ExcelJS.Worksheet)[1]).toEqual([
      '标题',
      '必填',
      '不超过 100 个字',
      '张三申请法律援助',
    ]);

    // The untouched template comes back as "no data rows".
    const empty = await upload(clerk, 'example.ledger', res.rawPayload);
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().message).toContain('没有数据行');
  });

  it('one bad row among 1,000: nothing is written and the report names that row and column', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [
      `台账案件${i + 1}`,
      '海城区司法局',
      '来访',
      '2026-02-01',
    ]);
    // The 500th data row is Excel's row 501 (the header is row 1).
    rows[499] = ['台账案件500', '海城区司法局', '来访', '2026-13-01'];
    const before = await caseCount();
    const res = await upload(clerk, 'example.ledger', await workbook(rows));
    expect(res.statusCode, res.body).toBe(422);
    const report = res.json();
    expect(report).toMatchObject({
      code: 'IMPORT_INVALID',
      kind: 'example.ledger',
      rows: 1000,
      truncated: false,
    });
    expect(report.errors).toEqual([{ row: 501, column: '登记日期', message: '日期格式应为 2026-03-01' }]);
    expect(report.message).toContain('整个文件都没有导入');
    expect(await caseCount()).toBe(before);
    expect(await auditRows('import.commit')).toEqual([]);
  });

  it('reports every problem of every row, by Excel row and Chinese column', async () => {
    const res = await upload(
      clerk,
      'example.ledger',
      await workbook([
        ['好的一行', '海城区司法局', '来电', null],
        [null, '海城区司法局', '上门', '2026/03/01'],
        ['x'.repeat(101), null, null, null],
      ]),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 3, column: '标题', message: '必填，不能为空' },
      { row: 3, column: '来源', message: '应为以下之一：来访、来电、来信' },
      { row: 3, column: '登记日期', message: '日期格式应为 2026-03-01' },
      { row: 4, column: '标题', message: '不能超过 100 个字' },
      { row: 4, column: '承办单位', message: '必填，不能为空' },
    ]);
  });

  it('refuses a header that does not match the template, naming the columns', async () => {
    const res = await upload(
      clerk,
      'example.ledger',
      await workbook(
        [['案件一', '海城区司法局', '来访', '2026-02-01']],
        ['名称', '承办单位', '来源', '登记日期'],
      ),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain('缺少列：标题');
    expect(res.json().message).toContain('无法识别的列：名称');
  });

  it('refuses an empty sheet, too many rows, and a file that is not .xlsx by its content', async () => {
    const empty = await upload(clerk, 'example.ledger', await workbook([]));
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().message).toContain('没有数据行');

    const many = await upload(
      clerk,
      'example.small',
      await workbook([
        ['一', '海城区司法局', null, null],
        ['二', '海城区司法局', null, null],
        ['三', '海城区司法局', null, null],
      ]),
    );
    expect(many.statusCode, many.body).toBe(400);
    expect(many.json().message).toContain('一次最多导入 2 行，本文件有 3 行');

    const csv = await upload(
      clerk,
      'example.ledger',
      Buffer.from('标题,承办单位\n案件,海城区司法局\n'),
      '台账.xlsx',
    );
    expect(csv.statusCode, csv.body).toBe(415);
    expect(csv.json().message).toContain('.xlsx');
    expect(await caseCount()).toBe(0);
  });

  it('a row the commit refuses rolls back every row before it', async () => {
    const res = await upload(
      clerk,
      'example.ledger',
      await workbook([
        ['案件一', '海城区司法局', null, null],
        ['案件二', '海城区司法局', null, null],
        ['案件三', '银海区司法局', null, null],
      ]),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 4, column: '承办单位', message: '您无权以该单位名义受理案件' },
    ]);
    expect(await caseCount()).toBe(0);
    expect(await auditRows('import.commit')).toEqual([]);
  });

  it('imports every row in one go and audits once with the file’s hash', async () => {
    const bytes = await workbook(
      Array.from({ length: 30 }, (_, i) => [`海城区台账案件${i + 1}`, '海城区司法局', '来访', '2026-02-01']),
    );
    const res = await upload(clerk, 'example.ledger', bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ kind: 'example.ledger', rows: 30 });
    expect(await caseCount()).toBe(30);
    const titles = await q("select title from case_record where title like '海城区台账案件%'");
    expect(titles).toHaveLength(30);
    const audits = await auditRows('import.commit');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toMatchObject({
      kind: 'example.ledger',
      rows: 30,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const other = await upload(
      yinhaiClerk,
      'example.ledger',
      await workbook([
        ['银海区台账案件1', '银海区司法局', null, null],
        ['银海区台账案件2', '银海区司法局', null, null],
      ]),
    );
    expect(other.statusCode, other.body).toBe(201);
  });

  it('exports the case list as streamed .xlsx: the list’s rows, in its order, within the caller’s scope', async () => {
    const list = await reader.request('GET', '/api/cases?pageSize=100&sort=caseNo&order=asc');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      caseNo: string;
      title: string;
      competentUnit: { name: string };
      deadline: { dueOn: string } | null;
    }[];
    expect(items).toHaveLength(30);

    const res = await reader.request('GET', '/api/cases/export.xlsx?sort=caseNo&order=asc');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('案件列表-2026-03-02.xlsx')}`,
    );
    const ws = (await readXlsx(res)).worksheets[0] as ExcelJS.Worksheet;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual([
      '案号',
      '标题',
      '案件类型',
      '状态',
      '承办单位',
      '受理单位',
      '承办人',
      '期限',
      '登记日期',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual(
      items.map((i) => [i.caseNo, i.title, i.competentUnit.name]),
    );
    // 期限 is the day of the nearest live clock, as the list shows it.
    expect(items[0]?.deadline?.dueOn).toBe('2026-03-09');
    expect(rows[1]?.slice(2)).toEqual([
      '示例申请',
      '待受理',
      '海城区司法局',
      '海城区司法局',
      null,
      '2026-03-09',
      '2026-03-02',
    ]);
    // No 银海区 case reaches a 海城区 reader.
    expect(rows.some((r) => r[1]?.startsWith('银海区'))).toBe(false);

    const filtered = await reader.request('GET', `/api/cases/export.xlsx?q=${encodeURIComponent('案件1')}`);
    const filteredRows = sheetRows((await readXlsx(filtered)).worksheets[0] as ExcelJS.Worksheet);
    const listed = await reader.request('GET', `/api/cases?pageSize=100&q=${encodeURIComponent('案件1')}`);
    expect(filteredRows.slice(1).map((r) => r[1])).toEqual(
      listed.json().items.map((i: { title: string }) => i.title),
    );

    const audits = await auditRows('case.export');
    expect(audits.map((a) => a.detail)).toEqual([
      {
        filter: expect.objectContaining({ sort: 'caseNo', order: 'asc', mine: false }),
        rows: 30,
        complete: true,
      },
      { filter: expect.objectContaining({ q: '案件1' }), rows: listed.json().total, complete: true },
    ]);
    // A citizen or an account without case:read may not export.
    expect((await yinhaiClerk.request('GET', '/api/cases/export.xlsx')).statusCode).toBe(200);
    const noRead = await t.app.inject({ method: 'GET', url: '/api/cases/export.xlsx' });
    expect(noRead.statusCode).toBe(401);
  });

  it('walks the list in keyset batches in every order, through ties and cases without a clock', async () => {
    // Two refused cases have no live clock: their 期限 sorts last (null) either way.
    const decider = staffContext({ all: true }, ['org:read', 'org:manage']);
    const ids = (await q('select id from case_record order by case_no limit 2')) as { id: string }[];
    for (const { id } of ids) {
      await t.services.workflow.transition(decider, {
        caseId: id,
        transition: 'refuse',
        version: 1,
        input: { reason: '不符合条件' },
      });
    }
    const principal = staffContext({ all: true }, ['case:read']).principal;
    if (!principal) throw new Error('no principal');
    const moment = { today: clock.today(), now: clock.now(), timeZone: clock.timeZone };
    for (const sort of ['createdAt', 'updatedAt', 'caseNo', 'dueOn'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const filter = { mine: false, sort, order, page: 1, pageSize: 100 };
        const all = await listCasePage(t.database.db, principal, filter, moment);
        const walked: string[] = [];
        for await (const batch of keysetBatches(
          (after: KeysetCursor | undefined, limit: number) =>
            listCaseBatch(t.database.db, principal, filter, moment, after, limit),
          7,
        )) {
          expect(batch.length).toBeLessThanOrEqual(7);
          walked.push(...batch.map((r) => r.id));
        }
        expect(walked, `${sort} ${order}`).toEqual(all.rows.map((r) => r.id));
        expect(all.total).toBe(32);
      }
    }
  });
});

describe('spreadsheet import size limit', () => {
  it('refuses a file over the upload limit with 413, naming the limit', async () => {
    const t = await createTestApp({
      env: { UPLOAD_MAX_MB: '1' },
      caseTypes: [exampleApplication],
      numberSeries: [exampleCaseSeries],
    });
    try {
      t.services.imports.add(exampleLedger(t.services.workflow));
      // 系统管理员 holds org:read, the worked example's permission.
      const admin = await signIn(t.app, 'admin', testPasswords.admin);
      const boundary = '----zhuchengsize';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports/example.ledger',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\n\r\n`,
          ),
          Buffer.alloc(1024 * 1024 + 10, 0x41),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().message).toContain('1 MB');
    } finally {
      await t.close();
    }
  });
});
