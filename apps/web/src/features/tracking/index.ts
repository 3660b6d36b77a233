import { EnvironmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

// 海上定位 (part 1): vessels' last positions and tracks, satellite terminals (卫星终端) with their
// installations on vessels, vendor platforms (厂商接入) with their ingest keys, and the JT/T 808 gateway's status.

const AlertsPage = lazy(() => import('./pages/alerts-page.tsx'));
const AlertPage = lazy(() => import('./pages/alert-page.tsx'));
const MapPage = lazy(() => import('./pages/map-page.tsx'));
const PositionsPage = lazy(() => import('./pages/positions-page.tsx'));
const VesselTrackPage = lazy(() => import('./pages/vessel-track-page.tsx'));
const TerminalsPage = lazy(() => import('./pages/terminals-page.tsx'));
const TerminalPage = lazy(() => import('./pages/terminal-page.tsx'));
const VendorsPage = lazy(() => import('./pages/vendors-page.tsx'));
const FencesPage = lazy(() => import('./pages/fences-page.tsx'));

export const trackingFeature: Feature = {
  id: 'tracking',
  consoleRoutes: [
    { path: '/tracking/alerts', title: '海上告警', permission: 'tracking:read', component: AlertsPage },
    {
      path: '/tracking/alerts/:alertId',
      title: '告警详情',
      permission: 'tracking:read',
      component: AlertPage,
    },
    { path: '/tracking/map', title: '海上态势', permission: 'tracking:read', component: MapPage },
    { path: '/tracking/positions', title: '船舶位置', permission: 'tracking:read', component: PositionsPage },
    {
      path: '/tracking/vessels/:vesselId/track',
      title: '船舶轨迹',
      permission: 'tracking:read',
      component: VesselTrackPage,
    },
    { path: '/tracking/terminals', title: '卫星终端', permission: 'tracking:read', component: TerminalsPage },
    {
      path: '/tracking/terminals/:terminalId',
      title: '终端详情',
      permission: 'tracking:read',
      component: TerminalPage,
    },
    {
      path: '/tracking/vendors',
      title: '厂商接入',
      permission: 'tracking:manageVendors',
      component: VendorsPage,
    },
    { path: '/tracking/fences', title: '电子围栏', permission: 'tracking:read', component: FencesPage },
  ],
  menu: [
    {
      key: 'tracking',
      label: '海上定位',
      icon: EnvironmentOutlined,
      children: [
        {
          key: 'tracking-alerts',
          label: '海上告警',
          path: '/tracking/alerts',
          permission: 'tracking:read',
        },
        {
          key: 'tracking-map',
          label: '海上态势',
          path: '/tracking/map',
          permission: 'tracking:read',
        },
        {
          key: 'tracking-positions',
          label: '船舶位置',
          path: '/tracking/positions',
          permission: 'tracking:read',
        },
        {
          key: 'tracking-terminals',
          label: '卫星终端',
          path: '/tracking/terminals',
          permission: 'tracking:read',
        },
        {
          key: 'tracking-fences',
          label: '电子围栏',
          path: '/tracking/fences',
          permission: 'tracking:read',
        },
        {
          key: 'tracking-vendors',
          label: '厂商接入',
          path: '/tracking/vendors',
          permission: 'tracking:manageVendors',
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
