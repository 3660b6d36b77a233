import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const NotificationsPage = lazy(() => import('./pages/notifications-page.tsx'));
const PortalMessagesPage = lazy(() => import('./pages/portal-messages-page.tsx'));

// 消息中心: every signed-in account's own in-app messages (deadline reminders, case notices). The console
// reaches it through the header's bell, the portal through 我的 → 我的消息; so no side-menu entry.
export const notificationsFeature: Feature = {
  id: 'notifications',
  consoleRoutes: [
    {
      path: '/notifications',
      title: '消息中心',
      permission: 'authenticated',
      component: NotificationsPage,
    },
  ],
  menu: [],
  portalRoutes: [{ path: '/messages', title: '我的消息', component: PortalMessagesPage }],
  portalTiles: [],
};
