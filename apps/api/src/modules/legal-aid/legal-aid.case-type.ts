import {
  legalAidDecideObjectionSchema,
  legalAidGrantSchema,
  legalAidObjectSchema,
  legalAidRefuseSchema,
  legalAidRequestCorrectionSchema,
  legalAidTerminateSchema,
  permissions as p,
} from '@zhucheng/contracts';
import { z } from 'zod';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { defineCaseType, type TransitionNotice } from '../../platform/workflow/workflow.rules.ts';

// 法律援助申请 and the aided case it becomes (法律援助法 第四十一条至第四十九条): receipt, correction and the
// centre's decision; then the lawyer's assignment within 3 days (第四十三条), the lawyer's acceptance, the
// case and its closing. The steps that write the module's own rows (指派, 接受, 结案 …) are `viaModule`:
// their endpoints apply them in one transaction with the assignment or closing row.

export const LEGAL_AID_APPLICATION = 'legalAid.application';

/** 北司援〔2026〕第12号: numbered by the competent centre. */
export const legalAidCaseSeries = defineNumberSeries({
  code: 'legalAid.case',
  kind: 'caseNo',
  name: '法律援助案件案号',
  // The competent unit is a legal-aid centre, whose organ abbreviation already says 法援 (北法援, 银海法援).
  defaultPrefix: '{organ}',
});
export const legalAidGrantSeries = defineNumberSeries({
  code: 'legalAid.grantDecision',
  kind: 'documentNo',
  name: '给予法律援助决定书文号',
  defaultPrefix: '{organ}决',
});
export const legalAidRefusalSeries = defineNumberSeries({
  code: 'legalAid.refusalDecision',
  kind: 'documentNo',
  name: '不予法律援助决定书文号',
  defaultPrefix: '{organ}不决',
});
export const legalAidTerminationSeries = defineNumberSeries({
  code: 'legalAid.terminationDecision',
  kind: 'documentNo',
  name: '终止法律援助决定书文号',
  defaultPrefix: '{organ}终',
});
export const legalAidCorrectionSeries = defineNumberSeries({
  code: 'legalAid.correctionNotice',
  kind: 'documentNo',
  name: '补充材料通知书文号',
  defaultPrefix: '{organ}补',
});

/** The applicant's notice of a step: in-app (opening the progress page) and by SMS. */
function toApplicant(template: string, body: (caseNo: string) => string): TransitionNotice {
  return {
    roles: [],
    citizenRoles: ['applicant'],
    template: `legalAid.${template}`,
    body: (c) => body(c.caseNo ?? ''),
    sms: true,
    portalPath: (c) => `/portal/legal-aid/applications/${c.id}`,
  };
}

/** The applicant's notice, and the staff in `roles` told in the centre's words. */
function toApplicantAndStaff(
  template: string,
  citizen: (caseNo: string) => string,
  roles: string[],
  staff: (caseNo: string) => string,
): TransitionNotice {
  return {
    ...toApplicant(template, citizen),
    roles,
    body: (c) => staff(c.caseNo ?? ''),
    citizenBody: (c) => citizen(c.caseNo ?? ''),
  };
}

