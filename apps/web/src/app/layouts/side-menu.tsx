import { Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { FeatureIcon } from '../../lib/feature.ts';
import { type NavItem, openGroupKeys } from '../navigation.ts';

type MenuItems = NonNullable<MenuProps['items']>;

function renderIcon(Icon: FeatureIcon | undefined) {
  return Icon ? <Icon /> : undefined;
}

function toMenuItems(items: NavItem[]): MenuItems {
  return items.map((item) => {
    const icon = renderIcon(item.icon);
    if (item.kind === 'group') {
      return { key: item.key, icon, label: item.label, children: toMenuItems(item.children) };
    }
    return { key: item.path, icon, label: <Link to={item.path}>{item.label}</Link> };
  });
}

interface SideMenuProps {
  items: NavItem[];
  /** Called after an entry is chosen (closes the drawer on narrow screens). */
  onNavigate?: () => void;
}

export function SideMenu({ items, onNavigate }: SideMenuProps) {
  const { pathname } = useLocation();
  const [openKeys, setOpenKeys] = useState(() => openGroupKeys(items, pathname));

  useEffect(() => {
    const needed = openGroupKeys(items, pathname);
    setOpenKeys((current) => [...new Set([...current, ...needed])]);
  }, [items, pathname]);

  return (
    <Menu
      mode="inline"
      items={toMenuItems(items)}
      selectedKeys={[pathname]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={onNavigate}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
