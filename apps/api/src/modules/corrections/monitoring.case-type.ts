import { permissions as p } from '@zhucheng/contracts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType } from '../../platform/workflow/workflow.rules.ts';

// 电子定位监管 (第二十九条): proposed by an officer on an evidenced condition, approved (or refused) by the
// county bureau's head (`corrections:approveMonitoring`), renewed by the head after a recorded review, ended
// early by an officer. Not the whole-term vessel tracking of maritime supervisees (vessels.*).

export const CORRECTIONS_MONITORING = 'corrections.monitoring';

export const monitoringCaseSeries = defineNumberSeries({
  code: 'corrections.monitoring',
  kind: 'caseNo',
  name: '电子定位监管编号',
  defaultPrefix: '{organ}矫电',
});

export const correctionsMonitoringType = defineCaseType({
  type: CORRECTIONS_MONITORING,
  name: '电子定位监管',
  initial: 'proposed',
  numberSeries: monitoringCaseSeries.code,
  states: {
    proposed: { label: '待审批', tone: 'waiting' },
    active: { label: '监管中', tone: 'processing' },
    refused: { label: '不予批准', terminal: true, tone: 'closed' },
    ended: { label: '已解除', terminal: true, tone: 'done' },
  },
  transitions: [
    {
      name: 'approve',
      label: '批准',
      from: ['proposed'],
      to: 'active',
      permission: p.corrections.approveMonitoring,
      viaModule: true,
    },
    {
      name: 'refuse',
      label: '不予批准',
      from: ['proposed'],
      to: 'refused',
      permission: p.corrections.approveMonitoring,
      viaModule: true,
    },
    {
      name: 'renew',
      label: '续期',
      from: ['active'],
      to: 'active',
      permission: p.corrections.approveMonitoring,
      viaModule: true,
    },
    {
      name: 'end',
      label: '解除',
      from: ['active'],
      to: 'ended',
      permission: p.corrections.sanction,
      viaModule: true,
    },
  ],
});
