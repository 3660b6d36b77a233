import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, type MenuProps } from 'antd';

const items: MenuProps['items'] = [
  { key: 'notice', type: 'group', label: '登录功能即将开通' },
  { key: 'profile', icon: <UserOutlined />, label: '个人中心', disabled: true },
  { type: 'divider' },
  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', disabled: true },
];

export function UserMenu({ compact }: { compact: boolean }) {
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <button type="button" className="console-user" aria-label="用户菜单：未登录">
        <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.2)' }} />
        {!compact && <span>未登录</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}
