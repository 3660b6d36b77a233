import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type NotificationChannel = 'sms' | 'inApp';
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * The outbox: a message is written in the same transaction as the change that causes it, and a job
 * delivers it afterwards. A rolled-back change therefore sends nothing, and a gateway outage delays
 * messages instead of failing the user's request.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    /**
     * SMS: the phone as the outbox's `protect` function stores it; in-app: the account, `staff:<id>` or
     * `citizen:<id>` (staff and citizen ids come from different tables, so the kind is part of the name).
     */
    recipient: text('recipient').notNull(),
    /** Masked for lists and logs (138****5678), so nobody needs to reveal the recipient to see it. */
    recipientHint: text('recipient_hint').notNull(),
    template: text('template').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** The rendered Chinese text as it is (or was) sent. */
    body: text('body').notNull(),
    status: text('status').$type<NotificationStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a sender may next claim it: due time while pending, lease expiry while sending. */
    nextAttemptAt: at('next_attempt_at').notNull(),
    sentAt: at('sent_at'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    /** Lets a caller enqueue "the same" message twice and have it sent once. */
    dedupeKey: text('dedupe_key').unique('notification_outbox_dedupe_key_unique'),
    /** In-app: when the recipient read it in the notification centre (消息中心); null while unread. */
    readAt: at('read_at'),
  },
  (t) => [
    index('notification_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('notification_outbox_template_idx').on(t.template, t.createdAt),
    // The notification centre: one account's in-app messages, newest first.
    index('notification_outbox_inbox_idx')
      .on(t.recipient, t.createdAt.desc())
      .where(sql`${t.channel} = 'inApp'`),
    check('notification_outbox_channel_check', sql`${t.channel} in ('sms', 'inApp')`),
    check('notification_outbox_status_check', sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
  ],
);

export type NotificationRow = typeof notificationOutbox.$inferSelect;
