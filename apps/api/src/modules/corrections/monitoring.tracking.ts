import type { MonitoringCondition } from '@zhucheng/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { ordersActiveOn } from './monitoring.repo.ts';

// For the tracking module (issues 8/9): the Art. 29 electronic-monitoring orders in force. Not vessel tracking
// (vessels.tracking.ts: whole-term, on the local rules and the supervisee's consent). The location data of an
// order serves supervision only (第二十九条).

export interface TrackingMonitoringOrder {
  /** The order (its case id). */
  orderId: string;
  /** The supervisee's term (corrections.supervisee case id). */
  caseId: string;
  personId: string;
  /** The supervising office. */
  unitId: number;
  condition: MonitoringCondition;
  /** First and last day of the order (Beijing calendar days, both included; renewals already applied). */
  startsOn: string;
  endsOn: string;
}

const beijingDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Approved, not ended orders whose term covers the Beijing day of `at` (default now), soonest end first. */
export async function activeMonitoringOrders(
  executor: Executor,
  at: Date = new Date(),
): Promise<TrackingMonitoringOrder[]> {
  return ordersActiveOn(executor, beijingDay.format(at));
}
