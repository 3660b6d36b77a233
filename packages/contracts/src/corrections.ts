// 社区矫正: the vocabularies of the corrections module, shared by the api and the web (社区矫正法 2020 and its
// implementing measures). The request and view shapes of each part live beside it:
// corrections-investigation.ts (调查评估), corrections-register.ts (在册对象、入矫、失联查找); later parts add
// their own corrections-<part>.ts (supervision, approvals, vessels, sanctions, release, sweeps, training).

/** 管制 / 缓刑 / 假释 / 暂予监外执行 (社区矫正法第二条). */
export const sentenceKinds = ['publicSurveillance', 'probation', 'parole', 'temporaryService'] as const;
export type SentenceKind = (typeof sentenceKinds)[number];
export const sentenceKindLabels: Record<SentenceKind, string> = {
  publicSurveillance: '管制',
  probation: '缓刑',
  parole: '假释',
  temporaryService: '暂予监外执行',
};

/** 分类管理 (第二十四条): 严管 / 普管 / 宽管. */
export const supervisionLevels = ['strict', 'ordinary', 'lenient'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];
export const supervisionLevelLabels: Record<SupervisionLevel, string> = {
  strict: '严管',
  ordinary: '普管',
  lenient: '宽管',
};

/**
 * What the classification weighs (第二十四条: 性别、年龄、心理特点、健康状况、犯罪原因、犯罪类型、犯罪情节、
 * 悔罪表现); the officer ticks those that decided the level and writes the reasons.
 */
export const classificationFactors = [
  'sex',
  'age',
  'psychology',
  'health',
  'causeOfOffence',
  'offenceType',
  'circumstances',
  'remorse',
] as const;
export type ClassificationFactor = (typeof classificationFactors)[number];
export const classificationFactorLabels: Record<ClassificationFactor, string> = {
  sex: '性别',
  age: '年龄',
  psychology: '心理特点',
  health: '健康状况',
  causeOfOffence: '犯罪原因',
  offenceType: '犯罪类型',
  circumstances: '犯罪情节',
  remorse: '悔罪表现',
};

/**
 * Flags on a supervisee. `minor`: restricted visibility (only `corrections:readMinors` sees the record) and
 * extra masking in lists (第五十二条至第五十八条: identity kept confidential); set from the birth date when
 * the person is under 18, or by the officer. `maritime`: 涉海涉渔, works at sea (vessels and sea trips).
 */
export const superviseeFlags = ['minor', 'maritime'] as const;
export type SuperviseeFlag = (typeof superviseeFlags)[number];
export const superviseeFlagLabels: Record<SuperviseeFlag, string> = {
  minor: '未成年',
  maritime: '涉海涉渔',
};

/** Who asks for a pre-sentence investigation (第十八条). */
export const investigationRequesterKinds = ['court', 'procuratorate', 'police', 'prison'] as const;
export type InvestigationRequesterKind = (typeof investigationRequesterKinds)[number];
export const investigationRequesterKindLabels: Record<InvestigationRequesterKind, string> = {
  court: '人民法院',
  procuratorate: '人民检察院',
  police: '公安机关',
  prison: '监狱管理机关',
};

/** The assessment's opinion (调查评估意见). */
export const investigationOpinions = ['suitable', 'notSuitable'] as const;
export type InvestigationOpinion = (typeof investigationOpinions)[number];
export const investigationOpinionLabels: Record<InvestigationOpinion, string> = {
  suitable: '适宜社区矫正',
  notSuitable: '不适宜社区矫正',
};

/** How a report reached its requester. */
export const deliveryMethods = ['inPerson', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const deliveryMethodLabels: Record<DeliveryMethod, string> = {
  inPerson: '直接送达',
  post: '邮寄送达',
  electronic: '网上协同送达',
};

/** 矫正小组 members (第二十五条). */
export const teamMemberRoles = [
  'justiceOffice',
  'residentsCommittee',
  'guardian',
  'family',
  'workplace',
  'school',
  'socialWorker',
  'volunteer',
] as const;
export type TeamMemberRole = (typeof teamMemberRoles)[number];
export const teamMemberRoleLabels: Record<TeamMemberRole, string> = {
  justiceOffice: '司法所工作人员',
  residentsCommittee: '村（居）民委员会人员',
  guardian: '监护人',
  family: '家庭成员',
  workplace: '所在单位人员',
  school: '就读学校人员',
  socialWorker: '社会工作者',
  volunteer: '志愿者',
};

export const genderOptions = ['male', 'female'] as const;

/** 失联查找 (第三十条): why a search began, how it ended. */
export const lostContactTriggers = ['reportInOverdue', 'manual'] as const;
export type LostContactTrigger = (typeof lostContactTriggers)[number];
export const lostContactTriggerLabels: Record<LostContactTrigger, string> = {
  reportInOverdue: '逾期未报到',
  manual: '失去联系',
};

export const lostContactStatuses = ['searching', 'closed'] as const;
export type LostContactStatus = (typeof lostContactStatuses)[number];
export const lostContactStatusLabels: Record<LostContactStatus, string> = {
  searching: '查找中',
  closed: '已结束',
};

export const lostContactOutcomes = ['found', 'reportedIn', 'referredToPolice'] as const;
export type LostContactOutcome = (typeof lostContactOutcomes)[number];
export const lostContactOutcomeLabels: Record<LostContactOutcome, string> = {
  found: '已找回，恢复联系',
  reportedIn: '已到司法所报到',
  referredToPolice: '仍未找到，已通报公安机关',
};

/** Each step of a search is recorded (第三十条: 查找情况应当记录). */
export const searchMethods = [
  'phone',
  'homeVisit',
  'relatives',
  'workplace',
  'electronicCheck',
  'police',
  'other',
] as const;
export type SearchMethod = (typeof searchMethods)[number];
export const searchMethodLabels: Record<SearchMethod, string> = {
  phone: '电话联系',
  homeVisit: '走访住所',
  relatives: '询问亲友',
  workplace: '询问所在单位',
  electronicCheck: '信息化核查',
  police: '通报公安机关协查',
  other: '其他方式',
};
