import { ApartmentOutlined, HomeOutlined, IdcardOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink, PortalRoute } from '../../../lib/feature.ts';

// 人民调解组织: the registry pages (调委会, 调解员, 调解工作室) the mediation feature (../index.ts) adds to
// its console routes and its 人民调解 menu group.

const CommitteesPage = lazy(() => import('./pages/committees-page.tsx'));
const MediatorsPage = lazy(() => import('./pages/mediators-page.tsx'));
const StudiosPage = lazy(() => import('./pages/studios-page.tsx'));

const read = permissions.mediation.readRegistry;

export const registryConsoleRoutes: ConsoleRoute[] = [
  { path: '/mediation/committees', title: '调委会', permission: read, component: CommitteesPage },
  { path: '/mediation/mediators', title: '调解员', permission: read, component: MediatorsPage },
  { path: '/mediation/studios', title: '调解工作室', permission: read, component: StudiosPage },
];

export const registryMenuLinks: MenuLink[] = [
  {
    key: 'mediation-committees',
    label: '调委会',
    icon: ApartmentOutlined,
    path: '/mediation/committees',
    permission: read,
  },
  {
    key: 'mediation-mediators',
    label: '调解员',
    icon: IdcardOutlined,
    path: '/mediation/mediators',
    permission: read,
  },
  {
    key: 'mediation-studios',
    label: '调解工作室',
    icon: HomeOutlined,
    path: '/mediation/studios',
    permission: read,
  },
];

export const registryPortalRoutes: PortalRoute[] = [];
