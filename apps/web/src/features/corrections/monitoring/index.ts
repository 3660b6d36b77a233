import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { SuperviseeMonitoringTab } from './components/supervisee-monitoring-tab.tsx';

// 电子定位监管 (第二十九条): the console's 电子监管 (orders, end dates, renewals due) and the record's tab. Not
// vessel tracking (see vessels/).

const MonitoringPage = lazy(() => import('./pages/monitoring-page.tsx'));

export const monitoringPart: CorrectionsPart = {
  consoleRoutes: [
    {
      path: '/corrections/monitoring',
      title: '电子监管',
      permission: 'corrections:read',
      component: MonitoringPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-monitoring',
      label: '电子监管',
      path: '/corrections/monitoring',
      permission: 'corrections:read',
    },
  ],
  portalRoutes: [],
  superviseeTabs: [
    {
      key: 'monitoring',
      label: '电子监管',
      permission: 'corrections:read',
      component: SuperviseeMonitoringTab,
    },
  ],
  portalLinks: [],
};
