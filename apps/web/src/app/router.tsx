import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '../components/route-error.tsx';
import { features } from './features.ts';
import { ConsoleLayout } from './layouts/console-layout.tsx';
import { RequirePermission } from './layouts/require-permission.tsx';
import { type ConsoleRouteHandle, HOME_TITLE, menuTrail } from './navigation.ts';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

function featureRoutes(): RouteObject[] {
  return features.flatMap((feature) =>
    feature.consoleRoutes.map((route) => {
      const handle: ConsoleRouteHandle = { title: route.title, trail: menuTrail(features, route.path) };
      const Page = route.component;
      return {
        path: route.path,
        handle,
        element: (
          <RequirePermission permission={route.permission}>
            <Page />
          </RequirePermission>
        ),
      };
    }),
  );
}

export function createConsoleRouter() {
  const home: ConsoleRouteHandle = { title: HOME_TITLE, trail: [] };
  const notFound: ConsoleRouteHandle = { title: '页面不存在', trail: [] };
  return createBrowserRouter([
    {
      path: '/',
      element: <ConsoleLayout />,
      children: [
        {
          // Pathless: a failing page keeps the header and menu around its error message.
          errorElement: <RouteError homePath="/" homeLabel="返回工作台" />,
          children: [
            { index: true, element: <HomePage />, handle: home },
            ...featureRoutes(),
            { path: '*', element: <NotFoundPage />, handle: notFound },
          ],
        },
      ],
    },
  ]);
}
