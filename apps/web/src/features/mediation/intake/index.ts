import { FileAddOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink, PortalRoute } from '../../../lib/feature.ts';

const DisputesPage = lazy(() => import('./pages/disputes-page.tsx'));
const RegisterPage = lazy(() => import('./pages/register-page.tsx'));
const DisputePage = lazy(() => import('./pages/dispute-page.tsx'));
const PortalIntroPage = lazy(() => import('./pages/portal-intro-page.tsx'));
const PortalApplyPage = lazy(() => import('./pages/portal-apply-page.tsx'));
const PortalMinePage = lazy(() => import('./pages/portal-mine-page.tsx'));
const PortalProgressPage = lazy(() => import('./pages/portal-progress-page.tsx'));

// The pages this part adds to the mediation feature (../index.ts): 纠纷列表, 纠纷登记 and the dispute page in the
// console; the citizen's application and progress in the portal.
export const intakeConsoleRoutes: ConsoleRoute[] = [
  {
    path: '/mediation/disputes',
    title: '纠纷列表',
    permission: permissions.case.read,
    component: DisputesPage,
  },
  {
    path: '/mediation/disputes/new',
    title: '纠纷登记',
    permission: permissions.mediation.intake,
    component: RegisterPage,
  },
  {
    path: '/mediation/disputes/:caseId',
    title: '纠纷详情',
    permission: permissions.case.read,
    component: DisputePage,
  },
];

export const intakeMenuLinks: MenuLink[] = [
  {
    key: 'mediation-disputes',
    label: '纠纷列表',
    icon: UnorderedListOutlined,
    path: '/mediation/disputes',
    permission: permissions.case.read,
  },
  {
    key: 'mediation-register',
    label: '纠纷登记',
    icon: FileAddOutlined,
    path: '/mediation/disputes/new',
    permission: permissions.mediation.intake,
  },
];

export const intakePortalRoutes: PortalRoute[] = [
  { path: '/mediation', title: '申请人民调解', component: PortalIntroPage },
  { path: '/mediation/apply', title: '申请调解', component: PortalApplyPage },
  { path: '/mediation/mine', title: '我的调解申请', component: PortalMinePage },
  { path: '/mediation/disputes/:caseId', title: '调解进度', component: PortalProgressPage },
];
