import { createBrowserRouter, type RouteObject } from 'react-router';
import { features } from '../app/features.ts';
import { RouteError } from '../components/route-error.tsx';
import { PortalLayout } from './layouts/portal-layout.tsx';
import type { PortalRouteHandle } from './navigation.ts';
import { HomePage } from './pages/home-page.tsx';
import { MePage } from './pages/me-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ServicesPage } from './pages/services-page.tsx';

export const PORTAL_BASENAME = '/portal';

function featureRoutes(): RouteObject[] {
  return features.flatMap((feature) =>
    feature.portalRoutes.map((route) => {
      const handle: PortalRouteHandle = { title: route.title };
      const Page = route.component;
      return {
        path: route.path,
        handle,
        element: (
          <div className="portal-page">
            <Page />
          </div>
        ),
      };
    }),
  );
}

function handle(value: PortalRouteHandle): PortalRouteHandle {
  return value;
}

export function createPortalRouter() {
  return createBrowserRouter(
    [
      {
        path: '/',
        element: <PortalLayout />,
        children: [
          {
            errorElement: <RouteError homePath="/" homeLabel="返回首页" />,
            children: [
              { index: true, element: <HomePage />, handle: handle({ title: '首页', tab: 'home' }) },
              {
                path: 'services',
                element: <ServicesPage />,
                handle: handle({ title: '办事', tab: 'services' }),
              },
              { path: 'me', element: <MePage />, handle: handle({ title: '我的', tab: 'me' }) },
              ...featureRoutes(),
              { path: '*', element: <NotFoundPage />, handle: handle({ title: '页面不存在' }) },
            ],
          },
        ],
      },
    ],
    { basename: PORTAL_BASENAME },
  );
}
