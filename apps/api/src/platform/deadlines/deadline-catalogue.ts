import { type DeadlineRule, defineDeadlineRules } from './deadline.rules.ts';

// The statutory clocks of RULES.md, with their articles. They sit in the platform until the modules exist;
// each module will take its set from here (and may replace a value through `configureDeadlineRule`).
// Thresholds (`warnBefore`) are the platform's defaults, not law. In 行政复议法 the 三日、五日、七日、十日
// periods are working days (第八十八条); its other periods (30, 60 days) are calendar days.

/** 法律援助法 (2022-01-01). */
export const legalAidDeadlines = defineDeadlineRules({
  decide: {
    code: 'legalAid.decide',
    name: '法律援助审查决定期限',
    article: '法律援助法第四十三条',
    startEvent: '收到法律援助申请之日',
    length: 7,
    unit: 'calendarDays',
    warnBefore: 2,
    maxExtensions: 0,
  },
  assignLawyer: {
    code: 'legalAid.assignLawyer',
    name: '指派法律援助人员期限',
    article: '法律援助法第四十三条',
    startEvent: '作出给予法律援助决定之日',
    length: 3,
    unit: 'calendarDays',
    warnBefore: 1,
    maxExtensions: 0,
  },
  assignOnNotification: {
    code: 'legalAid.assignOnNotification',
    name: '通知辩护（代理）指派期限',
    article: '法律援助法第三十六条',
    startEvent: '收到人民法院、人民检察院、公安机关通知之日',
    length: 3,
    unit: 'calendarDays',
    warnBefore: 1,
    maxExtensions: 0,
  },
  forwardDetainedApplication: {
    code: 'legalAid.forwardDetainedApplication',
    name: '转交被羁押人法律援助申请期限',
    article: '法律援助法第三十九条',
    startEvent: '被羁押的犯罪嫌疑人、被告人提出申请之时',
    length: 24,
    unit: 'hours',
    warnBefore: 6,
    maxExtensions: 0,
  },
  objectionDecision: {
    code: 'legalAid.objectionDecision',
    name: '异议审查决定期限',
    article: '法律援助法第四十九条',
    startEvent: '司法行政部门收到异议之日',
    length: 5,
    unit: 'calendarDays',
    warnBefore: 1,
    maxExtensions: 0,
  },
});

/** 人民调解法 (2011-01-01). */
export const mediationDeadlines = defineDeadlineRules({
  judicialConfirmation: {
    code: 'mediation.judicialConfirmation',
    name: '申请司法确认期限',
    article: '人民调解法第三十三条',
    startEvent: '调解协议生效之日',
    length: 30,
    unit: 'calendarDays',
    warnBefore: 5,
    maxExtensions: 0,
  },
});

/** 社区矫正法 (2020-07-01) and its implementing measures. */
export const correctionsDeadlines = defineDeadlineRules({
  investigation: {
    code: 'corrections.investigation',
    name: '调查评估期限',
    article: '社区矫正法第十八条、实施办法第十四条',
    startEvent: '收到调查评估委托函及所附材料之日',
    length: 10,
    unit: 'workingDays',
    warnBefore: 3,
    maxExtensions: 0,
    // RULES.md [verify]: the value comes from the implementing measures as secondary sources cite them.
    verify: true,
  },
  investigationFastTrack: {
    code: 'corrections.investigationFastTrack',
    name: '调查评估期限（速裁程序）',
    article: '社区矫正法第十八条、实施办法第十四条',
    startEvent: '收到调查评估委托函及所附材料之日',
    length: 5,
    unit: 'workingDays',
    warnBefore: 2,
    maxExtensions: 0,
    verify: true,
  },
  reportIn: {
    code: 'corrections.reportIn',
    name: '社区矫正对象报到期限',
    article: '社区矫正法第二十一条',
    startEvent: '判决、裁定生效之日（暂予监外执行：收到决定之日）',
    length: 10,
    unit: 'calendarDays',
    warnBefore: 3,
    maxExtensions: 0,
  },
});

