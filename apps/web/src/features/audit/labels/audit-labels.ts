import { auditActionAreas } from '@zhucheng/contracts';

// Chinese names for what the audit log records. An action or type missing here (from a later module) is
// shown as its code.

/** Options for the 操作 filter: each area as a whole, then its single actions. */
export const actionFilterOptions = auditActionAreas.map(({ area, label, actions }) => ({
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
