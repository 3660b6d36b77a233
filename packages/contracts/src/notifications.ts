import { z } from 'zod';

// The in-app notification centre (消息中心) of the console and the portal: the caller's own in-app
// messages from the outbox, with read state.

export const inboxMessageSchema = z.object({
  id: z.number().int(),
  /** `<area>.<name>`, e.g. `deadline.dueSoon`. */
  template: z.string(),
  body: z.string(),
  /** Where the message points (e.g. `{caseId}`), for the link. */
  payload: z.record(z.string(), z.unknown()),
  /** A console or portal path to open, when the message is about something that has a page. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const inboxSchema = z.object({
  items: z.array(inboxMessageSchema),
  total: z.number().int(),
  unread: z.number().int(),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** The answer to 全部标为已读: how many messages it marked. */
export const markAllReadResultSchema = z.object({ marked: z.number().int() });
export type MarkAllReadResult = z.infer<typeof markAllReadResultSchema>;

/** Chinese names of message kinds, for the filter and the icon. */
export const inboxTemplateLabels: Record<string, string> = {
  'deadline.dueSoon': '期限临近',
  'deadline.overdue': '已超期',
};
