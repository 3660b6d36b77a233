import type { ConsoleRoute, MenuLink, PortalRoute } from '../../../lib/feature.ts';

// The pages this part adds to the mediation feature (../index.ts): console routes, 人民调解 menu links,
// portal routes.
export const sweepsConsoleRoutes: ConsoleRoute[] = [];
export const sweepsMenuLinks: MenuLink[] = [];
export const sweepsPortalRoutes: PortalRoute[] = [];
