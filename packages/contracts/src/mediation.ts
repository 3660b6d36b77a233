// 人民调解: the vocabularies of the mediation module, shared by the api and the web. The request and view
// shapes of each part live beside it: mediation-registry.ts (committees, mediators, studios),
// mediation-intake.ts (applications, referrals, dispatch), mediation-process.ts (sessions, agreements,
// follow-ups, judicial confirmation), mediation-sweeps.ts (dispute sweeps).

/** 纠纷类型: the dictionary of dispute kinds (人民调解案件统计口径). */
export const disputeKinds = [
  'marriageFamily',
  'neighbour',
  'contract',
  'production',
  'labour',
  'consumer',
  'tourism',
  'damages',
  'medical',
  'traffic',
  'property',
  'land',
  'forest',
  'water',
  'other',
] as const;
export type DisputeKind = (typeof disputeKinds)[number];
export const disputeKindLabels: Record<DisputeKind, string> = {
  marriageFamily: '婚姻家庭纠纷',
  neighbour: '邻里纠纷',
  contract: '合同纠纷',
  production: '生产经营纠纷',
  labour: '劳动争议',
  consumer: '消费纠纷',
  tourism: '旅游纠纷',
  damages: '损害赔偿纠纷',
  medical: '医疗纠纷',
  traffic: '道路交通事故纠纷',
  property: '物业纠纷',
  land: '土地纠纷',
  forest: '山林纠纷',
  water: '水利纠纷',
  other: '其他纠纷',
};

/** 三大纠纷: land, forest and water-rights disputes, reported together (`mediation.landForestWater`). */
export const landForestWaterKinds: readonly DisputeKind[] = ['land', 'forest', 'water'];

/** The kinds the enterprise-dispute figure is broken down by (`mediation.enterpriseDisputesByKind`). */
export const enterpriseDisputeKinds = ['contract', 'production', 'labour', 'consumer', 'tourism'] as const;
export type EnterpriseDisputeKind = (typeof enterpriseDisputeKinds)[number];

/** Where a dispute came from (诉调对接 / 警调对接 / 访调对接 …). */
export const disputeSources = [
  'portal',
  'walkIn',
  'court',
  'police',
  'petition',
  'hotline',
  'sweep',
] as const;
export type DisputeSource = (typeof disputeSources)[number];
export const disputeSourceLabels: Record<DisputeSource, string> = {
  portal: '群众网上申请',
  walkIn: '当事人来访',
  court: '法院委派（诉调对接）',
  police: '公安移送（警调对接）',
  petition: '信访移送（访调对接）',
  hotline: '12345热线转办',
  sweep: '矛盾纠纷排查发现',
};
/** The sources that are referrals from another body: their letter or work-order number is recorded. */
export const referralSources: readonly DisputeSource[] = ['court', 'police', 'petition', 'hotline'];

/** Kinds of mediation committee (人民调解委员会). */
export const committeeKinds = ['village', 'community', 'township', 'industry'] as const;
export type CommitteeKind = (typeof committeeKinds)[number];
export const committeeKindLabels: Record<CommitteeKind, string> = {
  village: '村（居）人民调解委员会',
  community: '社区人民调解委员会',
  township: '乡镇（街道）人民调解委员会',
  industry: '行业性专业性人民调解委员会',
};

/** The field of an industry or professional committee. */
export const committeeIndustries = [
  'tourism',
  'labour',
  'medical',
  'traffic',
  'enterprise',
  'other',
] as const;
export type CommitteeIndustry = (typeof committeeIndustries)[number];
export const committeeIndustryLabels: Record<CommitteeIndustry, string> = {
  tourism: '旅游纠纷',
  labour: '劳动争议',
  medical: '医疗纠纷',
  traffic: '道路交通事故',
  enterprise: '涉企纠纷',
  other: '其他行业',
};

export const mediatorEmployments = ['fullTime', 'partTime'] as const;
export type MediatorEmployment = (typeof mediatorEmployments)[number];
export const mediatorEmploymentLabels: Record<MediatorEmployment, string> = {
  fullTime: '专职',
  partTime: '兼职',
};

export const mediatorStatuses = ['active', 'left'] as const;
export type MediatorStatus = (typeof mediatorStatuses)[number];
export const mediatorStatusLabels: Record<MediatorStatus, string> = { active: '在任', left: '已离任' };

/** 人民调解工作室: planned (a creation target) until it opens. */
export const studioStatuses = ['planned', 'created'] as const;
export type StudioStatus = (typeof studioStatuses)[number];
export const studioStatusLabels: Record<StudioStatus, string> = { planned: '计划创建', created: '已建成' };

/** 调解结果 (settled / not settled / terminated). */
export const mediationOutcomes = ['settled', 'unsettled', 'terminated'] as const;
export type MediationOutcome = (typeof mediationOutcomes)[number];
export const mediationOutcomeLabels: Record<MediationOutcome, string> = {
  settled: '调解成功',
  unsettled: '调解不成功',
  terminated: '终止调解',
};

/** 调解协议: written (第二十九条) or oral, recorded by the mediator (第三十条). */
export const agreementForms = ['written', 'oral'] as const;
export type AgreementForm = (typeof agreementForms)[number];
export const agreementFormLabels: Record<AgreementForm, string> = { written: '书面协议', oral: '口头协议' };

/** 协议履行 (第三十一条: the committee supervises it). */
export const performanceStatuses = ['pending', 'partial', 'performed', 'breached'] as const;
export type PerformanceStatus = (typeof performanceStatuses)[number];
export const performanceStatusLabels: Record<PerformanceStatus, string> = {
  pending: '待履行',
  partial: '部分履行',
  performed: '已履行',
  breached: '未履行',
};

/** 司法确认 (第三十三条): the court's answer. */
export const confirmationResults = ['confirmed', 'rejected'] as const;
export type ConfirmationResult = (typeof confirmationResults)[number];
export const confirmationResultLabels: Record<ConfirmationResult, string> = {
  confirmed: '裁定确认有效',
  rejected: '裁定驳回申请',
};

export const sweepStatuses = ['planned', 'held', 'cancelled'] as const;
export type SweepStatus = (typeof sweepStatuses)[number];
export const sweepStatusLabels: Record<SweepStatus, string> = {
  planned: '计划中',
  held: '已开展',
  cancelled: '已取消',
};
