import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CommentOutlined,
  CompassOutlined,
  FileSearchOutlined,
  SolutionOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { FeatureIcon } from '../lib/feature.ts';

export interface BusinessLine {
  /** The module folder name (ARCHITECTURE.md). */
  module: string;
  title: string;
  description: string;
  icon: FeatureIcon;
}

/** The bureau's business lines, shown on the 工作台 as upcoming modules. */
export const businessLines: BusinessLine[] = [
  {
    module: 'legal-aid',
    title: '法律援助',
    description: '网上与窗口申请、经济困难审查、指派律师、结案与办案质量评估',
    icon: SolutionOutlined,
  },
  {
    module: 'mediation',
    title: '人民调解',
    description: '矛盾纠纷登记与排查、调解过程记录、调解协议与司法确认、回访',
    icon: CommentOutlined,
  },
  {
    module: 'reconsideration',
    title: '行政复议',
    description: '复议申请受理与补正、被申请人答复、听证、复议决定与法定期限提醒',
    icon: AuditOutlined,
  },
  {
    module: 'legal-review',
    title: '合法性审核',
    description: '行政规范性文件与重大行政决策、合同的合法性审核及备案审查',
    icon: FileSearchOutlined,
  },
  {
    module: 'corrections',
    title: '社区矫正',
    description: '社区矫正对象报到、分类管理、信息化核查、请假外出与奖惩',
    icon: UserSwitchOutlined,
  },
  {
    module: 'tracking',
    title: '海上动态监管',
    description: '涉海涉渔社区矫正对象的船舶轨迹、电子围栏与越界告警',
    icon: CompassOutlined,
  },
  {
    module: 'legal-services',
    title: '公共法律服务',
    description: '公共法律服务中心（站、室）、一村（社区）一法律顾问、法律咨询',
    icon: BankOutlined,
  },
  {
    module: 'demonstration',
    title: '法治政府示范创建',
    description: '示范创建指标体系、各部门台账材料报送与完成进度',
    icon: TrophyOutlined,
  },
  {
    module: 'statistics',
    title: '统计报表',
    description: '由各业务数据自动汇总，生成半年及年度工作报表',
    icon: BarChartOutlined,
  },
];
