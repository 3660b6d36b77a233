import type { Database } from '../db/database.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import type { NotificationOutbox, NotificationTransports } from './outbox.ts';

export const NOTIFICATIONS_SEND_JOB = 'notifications.send';

/**
 * Sends what the outbox holds: every minute, and at once when a caller asks (triggerNotificationSend).
 * The job itself is not retried by the queue: the outbox keeps its own attempts and backoff per message.
 */
export function notificationsSendJob(
  outbox: NotificationOutbox,
  db: Database,
  transports: NotificationTransports,
): JobDefinition<Record<string, never>> {
  return {
    name: NOTIFICATIONS_SEND_JOB,
    cron: '* * * * *',
    retryLimit: 0,
    expireInSeconds: 5 * 60,
    async run() {
      await outbox.sendPending(db, transports);
    },
  };
}

/**
 * Asks for a send now, after the caller's transaction committed (a one-time code should not wait for the
 * next minute). Without a running queue (tests, JOBS_ENABLED=false) it does nothing: the next run of the
 * job, on whichever instance runs jobs, sends the message.
 */
export async function triggerNotificationSend(jobs: {
  readonly started: boolean;
  send(name: string, data: object): Promise<string>;
}): Promise<void> {
  if (!jobs.started) return;
  try {
    await jobs.send(NOTIFICATIONS_SEND_JOB, {});
  } catch {
    // The minute job sends it anyway; a failed nudge must not fail the user's request.
  }
}
