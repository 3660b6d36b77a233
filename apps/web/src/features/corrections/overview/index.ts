import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { emptyPart } from '../part.ts';

// 社区矫正概览: the corrections metrics of the caller's units with drill-down into the supervisees.

const OverviewPage = lazy(() => import('./pages/overview-page.tsx'));

export const overviewPart: CorrectionsPart = {
  ...emptyPart,
  consoleRoutes: [
    {
      path: '/corrections/overview',
      title: '社区矫正概览',
      permission: 'corrections:read',
      component: OverviewPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-overview',
      label: '社区矫正概览',
      path: '/corrections/overview',
      permission: 'corrections:read',
    },
  ],
};
