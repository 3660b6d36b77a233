// The plug-in contract between a business module's web code and the two shells. Each
// `features/<module>/index.ts` exports one `Feature`; the console (`app/`) and the citizen portal
// (`portal/`) only register the features listed in `app/features.ts`. It lives in lib/ because
// features may import only lib/ and components/.
import type { ComponentType, CSSProperties, LazyExoticComponent } from 'react';
import type { ConsolePermission } from './access.tsx';

/** An icon component such as `SettingOutlined` from @ant-design/icons (the shell renders it). */
export type FeatureIcon = ComponentType<{ className?: string; style?: CSSProperties }>;

/** A page component loaded on first visit: `lazy(() => import('./pages/x-page.tsx'))`. */
export type LazyPage = LazyExoticComponent<ComponentType>;

export interface ConsoleRoute {
  /** Absolute path in the console, e.g. `/system/status`. */
  path: string;
  /** Chinese page title: breadcrumb, browser tab. */
  title: string;
  /** A permission code, or `authenticated` for pages every signed-in user has (个人中心). */
  permission: ConsolePermission;
  component: LazyPage;
}

export interface MenuLink {
  key: string;
  label: string;
  icon?: FeatureIcon;
  /** Must equal the path of one of the feature's console routes. */
  path: string;
  permission: ConsolePermission;
}

/** A side-menu group. Groups with the same key from several features are merged into one. */
export interface MenuGroup {
  key: string;
  label: string;
  icon?: FeatureIcon;
  children: MenuLink[];
}

export type MenuEntry = MenuLink | MenuGroup;

export interface PortalRoute {
  /** Path inside the portal (basename `/portal`), e.g. `/service-status`. */
  path: string;
  /** Chinese title shown in the portal's top bar and browser tab. */
  title: string;
  component: LazyPage;
}

export interface PortalTile {
  /** A tile whose key equals an upcoming-service placeholder replaces that placeholder. */
  key: string;
  title: string;
  /** One short Chinese line under the title. */
  description: string;
  icon: FeatureIcon;
  /** Path inside the portal. */
  path: string;
}

export interface Feature {
  /** The module folder name, e.g. `legal-aid`. */
  id: string;
  consoleRoutes: ConsoleRoute[];
  menu: MenuEntry[];
  portalRoutes: PortalRoute[];
  portalTiles: PortalTile[];
  /** The module's own console page per case type (`/cases/:id` forwards there). */
  casePages?: Readonly<Record<string, (caseId: string) => string>>;
}

export function isMenuGroup(entry: MenuEntry): entry is MenuGroup {
  return 'children' in entry;
}
