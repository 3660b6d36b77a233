import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkRows, headerProblem, matchHeader, type SheetData } from './import.rules.ts';
import { defineImportKind } from './import-kind.ts';
import { cellText } from './xlsx.ts';

const kind = defineImportKind({
  code: 'test.people',
  name: '人员台账',
  permission: 'org:read',
  columns: [
    { key: 'name', header: '姓名', required: true },
    { key: 'sex', header: '性别', options: ['男', '女'] },
    { key: 'age', header: '年龄', schema: z.coerce.number().int('年龄应为整数').min(0, '年龄不能为负数') },
  ],
  commit: async () => {},
});

const sheet = (header: string[], rows: (string | undefined)[][]): SheetData => ({
  header: new Map(header.map((h, i) => [i + 1, h])),
  rows: rows.map((cells, i) => ({
    number: i + 2,
    cells: new Map(cells.flatMap((c, j) => (c === undefined ? [] : [[j + 1, c] as const]))),
  })),
});

describe('import rules', () => {
  it('matches headers in any order; optional columns may be left out', () => {
    const check = matchHeader(kind, sheet(['年龄', '姓名'], []).header);
    expect(check).toEqual({
      ok: true,
      columns: new Map([
        ['name', 2],
        ['age', 1],
      ]),
    });
  });

  it('names missing, unknown and repeated headers', () => {
    const check = matchHeader(kind, sheet(['名字', '性别', '性别'], []).header);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(headerProblem(check)).toBe(
      '表头与模板不一致（缺少列：姓名；无法识别的列：名字；重复的列：性别），请下载最新模板后按模板填写',
    );
  });

  it('turns cells into values and reports each bad cell by Excel row and header', () => {
    const data = sheet(
      ['姓名', '性别', '年龄'],
      [
        ['张三', '男', '30'],
        [undefined, '未知', '-1'],
      ],
    );
    const check = matchHeader(kind, data.header);
    if (!check.ok) throw new Error('header');
    const result = checkRows(kind, check.columns, data);
    expect(result.rows[0]).toEqual({ row: 2, values: { name: '张三', sex: '男', age: 30 } });
    expect(result.errors).toEqual([
      { row: 3, column: '姓名', message: '必填，不能为空' },
      { row: 3, column: '性别', message: '应为以下之一：男、女' },
      { row: 3, column: '年龄', message: '年龄不能为负数' },
    ]);
  });

  it('reads cells as the user typed them: whole numbers in full, dates as days, rich text joined', () => {
    expect(cellText('  张三 ')).toBe('张三');
    expect(cellText('   ')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(cellText(new Date(Date.UTC(2026, 2, 1, 9, 30)))).toBe('2026-03-01 09:30');
    expect(cellText({ richText: [{ text: '海城' }, { text: '区' }] })).toBe('海城区');
    expect(cellText({ formula: 'A1', result: '结果' } as never)).toBe('结果');
    expect(cellText(true)).toBe('是');
  });
});
