import {
  ClockCircleOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const UsersPage = lazy(() => import('./pages/users-page.tsx'));
const RolesPage = lazy(() => import('./pages/roles-page.tsx'));
const SessionsPage = lazy(() => import('./pages/sessions-page.tsx'));
const PolicyPage = lazy(() => import('./pages/policy-page.tsx'));

// Accounts, roles, sessions and the security policy. Its menu entries join the 系统管理 group of the
// system feature (same key).
export const accessFeature: Feature = {
  id: 'access',
  consoleRoutes: [
    { path: '/access/users', title: '账号管理', permission: permissions.user.read, component: UsersPage },
    { path: '/access/roles', title: '角色管理', permission: permissions.role.read, component: RolesPage },
    {
      path: '/access/sessions',
      title: '在线会话',
      permission: permissions.session.read,
      component: SessionsPage,
    },
    {
      path: '/access/policy',
      title: '安全策略',
      permission: permissions.policy.manage,
      component: PolicyPage,
    },
  ],
  menu: [
    {
      key: 'system',
      label: '系统管理',
      icon: SettingOutlined,
      children: [
        {
          key: 'access-users',
          label: '账号管理',
          icon: UserOutlined,
          path: '/access/users',
          permission: permissions.user.read,
        },
        {
          key: 'access-roles',
          label: '角色管理',
          icon: TeamOutlined,
          path: '/access/roles',
          permission: permissions.role.read,
        },
        {
          key: 'access-sessions',
          label: '在线会话',
          icon: ClockCircleOutlined,
          path: '/access/sessions',
          permission: permissions.session.read,
        },
        {
          key: 'access-policy',
          label: '安全策略',
          icon: SafetyCertificateOutlined,
          path: '/access/policy',
          permission: permissions.policy.manage,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
