import { DashboardOutlined, ScheduleOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink, PortalRoute } from '../../../lib/feature.ts';

// 调解过程: the mediator's queue (我的调解, phone-friendly) and the committee's board (调委会工作台) that the
// mediation feature (../index.ts) adds to its routes and 人民调解 menu; the dispute page's mediation tabs come
// from useProcessSections.

const MyQueuePage = lazy(() => import('./pages/my-queue-page.tsx'));
const BoardPage = lazy(() => import('./pages/board-page.tsx'));

export const processConsoleRoutes: ConsoleRoute[] = [
  {
    path: '/mediation/my-queue',
    title: '我的调解',
    permission: permissions.mediation.handle,
    component: MyQueuePage,
  },
  {
    path: '/mediation/board',
    title: '调委会工作台',
    permission: permissions.case.read,
    component: BoardPage,
  },
];

export const processMenuLinks: MenuLink[] = [
  {
    key: 'mediation-my-queue',
    label: '我的调解',
    icon: ScheduleOutlined,
    path: '/mediation/my-queue',
    permission: permissions.mediation.handle,
  },
  {
    key: 'mediation-board',
    label: '调委会工作台',
    icon: DashboardOutlined,
    path: '/mediation/board',
    permission: permissions.case.read,
  },
];

export const processPortalRoutes: PortalRoute[] = [];

/**
 * The dispute page's mediation tabs (调解记录, 调解结果与协议, 回访与履行, 司法确认), for the dispute page
 * (../intake/pages) to put after its own.
 */
export { useProcessSections } from './components/process-sections.tsx';
