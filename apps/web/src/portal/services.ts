import {
  CalendarOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { Feature, FeatureIcon } from '../lib/feature.ts';

export interface PortalService {
  key: string;
  title: string;
  description: string;
  icon: FeatureIcon;
  /** Undefined while the service is not open yet (shown as 即将开通, not clickable). */
  path?: string;
}

// Services citizens will find here; a feature's portal tile with the same key takes the place of its
// placeholder when that module ships.
const upcomingServices: PortalService[] = [
  {
    key: 'legal-aid-apply',
    title: '申请法律援助',
    description: '经济困难或特定案件可申请免费律师',
    icon: SolutionOutlined,
  },
  {
    key: 'mediation-apply',
    title: '申请人民调解',
    description: '邻里、婚姻家庭等纠纷免费调解',
    icon: CommentOutlined,
  },
  {
    key: 'consultation',
    title: '法律咨询',
    description: '在线留言咨询法律问题',
    icon: CustomerServiceOutlined,
  },
  {
    key: 'appointment',
    title: '预约服务',
    description: '预约到公共法律服务中心办理',
    icon: CalendarOutlined,
  },
  {
    key: 'find-provider',
    title: '查找法律服务机构',
    description: '律师事务所、公证处、调解组织',
    icon: EnvironmentOutlined,
  },
  {
    key: 'case-lookup',
    title: '办件查询',
    description: '查看申请的办理进度和结果',
    icon: FileSearchOutlined,
  },
];

/** Upcoming placeholders in their fixed order (replaced by open tiles with the same key), then other open tiles. */
export function portalServices(features: readonly Feature[]): PortalService[] {
  const open = new Map(features.flatMap((feature) => feature.portalTiles).map((tile) => [tile.key, tile]));
  const listed = upcomingServices.map((service) => open.get(service.key) ?? service);
  const extra = [...open.values()].filter(
    (tile) => !upcomingServices.some((service) => service.key === tile.key),
  );
  return [...listed, ...extra];
}

export const HOTLINE = '12348';
