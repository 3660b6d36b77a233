import type { SeaTripView } from '@zhucheng/contracts';
import { Space, Tag } from 'antd';
import { seaTripStatusColor } from './format.ts';

/** The trip's status tag with the overdue flag (逾期未返港). */
export function TripStatus({ trip }: { trip: SeaTripView }) {
  return (
    <Space size={4} wrap>
      <Tag color={seaTripStatusColor[trip.status]}>{trip.statusLabel}</Tag>
      {trip.overdue ? <Tag color="red">逾期未返港</Tag> : null}
    </Space>
  );
}
