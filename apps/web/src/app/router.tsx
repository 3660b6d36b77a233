import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '../components/route-error.tsx';
import { features } from './features.ts';
import { ConsoleLayout } from './layouts/console-layout.tsx';
import { RequirePermission } from './layouts/require-permission.tsx';
import { type ConsoleRouteHandle, HOME_TITLE, menuTrail } from './navigation.ts';
import { ChangePasswordPage } from './pages/change-password-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './session/login-path.ts';
import { RequireSession } from './session/require-session.tsx';
import { SessionRoot } from './session/session-root.tsx';

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
      element: <SessionRoot />,
      children: [
        // Outside the console frame: reachable without a session (login) or before it is usable.
        { path: LOGIN_PATH, element: <LoginPage /> },
        { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
        {
          path: '/',
          element: (
            <RequireSession>
              <ConsoleLayout />
            </RequireSession>
          ),
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
      ],
    },
  ]);
}
