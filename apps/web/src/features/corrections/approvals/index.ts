import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { CorrectionsPart } from '../part.ts';
import { SuperviseeApprovalsTab } from './components/supervisee-approvals-tab.tsx';

// 审批事项: the console's 审批 (applications of my scope; decide with the required level shown), the record's
// tab 请假与审批, and the supervisee's portal page 请假申请 + 我的审批.

const ApprovalsPage = lazy(() => import('./pages/approvals-page.tsx'));
const PortalApprovalsPage = lazy(() => import('./pages/portal-approvals-page.tsx'));

export const approvalsPart: CorrectionsPart = {
  consoleRoutes: [
    {
      path: '/corrections/approvals',
      title: '审批',
      permission: 'corrections:read',
      component: ApprovalsPage,
    },
  ],
  menuLinks: [
    {
      key: 'corrections-approvals',
      label: '审批',
      path: '/corrections/approvals',
      permission: 'corrections:read',
    },
  ],
  portalRoutes: [{ path: '/corrections/approvals', title: '请假申请', component: PortalApprovalsPage }],
  superviseeTabs: [
    {
      key: 'approvals',
      label: '请假与审批',
      permission: 'corrections:read',
      component: SuperviseeApprovalsTab,
    },
  ],
  portalLinks: [
    {
      key: 'approvals',
      title: '请假申请',
      description: '请假外出、会客、迁居申请，查看我的审批',
      icon: CalendarOutlined,
      path: '/corrections/approvals',
    },
  ],
};
