import { permissions as p } from '@zhucheng/contracts';
import { z } from 'zod';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType } from '../../platform/workflow/workflow.rules.ts';

// 调查评估 (社区矫正法第十八条): a court, procuratorate, police or prison asks; the office (or county bureau)
// investigates within 10 working days (5 in fast-track cases), assesses, issues the 调查评估意见书 and
// delivers it. Which clock runs depends on the request, so the module starts it (with the day the letter
// came) and meets it on delivery; assess and deliver write the module's rows (`viaModule`).

export const CORRECTIONS_INVESTIGATION = 'corrections.investigation';

export const investigationClockRules = {
  standard: 'corrections.investigation',
  fastTrack: 'corrections.investigationFastTrack',
} as const;

/** 海城中街司矫调〔2026〕第3号. */
export const investigationCaseSeries = defineNumberSeries({
  code: 'corrections.investigation',
  kind: 'caseNo',
  name: '调查评估案号',
  defaultPrefix: '{organ}矫调',
});

/** 海城中街司矫评〔2026〕3号: the 调查评估意见书. */
export const investigationReportSeries = defineNumberSeries({
  code: 'corrections.investigationReport',
  kind: 'documentNo',
  name: '调查评估意见书文号',
  defaultPrefix: '{organ}矫评',
});

export const correctionsInvestigation = defineCaseType({
  type: CORRECTIONS_INVESTIGATION,
  name: '调查评估',
  initial: 'investigating',
  numberSeries: investigationCaseSeries.code,
  states: {
    investigating: { label: '调查中' },
    assessed: { label: '已评估待送达', tone: 'processing' },
    delivered: { label: '已送达', terminal: true, tone: 'done' },
    withdrawn: { label: '委托撤回', terminal: true, tone: 'closed' },
  },
  transitions: [
    {
      // Re-assessing before delivery replaces the opinion and issues a new report.
      name: 'assess',
      label: '评估',
      from: ['investigating', 'assessed'],
      to: 'assessed',
      permission: p.corrections.investigate,
      viaModule: true,
    },
    {
      name: 'deliver',
      label: '送达',
      from: ['assessed'],
      to: 'delivered',
      permission: p.corrections.investigate,
      viaModule: true,
    },
    {
      name: 'withdraw',
      label: '委托撤回',
      from: ['investigating', 'assessed'],
      to: 'withdrawn',
      permission: p.corrections.investigate,
      input: z.object({
        reason: z.string().trim().min(1, '请说明撤回的原因').max(500).meta({ title: '撤回原因' }),
      }),
      // Only the clock the request started runs; `stop` skips the other.
      clocks: { stop: [investigationClockRules.standard, investigationClockRules.fastTrack] },
    },
  ],
});
