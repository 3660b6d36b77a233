import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { emptyPart } from '../part.ts';

// 安全排查: campaigns with the checklist per supervisee and completion by office.

const SweepsPage = lazy(() => import('./pages/sweeps-page.tsx'));

export const sweepsPart: CorrectionsPart = {
  ...emptyPart,
  consoleRoutes: [
    { path: '/corrections/sweeps', title: '安全排查', permission: 'corrections:read', component: SweepsPage },
  ],
  menuLinks: [
    {
      key: 'corrections-sweeps',
      label: '安全排查',
      path: '/corrections/sweeps',
      permission: 'corrections:read',
    },
  ],
};
