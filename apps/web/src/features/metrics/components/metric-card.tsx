import { InfoCircleOutlined } from '@ant-design/icons';
import type { MetricSummary } from '@zhucheng/contracts';
import { Button, Card, Flex, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { type MetricFilter, useMetricValue } from '../api/use-metrics.ts';
import { formatFigure, orderedParts, partLabel } from '../labels/format.ts';
import { MetricRecordsDrawer } from './metric-records-drawer.tsx';

interface MetricCardProps {
  metric: MetricSummary;
  filter: MetricFilter;
}

/** One figure: a big number, or a small table for a breakdown; 明细 lists the records behind it. */
export function MetricCard({ metric, filter }: MetricCardProps) {
  const result = useMetricValue(metric, filter);
  const [drillOpen, setDrillOpen] = useState(false);
  const value = result.data?.value;

  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: metric.label }}>
            {metric.label}
          </Typography.Text>
          {metric.description && (
            <Tooltip title={metric.description}>
              <InfoCircleOutlined aria-label="口径说明" style={{ color: 'rgba(0,0,0,0.45)' }} />
            </Tooltip>
          )}
        </Flex>
      }
      extra={
        metric.recordKind ? (
          <Button type="link" size="small" onClick={() => setDrillOpen(true)} disabled={!result.data}>
            明细
          </Button>
        ) : null
      }
      style={{ height: '100%' }}
    >
      {result.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : result.isError ? (
        <Typography.Text type="danger">{errorMessage(result.error)}</Typography.Text>
      ) : typeof value === 'number' ? (
        <Typography.Title level={3} style={{ margin: 0 }}>
          {formatFigure(value, metric.measure)}
        </Typography.Title>
      ) : value ? (
        <Table
          size="small"
          pagination={false}
          showHeader={false}
          rowKey="key"
          dataSource={orderedParts(metric, value).map(([key, n]) => ({ key, n }))}
          columns={[
            { dataIndex: 'key', render: (key: string) => partLabel(metric, key) },
            {
              dataIndex: 'n',
              align: 'right',
              render: (n: number) => (
                <Typography.Text strong>{formatFigure(n, metric.measure)}</Typography.Text>
              ),
            },
          ]}
        />
      ) : null}
      <Flex gap={6} wrap style={{ marginTop: 8 }}>
        <Tag>{metric.kind === 'snapshot' ? `截至 ${result.data?.asOf ?? filter.to}` : '期间累计'}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {metric.name}
        </Typography.Text>
      </Flex>
      {metric.recordKind && drillOpen && (
        <MetricRecordsDrawer
          metric={metric}
          filter={filter}
          open={drillOpen}
          onClose={() => setDrillOpen(false)}
        />
      )}
    </Card>
  );
}
