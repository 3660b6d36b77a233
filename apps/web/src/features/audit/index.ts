import { FileProtectOutlined, SettingOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const AuditLogPage = lazy(() => import('./pages/audit-log-page.tsx'));

// The auditor's (安全审计员) view of the audit log: read, export, verify the hash chain.
export const auditFeature: Feature = {
  id: 'audit',
  consoleRoutes: [
    {
      path: '/audit/entries',
      title: '审计日志',
      permission: permissions.audit.read,
      component: AuditLogPage,
    },
  ],
  menu: [
    {
      key: 'system',
      label: '系统管理',
      icon: SettingOutlined,
      children: [
        {
          key: 'audit-entries',
          label: '审计日志',
          icon: FileProtectOutlined,
          path: '/audit/entries',
          permission: permissions.audit.read,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
