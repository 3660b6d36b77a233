import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { PositionView, TrackView, VesselPosition } from '@zhucheng/contracts';
import { Alert, Button, Card, DatePicker, Empty, Flex, Segmented, Select, Slider, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import {
  dateTime,
  dateTimeMinutes,
  formatCourse,
  formatSpeed,
  TRACK_MAX_DAYS,
} from '../components/format.ts';
import { type ReplaySpeed, replaySpeeds } from './situation-options.ts';
import type { Replay } from './use-replay.ts';

type Range = [Dayjs, Dayjs];

/** What the page asks useTrack for. */
export interface ReplayRequest {
  vesselId: string;
  from: string;
  to: string;
}

const presets: { label: string; value: () => Range }[] = [
  { label: '最近 24 小时', value: () => [dayjs().subtract(24, 'hour'), dayjs()] },
  { label: '最近 3 天', value: () => [dayjs().subtract(3, 'day'), dayjs()] },
  { label: '最近 7 天', value: () => [dayjs().subtract(7, 'day'), dayjs()] },
];

function rangeProblem([from, to]: Range): string | null {
  if (!to.isAfter(from)) return '结束时间应晚于开始时间';
  if (to.diff(from, 'millisecond') > TRACK_MAX_DAYS * 86400_000)
    return `一次最多回放 ${TRACK_MAX_DAYS} 天的轨迹，请缩短时间范围`;
  return null;
}

interface ReplayPanelProps {
  vessels: readonly VesselPosition[];
  /** The vessel picked on the map or in the list: the default choice. */
  suggestedVesselId: string | null;
  request: ReplayRequest | null;
  onLoad(request: ReplayRequest): void;
  onClear(): void;
  track: UseQueryResult<TrackView>;
  points: readonly PositionView[];
  replay: Replay;
}

/** 轨迹回放: a vessel, a time range (default the last 24 h), then play / pause, speed and a slider over its fixes. */
export function ReplayPanel({
  vessels,
  suggestedVesselId,
  request,
  onLoad,
  onClear,
  track,
  points,
  replay,
}: ReplayPanelProps) {
  const [vesselId, setVesselId] = useState<string | null>(null);
  const [range, setRange] = useState<Range>(() => [dayjs().subtract(24, 'hour'), dayjs()]);
  const problem = rangeProblem(range);

  useEffect(() => {
    if (vesselId === null && suggestedVesselId) setVesselId(suggestedVesselId);
  }, [vesselId, suggestedVesselId]);

  const load = () => {
    if (!vesselId || problem) return;
    onLoad({ vesselId, from: range[0].format(), to: range[1].format() });
  };

  const segments = track.data?.segments ?? [];
  const frame = replay.frame;
  const requestedName = vessels.find((v) => v.vessel.id === request?.vesselId)?.vessel.name ?? '该船';
  const rangeText = request ? `${dateTimeMinutes(request.from)} 至 ${dateTimeMinutes(request.to)}` : '';

  let body: ReactNode = null;
  if (!request) {
    body = (
      <Typography.Text type="secondary">
        选择船舶和时间范围后点击“加载轨迹”，再点击“播放”在图上回放航行过程。
      </Typography.Text>
    );
  } else if (track.isError && !track.data) {
    body = <LoadError error={track.error} retrying={track.isFetching} onRetry={() => track.refetch()} />;
  } else if (track.isLoading) {
    body = <Typography.Text type="secondary">正在加载轨迹…</Typography.Text>;
  } else if (points.length === 0) {
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          segments.length === 0
            ? `${rangeText} 期间${requestedName}没有安装卫星终端，没有轨迹。请换一个时间范围或选择其他船舶。`
            : `${rangeText} 期间${requestedName}没有定位记录。请换一个时间范围。`
        }
      />
    );
  } else if (frame) {
    body = (
      <Flex vertical gap={8}>
        {segments.some((s) => s.truncated) && (
          <Alert type="warning" showIcon title="轨迹点过多，只回放了最早的一部分；请缩短时间范围。" />
        )}
        <Flex wrap gap={12} align="center">
          {replay.playing ? (
            <Button icon={<PauseOutlined />} onClick={replay.pause}>
              暂停
            </Button>
          ) : (
            <Button type="primary" icon={<CaretRightOutlined />} onClick={replay.play}>
              播放
            </Button>
          )}
          <Segmented<ReplaySpeed>
            aria-label="回放速度"
            value={replay.speed}
            onChange={(v) => replay.setSpeed(v)}
            options={replaySpeeds.map((s) => ({ label: `${s}×`, value: s }))}
          />
          <Typography.Text type="secondary">
            共 {points.length} 个定位点，{dateTimeMinutes(points[0]?.time)} 至{' '}
            {dateTimeMinutes(points[points.length - 1]?.time)}
          </Typography.Text>
        </Flex>
        <Slider
          aria-label="回放进度"
          min={0}
          max={Math.max(0, points.length - 1)}
          value={frame.index}
          onChange={(i) => replay.seek(i)}
          // The fix's time is written under the slider; a tooltip would cover the play button.
          tooltip={{ formatter: null }}
          ariaValueTextFormatterForHandle={(i) =>
            i === undefined ? '' : `定位时间 ${dateTime(points[i]?.time)}`
          }
        />
        <Flex wrap gap="4px 24px">
          <span>
            定位时间 <Typography.Text strong>{dateTime(frame.fix.time)}</Typography.Text>
          </span>
          <span>
            航速 <Typography.Text strong>{formatSpeed(frame.fix.speedKmh)}</Typography.Text>
          </span>
          <span>
            航向 <Typography.Text strong>{formatCourse(frame.fix.course)}</Typography.Text>
          </span>
          <Typography.Text type="secondary">
            第 {frame.index + 1} / {points.length} 点
          </Typography.Text>
        </Flex>
      </Flex>
    );
  }

  return (
    <Card title="轨迹回放" size="small">
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center">
          <Select
            aria-label="回放船舶"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择船舶"
            value={vesselId ?? undefined}
            onChange={(v) => setVesselId(v)}
            style={{ width: 260, maxWidth: '100%' }}
            notFoundContent="没有可选的船舶"
            options={vessels.map((v) => ({
              value: v.vessel.id,
              label: `${v.vessel.name}（${v.vessel.registrationNo}）`,
            }))}
          />
          <DatePicker.RangePicker
            aria-label="回放时间范围"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            value={range}
            presets={presets}
            status={problem ? 'error' : ''}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            style={{ maxWidth: '100%' }}
          />
          <Button
            type="primary"
            ghost
            disabled={!vesselId || problem !== null}
            loading={track.isFetching}
            onClick={load}
          >
            加载轨迹
          </Button>
          {request && <Button onClick={onClear}>清除轨迹</Button>}
        </Flex>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        {body}
      </Flex>
    </Card>
  );
}
