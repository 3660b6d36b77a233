import { z } from 'zod';
import { defineCaseType } from './workflow.rules.ts';

// A worked example case type, as a module would declare one next to its service. Used by the tests; no
// module ships it. The contracts have no case permissions yet, so it borrows platform codes:
// `org:read` stands for handling (受理, 补正) and `org:manage` for deciding.

export const exampleApplication = defineCaseType({
  type: 'example.application',
  name: '示例申请',
  initial: 'received',
  numberSeries: 'example.case',
  // 法律援助法第四十三条: seven days from receipt to decide.
  startClocks: ['legalAid.decide'],
  states: {
    received: { label: '待受理' },
    // Waiting for the applicant: the orange tag.
    awaitingCorrection: { label: '待补正', tone: 'waiting' },
    accepted: { label: '已受理' },
    decided: { label: '已决定', terminal: true },
    refused: { label: '不予受理', terminal: true, tone: 'closed' },
    withdrawn: { label: '已撤回', terminal: true, tone: 'closed' },
  },
  transitions: [
    {
      name: 'requestCorrection',
      label: '通知补正',
      from: ['received'],
      to: 'awaitingCorrection',
      permission: 'org:read',
      // The days the applicant takes to correct do not count.
      clocks: { pause: ['legalAid.decide'] },
    },
    {
      name: 'supplyCorrection',
      label: '补正完成',
      from: ['awaitingCorrection'],
      to: 'received',
      permission: 'org:read',
      clocks: { resume: ['legalAid.decide'] },
    },
    {
      name: 'accept',
      label: '受理',
      from: ['received'],
      to: 'accepted',
      permission: 'org:read',
    },
    {
      name: 'decide',
      label: '作出决定',
      from: ['accepted'],
      to: 'decided',
      permission: 'org:manage',
      input: z.object({
        decisionText: z.string().trim().optional().meta({ title: '决定内容' }),
      }),
      guard: ({ input }) =>
        (input as { decisionText?: string }).decisionText ? null : '尚未填写决定内容，不能作出决定',
      clocks: { meet: ['legalAid.decide'], start: ['legalAid.assignLawyer'] },
      notify: {
        roles: ['handler'],
        template: 'example.decided',
        body: (c) => `案件${c.caseNo ?? ''}已作出决定`,
      },
    },
    {
      name: 'refuse',
      label: '不予受理',
      from: ['received', 'accepted'],
      to: 'refused',
      permission: 'org:manage',
      input: z.object({
        reason: z.string().trim().min(1, '请填写不予受理的理由').meta({ title: '不予受理的理由' }),
      }),
      clocks: { stop: ['legalAid.decide'] },
    },
    {
      // A module's own step: its endpoint writes its rows and applies this in one transaction.
      name: 'withdraw',
      label: '撤回申请',
      from: ['received'],
      to: 'withdrawn',
      permission: 'org:read',
      clocks: { stop: ['legalAid.decide'] },
      viaModule: true,
    },
  ],
});
