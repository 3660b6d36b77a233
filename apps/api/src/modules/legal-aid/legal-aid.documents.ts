import { defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { legalAidAssignmentNoticeSeries } from './assignment.rules.ts';
import {
  LEGAL_AID_APPLICATION,
  legalAidCorrectionSeries,
  legalAidGrantSeries,
  legalAidRefusalSeries,
  legalAidTerminationSeries,
} from './legal-aid.case-type.ts';

// 法律援助的文书: the decisions, the correction notice (法律援助法 第四十三条), the assignment notice and the
// termination decision (第四十八条). They use the common
// placeholders; the centre writes the case's particulars (reasons, missing items) in the editor.

export const grantDecisionTemplate = defineDocumentTemplate({
  code: 'grantDecision',
  caseType: LEGAL_AID_APPLICATION,
  name: '给予法律援助决定书',
  numberSeries: legalAidGrantSeries.code,
  title: '给予法律援助决定书',
  body: [
    '{{applicantNames}}：',
    '你于本机构申请法律援助一案（{{caseNo}}），经审查，符合《中华人民共和国法律援助法》规定的法律援助条件，根据该法第四十三条的规定，本机构决定给予法律援助。',
    '本机构将在三日内指派法律援助人员为你提供法律援助，请与承办人员联系并如实提供与案件有关的情况和材料。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});

export const refusalDecisionTemplate = defineDocumentTemplate({
  code: 'refusalDecision',
  caseType: LEGAL_AID_APPLICATION,
  name: '不予法律援助决定书',
  numberSeries: legalAidRefusalSeries.code,
  title: '不予法律援助决定书',
  body: [
    '{{applicantNames}}：',
    '你于本机构申请法律援助一案（{{caseNo}}），经审查，不符合《中华人民共和国法律援助法》规定的法律援助条件，根据该法第四十三条的规定，本机构决定不予法律援助。',
    '理由：（请写明不予援助的具体理由）',
    '如对本决定有异议，可以自收到本决定书之日起向设立本机构的司法行政部门提出。司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令改正的决定（《中华人民共和国法律援助法》第四十九条）。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});

export const correctionNoticeTemplate = defineDocumentTemplate({
  code: 'correctionNotice',
  caseType: LEGAL_AID_APPLICATION,
  name: '补充材料通知书',
  numberSeries: legalAidCorrectionSeries.code,
  title: '补充材料通知书',
  body: [
    '{{applicantNames}}：',
    '你于本机构申请法律援助一案（{{caseNo}}），提交的申请材料不齐全。根据《中华人民共和国法律援助法》第四十三条的规定，请你补充以下材料：',
    '（请逐项列明需要补充的材料）',
    '请在规定期限内补充上述材料。逾期未补充的，视为撤回申请。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});

export const assignmentNoticeTemplate = defineDocumentTemplate({
  code: 'assignmentNotice',
  caseType: LEGAL_AID_APPLICATION,
  name: '指派通知书',
  numberSeries: legalAidAssignmentNoticeSeries.code,
  title: '法律援助指派通知书',
  body: [
    '（律师事务所名称）：',
    '{{applicantNames}}申请法律援助一案（{{caseNo}}），本机构已决定给予法律援助。根据《中华人民共和国法律援助法》第四十三条的规定，现指派你所律师（承办律师姓名）承办该案。',
    '请承办律师自收到本通知书之日起及时与受援人联系，依法履行法律援助义务，不得收取受援人任何财物；承办过程中如有不宜继续承办的情形，应当及时报告本机构。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});

export const terminationDecisionTemplate = defineDocumentTemplate({
  code: 'terminationDecision',
  caseType: LEGAL_AID_APPLICATION,
  name: '终止法律援助决定书',
  numberSeries: legalAidTerminationSeries.code,
  title: '终止法律援助决定书',
  body: [
    '{{applicantNames}}：',
    '本机构于（决定给予法律援助的日期）决定对你申请的法律援助一案（{{caseNo}}）给予法律援助。经查，（请写明终止的具体情形和事实），根据《中华人民共和国法律援助法》第四十八条的规定，本机构决定终止对你的法律援助。',
    '（受援人以欺骗或者其他不正当手段获得法律援助的，写明：根据该法第六十四条的规定，应当退还已获得的法律援助费用 元。）',
    '如对本决定有异议，可以向设立本机构的司法行政部门提出。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});

export const legalAidDocumentTemplates = [
  grantDecisionTemplate,
  refusalDecisionTemplate,
  correctionNoticeTemplate,
  assignmentNoticeTemplate,
  terminationDecisionTemplate,
];
