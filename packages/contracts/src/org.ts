// Kinds of organisation unit, in code and on screen: shared by the api and the web. The tree holds the
// justice system's own units and the outside bodies it supervises or works with (law firms, notaries, departments).

export const orgUnitKinds = [
  'cityBureau',
  'countyBureau',
  'justiceOffice',
  'legalAidCentre',
  'serviceCentre',
  'serviceStation',
  'mediationCommittee',
  'lawFirm',
  'notaryOffice',
  'arbitration',
  'department',
] as const;

export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitKindLabels: Record<OrgUnitKind, string> = {
  cityBureau: '市司法局',
  countyBureau: '县（区）司法局',
  justiceOffice: '司法所',
  legalAidCentre: '法律援助中心',
  serviceCentre: '公共法律服务中心',
  serviceStation: '公共法律服务站',
  mediationCommittee: '人民调解委员会',
  lawFirm: '律师事务所',
  notaryOffice: '公证处',
  arbitration: '仲裁委员会',
  department: '其他政府部门',
};

export const orgUnitStatuses = ['active', 'disabled'] as const;
export type OrgUnitStatus = (typeof orgUnitStatuses)[number];

export const orgUnitStatusLabels: Record<OrgUnitStatus, string> = {
  active: '在用',
  disabled: '已停用',
};
