import type { ComponentType } from 'react';
import type { ConsolePermission } from '../../lib/access.tsx';
import type { ConsoleRoute, FeatureIcon, MenuLink, PortalRoute } from '../../lib/feature.ts';

// 社区矫正 is built in parts (supervision, vessels and sea trips, approvals, sanctions, monitoring, release,
// sweeps, training, overview). Each part's folder exports one `CorrectionsPart`; `parts.ts` lists them, the
// feature (index.ts) merges their routes and menu links, the supervisee's record page shows their tabs and
// the supervisee's portal home (我的矫正) their links.

/** A tab on the supervisee's record page (社区矫正对象档案). */
export interface SuperviseeTab {
  key: string;
  label: string;
  /** Shown only to holders of this permission (besides `corrections:read`, which the page needs). */
  permission: ConsolePermission;
  component: ComponentType<{ caseId: string }>;
}

/** A link on the supervisee's portal home (我的矫正), e.g. 每日打卡, 请假申请, 出海报备. */
export interface SuperviseePortalLink {
  key: string;
  title: string;
  description: string;
  icon: FeatureIcon;
  /** Path inside the portal. */
  path: string;
}

export interface CorrectionsPart {
  consoleRoutes: ConsoleRoute[];
  menuLinks: MenuLink[];
  portalRoutes: PortalRoute[];
  superviseeTabs: SuperviseeTab[];
  portalLinks: SuperviseePortalLink[];
}

export const emptyPart: CorrectionsPart = {
  consoleRoutes: [],
  menuLinks: [],
  portalRoutes: [],
  superviseeTabs: [],
  portalLinks: [],
};
