import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

// 社区矫正: part 1 brings the register (list and record) and the investigations list. Later parts add their
// pages here the same way (supervision, approvals, vessels and sea trips, sanctions, release, sweeps,
// training) and the supervisee's portal routes.

const SuperviseesPage = lazy(() => import('./pages/supervisees-page.tsx'));
const SuperviseePage = lazy(() => import('./pages/supervisee-page.tsx'));
const InvestigationsPage = lazy(() => import('./pages/investigations-page.tsx'));

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
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
  casePages: { 'corrections.supervisee': (caseId) => `/corrections/supervisees/${caseId}` },
};
