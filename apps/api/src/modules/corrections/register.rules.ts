import { ageOn, type Gender, MINOR_BELOW_AGE, type SuperviseeFlag } from '@zhucheng/contracts';
import { daysBetween } from '../../platform/calendar/iso-date.ts';
import { maskIdNumber, maskName } from '../../platform/crypto/personal-data.ts';

// Pure rules of the register and intake: who counts as a minor, how names and ID numbers show in lists,
// the days left of a term, and the supervision team's composition (社区矫正法第二十五条).

/** Under 18 on `day` (第五十二条 applies to 未成年社区矫正对象). */
export function isMinorOn(birthDate: string | null, day: string): boolean {
  return birthDate !== null && ageOn(birthDate, day) < MINOR_BELOW_AGE;
}

/** The flags as stored: what the officer set, with `minor` added when the birth date says so. */
export function effectiveFlags(
  requested: readonly SuperviseeFlag[],
  birthDate: string | null,
  day: string,
): SuperviseeFlag[] {
  const flags = new Set(requested);
  if (isMinorOn(birthDate, day)) flags.add('minor');
  return (['minor', 'maritime'] as const).filter((f) => flags.has(f));
}

/** 张三 for an adult; 张某 for a minor, whose identity is kept confidential (第五十八条). */
export function listName(name: string, minor: boolean): string {
  if (!minor) return name;
  const surname = maskName(name).replace(/\*+$/u, '');
  return `${surname || '*'}某`;
}

/** 450502********1234 for an adult; nothing of a minor's number shows. */
export function listIdNumber(idNumber: string | null, minor: boolean): string | null {
  if (!idNumber) return null;
  return minor ? '*'.repeat([...idNumber].length) : maskIdNumber(idNumber);
}

/** Calendar days from `today` to the last day of the term; 0 once it has ended. */
export function daysRemaining(periodEnd: string, today: string): number {
  return Math.max(0, daysBetween(today, periodEnd));
}

/**
 * Why a supervision team may not be saved, or null. 第二十五条: 社区矫正对象为女性的，矫正小组中应有女性成员.
 */
export function teamProblem(
  superviseeGender: Gender | null,
  members: readonly { gender: Gender; leader: boolean }[],
): string | null {
  if (superviseeGender === 'female' && !members.some((m) => m.gender === 'female')) {
    return '社区矫正对象为女性，矫正小组中应当有女性成员（《社区矫正法》第二十五条）';
  }
  if (members.filter((m) => m.leader).length > 1) return '矫正小组只能有一名组长';
  return null;
}
