// Read-only mirror of apps/api/src/platform/org/org.kinds.ts (the web cannot import the api). The tree
// itself carries `kindLabel`; this list is for choosing the kind of a new unit.

export const orgUnitKindLabels = {
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
} as const;

export type OrgUnitKind = keyof typeof orgUnitKindLabels;

export const orgUnitKindOptions = (Object.keys(orgUnitKindLabels) as OrgUnitKind[]).map((value) => ({
  value,
  label: orgUnitKindLabels[value],
}));

/** Tag colours: the justice bureaus' own units in blue shades, outside bodies neutral. */
export function kindColor(kind: string): string {
  switch (kind) {
    case 'cityBureau':
    case 'countyBureau':
      return 'blue';
    case 'justiceOffice':
      return 'cyan';
    case 'legalAidCentre':
    case 'serviceCentre':
    case 'serviceStation':
      return 'geekblue';
    default:
      return 'default';
  }
}
