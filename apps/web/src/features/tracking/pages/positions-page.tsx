import { ReloadOutlined } from '@ant-design/icons';
import type { VesselPosition } from '@zhucheng/contracts';
import { Button, Card, Empty, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useVesselPositions } from '../api/use-tracking.ts';
import { AlarmTags } from '../components/alarm-tags.tsx';
import {
  dateTime,
  formatAge,
  formatCourse,
  formatLat,
  formatLon,
  formatSpeed,
  isStale,
  STALE_MINUTES,
} from '../components/format.ts';

const breakable = { wordBreak: 'break-word' as const };

/** 船舶位置: every vessel in scope with its last position; a row opens the vessel's track. */
export default function PositionsPage() {
  const positions = useVesselPositions();
  const can = useCan();
  const [q, setQ] = useState('');
  const items = positions.data?.items ?? [];
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (!needle) return items;
    return items.filter(
      (r) =>
        r.vessel.name.toLowerCase().includes(needle) ||
        r.vessel.registrationNo.toLowerCase().includes(needle) ||
        (r.terminalNumber ?? '').includes(needle),
    );
  }, [items, q]);
  const now = positions.dataUpdatedAt || Date.now();
  const withTerminal = items.filter((r) => r.terminalNumber !== null).length;

  const emptyText = q.trim() ? (
    '没有符合条件的船舶'
  ) : (
    <Flex vertical gap={4} align="center">
      <span>暂无船舶位置：还没有船舶安装卫星终端。</span>
      <span>
        {can('tracking:manageTerminals') ? (
          <>
            请先在 <Link to="/tracking/terminals">卫星终端</Link> 登记终端，再在终端详情中点击“安装到船舶”；
            终端上线并上报定位后，位置会显示在这里。
          </>
        ) : (
          '请联系有“卫星终端管理”权限的工作人员登记终端并安装到船舶。'
        )}
      </span>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title="船舶位置"
        description={`管辖范围内各船舶最后一次定位，每分钟自动刷新；超过 ${STALE_MINUTES} 分钟未上报的显示为橙色。点击船名查看轨迹。`}
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={positions.isFetching}
            onClick={() => positions.refetch()}
          >
            刷新
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="船名、登记号或终端号"
            style={{ width: 280, maxWidth: '100%' }}
            onSearch={(v) => setQ(v)}
            onChange={(e) => !e.target.value && setQ('')}
          />
          {positions.data && (
            <Typography.Text type="secondary">
              共 {items.length} 艘船舶，其中 {withTerminal} 艘已安装终端
            </Typography.Text>
          )}
        </Flex>
        {positions.isError && !positions.data ? (
          <LoadError
            error={positions.error}
            retrying={positions.isFetching}
            onRetry={() => positions.refetch()}
          />
        ) : (
          <Table<VesselPosition>
            rowKey={(r) => r.vessel.id}
            size="middle"
            loading={positions.isLoading}
            dataSource={shown}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 艘` }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
            columns={[
              {
                title: '船舶',
                key: 'vessel',
                width: 200,
                fixed: 'left',
                render: (_: unknown, r) => (
                  <div style={breakable}>
                    <Link to={`/tracking/vessels/${r.vessel.id}/track`}>{r.vessel.name}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.vessel.registrationNo}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              {
                title: '终端号',
                dataIndex: 'terminalNumber',
                width: 150,
                render: (v: string | null) =>
                  v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : <Tag>未安装终端</Tag>,
              },
              {
                title: '定位时间',
                key: 'time',
                width: 200,
                render: (_: unknown, r) =>
                  r.position ? (
                    <div>
                      <div>{dateTime(r.position.time)}</div>
                      <Tag
                        color={isStale(r.position.time, now) ? 'orange' : 'green'}
                        style={{ marginInlineEnd: 0 }}
                      >
                        {formatAge(r.position.time, now)}
                      </Tag>
                    </div>
                  ) : (
                    <Typography.Text type="secondary">
                      {r.terminalNumber ? '尚未收到定位' : '—'}
                    </Typography.Text>
                  ),
              },
              {
                title: '纬度',
                key: 'lat',
                width: 130,
                render: (_: unknown, r) => (r.position ? formatLat(r.position.lat) : '—'),
              },
              {
                title: '经度',
                key: 'lon',
                width: 140,
                render: (_: unknown, r) => (r.position ? formatLon(r.position.lon) : '—'),
              },
              {
                title: '航速',
                key: 'speed',
                width: 110,
                align: 'right',
                render: (_: unknown, r) => (r.position ? formatSpeed(r.position.speedKmh) : '—'),
              },
              {
                title: '航向',
                key: 'course',
                width: 120,
                render: (_: unknown, r) => (r.position ? formatCourse(r.position.course) : '—'),
              },
              {
                title: '报警',
                key: 'alarms',
                width: 160,
                render: (_: unknown, r) => (r.position ? <AlarmTags bits={r.position.alarmBits} /> : '—'),
              },
              {
                title: '操作',
                key: 'actions',
                width: 90,
                fixed: 'right',
                render: (_: unknown, r) => (
                  <Tooltip title="按时间范围查看该船轨迹">
                    <Link to={`/tracking/vessels/${r.vessel.id}/track`}>查看轨迹</Link>
                  </Tooltip>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