export const legalAidApplication = defineCaseType({
  type: LEGAL_AID_APPLICATION,
  name: '法律援助申请',
  initial: 'received',
  numberSeries: legalAidCaseSeries.code,
  // 第四十三条: seven days from receipt to decide.
  startClocks: ['legalAid.decide'],
  states: {
    received: { label: '待审查' },
    awaitingCorrection: { label: '待补正', tone: 'waiting' },
    // Back from the correction: the notice is given once, so this state offers no second one.
    corrected: { label: '已补正待审查' },
    // Granted and waiting for a lawyer (the 3-day assignment clock runs).
    granted: { label: '待指派律师', tone: 'processing' },
    // The lawyer is assigned and has not yet accepted in their console.
    assigned: { label: '已指派待接受', tone: 'waiting' },
    inProgress: { label: '律师承办中' },
    // The lawyer closed the case; the centre then rates it and pays the subsidy (module rows, not states).
    closed: { label: '已结案', terminal: true, tone: 'done' },
    // Not terminal: the applicant may object (第四十九条).
    refused: { label: '不予援助', tone: 'closed' },
    refusalUpheld: { label: '维持不予援助', terminal: true, tone: 'closed' },
    withdrawn: { label: '视为撤回', terminal: true, tone: 'closed' },
    underObjection: { label: '异议审查', tone: 'waiting' },
    terminated: { label: '终止援助', terminal: true, tone: 'closed' },
  },
  transitions: [
    {
      name: 'requestCorrection',
      label: '通知补充材料',
      from: ['received'],
      to: 'awaitingCorrection',
      permission: p.legalAid.review,
      // 第四十三条: the missing items are listed once, in one notice (`corrected` offers no second one).
      input: legalAidRequestCorrectionSchema,
      // The days the applicant takes to correct do not count.
      clocks: { pause: ['legalAid.decide'] },
      notify: toApplicant(
        'correctionRequested',
        (no) => `您的法律援助申请（${no}）需要补充材料，请在办理进度页查看清单并按时补充，逾期视为撤回申请。`,
      ),
    },
    {
      name: 'supplyCorrection',
      label: '材料已补齐',
      from: ['awaitingCorrection'],
      to: 'corrected',
      permission: p.legalAid.review,
      input: z.object({ note: z.string().trim().max(1000).optional().meta({ title: '补正情况' }) }),
      clocks: { resume: ['legalAid.decide'] },
      notify: toApplicant(
        'correctionSupplied',
        (no) => `您的法律援助申请（${no}）补充的材料已收到，审查继续进行。`,
      ),
    },
    {
      name: 'grant',
      label: '给予法律援助',
      from: ['received', 'corrected'],
      to: 'granted',
      permission: p.legalAid.decide,
      input: legalAidGrantSchema,
      clocks: { meet: ['legalAid.decide'], start: ['legalAid.assignLawyer'] },
      notify: toApplicant(
        'granted',
        (no) => `您的法律援助申请（${no}）已决定给予法律援助，将在 3 日内为您指派律师。`,
      ),
    },
    {
      // 第四十四条: a limitation period or deadline under 7 days away, or urgent preservation: aid first,
      // the formalities (missing materials) after.
      name: 'grantUrgently',
      label: '先行给予法律援助',
      from: ['received', 'awaitingCorrection', 'corrected'],
      to: 'granted',
      permission: p.legalAid.decide,
      input: z.object({
        reason: z
          .string({ error: '请说明紧急情况' })
          .trim()
          .min(1, '请说明紧急情况（如诉讼时效或期限不足七日、需要紧急申请财产保全等）')
          .max(1000)
          .meta({ title: '紧急情况（第四十四条）' }),
      }),
      clocks: { meet: ['legalAid.decide'], start: ['legalAid.assignLawyer'] },
      notify: toApplicant(
        'granted',
        (no) => `您的法律援助申请（${no}）因情况紧急已先行给予法律援助，请尽快补齐申请材料。`,
      ),
    },
    {
      name: 'refuse',
      label: '不予法律援助',
      from: ['received', 'corrected'],
      to: 'refused',
      permission: p.legalAid.decide,
      input: legalAidRefuseSchema,
      clocks: { meet: ['legalAid.decide'] },
      notify: toApplicant(
        'refused',
        (no) =>
          `您的法律援助申请（${no}）经审查决定不予法律援助，理由见办理进度页；如有异议，可以向司法行政部门提出。`,
      ),
    },
    {
      name: 'withdraw',
      label: '视为撤回',
      from: ['awaitingCorrection'],
      to: 'withdrawn',
      permission: p.legalAid.review,
      input: z.object({
        reason: z.string().trim().min(1, '请说明撤回的原因').max(500).meta({ title: '原因' }),
      }),
      clocks: { stop: ['legalAid.decide'] },
      notify: toApplicant('withdrawn', (no) => `您的法律援助申请（${no}）因未在期限内补充材料，视为撤回。`),
    },
    {
      name: 'object',
      label: '提出异议',
      from: ['refused'],
      to: 'underObjection',
      permission: p.legalAid.intake,
      input: legalAidObjectSchema,
      // 第四十九条: the justice bureau decides within five days.
      clocks: { start: ['legalAid.objectionDecision'] },
    },
    {
      name: 'upholdObjection',
      label: '异议成立，给予援助',
      from: ['underObjection'],
      to: 'granted',
      permission: p.legalAid.decideObjection,
      input: legalAidDecideObjectionSchema,
      clocks: { meet: ['legalAid.objectionDecision'], start: ['legalAid.assignLawyer'] },
      notify: toApplicant(
        'objectionUpheld',
        (no) => `您对法律援助申请（${no}）提出的异议成立，决定给予法律援助。`,
      ),
    },
    {
      name: 'dismissObjection',
      label: '异议不成立，维持决定',
      from: ['underObjection'],
      to: 'refusalUpheld',
      permission: p.legalAid.decideObjection,
      input: legalAidDecideObjectionSchema,
      clocks: { meet: ['legalAid.objectionDecision'] },
      notify: toApplicant(
        'objectionDismissed',
        (no) => `您对法律援助申请（${no}）提出的异议不成立，维持不予法律援助的决定。`,
      ),
    },
    {
      // 第四十三条: within 3 days of the decision. The endpoint checks the lawyer (availability, conflict,
      // 第二十六条) and records the assignment and the 指派通知书.
      name: 'assign',
      label: '指派律师',
      from: ['granted'],
      to: 'assigned',
      permission: p.legalAid.assign,
      viaModule: true,
      clocks: { meet: ['legalAid.assignLawyer'] },
      notify: toApplicantAndStaff(
        'assigned',
        (no) => `您的法律援助案件（${no}）已指派律师，律师接受指派后将与您联系。`,
        ['assignedLawyer'],
        (no) => `法律援助中心指派您承办法律援助案件（${no}），请在“我的援助案件”中接受指派。`,
      ),
    },
    {
      name: 'acceptAssignment',
      label: '接受指派',
      from: ['assigned'],
      to: 'inProgress',
      permission: p.legalAid.handleCase,
      viaModule: true,
      notify: toApplicantAndStaff(
        'lawyerAccepted',
        (no) => `您的法律援助案件（${no}）的承办律师已接受指派，开始办理。`,
        ['handler'],
        (no) => `法律援助案件（${no}）的承办律师已接受指派。`,
      ),
    },
    {
      // The lawyer cannot take it (conflict found, illness): back to the centre, a new 3-day clock.
      name: 'declineAssignment',
      label: '退回指派',
      from: ['assigned'],
      to: 'granted',
      permission: p.legalAid.handleCase,
      viaModule: true,
      clocks: { start: ['legalAid.assignLawyer'] },
      notify: {
        roles: ['handler'],
        template: 'legalAid.assignmentDeclined',
        body: (c) => `法律援助案件（${c.caseNo ?? ''}）的律师退回了指派，请在 3 日内重新指派。`,
      },
    },
    {
      // 第四十八条 (last sentence in RULES.md): on the aided person's request or for cause.
      name: 'changeLawyer',
      label: '更换律师',
      from: ['assigned', 'inProgress'],
      to: 'assigned',
      permission: p.legalAid.assign,
      viaModule: true,
      notify: toApplicantAndStaff(
        'lawyerChanged',
        (no) => `您的法律援助案件（${no}）已更换承办律师。`,
        ['assignedLawyer'],
        (no) => `法律援助中心指派您承办法律援助案件（${no}）（更换律师），请在“我的援助案件”中接受指派。`,
      ),
    },
    {
      name: 'close',
      label: '结案',
      from: ['inProgress'],
      to: 'closed',
      permission: p.legalAid.handleCase,
      viaModule: true,
      notify: toApplicantAndStaff(
        'closed',
        (no) => `您的法律援助案件（${no}）已办结，感谢您的信任。`,
        ['handler'],
        (no) => `法律援助案件（${no}）已由承办律师结案，请进行质量评估。`,
      ),
    },
    {
      name: 'terminate',
      label: '终止法律援助',
      from: ['granted', 'assigned', 'inProgress'],
      to: 'terminated',
      permission: p.legalAid.decide,
      destructive: true,
      input: legalAidTerminateSchema,
      clocks: { stop: ['legalAid.assignLawyer'] },
      notify: toApplicantAndStaff(
        'terminated',
        (no) => `您的法律援助（${no}）已终止，原因见办理进度页。`,
        ['assignedLawyer'],
        (no) => `法律援助案件（${no}）已终止援助，请停止办理并在案件页查看原因。`,
      ),
    },
  ],
});
