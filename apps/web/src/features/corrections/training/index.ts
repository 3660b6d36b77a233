import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { emptyPart } from '../part.ts';
import { SuperviseeTrainingTab } from './components/supervisee-training-tab.tsx';

// 教育培训与就业: the certificates page and the record's 培训就业 tab (training, certificates, guidance).

const TrainingPage = lazy(() => import('./pages/training-page.tsx'));

export const trainingPart: CorrectionsPart = {
  ...emptyPart,
  consoleRoutes: [
    {
      path: '/corrections/training',
      title: '教育培训与就业',
      permission: 'corrections:read',
      component: TrainingPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-training',
      label: '教育培训与就业',
      path: '/corrections/training',
      permission: 'corrections:read',
    },
  ],
  superviseeTabs: [
    { key: 'training', label: '培训就业', permission: 'corrections:read', component: SuperviseeTrainingTab },
  ],
};
