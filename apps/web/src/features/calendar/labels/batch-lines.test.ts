import { describe, expect, it } from 'vitest';
import { parseBatchLines } from './batch-lines.ts';

describe('批量录入 lines', () => {
  it('read single days, ranges and notes', () => {
    const { items, errors } = parseBatchLines(
      '2027-01-01 放假 元旦\n\n2027-02-06 至 2027-02-08 放假 春节\n2027-02-14 上班 春节调休上班 国办发明电',
    );
    expect(errors).toEqual([]);
    expect(items.map((i) => i.date)).toEqual([
      '2027-01-01',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-14',
    ]);
    expect(items[0]).toMatchObject({ line: 1, kind: 'holiday', name: '元旦', note: null });
    expect(items[4]).toMatchObject({ line: 4, kind: 'workday', note: '国办发明电' });
  });

  it('say which line is wrong and why, in Chinese', () => {
    const { errors } = parseBatchLines(
      '2027-02-30 放假 元旦\n2027-01-02 休假 元旦\n2027-01-03 放假\n2027-01-04 放假 元旦\n2027-01-04 上班 x',
    );
    expect(errors).toEqual([
      '第 1 行：日期应为 YYYY-MM-DD 格式的有效日期，如 2027-01-01',
      '第 2 行：第二项应为“放假”或“上班”',
      '第 3 行：请填写名称，如“元旦”或“春节调休上班”',
      '第 5 行：2027-01-04 已在第 4 行填写',
    ]);
  });
});
