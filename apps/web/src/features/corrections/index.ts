import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';
import { correctionsParts } from './parts.ts';

// 社区矫正: the register (list and record) and the investigations are here; every other part (supervision,
// approvals, vessels and sea trips, sanctions, monitoring, release, sweeps, training, overview) brings its
// routes, menu links, record-page tabs and portal links through `parts.ts`.

const SuperviseesPage = lazy(() => import('./pages/supervisees-page.tsx'));
const SuperviseePage = lazy(() => import('./pages/supervisee-page.tsx'));
const InvestigationsPage = lazy(() => import('./pages/investigations-page.tsx'));
const SuperviseeRegisterPage = lazy(() => import('./pages/supervisee-register-page.tsx'));
const InvestigationRegisterPage = lazy(() => import('./pages/investigation-register-page.tsx'));
const InvestigationPage = lazy(() => import('./pages/investigation-page.tsx'));

export const correctionsFeature: Feature = {
  id: 'corrections',
  consoleRoutes: [
    {
      path: '/corrections/supervisees',
      title: '社区矫正对象',
      permission: 'corrections:read',
      component: SuperviseesPage,
    },
    {
      path: '/corrections/supervisees/:caseId',
      title: '社区矫正对象档案',
      permission: 'corrections:read',
      component: SuperviseePage,
    },
    {
      path: '/corrections/investigations',
      title: '调查评估',
      permission: 'corrections:read',
      component: InvestigationsPage,
    },
    {
      path: '/corrections/supervisees/new',
      title: '登记社区矫正对象',
      permission: 'corrections:register',
      component: SuperviseeRegisterPage,
    },
    {
      path: '/corrections/investigations/new',
      title: '登记调查评估委托',
      permission: 'corrections:investigate',
      component: InvestigationRegisterPage,
    },
    {
      path: '/corrections/investigations/:caseId',
      title: '调查评估',
      permission: 'corrections:read',
      component: InvestigationPage,
    },
    ...correctionsParts.flatMap((part) => part.consoleRoutes),
  ],
  menu: [
    {
      key: 'corrections',
      label: '社区矫正',
      icon: SafetyCertificateOutlined,
      children: [
        {
          key: 'corrections-supervisees',
          label: '社区矫正对象',
          path: '/corrections/supervisees',
          permission: 'corrections:read',
        },
        {
          key: 'corrections-investigations',
          label: '调查评估',
          path: '/corrections/investigations',
          permission: 'corrections:read',
        },
        ...correctionsParts.flatMap((part) => part.menuLinks),
      ],
    },
  ],
  portalRoutes: correctionsParts.flatMap((part) => part.portalRoutes),
  portalTiles: [
    {
      key: 'corrections-home',
      title: '社区矫正',
      description: '社区矫正对象报到、打卡、思想汇报',
      icon: SafetyCertificateOutlined,
      path: '/corrections',
    },
  ],
  casePages: {
    'corrections.supervisee': (caseId) => `/corrections/supervisees/${caseId}`,
    'corrections.investigation': (caseId) => `/corrections/investigations/${caseId}`,
  },
};
