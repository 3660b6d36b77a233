import { allPermissionCodes, type PermissionCode } from '@zhucheng/contracts';

// Chinese names for the permission codes of packages/contracts/src/permissions.ts, for the role editor.
// A code missing here (added by a later module) is shown as the code itself.

export const permissionLabels: Record<PermissionCode, string> = {
  'system:viewStatus': '查看系统状态',
  'org:read': '查看机构',
  'org:manage': '管理机构',
  'user:read': '查看账号',
  'user:create': '新建账号',
  'user:update': '修改、停用账号',
  'user:resetPassword': '重置密码',
  'user:revealPhone': '查看完整手机号',
  'role:read': '查看角色',
  'role:manage': '管理角色',
  'role:assign': '分配角色',
  'session:read': '查看在线会话',
  'session:revoke': '强制下线',
  'policy:manage': '管理安全策略',
  'audit:read': '查看审计日志',
  'audit:export': '导出审计日志',
  'audit:verify': '核验审计日志完整性',
  'calendar:read': '查看工作日历',
  'calendar:manage': '管理工作日历',
  'case:read': '查看案件',
  'case:assign': '指定承办人',
  'party:read': '查看当事人',
  'party:manage': '登记、修改当事人',
  'party:reveal': '查看当事人完整证件号、电话和住址',
  'document:read': '查看、预览案件文书',
  'document:generate': '生成案件文书',
  'document:manageTemplates': '管理文书模板',
  'metric:read': '查看统计指标',
  'legalAid:readRegistry': '查看律师库、值班安排、工作站和支援队伍',
  'legalAid:manageRegistry': '管理律师库、值班安排、工作站和支援队伍',
  'legalAid:consult': '登记、查看法律咨询',
  'legalAid:intake': '受理法律援助申请（全城通办）',
  'legalAid:review': '审查法律援助申请、通知补正',
  'legalAid:decide': '作出给予、不予、终止法律援助的决定',
  'legalAid:decideObjection': '审查对不予法律援助决定的异议',
  'legalAid:assign': '指派、更换法律援助律师',
  'legalAid:handleCase': '承办本人受指派的法律援助案件（接受指派、办理记录、结案）',
  'legalAid:rate': '评定法律援助案件质量、核查经济困难承诺',
  'legalAid:manageSubsidies': '管理办案补贴标准和补贴发放批次',
  'mediation:readRegistry': '查看调委会、调解员、调解工作室',
  'mediation:manageRegistry': '管理调委会、调解员及其培训、调解工作室',
  'mediation:intake': '登记矛盾纠纷（来访、诉调/警调/访调对接、12345转办、台账导入）',
  'mediation:dispatch': '分派、改派纠纷到人民调解委员会',
  'mediation:handle': '调解纠纷（受理、调解记录、调解结果、协议、回访、司法确认）',
  'mediation:sweep': '组织、登记矛盾纠纷排查',
  'corrections:read': '查看社区矫正对象台账和调查评估',
  'corrections:readMinors': '查看未成年社区矫正对象（身份信息保密）',
  'corrections:investigate': '办理调查评估（登记委托、评估、出具意见书、送达）',
  'corrections:register': '登记接收社区矫正对象、维护台账',
  'corrections:intake': '入矫：报到、矫正小组、分类管理、矫正方案、宣告',
  'corrections:supervise': '日常监督管理（打卡、走访、学习与公益、船舶与出海报备、失联查找、排查、培训就业）',
  'corrections:approve': '审批请假、变更居住地、变更执行地和会客（按本级权限）',
  'corrections:sanction': '提出和记录奖惩（表扬、训诫、警告、提请治安处罚、提请撤销、收监执行）',
  'corrections:approveMonitoring': '批准电子定位装置监管及延长（第二十九条，县级司法行政部门负责人）',
  'corrections:release': '解除矫正和终止矫正',
  'tracking:read': '查看船舶位置与轨迹',
  'tracking:manageTerminals': '登记卫星终端及其安装',
  'tracking:handleAlerts': '确认、指派和办结海上告警',
  'tracking:manageFences': '绘制和修改电子围栏',
  'tracking:manageVendors': '管理终端厂商接入与网关',
};

/** The part of a code before ':' names the module; the permission tree groups by it. */
export const moduleLabels: Record<string, string> = {
  system: '系统状态',
  org: '组织机构',
  user: '账号管理',
  role: '角色管理',
  session: '在线会话',
  policy: '安全策略',
  audit: '审计日志',
  calendar: '工作日历',
  case: '案件',
  party: '当事人',
  document: '文书',
  metric: '统计指标',
  legalAid: '法律援助',
  mediation: '人民调解',
  reconsideration: '行政复议',
  legalReview: '合法性审核',
  corrections: '社区矫正',
  tracking: '海上动态监管',
  legalServices: '公共法律服务',
  demonstration: '法治政府示范创建',
  statistics: '统计报表',
};

export function permissionLabel(code: string): string {
  return (permissionLabels as Record<string, string>)[code] ?? code;
}

export function moduleOf(code: string): string {
  return code.split(':')[0] ?? code;
}

export function moduleLabel(module: string): string {
  return moduleLabels[module] ?? module;
}

/** The catalogue from the API, or every code the web knows when the API sent none. */
export function catalogueOrDefault(catalogue: readonly string[] | undefined): string[] {
  return catalogue && catalogue.length > 0 ? [...catalogue] : [...allPermissionCodes];
}
