import { Badge } from 'antd';
import { NavLink } from 'react-router';
import { useUnreadCount } from '../../lib/notifications.ts';
import { useSessionState } from '../../lib/session.ts';
import { type PortalTab, tabs } from '../navigation.ts';

export function TabBar({ active }: { active: PortalTab | undefined }) {
  const session = useSessionState();
  // Unread messages show on 我的, where 我的消息 is.
  const unread = useUnreadCount(session.data?.status === 'signedIn').data ?? 0;
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
          <Badge count={tab === 'me' ? unread : 0} size="small" offset={[4, 0]} overflowCount={99}>
            <Icon className="portal-tabbar__icon" />
          </Badge>
          <span>{label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
