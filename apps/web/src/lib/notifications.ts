// The notification centre (消息中心) for both shells: the caller's own in-app messages, the unread count
// for the console's bell and the portal's 消息 entry, and marking read.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type InboxMessage,
  inboxMessageSchema,
  inboxSchema,
  inboxTemplateLabels,
  markAllReadResultSchema,
  unreadCountSchema,
} from '@zhucheng/contracts';
import { apiGet, apiSend, queryString } from './api.ts';

export const notificationsKey = ['notifications'] as const;

/** How often the unread count is asked for while the page is open (and again on window focus). */
export const UNREAD_POLL_MS = 60_000;

// Every signed-in request counts as activity for the session's idle timeout (30 minutes by policy). A
// poll that ran regardless would keep a console left open on an unattended desk signed in for ever, so
// the minute poll asks the server only when someone used the page since the previous poll; otherwise it
// keeps the count it has. Window focus is activity, so coming back refreshes the count at once.
let lastActivity = Date.now();
if (typeof window !== 'undefined') {
  const active = () => {
    lastActivity = Date.now();
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focus'] as const) {
    window.addEventListener(type, active, { capture: true, passive: true });
  }
}
const unreadKey = [...notificationsKey, 'unread'] as const;

/** The unread count, polled every minute and on window focus; `enabled` false while nobody is signed in. */
export function useUnreadCount(enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) => {
      const known = queryClient.getQueryData<{ unread: number }>(unreadKey);
      if (known && Date.now() - lastActivity > UNREAD_POLL_MS) return known;
      return apiGet('/api/notifications/unread-count', unreadCountSchema, { signal });
    },
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    select: (data) => data.unread,
  });
}

export interface InboxFilter {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

/** One page of the caller's messages, newest first. */
export function useInbox(filter: InboxFilter = {}, enabled = true) {
  const { unread = false, page = 1, pageSize = 20 } = filter;
  return useQuery({
    queryKey: [...notificationsKey, 'list', { unread, page, pageSize }],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/notifications${queryString({ unread: unread ? 'true' : undefined, page, pageSize })}`,
        inboxSchema,
        { signal },
      ),
    enabled,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiSend('POST', `/api/notifications/${id}/read`, undefined, inboxMessageSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/notifications/read-all', undefined, markAllReadResultSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export type { InboxMessage };

/** Chinese name of a message kind (期限临近, 已超期…); 通知 for kinds without one. */
export function messageKindLabel(template: string): string {
  return inboxTemplateLabels[template] ?? '通知';
}
