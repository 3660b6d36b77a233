import { type OrgUnitKind, orgUnitKindLabels, orgUnitKinds } from '@zhucheng/contracts';

export { type OrgUnitKind, orgUnitKindLabels };

// The tree itself carries `kindLabel`; this list is for choosing the kind of a new unit.

export const orgUnitKindOptions = orgUnitKinds.map((value) => ({
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
