import { AppstoreOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { useMatches } from 'react-router';
import type { FeatureIcon } from '../lib/feature.ts';

export type PortalTab = 'home' | 'services' | 'me';

/** What every portal route carries for the top bar, the tab bar and the browser tab. */
export interface PortalRouteHandle {
  title: string;
  /** Set on the three tab pages; other pages show a back button. */
  tab?: PortalTab;
}

export interface TabDefinition {
  tab: PortalTab;
  label: string;
  path: string;
  icon: FeatureIcon;
}

export const tabs: TabDefinition[] = [
  { tab: 'home', label: '首页', path: '/', icon: HomeOutlined },
  { tab: 'services', label: '办事', path: '/services', icon: AppstoreOutlined },
  { tab: 'me', label: '我的', path: '/me', icon: UserOutlined },
];

function isHandle(value: unknown): value is PortalRouteHandle {
  return typeof value === 'object' && value !== null && 'title' in value;
}

export function usePortalRouteHandle(): PortalRouteHandle | undefined {
  return useMatches()
    .map((match) => match.handle)
    .filter(isHandle)
    .at(-1);
}

export const PORTAL_NAME = '珠城法律服务';
