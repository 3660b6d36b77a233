import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { emptyPart } from '../part.ts';
import { SuperviseeEndingTab } from './components/supervisee-ending-tab.tsx';

// 解除与终止 (第四十四条、第四十五条): the page of terms ending soon with release and termination dialogs, and
// the record's 解矫 tab (certificate, notices).

const EndingSoonPage = lazy(() => import('./pages/ending-soon-page.tsx'));

export const releasePart: CorrectionsPart = {
  ...emptyPart,
  consoleRoutes: [
    {
      path: '/corrections/release',
      title: '解除与终止',
      permission: 'corrections:read',
      component: EndingSoonPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-release',
      label: '解除与终止',
      path: '/corrections/release',
      permission: 'corrections:read',
    },
  ],
  superviseeTabs: [
    { key: 'ending', label: '解矫', permission: 'corrections:read', component: SuperviseeEndingTab },
  ],
};
