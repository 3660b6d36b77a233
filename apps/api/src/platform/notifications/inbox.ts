import type { Inbox, InboxMessage } from '@zhucheng/contracts';
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Principal, RequestContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { type NotificationRow, notificationOutbox } from './notifications.schema.ts';

// The notification centre (消息中心): a signed-in account's own in-app messages from the outbox, with read
// state. Reading one's own messages writes no audit row: they are addressed to the caller and hold no
// third-party personal data beyond what the caller's own work shows them. Marking read is not audited
// either: it changes no business data, only the caller's own reading state.

export type InboxAccountKind = Principal['kind'];

/** The outbox `recipient` of an in-app message to this account: `staff:<id>` or `citizen:<id>`. */
export function inboxRecipient(kind: InboxAccountKind, id: string): string {
  return `${kind}:${id}`;
}

export interface InboxQuery {
  unread: boolean;
  page: number;
  pageSize: number;
}

export interface InboxServiceDeps {
  db: Database;
  clock: Clock;
}

const payloadString = (payload: Record<string, unknown>, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' && value.trim() ? value : null;
};

/**
 * Where a message points. Staff: the console path the sender named, or a case's page. Citizens: only a portal path the sender
 * named (a case id alone does not make a portal page).
 */
export function messageLink(kind: InboxAccountKind, payload: Record<string, unknown>): string | null {
  if (kind === 'citizen') {
    const path = payloadString(payload, 'portalPath');
    return path?.startsWith('/portal/') ? path : null;
  }
  const consolePath = payloadString(payload, 'consolePath');
  if (consolePath?.startsWith('/') && !consolePath.startsWith('//')) return consolePath;
  const caseId = payloadString(payload, 'caseId');
  return caseId ? `/cases/${encodeURIComponent(caseId)}` : null;
}

function toMessage(kind: InboxAccountKind, row: NotificationRow): InboxMessage {
  return {
    id: row.id,
    template: row.template,
    body: row.body,
    payload: row.payload,
    link: messageLink(kind, row.payload),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function requireAccount(ctx: RequestContext): Principal {
  if (!ctx.principal) throw AppError.unauthenticated();
  return ctx.principal;
}

export class InboxService {
  readonly #d: InboxServiceDeps;

  constructor(deps: InboxServiceDeps) {
    this.#d = deps;
  }

  /** The caller's messages, newest first, with the total of the filter and the unread count. */
  async list(ctx: RequestContext, query: InboxQuery): Promise<Inbox> {
    const principal = requireAccount(ctx);
    const mine = ownMessages(principal);
    const filter = query.unread ? and(mine, isNull(notificationOutbox.readAt)) : mine;
    const { db } = this.#d;
    const rows = await db
      .select()
      .from(notificationOutbox)
      .where(filter)
      .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const total = await countWhere(db, filter);
    const unread = query.unread ? total : await countWhere(db, and(mine, isNull(notificationOutbox.readAt)));
    return { items: rows.map((row) => toMessage(principal.kind, row)), total, unread };
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const principal = requireAccount(ctx);
    return countWhere(this.#d.db, and(ownMessages(principal), isNull(notificationOutbox.readAt)));
  }

  /** Marks one of the caller's messages read (again: a no-op); another account's message is not found. */
  async markRead(ctx: RequestContext, id: number): Promise<InboxMessage> {
    const principal = requireAccount(ctx);
    const { db, clock } = this.#d;
    const mine = and(ownMessages(principal), eq(notificationOutbox.id, id));
    const [updated] = await db
      .update(notificationOutbox)
      .set({ readAt: clock.now() })
      .where(and(mine, isNull(notificationOutbox.readAt)))
      .returning();
    if (updated) return toMessage(principal.kind, updated);
    const [existing] = await db.select().from(notificationOutbox).where(mine);
    if (!existing) throw AppError.notFound('消息');
    return toMessage(principal.kind, existing);
  }

  /** Marks every unread message of the caller read; answers how many it marked. */
  async markAllRead(ctx: RequestContext): Promise<number> {
    const principal = requireAccount(ctx);
    const marked = await this.#d.db
      .update(notificationOutbox)
      .set({ readAt: this.#d.clock.now() })
      .where(and(ownMessages(principal), isNull(notificationOutbox.readAt)))
      .returning({ id: notificationOutbox.id });
    return marked.length;
  }
}

function ownMessages(principal: Principal): SQL | undefined {
  return and(
    eq(notificationOutbox.channel, 'inApp'),
    eq(notificationOutbox.recipient, inboxRecipient(principal.kind, principal.id)),
  );
}

async function countWhere(executor: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(notificationOutbox).where(where);
  return row?.n ?? 0;
}
