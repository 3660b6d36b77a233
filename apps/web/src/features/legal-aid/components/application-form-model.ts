import type {
  LegalAidDisputeKind,
  LegalAidDraftData,
  LegalAidExemption,
  LegalAidHardshipProof,
  LegalAidMatterType,
} from '@zhucheng/contracts';

// The portal's application form and the draft the server keeps: the same nested shape, plus 经济状况's
// one choice (免予审查 / 告知承诺 / 上传证明), which the draft stores as `exemption` or `proof`.

export type HardshipWay = 'exemption' | 'pledge' | 'documents';

export interface ApplicationFormValues {
  applicant?: {
    name?: string;
    idNumber?: string | null;
    phone?: string | null;
    address?: string | null;
  };
  matter?: {
    matterType?: LegalAidMatterType;
    disputeKind?: LegalAidDisputeKind;
    opposingParty?: string | null;
    placeUnitId?: number;
    facts?: string;
    request?: string;
    amountClaimed?: number | null;
  };
  hardshipWay?: HardshipWay;
  hardship?: {
    exemption?: LegalAidExemption | null;
    pledgeSigned?: boolean;
    householdSize?: number | null;
    householdMonthlyIncome?: number | null;
    householdAssets?: number | null;
  };
  urgent?: boolean;
  urgentReason?: string | null;
}

export function wayOf(data: LegalAidDraftData): HardshipWay | undefined {
  const h = data.hardship;
  if (h?.exemption) return 'exemption';
  if (h?.proof === 'pledge') return 'pledge';
  if (h?.proof === 'documents') return 'documents';
  return undefined;
}

export function formValuesOf(data: LegalAidDraftData): ApplicationFormValues {
  const a = data.applicant ?? {};
  const m = data.matter ?? {};
  const h = data.hardship ?? {};
  return {
    applicant: {
      name: a.name ?? undefined,
      idNumber: a.idNumber ?? null,
      phone: a.phone ?? null,
      address: a.address ?? null,
    },
    matter: {
      matterType: m.matterType,
      disputeKind: m.disputeKind,
      opposingParty: m.opposingParty ?? null,
      placeUnitId: m.placeUnitId,
      facts: m.facts,
      request: m.request,
      amountClaimed: m.amountClaimed ?? null,
    },
    hardshipWay: wayOf(data),
    hardship: {
      exemption: h.exemption ?? null,
      pledgeSigned: h.pledgeSigned ?? false,
      householdSize: h.householdSize ?? null,
      householdMonthlyIncome: h.householdMonthlyIncome ?? null,
      householdAssets: h.householdAssets ?? null,
    },
    urgent: data.urgent ?? false,
    urgentReason: data.urgentReason ?? null,
  };
}

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** What the draft keeps from the form (everything typed so far, nothing checked yet). */
export function draftDataOf(
  values: ApplicationFormValues,
  fileIds: string[],
  step: number,
): LegalAidDraftData {
  const a = values.applicant ?? {};
  const m = values.matter ?? {};
  const h = values.hardship ?? {};
  const way = values.hardshipWay;
  const idNumber = text(a.idNumber);
  return {
    applicant: {
      name: a.name?.trim() ?? '',
      idType: idNumber ? 'residentIdCard' : null,
      idNumber,
      phone: text(a.phone),
      address: text(a.address),
    },
    matter: {
      ...(m.matterType ? { matterType: m.matterType } : {}),
      ...(m.disputeKind ? { disputeKind: m.disputeKind } : {}),
      opposingParty: text(m.opposingParty),
      ...(m.placeUnitId ? { placeUnitId: m.placeUnitId } : {}),
      ...(m.facts !== undefined ? { facts: m.facts } : {}),
      ...(m.request !== undefined ? { request: m.request } : {}),
      amountClaimed: m.amountClaimed ?? null,
    },
    hardship: {
      exemption: way === 'exemption' ? (h.exemption ?? null) : null,
      proof:
        way === 'pledge' ? 'pledge' : way === 'documents' ? ('documents' as LegalAidHardshipProof) : null,
      pledgeSigned: way === 'pledge' ? h.pledgeSigned === true : false,
      householdSize: h.householdSize ?? null,
      householdMonthlyIncome: h.householdMonthlyIncome ?? null,
      householdAssets: h.householdAssets ?? null,
    },
    fileIds,
    urgent: values.urgent === true,
    urgentReason: values.urgent ? text(values.urgentReason) : null,
    step,
  };
}
