import type { CasePageSection } from '../../../components/case-kit/case-page.tsx';
import type { ConsoleRoute, MenuLink, PortalRoute } from '../../../lib/feature.ts';

// The pages this part adds to the mediation feature (../index.ts): console routes, 人民调解 menu links,
// portal routes.
export const processConsoleRoutes: ConsoleRoute[] = [];
export const processMenuLinks: MenuLink[] = [];
export const processPortalRoutes: PortalRoute[] = [];

/**
 * The dispute page's mediation tabs (调解记录, 调解结果与协议, 回访与履行, 司法确认), for the dispute page
 * (../intake/pages) to put after its own.
 */
export function useProcessSections(_caseId: string): CasePageSection[] {
  return [];
}
