import { Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { PageLoading } from '../../components/page-loading.tsx';
import { PORTAL_NAME, usePortalRouteHandle } from '../navigation.ts';
import { TabBar } from './tab-bar.tsx';
import { TopBar } from './top-bar.tsx';

export function PortalLayout() {
  const handle = usePortalRouteHandle();
  const isHome = handle?.tab === 'home';

  useEffect(() => {
    document.title = handle && !isHome ? `${handle.title} - ${PORTAL_NAME}` : PORTAL_NAME;
  }, [handle, isHome]);

  return (
    <div className="portal-app">
      {!isHome && <TopBar title={handle?.title ?? PORTAL_NAME} showBack={!handle?.tab} />}
      <main className="portal-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <TabBar active={handle?.tab} />
    </div>
  );
}
