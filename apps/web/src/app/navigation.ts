import type { Can } from '../lib/access.tsx';
import { type Feature, type FeatureIcon, isMenuGroup, type MenuLink } from '../lib/feature.ts';

export const HOME_TITLE = '工作台';

/** What every console route carries for the breadcrumb and the browser tab. */
export interface ConsoleRouteHandle {
  title: string;
  /** Menu group labels between 工作台 and the page. */
  trail: string[];
}

export interface NavLinkItem {
  kind: 'link';
  key: string;
  label: string;
  icon?: FeatureIcon;
  path: string;
}

export interface NavGroupItem {
  kind: 'group';
  key: string;
  label: string;
  icon?: FeatureIcon;
  children: NavLinkItem[];
}

export type NavItem = NavLinkItem | NavGroupItem;

function toLink(link: MenuLink): NavLinkItem {
  return { kind: 'link', key: link.key, label: link.label, icon: link.icon, path: link.path };
}

/** The side menu: the home entry first, then every feature's entries the user may open.
 * Groups with the same key (e.g. 系统管理 from several features) are merged; empty groups are dropped. */
export function buildNavigation(features: readonly Feature[], can: Can, homeIcon: FeatureIcon): NavItem[] {
  const items: NavItem[] = [{ kind: 'link', key: 'home', label: HOME_TITLE, icon: homeIcon, path: '/' }];
  const groups = new Map<string, NavGroupItem>();
  for (const entry of features.flatMap((feature) => feature.menu)) {
    if (!isMenuGroup(entry)) {
      if (can(entry.permission)) items.push(toLink(entry));
      continue;
    }
    const links = entry.children.filter((child) => can(child.permission)).map(toLink);
    const existing = groups.get(entry.key);
    if (existing) {
      existing.children.push(...links);
      continue;
    }
    const group: NavGroupItem = {
      kind: 'group',
      key: entry.key,
      label: entry.label,
      icon: entry.icon,
      children: links,
    };
    groups.set(entry.key, group);
    items.push(group);
  }
  return items.filter((item) => item.kind === 'link' || item.children.length > 0);
}

/** Every menu page the user may open, groups flattened (the 工作台's 已开通功能). */
export function permittedLinks(features: readonly Feature[], can: Can): NavLinkItem[] {
  return features
    .flatMap((feature) => feature.menu)
    .flatMap((entry) => (isMenuGroup(entry) ? entry.children : [entry]))
    .filter((link) => can(link.permission))
    .map(toLink);
}

/** Menu labels above a console route, e.g. ['系统管理'] for /system/status. */
export function menuTrail(features: readonly Feature[], path: string): string[] {
  for (const entry of features.flatMap((feature) => feature.menu)) {
    if (isMenuGroup(entry) && entry.children.some((child) => child.path === path)) return [entry.label];
  }
  return [];
}

/** The group keys to open in the side menu so the current page's entry is visible. */
export function openGroupKeys(items: NavItem[], pathname: string): string[] {
  return items
    .filter((item): item is NavGroupItem => item.kind === 'group')
    .filter((group) => group.children.some((child) => child.path === pathname))
    .map((group) => group.key);
}
