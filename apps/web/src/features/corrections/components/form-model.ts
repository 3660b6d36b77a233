import type {
  AnnouncementInput,
  ClassificationFactor,
  Gender,
  IdType,
  InvestigationRequesterKind,
  InvestigationRequestInput,
  PersonInput,
  PlanInput,
  SentenceKind,
  SuperviseeFlag,
  SuperviseeRegisterInput,
  SuperviseeUpdateInput,
  SuperviseeView,
  SupervisionLevel,
  TeamInput,
  TeamMemberRole,
} from '@zhucheng/contracts';
import dayjs, { type Dayjs } from 'dayjs';

// 社区矫正 forms: what the antd forms hold (dates as dayjs, lists as rows) and the request each one sends.
// Pure, so the mapping is tested without a browser.

const day = (d: Dayjs | null | undefined): string => (d ? d.format('YYYY-MM-DD') : '');
const optionalDay = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
const text = (v: string | null | undefined): string => v?.trim() ?? '';
const optionalText = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);
/** List rows the user added and left blank are dropped, not sent as empty entries. */
const filled = (rows: readonly (string | null | undefined)[] | undefined): string[] =>
  (rows ?? []).map((r) => r?.trim() ?? '').filter((r) => r !== '');

/** The person's identity as the corrections forms enter it. */
export interface IdentityValues {
  name?: string;
  idType?: IdType | null;
  idNumber?: string | null;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  address?: string | null;
}

export function toPerson(values: IdentityValues, phone?: string | null): PersonInput {
  const idNumber = optionalText(values.idNumber);
  return {
    name: text(values.name),
    idType: idNumber ? (values.idType ?? 'residentIdCard') : null,
    idNumber,
    phone: optionalText(phone),
    address: optionalText(values.address),
    gender: values.gender ?? null,
    birthDate: optionalDay(values.birthDate),
    ethnicity: null,
    tags: [],
  };
}

/** 入矫登记. */
export interface RegisterValues extends IdentityValues {
  phone?: string;
  supervisingOfficeId?: number;
  sentenceKind?: SentenceKind;
  offence?: string;
  courtName?: string;
  judgmentNo?: string;
  judgmentEffectiveOn?: Dayjs | null;
  noticeNo?: string | null;
  noticeReceivedOn?: Dayjs | null;
  period?: [Dayjs | null, Dayjs | null] | null;
  prohibitionOrders?: (string | null | undefined)[];
  flags?: SuperviseeFlag[];
  photoFileId?: string | null;
}

export function toRegisterInput(values: RegisterValues): SuperviseeRegisterInput {
  const phone = text(values.phone).replace(/\s+/g, '');
  return {
    person: toPerson(values, phone),
    // 0 is no unit: the API answers 请选择执行地司法所 under the field.
    supervisingOfficeId: values.supervisingOfficeId ?? 0,
    sentenceKind: values.sentenceKind as SentenceKind,
    offence: text(values.offence),
    courtName: text(values.courtName),
    judgmentNo: text(values.judgmentNo),
    judgmentEffectiveOn: day(values.judgmentEffectiveOn),
    noticeNo: optionalText(values.noticeNo),
    noticeReceivedOn: optionalDay(values.noticeReceivedOn),
    periodStart: day(values.period?.[0]),
    periodEnd: day(values.period?.[1]),
    prohibitionOrders: filled(values.prohibitionOrders),
    flags: values.flags ?? [],
    photoFileId: values.photoFileId ?? null,
    phone,
  };
}

/**
 * The form field an API error path belongs to: the identity sits flat in the form (`person.idNumber` →
 * `idNumber`) and the term is one range picker (`periodStart`, `periodEnd` → `period`).
 */
export function formFieldOf(path: string): string[] {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'person' && parts.length > 1) {
    return parts[1] === 'phone' ? ['phone'] : parts.slice(1);
  }
  if (parts[0] === 'periodStart' || parts[0] === 'periodEnd') return ['period'];
  if (parts[0] === 'prohibitionOrders') return parts;
  return parts;
}

/** 修改台账信息: the register fields an officer corrects (identity changes through 当事人). */
export interface UpdateValues {
  offence?: string;
  courtName?: string;
  judgmentNo?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  prohibitionOrders?: (string | null | undefined)[];
  flags?: SuperviseeFlag[];
  /** Left empty: the phone stays as it is (only its mask is shown). */
  phone?: string | null;
  photoFileId?: string | null;
}

export function updateValuesOf(s: SuperviseeView): UpdateValues {
  return {
    offence: s.offence,
    courtName: s.courtName,
    judgmentNo: s.judgmentNo,
    period: [dayjs(s.periodStart), dayjs(s.periodEnd)],
    prohibitionOrders: s.prohibitionOrders.length > 0 ? s.prohibitionOrders : [],
    flags: s.flags,
    phone: '',
    photoFileId: s.photoFileId,
  };
}

