import { FileTextOutlined, SettingOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const DocumentTemplatesPage = lazy(() => import('./pages/document-templates-page.tsx'));

// 文书模板: each case type's document templates, edited by a bureau's administrator. Its menu entry joins
// the 系统管理 group (same key). The case page's 文书 section is components/case-documents.
export const documentsFeature: Feature = {
  id: 'documents',
  consoleRoutes: [
    {
      path: '/system/document-templates',
      title: '文书模板',
      permission: permissions.document.manageTemplates,
      component: DocumentTemplatesPage,
    },
  ],
  menu: [
    {
      key: 'system',
      label: '系统管理',
      icon: SettingOutlined,
      children: [
        {
          key: 'system-document-templates',
          label: '文书模板',
          icon: FileTextOutlined,
          path: '/system/document-templates',
          permission: permissions.document.manageTemplates,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
