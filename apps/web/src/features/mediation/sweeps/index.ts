import { DashboardOutlined, SearchOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink, PortalRoute } from '../../../lib/feature.ts';

// 矛盾纠纷排查 and 调解概览: the pages this part adds to the mediation feature (../index.ts).

const SweepsPage = lazy(() => import('./pages/sweeps-page.tsx'));
const SweepPage = lazy(() => import('./pages/sweep-page.tsx'));
const OverviewPage = lazy(() => import('./pages/overview-page.tsx'));

const read = permissions.mediation.readRegistry;

export const sweepsConsoleRoutes: ConsoleRoute[] = [
  { path: '/mediation/overview', title: '调解概览', permission: read, component: OverviewPage },
  { path: '/mediation/sweeps', title: '矛盾纠纷排查', permission: read, component: SweepsPage },
  { path: '/mediation/sweeps/:id', title: '排查详情', permission: read, component: SweepPage },
];

export const sweepsMenuLinks: MenuLink[] = [
  {
    key: 'mediation-overview',
    label: '调解概览',
    icon: DashboardOutlined,
    path: '/mediation/overview',
    permission: read,
  },
  {
    key: 'mediation-sweeps',
    label: '矛盾纠纷排查',
    icon: SearchOutlined,
    path: '/mediation/sweeps',
    permission: read,
  },
];

export const sweepsPortalRoutes: PortalRoute[] = [];
