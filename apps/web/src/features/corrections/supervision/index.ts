import { CameraOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { SuperviseeSupervisionTab } from './components/supervisee-supervision-tab.tsx';

// 日常监管: the supervisee's portal (我的矫正 home at /corrections, 网上报到, 打卡, 思想汇报, 我的记录), the
// record page's tab 日常监管 and the office's board 今日打卡 / 未打卡.

const PortalHomePage = lazy(() => import('./pages/portal-home-page.tsx'));
const PortalReportInPage = lazy(() => import('./pages/portal-report-in-page.tsx'));
const PortalCheckInPage = lazy(() => import('./pages/portal-check-in-page.tsx'));
const PortalReportsPage = lazy(() => import('./pages/portal-reports-page.tsx'));
const PortalRecordsPage = lazy(() => import('./pages/portal-records-page.tsx'));
const CheckInBoardPage = lazy(() => import('./pages/check-in-board-page.tsx'));

export const supervisionPart: CorrectionsPart = {
  consoleRoutes: [
    {
      path: '/corrections/check-ins',
      title: '今日打卡',
      permission: 'corrections:read',
      component: CheckInBoardPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-check-ins',
      label: '今日打卡',
      path: '/corrections/check-ins',
      permission: 'corrections:read',
    },
  ],
  portalRoutes: [
    { path: '/corrections', title: '我的矫正', component: PortalHomePage },
    { path: '/corrections/report-in', title: '网上报到', component: PortalReportInPage },
    { path: '/corrections/check-in', title: '打卡', component: PortalCheckInPage },
    { path: '/corrections/reports', title: '思想汇报', component: PortalReportsPage },
    { path: '/corrections/records', title: '我的记录', component: PortalRecordsPage },
  ],
  superviseeTabs: [
    {
      key: 'supervision',
      label: '日常监管',
      permission: 'corrections:read',
      component: SuperviseeSupervisionTab,
    },
  ],
  portalLinks: [
    {
      key: 'check-in',
      title: '打卡',
      description: '按规定时间拍照定位打卡',
      icon: CameraOutlined,
      path: '/corrections/check-in',
    },
    {
      key: 'reports',
      title: '思想汇报',
      description: '每月提交一次',
      icon: EditOutlined,
      path: '/corrections/reports',
    },
    {
      key: 'records',
      title: '我的记录',
      description: '打卡、未打卡和思想汇报',
      icon: HistoryOutlined,
      path: '/corrections/records',
    },
  ],
};
