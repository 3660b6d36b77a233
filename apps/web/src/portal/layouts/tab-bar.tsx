import { NavLink } from 'react-router';
import { type PortalTab, tabs } from '../navigation.ts';

export function TabBar({ active }: { active: PortalTab | undefined }) {
  return (
    <nav className="portal-tabbar" aria-label="主导航">
      {tabs.map(({ tab, label, path, icon: Icon }) => (
        <NavLink
          key={tab}
          to={path}
          end
          className={tab === active ? 'portal-tabbar__item is-active' : 'portal-tabbar__item'}
          aria-current={tab === active ? 'page' : undefined}
        >
          <Icon className="portal-tabbar__icon" />
          <span>{label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
