import { CompassOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { SuperviseeVesselsTab } from './components/supervisee-vessels-tab.tsx';

// 船舶与出海报备: vessels (船舶), the office's sea trips (出海报备), the record's tab 船舶与出海 (the tracking
// basis, aboard windows, trips) and the supervisee's portal page 出海报备.

const VesselsPage = lazy(() => import('./pages/vessels-page.tsx'));
const SeaTripsPage = lazy(() => import('./pages/sea-trips-page.tsx'));
const PortalSeaTripsPage = lazy(() => import('./pages/portal-sea-trips-page.tsx'));

export const vesselsPart: CorrectionsPart = {
  consoleRoutes: [
    { path: '/corrections/vessels', title: '船舶', permission: 'corrections:read', component: VesselsPage },
    {
      path: '/corrections/sea-trips',
      title: '出海报备',
      permission: 'corrections:read',
      component: SeaTripsPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-vessels',
      label: '船舶',
      path: '/corrections/vessels',
      permission: 'corrections:read',
    },
    {
      key: 'corrections-sea-trips',
      label: '出海报备',
      path: '/corrections/sea-trips',
      permission: 'corrections:read',
    },
  ],
  portalRoutes: [{ path: '/corrections/sea-trips', title: '出海报备', component: PortalSeaTripsPage }],
  superviseeTabs: [
    { key: 'vessels', label: '船舶与出海', permission: 'corrections:read', component: SuperviseeVesselsTab },
  ],
  portalLinks: [
    {
      key: 'sea-trips',
      title: '出海报备',
      description: '出海前报备，海上日志，返港报告',
      icon: CompassOutlined,
      path: '/corrections/sea-trips',
    },
  ],
};
