import { DashboardOutlined, SettingOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const SystemStatusPage = lazy(() => import('./pages/system-status-page.tsx'));
const ServiceStatusPage = lazy(() => import('./pages/service-status-page.tsx'));

export const systemFeature: Feature = {
  id: 'system',
  consoleRoutes: [
    {
      path: '/system/status',
      title: '系统状态',
      permission: permissions.system.viewStatus,
      component: SystemStatusPage,
    },
  ],
  menu: [
    {
      key: 'system',
      label: '系统管理',
      icon: SettingOutlined,
      children: [
        {
          key: 'system-status',
          label: '系统状态',
          icon: DashboardOutlined,
          path: '/system/status',
          permission: permissions.system.viewStatus,
        },
      ],
    },
  ],
  portalRoutes: [{ path: '/service-status', title: '服务状态', component: ServiceStatusPage }],
  portalTiles: [
    {
      key: 'service-status',
      title: '服务状态',
      description: '查看平台当前是否运行正常',
      icon: DashboardOutlined,
      path: '/service-status',
    },
  ],
};