export function toUpdateInput(values: UpdateValues, version: number): SuperviseeUpdateInput {
  const phone = text(values.phone).replace(/\s+/g, '');
  return {
    version,
    offence: text(values.offence),
    courtName: text(values.courtName),
    judgmentNo: text(values.judgmentNo),
    periodStart: day(values.period?.[0]),
    periodEnd: day(values.period?.[1]),
    prohibitionOrders: filled(values.prohibitionOrders),
    flags: values.flags ?? [],
    ...(values.photoFileId !== undefined ? { photoFileId: values.photoFileId } : {}),
    ...(phone ? { phone } : {}),
  };
}

/** 矫正小组. */
export interface TeamMemberValues {
  name?: string;
  role?: TeamMemberRole;
  gender?: Gender;
  affiliation?: string | null;
  leader?: boolean;
}

export function toTeamInput(members: readonly TeamMemberValues[] | undefined, version: number): TeamInput {
  return {
    version,
    members: (members ?? []).map((m) => ({
      name: text(m.name),
      role: m.role as TeamMemberRole,
      gender: m.gender as Gender,
      affiliation: optionalText(m.affiliation),
      leader: m.leader ?? false,
    })),
  };
}

/** Why the team cannot be saved as it stands, before asking the server (which checks the same). */
export function teamFormProblem(
  superviseeGender: Gender | null,
  members: readonly TeamMemberValues[] | undefined,
): string | null {
  const list = members ?? [];
  if (list.length < 2) return '矫正小组至少应有 2 名成员';
  if (list.filter((m) => m.leader).length > 1) return '矫正小组只能有一名组长';
  if (superviseeGender === 'female' && !list.some((m) => m.gender === 'female')) {
    return '社区矫正对象为女性，矫正小组中应当有女性成员（《社区矫正法》第二十五条）';
  }
  return null;
}

/** 分类管理. */
export interface ClassifyValues {
  level?: SupervisionLevel;
  factors?: ClassificationFactor[];
  reasons?: string;
  decidedOn?: Dayjs | null;
}

export function toClassifyInput(values: ClassifyValues, version: number) {
  return {
    version,
    level: values.level as SupervisionLevel,
    factors: values.factors ?? [],
    reasons: text(values.reasons),
    decidedOn: day(values.decidedOn),
  };
}

/** 矫正方案. */
export interface PlanValues {
  content?: string;
  educationHoursMonthly?: number | null;
  publicServiceHoursMonthly?: number | null;
  setOn?: Dayjs | null;
}

export function toPlanInput(values: PlanValues, version: number): PlanInput {
  return {
    version,
    content: text(values.content),
    educationHoursMonthly: values.educationHoursMonthly ?? 0,
    publicServiceHoursMonthly: values.publicServiceHoursMonthly ?? 0,
    setOn: day(values.setOn),
  };
}

/** 入矫宣告. */
export interface AnnouncementValues {
  announcedOn?: Dayjs | null;
  place?: string;
  host?: string;
  attendees?: { name?: string; role?: string }[];
  note?: string | null;
}

export function toAnnouncementInput(values: AnnouncementValues, version: number): AnnouncementInput {
  return {
    version,
    announcedOn: day(values.announcedOn),
    place: text(values.place),
    host: text(values.host),
    attendees: (values.attendees ?? [])
      .map((a) => ({ name: text(a.name), role: text(a.role) }))
      .filter((a) => a.name !== '' || a.role !== ''),
    note: optionalText(values.note),
  };
}

/** 登记调查评估委托. */
export interface InvestigationValues extends IdentityValues {
  unitId?: number;
  requesterKind?: InvestigationRequesterKind;
  requesterName?: string;
  letterNo?: string;
  receivedOn?: Dayjs | null;
  fastTrack?: boolean;
  phone?: string | null;
  offence?: string;
  proposedSentenceKind?: SentenceKind | null;
  note?: string | null;
}

export function toInvestigationInput(values: InvestigationValues): InvestigationRequestInput {
  return {
    unitId: values.unitId ?? 0,
    requesterKind: values.requesterKind as InvestigationRequesterKind,
    requesterName: text(values.requesterName),
    letterNo: text(values.letterNo),
    receivedOn: day(values.receivedOn),
    fastTrack: values.fastTrack ?? false,
    person: toPerson(values, values.phone),
    offence: text(values.offence),
    proposedSentenceKind: values.proposedSentenceKind ?? null,
    note: optionalText(values.note),
  };
}
