// Chinese names for what the audit log records. An action or type missing here (from a later module) is
// shown as its code.

export const actionAreas: { area: string; label: string; actions: Record<string, string> }[] = [
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
    area: 'audit',
    label: '审计日志',
    actions: {
      'audit.export': '导出审计日志',
      'audit.verify': '核验审计日志',
      'audit.checkpoint': '审计日志清理检查点',
    },
  },
];

const actionLabels: Record<string, string> = Object.assign({}, ...actionAreas.map((a) => a.actions));

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

/** Options for the 操作 filter: each area as a whole, then its single actions. */
export const actionFilterOptions = actionAreas.map(({ area, label, actions }) => ({
  label,
  title: label,
  options: [
    { value: area, label: `全部${label}操作` },
    ...Object.entries(actions).map(([value, text]) => ({ value, label: text })),
  ],
}));

const entityTypeLabels: Record<string, string> = {
  staffUser: '账号',
  staffAccount: '账号',
  citizenAccount: '群众账号',
  orgUnit: '机构',
  role: '角色',
  securityPolicy: '安全策略',
  auditLog: '审计日志',
  session: '会话',
};

export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? type;
}

export const actorKindLabels: Record<string, string> = {
  staff: '工作人员',
  citizen: '群众',
  system: '系统',
  anonymous: '未登录',
};

const fieldLabels: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  name: '名称',
  shortName: '简称',
  unitId: '机构编号',
  parentId: '上级机构编号',
  status: '状态',
  roles: '角色',
  roleCodes: '角色',
  phone: '手机号',
  phoneChanged: '手机号已修改',
  reason: '原因',
  kind: '类型',
  code: '代码',
  description: '说明',
  dataScope: '数据范围',
  permissions: '功能权限',
  customUnitIds: '指定机构',
  totpRequiredForAdmins: '管理员须启用双因素认证',
  ok: '结果正常',
  sealedRows: '已封存记录数',
  brokenAt: '异常位置',
  rows: '行数',
  filters: '筛选条件',
  minutes: '分钟',
  divisionCode: '行政区划代码',
  sortOrder: '排序号',
};

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? key;
}
