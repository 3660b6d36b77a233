import { CalendarOutlined, SettingOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const CalendarPage = lazy(() => import('./pages/calendar-page.tsx'));

// 节假日设置: the working-day calendar deadlines count on. Its menu entry joins the 系统管理 group of the
// system feature (same key). Viewing needs calendar:read; editing calendar:manage.
export const calendarFeature: Feature = {
  id: 'calendar',
  consoleRoutes: [
    {
      path: '/system/calendar',
      title: '节假日设置',
      permission: permissions.calendar.read,
      component: CalendarPage,
    },
  ],
  menu: [
    {
      key: 'system',
      label: '系统管理',
      icon: SettingOutlined,
      children: [
        {
          key: 'system-calendar',
          label: '节假日设置',
          icon: CalendarOutlined,
          path: '/system/calendar',
          permission: permissions.calendar.read,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
