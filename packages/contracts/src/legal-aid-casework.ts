// 法律援助办案: the vocabularies of the aided case after the grant — assignment (指派), the lawyer's work and
// closing (办案、结案), quality rating and subsidy (质量评估、办案补贴), pledge checks (承诺核查). The request
// and view shapes of each part live beside it: legal-aid-assignment.ts, legal-aid-lawyer-case.ts,
// legal-aid-quality.ts.

export const legalAidAssignmentMethods = ['rotation', 'chosen', 'expertPanel', 'manual'] as const;
export type LegalAidAssignmentMethod = (typeof legalAidAssignmentMethods)[number];
export const legalAidAssignmentMethodLabels: Record<LegalAidAssignmentMethod, string> = {
  rotation: '值班轮派',
  chosen: '受援人点援',
  expertPanel: '未成年人案件专家库',
  manual: '中心指定',
};

export const legalAidAssignmentEndReasons = ['declined', 'changed', 'terminated', 'closed'] as const;
export type LegalAidAssignmentEndReason = (typeof legalAidAssignmentEndReasons)[number];
export const legalAidAssignmentEndReasonLabels: Record<LegalAidAssignmentEndReason, string> = {
  declined: '律师退回指派',
  changed: '更换律师',
  terminated: '终止援助',
  closed: '已结案',
};

export const legalAidProgressKinds = [
  'clientMeeting',
  'evidence',
  'negotiation',
  'filing',
  'hearing',
  'mediation',
  'judgment',
  'enforcement',
  'other',
] as const;
export type LegalAidProgressKind = (typeof legalAidProgressKinds)[number];
export const legalAidProgressKindLabels: Record<LegalAidProgressKind, string> = {
  clientMeeting: '会见受援人',
  evidence: '调查取证',
  negotiation: '协商谈判',
  filing: '立案申请',
  hearing: '出庭',
  mediation: '调解',
  judgment: '裁判文书送达',
  enforcement: '申请执行',
  other: '其他',
};

export const legalAidCaseOutcomes = [
  'won',
  'partlyWon',
  'mediated',
  'settled',
  'lost',
  'sentenceReduced',
  'withdrawn',
  'other',
] as const;
export type LegalAidCaseOutcome = (typeof legalAidCaseOutcomes)[number];
export const legalAidCaseOutcomeLabels: Record<LegalAidCaseOutcome, string> = {
  won: '诉讼请求全部支持',
  partlyWon: '诉讼请求部分支持',
  mediated: '调解结案',
  settled: '和解结案',
  lost: '诉讼请求未获支持',
  sentenceReduced: '辩护意见被采纳（从轻、减轻或免除处罚）',
  withdrawn: '撤诉',
  other: '其他',
};

export const legalAidQualityRatings = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export type LegalAidQualityRating = (typeof legalAidQualityRatings)[number];
export const legalAidQualityRatingLabels: Record<LegalAidQualityRating, string> = {
  excellent: '优秀',
  good: '良好',
  qualified: '合格',
  unqualified: '不合格',
};

export const legalAidReviewMethods = ['fileCheck', 'courtObservation', 'clientCall'] as const;
export type LegalAidReviewMethod = (typeof legalAidReviewMethods)[number];
export const legalAidReviewMethodLabels: Record<LegalAidReviewMethod, string> = {
  fileCheck: '案卷检查',
  courtObservation: '庭审旁听',
  clientCall: '受援人回访',
};

export const legalAidFundingSources = [
  'localBudget',
  'centralLottery',
  'provincialSubsidy',
  'other',
] as const;
export type LegalAidFundingSource = (typeof legalAidFundingSources)[number];
export const legalAidFundingSourceLabels: Record<LegalAidFundingSource, string> = {
  localBudget: '本级财政预算',
  centralLottery: '中央专项彩票公益金',
  provincialSubsidy: '自治区补助资金',
  other: '其他',
};

export const legalAidPledgeCheckResults = ['confirmed', 'false'] as const;
export type LegalAidPledgeCheckResult = (typeof legalAidPledgeCheckResults)[number];
export const legalAidPledgeCheckResultLabels: Record<LegalAidPledgeCheckResult, string> = {
  confirmed: '承诺属实',
  false: '承诺不实',
};
