import {
  birthDateOfIdNumber,
  derivedPersonTags,
  documentNumberProblem,
  type Gender,
  genderOfIdNumber,
  type IdType,
  normalizeIdNumber,
  type PersonTag,
} from '@zhucheng/contracts';

export interface IdNumberHint {
  /** Why the number cannot be accepted (Chinese), or null. */
  problem: string | null;
  /** Still being typed: too short to judge, so no red message yet. */
  incomplete: boolean;
  gender: Gender | null;
  birthDate: string | null;
  /** 未成年人 / 老年人 on `today`. */
  derivedTags: PersonTag[];
}

/**
 * What the ID field shows while the user types: for a resident ID card the check-digit verdict and the
 * gender and birth date it encodes (same rules as the API, from contracts); other documents have no
 * check digit.
 */
export function idNumberHint(
  idType: IdType | null | undefined,
  value: string | null | undefined,
  today: string,
): IdNumberHint {
  const number = normalizeIdNumber(value ?? '');
  const none = { problem: null, incomplete: true, gender: null, birthDate: null, derivedTags: [] };
  if (!idType || number === '') return none;
  if (idType === 'residentIdCard' && number.length < 18 && /^\d*$/.test(number) && number.length !== 15) {
    return none;
  }
  const problem = documentNumberProblem(idType, number, { today });
  if (problem || idType !== 'residentIdCard') return { ...none, problem, incomplete: false };
  const birthDate = birthDateOfIdNumber(number);
  return {
    problem: null,
    incomplete: false,
    gender: genderOfIdNumber(number),
    birthDate,
    derivedTags: derivedPersonTags(birthDate, today),
  };
}
