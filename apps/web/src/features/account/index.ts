import { AUTHENTICATED } from '@zhucheng/contracts';
import { lazy } from 'react';
import { ACCOUNT_PATH } from '../../lib/account-paths.ts';
import type { Feature } from '../../lib/feature.ts';

const AccountPage = lazy(() => import('./pages/account-page.tsx'));

// 个人中心: every signed-in member of staff has it; it is opened from the header's user menu, not the side menu.
export const accountFeature: Feature = {
  id: 'account',
  consoleRoutes: [
    { path: ACCOUNT_PATH, title: '个人中心', permission: AUTHENTICATED, component: AccountPage },
  ],
  menu: [],
  portalRoutes: [],
  portalTiles: [],
};
