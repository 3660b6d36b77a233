import { BarChartOutlined, FundOutlined } from '@ant-design/icons';
import { permissions } from '@zhucheng/contracts';
import { lazy } from 'react';
import type { Feature } from '../../lib/feature.ts';

const MetricsPage = lazy(() => import('./pages/metrics-page.tsx'));

// 统计指标: the figures the modules declare (GET /api/metrics), for a period and a unit in the user's scope.
export const metricsFeature: Feature = {
  id: 'metrics',
  consoleRoutes: [
    { path: '/metrics', title: '统计指标', permission: permissions.metric.read, component: MetricsPage },
  ],
  menu: [
    {
      key: 'statistics',
      label: '统计分析',
      icon: BarChartOutlined,
      children: [
        {
          key: 'metrics',
          label: '统计指标',
          icon: FundOutlined,
          path: '/metrics',
          permission: permissions.metric.read,
        },
      ],
    },
  ],
  portalRoutes: [],
  portalTiles: [],
};
