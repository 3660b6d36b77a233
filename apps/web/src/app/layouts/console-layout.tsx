import { HomeOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Drawer, Grid, Layout } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { BrandEmblem } from '../../components/brand-emblem.tsx';
import { NotificationBell } from '../../components/notification-bell.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { useCan } from '../../lib/access.tsx';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { features } from '../features.ts';
import { buildNavigation, HOME_TITLE } from '../navigation.ts';
import { ConsoleBreadcrumb, useCurrentRouteHandle } from './console-breadcrumb.tsx';
import { SideMenu } from './side-menu.tsx';
import { UserMenu } from './user-menu.tsx';

export function ConsoleLayout() {
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? true;
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 1200);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const can = useCan();
  const navigation = useMemo(() => buildNavigation(features, can, HomeOutlined), [can]);
  const identity = usePlatformIdentity();
  const handle = useCurrentRouteHandle();

  useEffect(() => {
    const pageTitle = handle && handle.title !== HOME_TITLE ? `${handle.title} - ` : '';
    document.title = `${pageTitle}${identity.platformName}`;
  }, [handle, identity.platformName]);

  const toggle = () => (isDesktop ? setCollapsed((value) => !value) : setDrawerOpen(true));
  const ToggleIcon = !isDesktop ? MenuOutlined : collapsed ? MenuUnfoldOutlined : MenuFoldOutlined;

  return (
    <Layout className="console-shell">
      <Layout.Header className="console-header">
        <button
          type="button"
          className="console-header__toggle"
          onClick={toggle}
          aria-label={isDesktop ? (collapsed ? '展开菜单' : '收起菜单') : '打开菜单'}
        >
          <ToggleIcon />
        </button>
        <Link to="/" className="console-brand">
          <BrandEmblem size={30} color="#2a6fc0" />
          <span className="console-brand__name">{identity.platformName}</span>
          {identity.bureauName && screens.sm && (
            <span className="console-brand__bureau">{identity.bureauName}</span>
          )}
        </Link>
        <NotificationBell />
        <UserMenu compact={!screens.sm} />
      </Layout.Header>
      <Layout hasSider={isDesktop}>
        {isDesktop ? (
          <Layout.Sider
            className="console-sider"
            width={224}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            theme="light"
          >
            <SideMenu items={navigation} />
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            size={264}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={identity.platformName}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu items={navigation} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout className="console-main">
          <Layout.Content className="console-content console-wrap">
            <ConsoleBreadcrumb />
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="console-footer">
            {identity.platformName}
            {identity.bureauName ? ` · ${identity.bureauName}` : ''}
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
