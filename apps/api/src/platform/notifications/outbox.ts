import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { maskPhone } from '../crypto/personal-data.ts';
import type { Database, Executor } from '../db/database.ts';
import {
  type NotificationChannel,
  type NotificationRow,
  type NotificationStatus,
  notificationOutbox,
} from './notifications.schema.ts';
import type { SmsTransport } from './sms-transport.ts';

export interface OutgoingNotification {
  channel: NotificationChannel;
  /** SMS: the phone number in clear (the outbox protects it); in-app: `inboxRecipient(kind, id)`. */
  recipient: string;
  /** `<area>.<name>`, e.g. `auth.otp`. */
  template: string;
  /** The Chinese text to send, rendered by the caller. */
  body: string;
  payload?: Record<string, unknown>;
  /** Enqueueing twice with one key sends once. */
  dedupeKey?: string;
}

export interface NotificationTransports {
  sms: SmsTransport;
}

export interface OutboxOptions {
  clock: Clock;
  /** Turns a phone into what the table stores (encryption from platform/crypto); identity by default. */
  protect?: (plain: string) => string | Promise<string>;
  /** The inverse of `protect`. */
  reveal?: (stored: string) => string | Promise<string>;
  /** Attempts before a message is given up as failed. */
  maxAttempts?: number;
  /** Wait after the first failure; doubled after each further one (30 s, 1 min, 2 min, 4 min…). */
  retryDelaySeconds?: number;
  /** A claimed message whose sender vanished (crash, restart) is claimed again after this. */
  leaseSeconds?: number;
  batchSize?: number;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface OutboxMessage {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  recipientHint: string;
  template: string;
  body: string;
  payload: Record<string, unknown>;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface NotificationOutbox {
  /** Writes a message in the caller's transaction; it is sent after that transaction commits. */
  enqueue(executor: Executor, message: OutgoingNotification): Promise<{ id: number; duplicate: boolean }>;
  /** The `SmsSender` port of identity and access: one SMS through the outbox. */
  sendSms(executor: Executor, phone: string, body: string, template: string): Promise<void>;
  /** Claims the due SMS messages, sends each, and records the outcome; safe to run in parallel. */
  sendPending(db: Database, transports: NotificationTransports): Promise<SendReport>;
  /** The newest messages, recipient revealed: for the test-only route and operators. */
  latest(
    executor: Executor,
    filter: { recipient?: string; template?: string; limit?: number },
  ): Promise<OutboxMessage[]>;
}

const identity = (value: string) => value;

function recipientHint(channel: NotificationChannel, recipient: string): string {
  return channel === 'sms' ? maskPhone(recipient) : recipient;
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

/**
 * The notification outbox. A message is claimed (status `sending`, attempts + 1, a lease) in a short
 * transaction with FOR UPDATE SKIP LOCKED, sent outside any transaction (a slow gateway must not hold
 * the database), then marked `sent` only if it is still the same claim. So two senders never send one
 * message; a sender that dies mid-send leaves the message to be retried once its lease ends, which can
 * repeat that one message (at-least-once for crashes only).
 */
export function createNotificationOutbox(options: OutboxOptions): NotificationOutbox {
  const { clock } = options;
  const protect = options.protect ?? identity;
  const reveal = options.reveal ?? identity;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = (options.retryDelaySeconds ?? 30) * 1000;
  const leaseMs = (options.leaseSeconds ?? 300) * 1000;
  const batchSize = options.batchSize ?? 50;

  const enqueue: NotificationOutbox['enqueue'] = async (executor, message) => {
    if (!message.recipient.trim()) throw new Error('notification without a recipient');
    const now = clock.now();
    // In-app messages are only stored: showing them is the inbox's job, so they count as sent.
    const stored = message.channel === 'inApp';
    const rows = await executor
      .insert(notificationOutbox)
      .values({
        channel: message.channel,
        recipient: message.channel === 'sms' ? await protect(message.recipient) : message.recipient,
        recipientHint: recipientHint(message.channel, message.recipient),
        template: message.template,
        payload: message.payload ?? {},
        body: message.body,
        status: stored ? 'sent' : 'pending',
        nextAttemptAt: now,
        sentAt: stored ? now : null,
        createdAt: now,
        dedupeKey: message.dedupeKey ?? null,
      })
      .onConflictDoNothing({ target: notificationOutbox.dedupeKey })
      .returning({ id: notificationOutbox.id });
    if (rows[0]) return { id: rows[0].id, duplicate: false };
    const [existing] = await executor
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.dedupeKey, message.dedupeKey ?? ''));
    if (!existing) throw new Error('notification neither inserted nor found by its dedupe key');
    return { id: existing.id, duplicate: true };
  };

  async function claim(db: Database): Promise<NotificationRow[]> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      // A claim that outlived its lease with no attempts left is not tried again.
      await tx
        .update(notificationOutbox)
        .set({ status: 'failed', lastError: '发送过程中断，且已达到最多尝试次数' })
        .where(
          and(
            eq(notificationOutbox.status, 'sending'),
            lte(notificationOutbox.nextAttemptAt, now),
            gte(notificationOutbox.attempts, maxAttempts),
          ),
        );
      const due = await tx
        .select()
        .from(notificationOutbox)
        .where(
          and(
            eq(notificationOutbox.channel, 'sms'),
            inArray(notificationOutbox.status, ['pending', 'sending']),
            lte(notificationOutbox.nextAttemptAt, now),
            lt(notificationOutbox.attempts, maxAttempts),
          ),
        )
        .orderBy(asc(notificationOutbox.nextAttemptAt), asc(notificationOutbox.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      const claimed = await tx
        .update(notificationOutbox)
        .set({
          status: 'sending',
          attempts: sql`${notificationOutbox.attempts} + 1`,
          nextAttemptAt: new Date(now.getTime() + leaseMs),
        })
        .where(
          inArray(
            notificationOutbox.id,
            due.map((row) => row.id),
          ),
        )
        .returning();
      return claimed.sort((a, b) => a.id - b.id);
    });
  }

