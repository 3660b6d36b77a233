import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { SuperviseeSanctionsTab } from './components/supervisee-sanctions-tab.tsx';

// 奖惩 (第二十八条): the console's list and the record's tab 奖惩 (with the implementing measures' suggestion).

const SanctionsPage = lazy(() => import('./pages/sanctions-page.tsx'));

export const sanctionsPart: CorrectionsPart = {
  consoleRoutes: [
    {
      path: '/corrections/sanctions',
      title: '奖惩',
      permission: 'corrections:read',
      component: SanctionsPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-sanctions',
      label: '奖惩',
      path: '/corrections/sanctions',
      permission: 'corrections:read',
    },
  ],
  portalRoutes: [],
  superviseeTabs: [
    { key: 'sanctions', label: '奖惩', permission: 'corrections:read', component: SuperviseeSanctionsTab },
  ],
  portalLinks: [],
};
