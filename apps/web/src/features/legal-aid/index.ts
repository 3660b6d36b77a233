import { FileAddOutlined, ProfileOutlined, SolutionOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import { lawyerCaseConsoleRoutes, lawyerCaseMenuLinks } from './lawyer-case/index.ts';
import { qualityConsoleRoutes, qualityMenuLinks } from './quality/index.ts';
import { registryConsoleRoutes, registryMenuLinks } from './registry/index.ts';

const PortalIntroPage = lazy(() => import('./pages/portal-intro-page.tsx'));
const PortalApplyPage = lazy(() => import('./pages/portal-apply-page.tsx'));
const PortalSubmittedPage = lazy(() => import('./pages/portal-submitted-page.tsx'));
const PortalMinePage = lazy(() => import('./pages/portal-mine-page.tsx'));
const PortalProgressPage = lazy(() => import('./pages/portal-progress-page.tsx'));
const ConsoleApplicationsPage = lazy(() => import('./pages/console-applications-page.tsx'));
const ConsoleRegisterPage = lazy(() => import('./pages/console-register-page.tsx'));
const ConsoleApplicationPage = lazy(() => import('./pages/console-application-page.tsx'));

// 法律援助: the citizen's guided application and progress in the portal; the centre's applications,
// 窗口登记 (全城通办) and the application's case page in the console.
export const legalAidFeature: Feature = {
  id: 'legal-aid',
  consoleRoutes: [
    {
      path: '/legal-aid/applications',
      title: '援助申请',
      permission: permissions.case.read,
      component: ConsoleApplicationsPage,
    },
    {
      path: '/legal-aid/applications/new',
      title: '窗口登记',
      permission: permissions.legalAid.intake,
      component: ConsoleRegisterPage,
    },
    {
      path: '/legal-aid/applications/:caseId',
      title: '援助申请详情',
      permission: permissions.case.read,
      component: ConsoleApplicationPage,
    },
    ...registryConsoleRoutes,
    ...lawyerCaseConsoleRoutes,
    ...qualityConsoleRoutes,
  ],
  menu: [
    {
      key: 'legal-aid',
      label: '法律援助',
      icon: SolutionOutlined,
      children: [
        {
          key: 'legal-aid-applications',
          label: '援助申请',
          icon: ProfileOutlined,
          path: '/legal-aid/applications',
          permission: permissions.case.read,
        },
        {
          key: 'legal-aid-register',
          label: '窗口登记',
          icon: FileAddOutlined,
          path: '/legal-aid/applications/new',
          permission: permissions.legalAid.intake,
        },
        ...registryMenuLinks,
        ...lawyerCaseMenuLinks,
        ...qualityMenuLinks,
      ],
    },
  ],
  portalRoutes: [
    { path: '/legal-aid', title: '申请法律援助', component: PortalIntroPage },
    { path: '/legal-aid/apply', title: '填写申请', component: PortalApplyPage },
    { path: '/legal-aid/submitted/:caseId', title: '申请已提交', component: PortalSubmittedPage },
    { path: '/legal-aid/mine', title: '我的法律援助申请', component: PortalMinePage },
    { path: '/legal-aid/applications/:caseId', title: '办理进度', component: PortalProgressPage },
  ],
  casePages: { 'legalAid.application': (caseId) => `/legal-aid/applications/${caseId}` },
  portalTiles: [
    {
      key: 'legal-aid-apply',
      title: '申请法律援助',
      description: '经济困难或特定案件可申请免费律师',
      icon: SolutionOutlined,
      path: '/legal-aid',
    },
  ],
};
