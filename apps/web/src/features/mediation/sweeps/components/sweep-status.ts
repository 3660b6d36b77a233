import type { SweepStatus } from '@zhucheng/contracts';

/** The tag colour of a sweep's status. */
export const sweepStatusColour: Record<SweepStatus, string | undefined> = {
  planned: 'blue',
  held: 'green',
  cancelled: undefined,
};
