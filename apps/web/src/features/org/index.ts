import { ApartmentOutlined, SettingOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const OrgUnitsPage = lazy(() => import('./pages/org-units-page.tsx'));

export const orgFeature: Feature = {
  id: 'org',
  consoleRoutes: [
    { path: '/org/units', title: '组织机构', permission: permissions.org.read, component: OrgUnitsPage },
  ],
  menu: [
    {
      key: 'system',
      label: '系统管理',
      icon: SettingOutlined,
      children: [
        {
          key: 'org-units',
          label: '组织机构',
          icon: ApartmentOutlined,
          path: '/org/units',
          permission: permissions.org.read,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
