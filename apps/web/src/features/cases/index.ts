import { ClockCircleOutlined, FolderOpenOutlined, ProfileOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const AllCasesPage = lazy(() => import('./pages/all-cases-page.tsx'));
const CaseDetailPage = lazy(() => import('./pages/case-detail-page.tsx'));
const MyDeadlinesPage = lazy(() => import('./pages/my-deadlines-page.tsx'));

// 案件: every business line's cases through the shared case pages (components/case-kit), and the clocks
// of the caller's own cases (我的期限). Modules add their own lists beside 全部案件.
export const casesFeature: Feature = {
  id: 'cases',
  consoleRoutes: [
    { path: '/cases', title: '全部案件', permission: permissions.case.read, component: AllCasesPage },
    {
      path: '/cases/:caseId',
      title: '案件详情',
      permission: permissions.case.read,
      component: CaseDetailPage,
    },
    {
      path: '/deadlines/mine',
      title: '我的期限',
      permission: permissions.case.read,
      component: MyDeadlinesPage,
    },
  ],
  menu: [
    {
      key: 'cases',
      label: '案件',
      icon: FolderOpenOutlined,
      children: [
        {
          key: 'cases-all',
          label: '全部案件',
          icon: ProfileOutlined,
          path: '/cases',
          permission: permissions.case.read,
        },
        {
          key: 'deadlines-mine',
          label: '我的期限',
          icon: ClockCircleOutlined,
          path: '/deadlines/mine',
          permission: permissions.case.read,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
