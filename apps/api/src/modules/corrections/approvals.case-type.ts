import { permissions as p } from '@zhucheng/contracts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType } from '../../platform/workflow/workflow.rules.ts';

// 审批事项 (请假外出 / 变更居住地 / 变更执行地 / 会客): one case type with the kind in the detail row, linked to the
// supervisee's term; competent unit = the supervising office, so the county bureau above sees it too. The
// module checks the decider's level (approvals.rules.ts) before `approve`/`refuse`; all steps write rows.

export const CORRECTIONS_APPROVAL = 'corrections.approval';

/** 海城中街司矫审〔2026〕第3号. */
export const approvalCaseSeries = defineNumberSeries({
  code: 'corrections.approval',
  kind: 'caseNo',
  name: '社区矫正审批事项编号',
  defaultPrefix: '{organ}矫审',
});

export const correctionsApprovalType = defineCaseType({
  type: CORRECTIONS_APPROVAL,
  name: '社区矫正审批事项',
  initial: 'pending',
  numberSeries: approvalCaseSeries.code,
  states: {
    pending: { label: '待审批', tone: 'waiting' },
    forwarded: { label: '已报请上级', tone: 'processing' },
    approved: { label: '已批准', tone: 'done' },
    refused: { label: '不予批准', terminal: true, tone: 'closed' },
    returned: { label: '已销假', terminal: true, tone: 'done' },
  },
  transitions: [
    {
      name: 'forward',
      label: '报请上级',
      from: ['pending', 'forwarded'],
      to: 'forwarded',
      permission: p.corrections.approve,
      viaModule: true,
    },
    {
      name: 'approve',
      label: '批准',
      from: ['pending', 'forwarded'],
      to: 'approved',
      permission: p.corrections.approve,
      viaModule: true,
    },
    {
      name: 'refuse',
      label: '不予批准',
      from: ['pending', 'forwarded'],
      to: 'refused',
      permission: p.corrections.approve,
      viaModule: true,
    },
    {
      name: 'returnFromLeave',
      label: '销假',
      from: ['approved'],
      to: 'returned',
      permission: p.corrections.supervise,
      viaModule: true,
    },
  ],
});
