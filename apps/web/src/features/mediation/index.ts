import { CommentOutlined } from '@ant-design/icons';
import type { Feature, PortalTile } from '../../lib/feature.ts';
import { intakeConsoleRoutes, intakeMenuLinks, intakePortalRoutes } from './intake/index.ts';
import { processConsoleRoutes, processMenuLinks, processPortalRoutes } from './process/index.ts';
import { registryConsoleRoutes, registryMenuLinks, registryPortalRoutes } from './registry/index.ts';
import { sweepsConsoleRoutes, sweepsMenuLinks, sweepsPortalRoutes } from './sweeps/index.ts';

// 人民调解: each part (intake: applications, registration, dispatch and the dispute page; process: the
// mediator's queue and the mediation itself; registry: committees, mediators, studios; sweeps: dispute
// sweeps and the overviews) brings its own routes and menu links.

const portalTiles: PortalTile[] = intakePortalRoutes.some((r) => r.path === '/mediation')
  ? [
      {
        key: 'mediation-apply',
        title: '申请人民调解',
        description: '邻里、婚姻家庭等纠纷免费调解',
        icon: CommentOutlined,
        path: '/mediation',
      },
    ]
  : [];

export const mediationFeature: Feature = {
  id: 'mediation',
  consoleRoutes: [
    ...intakeConsoleRoutes,
    ...processConsoleRoutes,
    ...registryConsoleRoutes,
    ...sweepsConsoleRoutes,
  ],
  menu: [
    {
      key: 'mediation',
      label: '人民调解',
      icon: CommentOutlined,
      children: [...intakeMenuLinks, ...processMenuLinks, ...sweepsMenuLinks, ...registryMenuLinks],
    },
  ],
  portalRoutes: [
    ...intakePortalRoutes,
    ...processPortalRoutes,
    ...registryPortalRoutes,
    ...sweepsPortalRoutes,
  ],
  portalTiles,
  casePages: { 'mediation.dispute': (caseId) => `/mediation/disputes/${caseId}` },
};
