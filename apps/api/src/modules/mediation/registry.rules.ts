import type { CommitteeKind, OrgUnitKind } from '@zhucheng/contracts';

// The rules of the mediation registry that need no database: where a committee may sit, the training
// window (第十四条: the county bureau trains mediators regularly), a studio's standing.

/**
 * Village, community and township committees sit under the justice office of their town; industry and
 * professional committees under a county or the city bureau. Why not, in Chinese; undefined when allowed.
 */
export function committeeParentProblem(kind: CommitteeKind, parentKind: OrgUnitKind): string | undefined {
  if (kind === 'industry') {
    return parentKind === 'countyBureau' || parentKind === 'cityBureau'
      ? undefined
      : '行业性专业性调委会应设在县（区）司法局或市司法局下';
  }
  return parentKind === 'justiceOffice'
    ? undefined
    : '村（居）、社区和乡镇（街道）调委会应设在所在乡镇（街道）的司法所下';
}

/** Months without training after which a mediator is listed as needing it (setting `mediation.trainingWindowMonths`). */
export const DEFAULT_TRAINING_WINDOW_MONTHS = 12;

/** The setting an administrator may change the window with (system_setting, a whole number of months). */
export const TRAINING_WINDOW_SETTING = 'mediation.trainingWindowMonths';

/** A usable window from the setting's stored value, else the default. */
export function trainingWindowMonths(stored: unknown): number {
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 && stored <= 60
    ? stored
    : DEFAULT_TRAINING_WINDOW_MONTHS;
}

/**
 * The day the window starts before `today`: a training held after it counts as recent. 2023-07-10 with 12
 * months → 2022-07-10 (a training on 2022-07-11 still counts); the end of a shorter month clamps (02-29 → 02-28).
 */
export function trainingWindowStart(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether a mediator needs training: active, and the last training (if any) is not after the window's start. */
export function needsTraining(
  status: 'active' | 'left',
  lastTrainedOn: string | null,
  windowStart: string,
): boolean {
  return status === 'active' && (lastTrainedOn === null || lastTrainedOn <= windowStart);
}

/** A studio still planned after its target date. */
export function studioOverdue(
  studio: { status: 'planned' | 'created'; targetDate: string | null },
  today: string,
): boolean {
  return studio.status === 'planned' && studio.targetDate !== null && studio.targetDate < today;
}
