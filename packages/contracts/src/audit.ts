// Chinese names for what the audit log records, shared by the auditor's page and the CSV export. An
// action missing here (from a later module) is shown as its code; a module adds its area here.

export const auditActionAreas: { area: string; label: string; actions: Record<string, string> }[] = [
  {
    area: 'auth',
    label: '登录与认证',
    actions: {
      'auth.login': '登录',
      'auth.loginFailed': '登录失败',
      'auth.logout': '退出登录',
      'auth.locked': '账号锁定',
      'auth.otpRequested': '获取短信验证码',
      'auth.passwordChanged': '修改密码',
      'auth.totpEnabled': '启用双因素认证',
      'auth.totpDisabled': '停用双因素认证',
    },
  },
  {
    area: 'user',
    label: '账号',
    actions: {
      'user.create': '新建账号',
      'user.update': '修改账号',
      'user.disable': '停用账号',
      'user.resetPassword': '重置密码',
    },
  },
  {
    area: 'role',
    label: '角色',
    actions: {
      'role.create': '新建角色',
      'role.update': '修改角色',
      'role.delete': '删除角色',
      'role.assign': '分配角色',
    },
  },
  { area: 'session', label: '会话', actions: { 'session.revoke': '强制下线' } },
  { area: 'policy', label: '安全策略', actions: { 'policy.update': '修改安全策略' } },
  {
    area: 'org',
    label: '组织机构',
    actions: {
      'org.seed': '初始化机构树',
      'org.unit.create': '新增机构',
      'org.unit.rename': '机构改名',
      'org.unit.move': '调整上级机构',
      'org.unit.disable': '停用机构',
      'org.unit.enable': '启用机构',
    },
  },
  {
    area: 'personalData',
    label: '个人信息',
    actions: { 'personalData.reveal': '查看完整个人信息', 'personalData.export': '导出个人信息' },
  },
  { area: 'track', label: '轨迹', actions: { 'track.view': '查看轨迹' } },
  {
    area: 'file',
    label: '附件',
    actions: {
      'file.upload': '上传附件',
      'file.generate': '生成文书文件',
      'file.attach': '附件归入案件',
      'file.download': '下载附件',
      'file.delete': '删除附件',
    },
  },
  {
    area: 'calendar',
    label: '节假日与期限',
    actions: {
      'calendar.override.create': '新增节假日设置',
      'calendar.override.update': '修改节假日设置',
      'calendar.override.delete': '删除节假日设置',
      'calendar.deadlines.recompute': '重算办理期限',
    },
  },
  {
    area: 'numbering',
    label: '编号',
    actions: { 'numbering.prefix.set': '设置编号前缀', 'numbering.prefix.clear': '清除编号前缀' },
  },
  {
    area: 'case',
    label: '案件',
    actions: {
      'case.create': '登记案件',
      'case.transition': '案件办理',
      'case.participantAdd': '增加案件承办人员',
      'case.participantRemove': '移除案件承办人员',
      'case.export': '导出案件列表',
    },
  },
  {
    area: 'party',
    label: '当事人',
    actions: {
      'person.create': '登记人员',
      'person.update': '修改人员信息',
      'organisation.create': '登记单位',
      'organisation.update': '修改单位信息',
      'party.add': '增加案件当事人',
      'party.remove': '移除案件当事人',
    },
  },
  {
    area: 'document',
    label: '文书',
    actions: {
      'document.generate': '生成文书',
      'document.preview': '预览文书',
      'document.template.update': '修改文书模板',
    },
  },
  {
    area: 'legalAidRegistry',
    label: '法律援助登记',
    actions: {
      'legalAid.lawyer.create': '登记法律援助律师',
      'legalAid.lawyer.update': '修改法律援助律师',
      'legalAid.dutyEntry.create': '新增值班安排',
      'legalAid.dutyEntry.update': '修改值班安排',
      'legalAid.dutyEntry.delete': '删除值班安排',
      'legalAid.workstation.create': '新建法律援助工作站',
      'legalAid.workstation.update': '修改法律援助工作站',
      'legalAid.supportTeam.create': '新建支援队伍',
      'legalAid.supportTeam.update': '修改支援队伍',
      'legalAid.consultation.create': '登记法律咨询',
      'legalAid.consultation.update': '修改法律咨询',
      'legalAid.consultation.delete': '删除法律咨询',
    },
  },
  { area: 'legalAid', label: '法律援助申请', actions: { 'legalAid.apply': '提交法律援助申请' } },
  {
    area: 'legalAidQuality',
    label: '法律援助质量评估与补贴',
    actions: {
      'legalAid.rate': '评定案件质量等级',
      'legalAid.subsidyRate.create': '新增办案补贴标准',
      'legalAid.subsidyRate.update': '更正办案补贴标准',
      'legalAid.paymentBatch.create': '生成补贴发放批次',
      'legalAid.paymentBatch.export': '导出补贴发放表',
      'legalAid.pledgeCheck': '记录承诺核查结论',
      'legalAid.pledgeCheck.recovered': '登记追缴费用已退还',
    },
  },
  {
    area: 'legalAidAssignment',
    label: '法律援助指派',
    actions: {
      'legalAid.assignment.assign': '指派法律援助律师',
      'legalAid.assignment.change': '更换法律援助律师',
    },
  },
  {
    area: 'legalAidLawyerCase',
    label: '法律援助律师办案',
    actions: {
      'legalAid.assignment.accept': '律师接受指派',
      'legalAid.assignment.decline': '律师退回指派',
      'legalAid.progress.add': '新增办案记录',
      'legalAid.case.close': '律师结案',
    },
  },
  { area: 'import', label: '台账导入', actions: { 'import.commit': '导入台账' } },
  {
    area: 'audit',
    label: '审计日志',
    actions: {
      'audit.export': '导出审计日志',
      'audit.verify': '核验审计日志',
      'audit.checkpoint': '审计日志清理检查点',
    },
  },
];

const auditActionLabels: Record<string, string> = Object.assign(
  {},
  ...auditActionAreas.map((a) => a.actions),
);

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