/** 行政复议法 (revised 2023, in force 2024-01-01). */
export const reconsiderationDeadlines = defineDeadlineRules({
  acceptanceReview: {
    code: 'reconsideration.acceptanceReview',
    name: '受理审查期限',
    article: '行政复议法第三十条',
    startEvent: '收到行政复议申请之日',
    length: 5,
    unit: 'workingDays',
    warnBefore: 2,
    maxExtensions: 0,
    pausedBy: '补正申请材料期间（行政复议法第三十一条）',
  },
  correctionNotice: {
    code: 'reconsideration.correctionNotice',
    name: '补正通知期限',
    article: '行政复议法第三十一条',
    startEvent: '收到行政复议申请之日',
    length: 5,
    unit: 'workingDays',
    warnBefore: 2,
    maxExtensions: 0,
  },
  correctionSupply: {
    code: 'reconsideration.correctionSupply',
    name: '申请人补正期限',
    article: '行政复议法第三十一条',
    startEvent: '申请人收到补正通知之日',
    length: 10,
    unit: 'workingDays',
    warnBefore: 3,
    maxExtensions: 0,
  },
  replyCopy: {
    code: 'reconsideration.replyCopy',
    name: '发送申请书副本期限',
    article: '行政复议法第四十八条',
    startEvent: '受理行政复议申请之日',
    length: 7,
    unit: 'workingDays',
    warnBefore: 2,
    maxExtensions: 0,
  },
  reply: {
    code: 'reconsideration.reply',
    name: '被申请人答复期限',
    article: '行政复议法第四十八条',
    startEvent: '被申请人收到申请书副本或者申请笔录复印件之日',
    length: 10,
    unit: 'workingDays',
    warnBefore: 3,
    maxExtensions: 0,
  },
  replyCopySimplified: {
    code: 'reconsideration.replyCopySimplified',
    name: '发送申请书副本期限（简易程序）',
    article: '行政复议法第五十四条',
    startEvent: '受理行政复议申请之日',
    length: 3,
    unit: 'workingDays',
    warnBefore: 1,
    maxExtensions: 0,
  },
  replySimplified: {
    code: 'reconsideration.replySimplified',
    name: '被申请人答复期限（简易程序）',
    article: '行政复议法第五十四条',
    startEvent: '被申请人收到申请书副本或者申请笔录复印件之日',
    length: 5,
    unit: 'workingDays',
    warnBefore: 2,
    maxExtensions: 0,
  },
  decision: {
    code: 'reconsideration.decision',
    name: '行政复议决定期限',
    article: '行政复议法第六十二条',
    startEvent: '受理行政复议申请之日',
    length: 60,
    unit: 'calendarDays',
    warnBefore: 10,
    // 情况复杂的，经行政复议机构负责人批准，可以适当延长，但延长期限最多不超过三十日.
    maxExtensions: 1,
    extensionLength: 30,
    pausedBy: '行政复议中止期间（行政复议法第三十九条）',
  },
  decisionSimplified: {
    code: 'reconsideration.decisionSimplified',
    name: '行政复议决定期限（简易程序）',
    article: '行政复议法第六十二条',
    startEvent: '受理行政复议申请之日',
    length: 30,
    unit: 'calendarDays',
    warnBefore: 5,
    maxExtensions: 0,
    pausedBy: '行政复议中止期间（行政复议法第三十九条）',
  },
  normativeDocumentReview: {
    code: 'reconsideration.normativeDocumentReview',
    name: '规范性文件附带审查处理期限',
    article: '行政复议法第五十六条',
    startEvent: '收到附带审查申请之日',
    length: 30,
    unit: 'calendarDays',
    warnBefore: 5,
    maxExtensions: 0,
  },
  normativeDocumentForward: {
    code: 'reconsideration.normativeDocumentForward',
    name: '规范性文件附带审查转送期限',
    article: '行政复议法第五十六条',
    startEvent: '收到附带审查申请之日',
    length: 7,
    unit: 'workingDays',
    warnBefore: 2,
    maxExtensions: 0,
  },
  opinionLetterReport: {
    code: 'reconsideration.opinionLetterReport',
    name: '意见书纠正情况报送期限',
    article: '行政复议法第七十六条',
    startEvent: '被申请人收到行政复议意见书之日',
    length: 60,
    unit: 'calendarDays',
    warnBefore: 10,
    maxExtensions: 0,
  },
});

/** Every set above, for the registry in the composition root. */
export const deadlineCatalogue: ReadonlyArray<Readonly<Record<string, DeadlineRule>>> = [
  legalAidDeadlines,
  mediationDeadlines,
  correctionsDeadlines,
  reconsiderationDeadlines,
];
