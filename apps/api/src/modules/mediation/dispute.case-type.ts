import { permissions as p } from '@zhucheng/contracts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType, type TransitionNotice } from '../../platform/workflow/workflow.rules.ts';

// 矛盾纠纷 (人民调解法): a dispute registered from any door, dispatched to the competent committee, accepted
// or declined there, mediated in sessions, and ended settled (with a written or oral agreement), not
// settled, or terminated. Every step writes the module's own rows (dispatch, acceptance, outcome,
// agreement), so every transition is `viaModule`: its endpoint applies it in one transaction with them.
// After a settlement the agreement's performance, follow-ups and judicial confirmation are module rows.

export const MEDIATION_DISPUTE = 'mediation.dispute';

/** 海城中街街道调〔2026〕第12号: numbered by the committee that has the dispute. */
export const mediationCaseSeries = defineNumberSeries({
  code: 'mediation.case',
  kind: 'caseNo',
  name: '人民调解案件编号',
  // A committee's organ abbreviation ends in 调 (海城中街街道调, 医疗纠纷调).
  defaultPrefix: '{organ}',
});

/** 人民调解协议书 number: 海城中街街道调协〔2026〕3号. */
export const mediationAgreementSeries = defineNumberSeries({
  code: 'mediation.agreement',
  kind: 'documentNo',
  name: '人民调解协议书编号',
  defaultPrefix: '{organ}协',
});

/** The applicant's notice of a step: in-app (opening the progress page) and by SMS. */
function toApplicant(template: string, body: (caseNo: string) => string): TransitionNotice {
  return {
    roles: [],
    citizenRoles: ['applicant'],
    template: `mediation.${template}`,
    body: (c) => body(c.caseNo ?? ''),
    sms: true,
    portalPath: (c) => `/portal/mediation/disputes/${c.id}`,
  };
}

export const mediationDispute = defineCaseType({
  type: MEDIATION_DISPUTE,
  name: '矛盾纠纷调解',
  initial: 'received',
  numberSeries: mediationCaseSeries.code,
  states: {
    // Dispatched to a committee, which has not yet accepted it.
    received: { label: '待受理', tone: 'waiting' },
    mediating: { label: '调解中', tone: 'processing' },
    settled: { label: '调解成功', terminal: true, tone: 'done' },
    unsettled: { label: '调解不成功', terminal: true, tone: 'closed' },
    terminated: { label: '终止调解', terminal: true, tone: 'closed' },
    declined: { label: '不予受理', terminal: true, tone: 'closed' },
  },
  transitions: [
    {
      // 改派: the township office (or the county) sends it to another committee; the status stays.
      name: 'redispatch',
      label: '改派',
      from: ['received'],
      to: 'received',
      permission: p.mediation.dispatch,
      viaModule: true,
    },
    {
      name: 'accept',
      label: '受理',
      from: ['received'],
      to: 'mediating',
      permission: p.mediation.handle,
      viaModule: true,
      notify: toApplicant('accepted', (no) => `您申请调解的纠纷（${no}）已受理，调解员将与您联系。`),
    },
    {
      name: 'decline',
      label: '不予受理',
      from: ['received'],
      to: 'declined',
      permission: p.mediation.handle,
      destructive: true,
      viaModule: true,
      notify: toApplicant('declined', (no) => `您申请调解的纠纷（${no}）不予受理，原因请在办理进度页查看。`),
    },
    {
      name: 'settle',
      label: '调解成功',
      from: ['mediating'],
      to: 'settled',
      permission: p.mediation.handle,
      viaModule: true,
      notify: toApplicant('settled', (no) => `您的纠纷（${no}）已调解成功，达成调解协议。`),
    },
    {
      name: 'unsettle',
      label: '调解不成功',
      from: ['mediating'],
      to: 'unsettled',
      permission: p.mediation.handle,
      viaModule: true,
      notify: toApplicant(
        'unsettled',
        (no) => `您的纠纷（${no}）未能调解成功，您可以依法通过仲裁、行政或诉讼途径维护权利。`,
      ),
    },
    {
      name: 'terminate',
      label: '终止调解',
      from: ['mediating'],
      to: 'terminated',
      permission: p.mediation.handle,
      destructive: true,
      viaModule: true,
      notify: toApplicant('terminated', (no) => `您的纠纷（${no}）的调解已终止，原因请在办理进度页查看。`),
    },
  ],
});
