import { WarningOutlined } from '@ant-design/icons';
import type { PositionView, TrackSegment } from '@zhucheng/contracts';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useTrack } from '../api/use-tracking.ts';
import { AlarmTags } from './alarm-tags.tsx';
import {
  dateTime,
  dateTimeMinutes,
  formatCourse,
  formatLat,
  formatLon,
  formatSpeed,
  TRACK_MAX_DAYS,
} from './format.ts';

type Range = [Dayjs, Dayjs];

const presets: { label: string; value: () => Range }[] = [
  { label: '最近 24 小时', value: () => [dayjs().subtract(24, 'hour'), dayjs()] },
  { label: '最近 3 天', value: () => [dayjs().subtract(3, 'day'), dayjs()] },
  { label: '最近 7 天', value: () => [dayjs().subtract(7, 'day'), dayjs()] },
  { label: `最近 ${TRACK_MAX_DAYS} 天`, value: () => [dayjs().subtract(TRACK_MAX_DAYS, 'day'), dayjs()] },
];

/** Why a range cannot be asked for, or null. */
function rangeProblem([from, to]: Range): string | null {
  if (!to.isAfter(from)) return '结束时间应晚于开始时间';
  if (to.diff(from, 'millisecond') > TRACK_MAX_DAYS * 86400_000)
    return `一次最多查询 ${TRACK_MAX_DAYS} 天的轨迹，请缩短时间范围`;
  return null;
}

const segmentKey = (s: TrackSegment, i: number) => `${i}-${s.terminalNumber}-${s.from}`;

interface TrackPanelProps {
  kind: 'vessel' | 'supervisee';
  id: string;
  /** The range to open with (an alert's page links to the track around it); default the last 24 hours. */
  initial?: { from: string; to: string } | null;
}

/** `from`/`to` from a link, when both are valid times; else null. */
export function rangeFromLink(params: URLSearchParams): { from: string; to: string } | null {
  const from = params.get('from');
  const to = params.get('to');
  if (!from || !to || !dayjs(from).isValid() || !dayjs(to).isValid()) return null;
  return { from, to };
}

/**
 * A time range (default the last 24 hours, at most 31 days), the track's segments (one per installation or
 * aboard window) and the chosen segment's points as a table. The map and its replay are on 海上态势.
 */
