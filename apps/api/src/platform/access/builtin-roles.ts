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

/** What the bureaus and offices do for mediation: keep the registry, register, dispatch, sweep. */
const mediationOversight: PermissionCode[] = [
  p.mediation.readRegistry,
  p.mediation.manageRegistry,
  p.mediation.intake,
  p.mediation.dispatch,
  p.mediation.sweep,
];

/**
 * 社区矫正 casework. Not part of officeStaff / countyStaff: criminal records are confidential (社区矫正法
 * 第四条) and an office's mediation or legal-aid clerk has no need of them, so the bureau assigns this role
 * to the people who do corrections (at an office: its own supervisees; at a county bureau, the 社区矫正机构:
 * its offices'). Level-specific powers of later parts (leave up to 7 / 30 days, Art. 29 orders) follow the
 * actor's unit kind or a permission of their own.
 */
const correctionsCasework: PermissionCode[] = [
  p.org.read,
  p.calendar.read,
  p.case.read,
  p.case.assign,
  p.party.read,
  p.party.manage,
  p.party.reveal,
  p.document.read,
  p.document.generate,
  p.metric.read,
  p.corrections.read,
  p.corrections.investigate,
  p.corrections.register,
  p.corrections.intake,
  p.corrections.supervise,
  p.corrections.approve,
  p.corrections.sanction,
  p.corrections.release,
];

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
    permissions: [
      p.system.viewStatus,
      p.org.read,
      p.user.read,
      p.calendar.read,
      p.case.read,
      p.party.read,
      p.document.read,
      p.metric.read,
      p.legalAid.readRegistry,
      p.mediation.readRegistry,
      p.corrections.read,
    ],
    accountKind: 'staff',
  },
  {
    code: 'cityStaff',
    name: '市局工作人员',
    description: '全市业务数据',
    duty: null,
    dataScope: 'all',
    permissions: [
      p.org.read,
      p.calendar.read,
      p.case.read,
      p.case.assign,
      p.party.read,
      p.party.manage,
      p.document.read,
      p.document.generate,
      p.document.manageTemplates,
      p.metric.read,
      p.legalAid.intake,
      p.legalAid.decideObjection,
      ...mediationOversight,
    ],
    accountKind: 'staff',
  },
  {
    code: 'countyStaff',
    name: '县区局工作人员',
    description: '本县区及下属司法所的数据',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [
      p.org.read,
      p.calendar.read,
      p.case.read,
      p.case.assign,
      p.party.read,
      p.party.manage,
      p.party.reveal,
      p.document.read,
      p.document.generate,
      p.metric.read,
      p.legalAid.intake,
      p.legalAid.decideObjection,
      ...mediationOversight,
    ],
    accountKind: 'staff',
  },
  {
    // A township office guides the mediation committees of its town, which sit below it in the org tree.
    code: 'officeStaff',
    name: '司法所工作人员',
    description: '本司法所及所辖人民调解委员会的数据',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [
      p.org.read,
      p.calendar.read,
      p.case.read,
      p.case.assign,
      p.party.read,
      p.party.manage,
      p.party.reveal,
      p.document.read,
      p.document.generate,
      p.metric.read,
      p.legalAid.intake,
      ...mediationOversight,
      p.mediation.handle,
    ],
    accountKind: 'staff',
  },
  {
    code: 'legalAidStaff',
    name: '法律援助工作人员',
    description: '本法律援助中心及下属工作站的数据',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [
      p.org.read,
      p.calendar.read,
      p.case.read,
      p.case.assign,
      p.party.read,
      p.party.manage,
      p.party.reveal,
      p.document.read,
      p.document.generate,
      p.metric.read,
      p.legalAid.readRegistry,
      p.legalAid.manageRegistry,
      p.legalAid.consult,
      p.legalAid.intake,
      p.legalAid.review,
      p.legalAid.decide,
      p.legalAid.assign,
      p.legalAid.rate,
      p.legalAid.manageSubsidies,
    ],
    accountKind: 'staff',
  },
  {
    // 调委会工作人员 (主任、委员): the committee's own disputes, its board, its mediators.
    code: 'mediationCommitteeStaff',
    name: '人民调解委员会工作人员',
    description: '本调委会的纠纷与调解员',
    duty: null,
    dataScope: 'unit',
    permissions: [
      p.case.read,
      p.party.read,
      p.party.manage,
      p.party.reveal,
      p.document.read,
      p.document.generate,
      p.metric.read,
      p.mediation.readRegistry,
      p.mediation.intake,
      p.mediation.handle,
      p.mediation.sweep,
    ],
    accountKind: 'staff',
  },
  {
    code: 'mediator',
    name: '人民调解员',
    description: '本人承办的纠纷',
    duty: null,
    dataScope: 'self',
    permissions: [
      p.case.read,
      p.party.read,
      p.party.manage,
      p.party.reveal,
      p.document.read,
      p.document.generate,
      p.mediation.handle,
    ],
    accountKind: 'staff',
  },
  {
    code: 'correctionsOfficer',
    name: '社区矫正工作人员',
    description: '本单位及下属司法所的社区矫正对象与调查评估（未成年人除外）',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: correctionsCasework,
    accountKind: 'staff',
  },
  {
    // 第五十二条: minors are handled by people who know them, and their identity is kept confidential.
    code: 'correctionsMinorsOfficer',
    name: '未成年人社区矫正专门人员',
    description: '社区矫正工作，并可查看、办理未成年社区矫正对象',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [...correctionsCasework, p.corrections.readMinors],
    accountKind: 'staff',
  },
  {
    // 第二十九条: electronic location monitoring is approved by the county bureau's head (the service also
    // checks that the holder's unit is a county bureau); given at a county bureau, with its casework.
    code: 'correctionsHead',
    name: '县级司法局社区矫正负责人',
    description: '社区矫正工作，并审批电子定位监管（第二十九条）',
    duty: null,
    dataScope: 'unitAndBelow',
    permissions: [...correctionsCasework, p.corrections.readMinors, p.corrections.approveMonitoring],
    accountKind: 'staff',
  },
  {
    code: 'lawyer',
    name: '律师',
    description: '本人承办的案件',
    duty: null,
    dataScope: 'self',
    permissions: [p.case.read, p.party.read, p.party.reveal, p.document.read, p.legalAid.handleCase],
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