  /** Records the outcome only while the claim is still ours (same attempt, still sending). */
  const ourClaim = (row: NotificationRow): SQL | undefined =>
    and(
      eq(notificationOutbox.id, row.id),
      eq(notificationOutbox.status, 'sending'),
      eq(notificationOutbox.attempts, row.attempts),
    );

  const sendPending: NotificationOutbox['sendPending'] = async (db, transports) => {
    const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const batch = await claim(db);
      for (const row of batch) {
        try {
          await transports.sms.send({ phone: await reveal(row.recipient), text: row.body });
          await db
            .update(notificationOutbox)
            .set({ status: 'sent', sentAt: clock.now(), lastError: null })
            .where(ourClaim(row));
          report.sent++;
        } catch (err) {
          const giveUp = row.attempts >= maxAttempts;
          const retryAt = new Date(clock.now().getTime() + retryDelayMs * 2 ** (row.attempts - 1));
          await db
            .update(notificationOutbox)
            .set({
              status: giveUp ? 'failed' : 'pending',
              nextAttemptAt: giveUp ? clock.now() : retryAt,
              lastError: errorText(err),
            })
            .where(ourClaim(row));
          if (giveUp) report.failed++;
          else report.retrying++;
        }
      }
      if (batch.length < batchSize) return report;
    }
  };

  const latest: NotificationOutbox['latest'] = async (executor, filter) => {
    const limit = Math.min(Math.max(filter.limit ?? 10, 1), 100);
    // Recipients may be stored encrypted, so the recipient filter runs after revealing a recent window.
    const rows = await executor
      .select()
      .from(notificationOutbox)
      .where(filter.template ? eq(notificationOutbox.template, filter.template) : undefined)
      .orderBy(desc(notificationOutbox.id))
      .limit(filter.recipient ? 500 : limit);
    const messages: OutboxMessage[] = [];
    for (const row of rows) {
      const recipient = row.channel === 'sms' ? await reveal(row.recipient) : row.recipient;
      if (filter.recipient && recipient !== filter.recipient) continue;
      messages.push({
        id: row.id,
        channel: row.channel,
        recipient,
        recipientHint: row.recipientHint,
        template: row.template,
        body: row.body,
        payload: row.payload,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      });
      if (messages.length >= limit) break;
    }
    return messages;
  };

  return {
    enqueue,
    sendSms: async (executor, phone, body, template) => {
      await enqueue(executor, { channel: 'sms', recipient: phone, template, body });
    },
    sendPending,
    latest,
  };
}