export function TrackPanel({ kind, id, initial = null }: TrackPanelProps) {
  const [draft, setDraft] = useState<Range>(() =>
    initial ? [dayjs(initial.from), dayjs(initial.to)] : [dayjs().subtract(24, 'hour'), dayjs()],
  );
  const [applied, setApplied] = useState<Range>(draft);
  const draftProblem = rangeProblem(draft);
  const query = useTrack(kind, id, { from: applied[0].format(), to: applied[1].format() });
  const segments = query.data?.segments ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [alarmsOnly, setAlarmsOnly] = useState(false);
  const current =
    segments.find((s, i) => segmentKey(s, i) === chosen) ?? (segments.length > 0 ? segments[0] : undefined);
  const points = useMemo(
    () => (current ? (alarmsOnly ? current.points.filter((p) => p.alarmBits !== 0) : current.points) : []),
    [current, alarmsOnly],
  );
  const totalPoints = segments.reduce((n, s) => n + s.points.length, 0);
  const totalFiltered = segments.reduce((n, s) => n + s.filteredCount, 0);
  const anyTruncated = segments.some((s) => s.truncated);

  const apply = () => {
    if (draftProblem) return;
    setChosen(null);
    setApplied(draft);
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Typography.Text>时间范围</Typography.Text>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            value={draft}
            presets={presets.map((p) => ({ label: p.label, value: p.value }))}
            status={draftProblem ? 'error' : ''}
            onChange={(v) => v?.[0] && v[1] && setDraft([v[0], v[1]])}
            style={{ maxWidth: '100%' }}
          />
          <Button type="primary" disabled={draftProblem !== null} loading={query.isFetching} onClick={apply}>
            查询轨迹
          </Button>
          {draftProblem && <Typography.Text type="danger">{draftProblem}</Typography.Text>}
        </Flex>
      </Card>

      {query.isError && !query.data ? (
        <Card>
          <LoadError error={query.error} retrying={query.isFetching} onRetry={() => query.refetch()} />
        </Card>
      ) : query.isLoading ? (
        <Card>
          <PageLoading label="正在加载轨迹…" />
        </Card>
      ) : segments.length === 0 ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              kind === 'vessel'
                ? `${dateTimeMinutes(applied[0].format())} 至 ${dateTimeMinutes(applied[1].format())} 期间该船没有安装卫星终端，因此没有轨迹。请换一个时间范围，或到“卫星终端”中为该船安装终端。`
                : `${dateTimeMinutes(applied[0].format())} 至 ${dateTimeMinutes(applied[1].format())} 期间该对象没有纳入定位的在船记录，因此没有轨迹。`
            }
          />
        </Card>
      ) : (
        <>
          {query.isError && (
            <Alert
              type="warning"
              showIcon
              title={`刷新失败，显示的是上一次的结果：${errorMessage(query.error)}`}
            />
          )}
          {anyTruncated && (
            <Alert
              type="warning"
              showIcon
              title="轨迹点过多，只显示了每段最早的一部分"
              description="请缩短时间范围后再查询，以查看完整轨迹。"
            />
          )}
          <Card
            title="轨迹分段"
            size="small"
            extra={
              <Typography.Text type="secondary">
                共 {segments.length} 段，{totalPoints} 个定位点
                {totalFiltered > 0 ? `，另有 ${totalFiltered} 个无效定位已过滤` : ''}
              </Typography.Text>
            }
          >
            <Table<TrackSegment>
              rowKey={(s) => segmentKey(s, segments.indexOf(s))}
              size="small"
              pagination={false}
              dataSource={segments}
              scroll={{ x: 900 }}
              rowSelection={{
                type: 'radio',
                selectedRowKeys: current ? [segmentKey(current, segments.indexOf(current))] : [],
                onChange: (keys) => setChosen(String(keys[0] ?? '')),
                columnTitle: '查看',
              }}
              onRow={(s) => ({
                onClick: () => setChosen(segmentKey(s, segments.indexOf(s))),
                style: { cursor: 'pointer' },
              })}
              columns={[
                {
                  title: '船舶',
                  key: 'vessel',
                  width: 200,
                  render: (_: unknown, s) => (
                    <div style={{ wordBreak: 'break-word' }}>
                      {s.vessel.name}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {s.vessel.registrationNo}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
                {
                  title: '终端号',
                  dataIndex: 'terminalNumber',
                  width: 150,
                  render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
                },
                {
                  title: '时间窗口',
                  key: 'window',
                  width: 300,
                  render: (_: unknown, s) => `${dateTimeMinutes(s.from)} 至 ${dateTimeMinutes(s.to)}`,
                },
                {
                  title: '定位点',
                  key: 'points',
                  width: 100,
                  align: 'right',
                  render: (_: unknown, s) => s.points.length,
                },
                {
                  title: '已过滤',
                  dataIndex: 'filteredCount',
                  width: 90,
                  align: 'right',
                },
                {
                  title: '说明',
                  key: 'note',
                  width: 140,
                  render: (_: unknown, s) =>
                    s.truncated ? (
                      <Tag color="orange" icon={<WarningOutlined />}>
                        点数过多已截断
                      </Tag>
                    ) : s.points.length === 0 ? (
                      <Tag>无定位</Tag>
                    ) : null,
                },
              ]}
            />
          </Card>
          {current && (
            <Card
              size="small"
              title={
                <span style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
                  定位点：{current.vessel.name}（终端 {current.terminalNumber}）
                </span>
              }
              extra={
                <Checkbox checked={alarmsOnly} onChange={(e) => setAlarmsOnly(e.target.checked)}>
                  只看报警点
                </Checkbox>
              }
            >
              {current.filteredCount > 0 && (
                <Typography.Paragraph type="secondary">
                  本段另有 {current.filteredCount}{' '}
                  个定位因无效（未定位、零坐标、时间在未来或速度不可能）被过滤，未列出。
                </Typography.Paragraph>
              )}
              {current.truncated && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="本段轨迹点过多，只列出最早的一部分；请缩短时间范围。"
                />
              )}
              <Table<PositionView>
                rowKey={(p) => `${p.time}-${p.receivedAt}`}
                size="small"
                dataSource={points}
                scroll={{ x: 980 }}
                pagination={{
                  defaultPageSize: 100,
                  pageSizeOptions: [50, 100, 200, 500],
                  showSizeChanger: true,
                  showTotal: (total) => `共 ${total} 个定位点`,
                }}
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={alarmsOnly ? '本段没有报警点' : '本段时间窗口内没有收到定位'}
                    />
                  ),
                }}
                columns={[
                  { title: '定位时间', key: 'time', width: 170, render: (_: unknown, p) => dateTime(p.time) },
                  { title: '纬度', key: 'lat', width: 130, render: (_: unknown, p) => formatLat(p.lat) },
                  { title: '经度', key: 'lon', width: 140, render: (_: unknown, p) => formatLon(p.lon) },
                  {
                    title: '航速',
                    key: 'speed',
                    width: 100,
                    align: 'right',
                    render: (_: unknown, p) => formatSpeed(p.speedKmh),
                  },
                  {
                    title: '航向',
                    key: 'course',
                    width: 110,
                    render: (_: unknown, p) => formatCourse(p.course),
                  },
                  {
                    title: '报警',
                    key: 'alarm',
                    width: 200,
                    render: (_: unknown, p) => <AlarmTags bits={p.alarmBits} />,
                  },
                  {
                    title: '来源',
                    dataIndex: 'source',
                    width: 100,
                    render: (v: PositionView['source']) => (v === 'jt808' ? '终端直连' : '厂商平台'),
                  },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
