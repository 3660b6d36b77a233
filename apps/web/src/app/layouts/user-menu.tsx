import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, type MenuProps, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { accountPath } from '../../lib/account-paths.ts';
import { useSessionUser, useSignOut } from '../../lib/session.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const user = useSessionUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: '个人中心' },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate(accountPath());
    if (key === 'password') navigate(accountPath('password'));
    if (key === 'logout') signOut.mutate(undefined, { onSettled: () => message.success('已退出登录') });
  };

  return (
    <Dropdown
      menu={{ items, onClick }}
      trigger={['click']}
      placement="bottomRight"
      popupRender={(menu) => (
        <div className="console-user-panel">
          <div className="console-user-panel__head">
            <div className="console-user-panel__name">{user.displayName}</div>
            <div className="console-user-panel__meta">
              {user.username}
              {user.unitName ? ` · ${user.unitName}` : ''}
            </div>
            {user.roles.length > 0 && (
              <div className="console-user-panel__roles">
                {user.roles.map((role) => (
                  <Tag key={role.code} color="blue" variant="outlined">
                    {role.name}
                  </Tag>
                ))}
              </div>
            )}
          </div>
          {menu}
        </div>
      )}
    >
      <button type="button" className="console-user" aria-label={`用户菜单：${user.displayName}`}>
        <Avatar size="small" style={{ background: 'rgba(255,255,255,0.22)', fontSize: 13 }}>
          {user.displayName.slice(0, 1)}
        </Avatar>
        {!compact && <span className="console-user__name">{user.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}
