import { caseCountMetric, caseFlowMetric } from '../../platform/metrics/case-metrics.ts';
import type { MetricDef } from '../../platform/metrics/metric-registry.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';

// 法律援助申请的统计指标 (SEED-FIGURES.md, legal aid).

/** 受理（给予援助）案件数: applications granted in the period, all case types, each case once. */
export const casesAcceptedMetric = caseCountMetric({
  name: 'legalAid.casesAccepted',
  label: '法律援助受理案件数',
  description:
    '统计期间内作出给予法律援助决定（含异议成立后给予）的案件数，按承办的法律援助中心统计，每件计一次。',
  caseTypes: [LEGAL_AID_APPLICATION],
  reached: ['granted'],
});

/** 收结情况: applications received, closed (refusal upheld, withdrawn, terminated …) and pending. */
export const applicationsFlowMetric = caseFlowMetric({
  name: 'legalAid.applications',
  label: '法律援助申请收结情况',
  description: '统计期间内收到的法律援助申请、办结（不予援助且维持、视为撤回、终止等）与期末未结的件数。',
  caseTypes: [LEGAL_AID_APPLICATION],
});

export const legalAidApplicationMetrics: MetricDef[] = [casesAcceptedMetric, applicationsFlowMetric];
