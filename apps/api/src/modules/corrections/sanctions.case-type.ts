import { permissions as p } from '@zhucheng/contracts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType } from '../../platform/workflow/workflow.rules.ts';

// 奖惩 (第二十八条): one case per praise, admonition, warning or request, linked to the supervisee's term,
// with its decision document. Withdrawn (撤销) records stay on file and no longer count for suggestions.

export const CORRECTIONS_SANCTION = 'corrections.sanction';

export const sanctionCaseSeries = defineNumberSeries({
  code: 'corrections.sanction',
  kind: 'caseNo',
  name: '社区矫正奖惩编号',
  defaultPrefix: '{organ}矫奖惩',
});

export const correctionsSanctionType = defineCaseType({
  type: CORRECTIONS_SANCTION,
  name: '社区矫正奖惩',
  initial: 'recorded',
  numberSeries: sanctionCaseSeries.code,
  states: {
    recorded: { label: '已决定', tone: 'done' },
    withdrawn: { label: '已撤销', terminal: true, tone: 'closed' },
  },
  transitions: [
    {
      name: 'withdraw',
      label: '撤销',
      from: ['recorded'],
      to: 'withdrawn',
      permission: p.corrections.sanction,
      viaModule: true,
    },
  ],
});
