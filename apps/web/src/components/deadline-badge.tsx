import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { DeadlineBadgeState, DeadlineStanding } from '@zhucheng/contracts';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { deadlineBadgeStyle, deadlineBadgeText, deadlineBadgeTooltip } from './deadline-badge-style.ts';

const icons: Record<DeadlineBadgeState, ReactNode> = {
  ok: <ClockCircleOutlined />,
  dueSoon: <ExclamationCircleOutlined />,
  overdue: <WarningOutlined />,
  paused: <PauseCircleOutlined />,
  stopped: <StopOutlined />,
  met: <CheckCircleOutlined />,
  needsCalendar: <WarningOutlined />,
};

interface DeadlineBadgeProps {
  /** What the API's `deadlineStanding` returned for the clock. */
  standing: Pick<DeadlineStanding, 'state' | 'label' | 'title'>;
}

/** 办理期限 badge for list rows and case headers; hover shows the rule and its article. */
export function DeadlineBadge({ standing }: DeadlineBadgeProps) {
  const style = deadlineBadgeStyle(standing.state);
  const text = deadlineBadgeText(standing);
  const tooltip = deadlineBadgeTooltip(standing);
  return (
    <Tooltip title={tooltip}>
      <Tag
        color={style.color}
        icon={icons[standing.state]}
        aria-label={`${style.stateLabel}：${text}。${tooltip}`}
        tabIndex={0}
        style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
