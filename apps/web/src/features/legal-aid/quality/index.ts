import { AccountBookOutlined, FileSearchOutlined, PayCircleOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { ConsoleRoute, MenuLink } from '../../../lib/feature.ts';

// 质量评估、补贴标准、补贴发放、承诺核查: the pages the legal-aid feature (../index.ts) adds to its routes and
// 法律援助 menu; the case page's 质量评估 and 承诺核查 tabs come from useQualitySections.

const SubsidyRatesPage = lazy(() => import('./pages/subsidy-rates-page.tsx'));
const PaymentBatchesPage = lazy(() => import('./pages/payment-batches-page.tsx'));
const PledgeChecksPage = lazy(() => import('./pages/pledge-checks-page.tsx'));

export const qualityConsoleRoutes: ConsoleRoute[] = [
  {
    path: '/legal-aid/subsidy-rates',
    title: '补贴标准',
    permission: permissions.legalAid.manageSubsidies,
    component: SubsidyRatesPage,
  },
  {
    path: '/legal-aid/payment-batches',
    title: '补贴发放',
    permission: permissions.legalAid.manageSubsidies,
    component: PaymentBatchesPage,
  },
  {
    path: '/legal-aid/pledge-checks',
    title: '承诺核查',
    permission: permissions.legalAid.rate,
    component: PledgeChecksPage,
  },
];

export const qualityMenuLinks: MenuLink[] = [
  {
    key: 'legal-aid-pledge-checks',
    label: '承诺核查',
    icon: FileSearchOutlined,
    path: '/legal-aid/pledge-checks',
    permission: permissions.legalAid.rate,
  },
  {
    key: 'legal-aid-subsidy-rates',
    label: '补贴标准',
    icon: AccountBookOutlined,
    path: '/legal-aid/subsidy-rates',
    permission: permissions.legalAid.manageSubsidies,
  },
  {
    key: 'legal-aid-payment-batches',
    label: '补贴发放',
    icon: PayCircleOutlined,
    path: '/legal-aid/payment-batches',
    permission: permissions.legalAid.manageSubsidies,
  },
];

export { useQualitySections } from './components/quality-sections.tsx';
