import type { MetricRecords, MetricSummary } from '@zhucheng/contracts';
import { Alert, Drawer, Empty, List, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { PageLoading } from '../../../components/page-loading.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useDrawerSize } from '../../../lib/responsive.ts';
import { type MetricFilter, useMetricValue } from '../api/use-metrics.ts';
import { partLabel } from '../labels/format.ts';
import { periodText } from '../labels/periods.ts';

interface MetricRecordsDrawerProps {
  metric: MetricSummary;
  filter: MetricFilter;
  open: boolean;
  onClose: () => void;
}

interface RecordListProps {
  metric: MetricSummary;
  ids: string[];
  /** id → 案号, when the server names the records. */
  labels: Record<string, string>;
}

function RecordList({ metric, ids, labels }: RecordListProps) {
  if (ids.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" />;
  return (
    <List
      size="small"
      dataSource={ids}
      pagination={ids.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      renderItem={(id, index) => (
        <List.Item>
          <span>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              {index + 1}.
            </Typography.Text>
            {metric.recordKind === 'case' ? (
              <Link to={`/cases/${id}`}>{labels[id] ?? `案件（暂无案号，编号 ${id.slice(0, 8)}）`}</Link>
            ) : (
              <Typography.Text copyable>{id}</Typography.Text>
            )}
          </span>
        </List.Item>
      )}
    />
  );
}

function RecordParts({
  metric,
  records,
  labels,
}: {
  metric: MetricSummary;
  records: MetricRecords;
  labels: Record<string, string>;
}) {
  if (Array.isArray(records)) return <RecordList metric={metric} ids={records} labels={labels} />;
  const keys = [
    ...metric.parts.map((p) => p.key).filter((k) => k in records),
    ...Object.keys(records).filter((k) => !metric.parts.some((p) => p.key === k)),
  ];
  return (
    <Tabs
      // Open on the first part that has records.
      defaultActiveKey={keys.find((k) => (records[k]?.length ?? 0) > 0) ?? keys[0]}
      items={keys.map((key) => ({
        key,
        label: `${partLabel(metric, key)}（${records[key]?.length ?? 0}）`,
        children: <RecordList metric={metric} ids={records[key] ?? []} labels={labels} />,
      }))}
    />
  );
}

/** 明细: the records behind a figure, fetched when the drawer opens; cases link to their case page. */
export function MetricRecordsDrawer({ metric, filter, open, onClose }: MetricRecordsDrawerProps) {
  const result = useMetricValue(metric, filter, true, open);
  const size = useDrawerSize(560);
  return (
    <Drawer
      title={`${metric.label} · 明细`}
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      styles={{ body: { paddingTop: 8 } }}
    >
      <Typography.Paragraph type="secondary">
        {metric.kind === 'snapshot' ? `截至 ${filter.to}` : periodText(filter)}
        {result.data?.unit ? ` · ${result.data.unit.name}（含下属单位）` : ' · 本人数据范围内的全部单位'}
      </Typography.Paragraph>
      {result.isPending ? (
        <PageLoading label="正在加载明细…" />
      ) : result.isError ? (
        <Alert type="error" showIcon title={errorMessage(result.error)} />
      ) : (
        <RecordParts
          metric={metric}
          records={result.data.records ?? []}
          labels={result.data.recordLabels ?? {}}
        />
      )}
    </Drawer>
  );
}
