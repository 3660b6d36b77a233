import { permissions as p } from '@zhucheng/contracts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType } from '../../platform/workflow/workflow.rules.ts';

// 社区矫正对象: one case per term of community corrections, from the court's notice to release. Part 1 has
// intake: registered (the 10-day report-in clock, 第二十一条, counted from the judgment taking effect, is
// started by the module with that day) → reported in. Part 2 adds release and termination (第四十四条 …)
// as transitions of this type, setting `corrections_supervisee.ended_on`.

export const CORRECTIONS_SUPERVISEE = 'corrections.supervisee';

export const REPORT_IN_RULE = 'corrections.reportIn';

/** 海城中街司矫〔2026〕第3号. */
export const superviseeCaseSeries = defineNumberSeries({
  code: 'corrections.supervisee',
  kind: 'caseNo',
  name: '社区矫正对象编号',
  defaultPrefix: '{organ}矫',
});

export const correctionsSupervisee = defineCaseType({
  type: CORRECTIONS_SUPERVISEE,
  name: '社区矫正',
  initial: 'awaitingReportIn',
  numberSeries: superviseeCaseSeries.code,
  states: {
    awaitingReportIn: { label: '待报到', tone: 'waiting' },
    underSupervision: { label: '在矫', tone: 'processing' },
    released: { label: '已解矫', terminal: true, tone: 'done' },
    terminated: { label: '已终止', terminal: true, tone: 'closed' },
  },
  transitions: [
    {
      // The endpoint records the day; the clock is met in the same transaction.
      name: 'reportIn',
      label: '报到',
      from: ['awaitingReportIn'],
      to: 'underSupervision',
      permission: p.corrections.intake,
      viaModule: true,
      clocks: { meet: [REPORT_IN_RULE] },
    },
    {
      // 第四十四条: on or after the period's last day; release.service issues the certificate and sets ended_on.
      name: 'release',
      label: '解除矫正',
      from: ['underSupervision'],
      to: 'released',
      permission: p.corrections.release,
      viaModule: true,
    },
    {
      // 第四十五条: revocation, committal or death; release.service records the reason and sets ended_on.
      name: 'terminate',
      label: '终止矫正',
      from: ['awaitingReportIn', 'underSupervision'],
      to: 'terminated',
      permission: p.corrections.release,
      viaModule: true,
      clocks: { stop: [REPORT_IN_RULE] },
    },
  ],
});
