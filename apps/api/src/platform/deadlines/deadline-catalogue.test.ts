import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.ts';
import { computeDue, DeadlineRuleRegistry, describeRule } from './deadline.rules.ts';
import { deadlineCatalogue } from './deadline-catalogue.ts';

// One row per catalogue rule: the value RULES.md gives, with its article, on the 2026 calendar.
const calendar = new WorkingCalendar();

const rows: Array<{
  code: string;
  article: string;
  value: string;
  start: string;
  due: string;
  extensions?: number;
  why: string;
}> = [
  // 法律援助法
  {
    code: 'legalAid.decide',
    article: '法律援助法第四十三条',
    value: '7 日',
    start: '2026-03-02',
    due: '2026-03-09',
    why: 'Monday + 7 days',
  },
  {
    code: 'legalAid.assignLawyer',
    article: '法律援助法第四十三条',
    value: '3 日',
    start: '2026-03-02',
    due: '2026-03-05',
    why: 'Monday + 3 days',
  },
  {
    code: 'legalAid.assignOnNotification',
    article: '法律援助法第三十六条',
    value: '3 日',
    start: '2026-03-05',
    due: '2026-03-09',
    why: 'ends on Sunday 03-08 → Monday',
  },
  {
    code: 'legalAid.forwardDetainedApplication',
    article: '法律援助法第三十九条',
    value: '24 小时',
    start: '2026-03-06T20:00:00+08:00',
    due: '2026-03-07T12:00:00.000Z',
    why: 'exact 24 hours',
  },
  {
    code: 'legalAid.objectionDecision',
    article: '法律援助法第四十九条',
    value: '5 日',
    start: '2026-04-30',
    due: '2026-05-06',
    why: 'ends on 05-05 in the Labour Day holiday → 05-06',
  },
  // 人民调解法
  {
    code: 'mediation.judicialConfirmation',
    article: '人民调解法第三十三条',
    value: '30 日',
    start: '2026-03-02',
    due: '2026-04-01',
    why: '30 days',
  },
  // 社区矫正法
  {
    code: 'corrections.investigation',
    article: '社区矫正法第十八条、实施办法第十四条',
    value: '10 个工作日',
    start: '2026-09-28',
    due: '2026-10-16',
    why: 'National Day skipped, make-up Saturday 10-10 counted',
  },
  {
    code: 'corrections.investigationFastTrack',
    article: '社区矫正法第十八条、实施办法第十四条',
    value: '5 个工作日',
    start: '2026-09-28',
    due: '2026-10-10',
    why: 'fast track: National Day skipped, ends on the make-up Saturday',
  },
  {
    code: 'corrections.reportIn',
    article: '社区矫正法第二十一条',
    value: '10 日',
    start: '2026-09-25',
    due: '2026-10-08',
    why: 'ends on 10-05 in National Day → 10-08',
  },
  // 行政复议法
  {
    code: 'reconsideration.acceptanceReview',
    article: '行政复议法第三十条',
    value: '5 个工作日',
    start: '2026-09-28',
    due: '2026-10-10',
    why: 'National Day, make-up Saturday',
  },
  {
    code: 'reconsideration.correctionNotice',
    article: '行政复议法第三十一条',
    value: '5 个工作日',
    start: '2026-03-02',
    due: '2026-03-09',
    why: 'one working week',
  },
  {
    code: 'reconsideration.correctionSupply',
    article: '行政复议法第三十一条',
    value: '10 个工作日',
    start: '2026-03-02',
    due: '2026-03-16',
    why: 'two working weeks',
  },
  {
    code: 'reconsideration.replyCopy',
    article: '行政复议法第四十八条',
    value: '7 个工作日',
    start: '2026-03-02',
    due: '2026-03-11',
    why: 'weekend skipped',
  },
  {
    code: 'reconsideration.reply',
    article: '行政复议法第四十八条',
    value: '10 个工作日',
    start: '2026-09-30',
    due: '2026-10-20',
    why: 'National Day skipped, make-up Saturday 10-10 counted',
  },
  {
    code: 'reconsideration.replyCopySimplified',
    article: '行政复议法第五十四条',
    value: '3 个工作日',
    start: '2026-03-02',
    due: '2026-03-05',
    why: 'three working days',
  },
  {
    code: 'reconsideration.replySimplified',
    article: '行政复议法第五十四条',
    value: '5 个工作日',
    start: '2026-04-30',
    due: '2026-05-11',
    why: 'Labour Day skipped, make-up Saturday 05-09 counted',
  },
  {
    code: 'reconsideration.decision',
    article: '行政复议法第六十二条',
    value: '60 日（可延长 1 次，每次 30 日）',
    start: '2026-06-01',
    due: '2026-07-31',
    why: '60 days',
  },
  {
    code: 'reconsideration.decision',
    article: '行政复议法第六十二条',
    value: '60 日（可延长 1 次，每次 30 日）',
    start: '2026-06-01',
    due: '2026-08-31',
    extensions: 1,
    why: 'extended to 90 days: Sunday 08-30 → Monday',
  },
  {
    code: 'reconsideration.decisionSimplified',
    article: '行政复议法第六十二条',
    value: '30 日',
    start: '2026-09-01',
    due: '2026-10-08',
    why: 'ends on 10-01 in National Day → 10-08',
  },
  {
    code: 'reconsideration.normativeDocumentReview',
    article: '行政复议法第五十六条',
    value: '30 日',
    start: '2026-03-02',
    due: '2026-04-01',
    why: '30 days',
  },
  {
    code: 'reconsideration.normativeDocumentForward',
    article: '行政复议法第五十六条',
    value: '7 个工作日',
    start: '2026-02-12',
    due: '2026-02-28',
    why: 'Spring Festival skipped, both make-up Saturdays counted',
  },
  {
    code: 'reconsideration.opinionLetterReport',
    article: '行政复议法第七十六条',
    value: '60 日',
    start: '2026-03-02',
    due: '2026-05-06',
    why: 'ends on 05-01 in Labour Day → 05-06',
  },
];

describe('deadline catalogue (RULES.md)', () => {
  const registry = new DeadlineRuleRegistry(...deadlineCatalogue);

  it.each(rows)('$code, $article: $value — from $start due $due ($why)', (row) => {
    const rule = registry.get(row.code);
    expect(rule.article).toBe(row.article);
    expect(describeRule(rule)).toBe(row.value);
    const due = computeDue({
      rule,
      ...(rule.unit === 'hours' ? { startedAt: row.start } : { startedOn: row.start }),
      calendar,
      extensions: row.extensions ?? 0,
    });
    expect(rule.unit === 'hours' ? due.dueAt : due.dueOn).toBe(row.due);
  });

  it('has a row above for every rule it defines', () => {
    const covered = new Set(rows.map((r) => r.code));
    expect(registry.all().filter((r) => !covered.has(r.code))).toEqual([]);
  });
});
