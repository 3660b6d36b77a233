import { AuditOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink } from '../../../lib/feature.ts';

// 律师办案: the lawyer's page the legal-aid feature (../index.ts) adds to its routes and 法律援助 menu; the
// 承办情况 tab of the case page is components/casework-section.tsx.

const MyCasesPage = lazy(() => import('./pages/my-cases-page.tsx'));

export const lawyerCaseConsoleRoutes: ConsoleRoute[] = [
  {
    path: '/legal-aid/my-cases',
    title: '我的援助案件',
    permission: permissions.legalAid.handleCase,
    component: MyCasesPage,
  },
];

export const lawyerCaseMenuLinks: MenuLink[] = [
  {
    key: 'legal-aid-my-cases',
    label: '我的援助案件',
    icon: AuditOutlined,
    path: '/legal-aid/my-cases',
    permission: permissions.legalAid.handleCase,
  },
];

export { CaseworkSection } from './components/casework-section.tsx';
