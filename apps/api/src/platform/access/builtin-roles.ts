import { type PermissionCode, permissions as p } from '@zhucheng/contracts';
import type { DataScopeKind, Duty } from './principal.ts';

export interface RoleDefinition {
  code: string;
  name: string;
  description: string;
  duty: Duty | null;
  dataScope: DataScopeKind;
  permissions: PermissionCode[];
  accountKind: 'staff' | 'citizen';
}

// The built-in roles. Their permissions are kept in code and written to the database at every start, so
// a permission added by a later module reaches them. The three administrator roles split the work
// (三员分立, GB/T 22239 等保三级): units and accounts / roles and security policy / the audit log.
export const builtinRoles: RoleDefinition[] = [
  {
    code: 'sysAdmin',
    name: '系统管理员',
    description: '管理机构与账号，不能分配角色，不能查看审计日志',
    duty: 'system',
    dataScope: 'all',
    permissions: [
      p.system.viewStatus,
      p.org.read,
      p.org.manage,
      p.user.read,
      p.user.create,
      p.user.update,
      p.user.resetPassword,
      p.calendar.read,
      p.calendar.manage,
    ],
    accountKind: 'staff',
  },
  {
    code: 'secAdmin',
    name: '安全管理员',
    description: '管理角色、角色分配、会话与安全策略，不能建账号，不能查看审计日志',
    duty: 'security',
    dataScope: 'all',
    permissions: [
      p.org.read,
      p.user.read,
      p.role.read,
      p.role.manage,
      p.role.assign,
      p.session.read,
      p.session.revoke,
      p.policy.manage,
    ],
    accountKind: 'staff',
  },
  {
    code: 'auditor',
    name: '安全审计员',
    description: '只能查看、导出和核验审计日志',
    duty: 'audit',
    dataScope: 'all',
    permissions: [p.audit.read, p.audit.export, p.audit.verify],
    accountKind: 'staff',
  },
  {
    code: 'leader',
    name: '局领导',
    description: '全市数据，只读为主',
    duty: null,
    dataScope: 'all',
    permissions: [p.system.viewStatus, p.org.read, p.user.read, p.calendar.read, p.case.read],
    accountKind: 'staff',
  },
  {
    code: 'cityStaff',
    name: '市局工作人员',
    description: '全市业务数据',
    duty: null,
    dataScope: 'all',
    permissions: [p.org.read, p.calendar.read, p.case.read, p.case.assign],
    accountKind: 'staff',
  },
  {
    code: 'countyStaff',
    name: '县区局工作人员',
    description: '本县区及下属司法所的数据',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [p.org.read, p.calendar.read, p.case.read, p.case.assign],
    accountKind: 'staff',
  },
  {
    code: 'officeStaff',
    name: '司法所工作人员',
    description: '本司法所的数据',
    duty: null,
    dataScope: 'unit',
    permissions: [p.org.read, p.calendar.read, p.case.read, p.case.assign],
    accountKind: 'staff',
  },
  {
    code: 'legalAidStaff',
    name: '法律援助工作人员',
    description: '本法律援助中心及下属工作站的数据',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [p.org.read, p.calendar.read, p.case.read, p.case.assign],
    accountKind: 'staff',
  },
  {
    code: 'mediator',
    name: '人民调解员',
    description: '本人承办的纠纷',
    duty: null,
    dataScope: 'self',
    permissions: [p.case.read],
    accountKind: 'staff',
  },
  {
    code: 'lawyer',
    name: '律师',
    description: '本人承办的案件',
    duty: null,
    dataScope: 'self',
    permissions: [p.case.read],
    accountKind: 'staff',
  },
  {
    code: 'liaison',
    name: '部门联络员',
    description: '本部门报送的材料',
    duty: null,
    dataScope: 'unit',
    permissions: [p.org.read],
    accountKind: 'staff',
  },
  {
    code: 'citizen',
    name: '群众',
    description: '本人的申请与办件',
    duty: null,
    dataScope: 'self',
    permissions: [],
    accountKind: 'citizen',
  },
  {
    code: 'supervisee',
    name: '社区矫正对象',
    description: '本人的报到、请假与出海报备',
    duty: null,
    dataScope: 'self',
    permissions: [],
    accountKind: 'staff',
  },
];

export const dataScopeLabels: Record<DataScopeKind, string> = {
  all: '全部数据',
  unitAndBelow: '本机构及下级',
  unit: '本机构',
  self: '仅本人',
  custom: '指定机构',
};
