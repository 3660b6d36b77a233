import { FolderOpenOutlined, TeamOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const PartiesPage = lazy(() => import('./pages/parties-page.tsx'));

// 当事人: find the persons and organisations registered across all cases, by ID number, credit code or
// name; register new ones. The case pages show each case's own parties (components/party).
export const personsFeature: Feature = {
  id: 'persons',
  consoleRoutes: [
    { path: '/parties', title: '当事人', permission: permissions.party.read, component: PartiesPage },
  ],
  menu: [
    {
      key: 'cases',
      label: '案件',
      icon: FolderOpenOutlined,
      children: [
        {
          key: 'parties',
          label: '当事人',
          icon: TeamOutlined,
          path: '/parties',
          permission: permissions.party.read,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
