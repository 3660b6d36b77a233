import {
  ApartmentOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink } from '../../../lib/feature.ts';

// 法律援助登记: the registry pages the legal-aid feature (../index.ts) adds to its console routes and its
// 法律援助 menu group.

const ConsultationsPage = lazy(() => import('./pages/consultations-page.tsx'));
const LawyersPage = lazy(() => import('./pages/lawyers-page.tsx'));
const DutyRosterPage = lazy(() => import('./pages/duty-roster-page.tsx'));
const WorkstationsPage = lazy(() => import('./pages/workstations-page.tsx'));
const SupportTeamsPage = lazy(() => import('./pages/support-teams-page.tsx'));

const read = permissions.legalAid.readRegistry;

export const registryConsoleRoutes: ConsoleRoute[] = [
  {
    path: '/legal-aid/consultations',
    title: '咨询登记',
    permission: permissions.legalAid.consult,
    component: ConsultationsPage,
  },
  { path: '/legal-aid/lawyers', title: '律师库', permission: read, component: LawyersPage },
  { path: '/legal-aid/duty-roster', title: '值班安排', permission: read, component: DutyRosterPage },
  { path: '/legal-aid/workstations', title: '工作站', permission: read, component: WorkstationsPage },
  { path: '/legal-aid/support-teams', title: '支援队伍', permission: read, component: SupportTeamsPage },
];

export const registryMenuLinks: MenuLink[] = [
  {
    key: 'legal-aid-consultations',
    label: '咨询登记',
    icon: CustomerServiceOutlined,
    path: '/legal-aid/consultations',
    permission: permissions.legalAid.consult,
  },
  {
    key: 'legal-aid-lawyers',
    label: '律师库',
    icon: IdcardOutlined,
    path: '/legal-aid/lawyers',
    permission: read,
  },
  {
    key: 'legal-aid-duty-roster',
    label: '值班安排',
    icon: CalendarOutlined,
    path: '/legal-aid/duty-roster',
    permission: read,
  },
  {
    key: 'legal-aid-workstations',
    label: '工作站',
    icon: ApartmentOutlined,
    path: '/legal-aid/workstations',
    permission: read,
  },
  {
    key: 'legal-aid-support-teams',
    label: '支援队伍',
    icon: TeamOutlined,
    path: '/legal-aid/support-teams',
    permission: read,
  },
];
