import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useAlerts, useFences } from '../api/use-alerts.ts';
import { useTrack, useVesselPositions } from '../api/use-tracking.ts';
import { ReplayPanel, type ReplayRequest } from '../map/replay-panel.tsx';
import styles from '../map/situation.module.css';
import { type MapFocus, SituationChart } from '../map/situation-chart.tsx';
import { type ListTab, rowId, SituationList } from '../map/situation-list.tsx';
import {
  fenceColors,
  type LonLat,
  replaySeries,
  severityMarkerColors,
  situationOption,
  trackPoints,
} from '../map/situation-options.ts';
import { useReplay } from '../map/use-replay.ts';

/** Positions refresh this often here (the positions page's one minute is too slow for a situational map). */
const POSITIONS_REFRESH_MS = 12_000;
const MAP_HEIGHT = 560;
const NARROW_MAP_HEIGHT = 420;

/** One empty list for every missing answer, so memos do not recompute on each render. */
const none: never[] = [];

const legend: { label: string; color: string; round?: boolean }[] = [
  { label: '船舶', color: '#0b3b8c' },
  { label: '超过 30 分钟未上报', color: '#d46b08' },
  { label: '紧急告警', color: severityMarkerColors.high, round: true },
  { label: '重要告警', color: severityMarkerColors.medium, round: true },
  { label: '一般告警', color: severityMarkerColors.low, round: true },
  { label: '禁止区域', color: fenceColors.prohibited.stroke },
  { label: '允许作业区域', color: fenceColors.permitted.stroke },
  { label: '港口', color: fenceColors.port.stroke },
];

/** 海上态势: vessels, open alerts and fences on the offline map of the Beibu Gulf, with track replay. */
export default function MapPage() {
  const narrow = useIsNarrow();
  const can = useCan();
  const positions = useVesselPositions();
  const alerts = useAlerts({ state: 'open', page: 1, pageSize: 200 });
  const fences = useFences();

  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch is stable per query
  useEffect(() => {
    const timer = window.setInterval(() => void positions.refetch(), POSITIONS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const vesselItems = positions.data?.items ?? none;
  const vessels = useMemo(
    () =>
      [...vesselItems].sort(
        (a, b) =>
          Number(b.position !== null) - Number(a.position !== null) ||
          a.vessel.name.localeCompare(b.vessel.name, 'zh-CN'),
      ),
    [vesselItems],
  );
  const alertItems = alerts.data?.items ?? none;
  const fenceItems = fences.data?.items ?? none;
  const now = positions.dataUpdatedAt || Date.now();

  // ---- selection (list ⇄ map) ----
  const [tab, setTab] = useState<ListTab>('vessels');
  const [selected, setSelected] = useState<string | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);

  const placeOf = useCallback(
    (key: string): LonLat | null => {
      if (key.startsWith('vessel:')) {
        const p = vesselItems.find((r) => `vessel:${r.vessel.id}` === key)?.position;
        return p ? [p.lon, p.lat] : null;
      }
      const a = alertItems.find((r) => `alert:${r.id}` === key);
      return a && a.lat !== null && a.lon !== null ? [a.lon, a.lat] : null;
    },
    [vesselItems, alertItems],
  );

  const selectFromList = (key: string) => {
    setSelected(key);
    const center = placeOf(key);
    if (center) setFocus({ key, center, nonce: Date.now() });
  };
  const pickOnMap = (key: string) => {
    if (!key.startsWith('vessel:') && !key.startsWith('alert:')) return;
    setSelected(key);
    setTab(key.startsWith('vessel:') ? 'vessels' : 'alerts');
    // After the tab has rendered: bring the row into view (focus stays on the map).
    window.setTimeout(() => document.getElementById(rowId(key))?.scrollIntoView({ block: 'nearest' }), 50);
  };

  // ---- replay ----
  const [request, setRequest] = useState<ReplayRequest | null>(null);
  const track = useTrack(
    'vessel',
    request?.vesselId ?? '',
    request ? { from: request.from, to: request.to } : null,
  );
  const trackData = request ? track.data : undefined;
  const segments = useMemo(() => trackData?.segments ?? none, [trackData]);
  const points = useMemo(() => trackPoints(segments), [segments]);
  const replay = useReplay(points);
  const replayName =
    vesselItems.find((r) => r.vessel.id === request?.vesselId)?.vessel.name ?? segments[0]?.vessel.name ?? '';

  // A newly loaded track: centre the map on it.
  useEffect(() => {
    if (points.length === 0) return;
    let [west, south, east, north] = [180, 90, -180, -90];
    for (const p of points) {
      west = Math.min(west, p.lon);
      east = Math.max(east, p.lon);
      south = Math.min(south, p.lat);
      north = Math.max(north, p.lat);
    }
    setFocus({ key: 'track', center: [(west + east) / 2, (south + north) / 2], nonce: Date.now() });
  }, [points]);

  const option = useMemo(
    () =>
      situationOption({
        positions: vesselItems,
        alerts: alertItems,
        fences: fenceItems,
        track: segments,
        now,
      }),
    [vesselItems, alertItems, fenceItems, segments, now],
  );
  // The map follows the replay at low priority: holding an arrow key on the slider sends a burst of seeks, and
  // redrawing the chart for each one synchronously would stall the slider (and trip React's nested-update guard).
  const mapFrame = useDeferredValue(replay.frame);
  const overlay = useMemo(() => replaySeries(points, mapFrame, replayName), [points, mapFrame, replayName]);

  const selectedVesselId = selected?.startsWith('vessel:') ? selected.slice('vessel:'.length) : null;
  const mapHeight = narrow ? NARROW_MAP_HEIGHT : MAP_HEIGHT;
  const located = vesselItems.filter((r) => r.position !== null).length;

  const vesselsEmpty = positions.isError ? (
    <LoadError error={positions.error} retrying={positions.isFetching} onRetry={() => positions.refetch()} />
  ) : positions.isLoading ? (
    <PageLoading label="正在加载船舶位置…" />
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        can('tracking:manageTerminals') ? (
          <>
            暂无船舶：管辖范围内还没有安装卫星终端的船舶。请先在{' '}
            <Link to="/tracking/terminals">卫星终端</Link>{' '}
            登记终端并安装到船舶，终端上报定位后船舶会显示在图上。
          </>
        ) : (
          '暂无船舶：管辖范围内还没有安装卫星终端的船舶。请联系有“卫星终端管理”权限的工作人员登记终端。'
        )
      }
    />
  );
  const alertsState =
    alerts.isError && !alerts.data ? (
      <LoadError error={alerts.error} retrying={alerts.isFetching} onRetry={() => alerts.refetch()} />
    ) : alerts.isLoading ? (
      <PageLoading label="正在加载告警…" />
    ) : null;

  // Built only when the list's own data change: the replay re-renders this page ten times a second while
  // playing, and the tabs measuring themselves on every tick made React's nested-update guard trip.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the handlers read only what the listed values carry
  const list = useMemo(
    () => (
      <SituationList
        tab={tab}
        onTab={setTab}
        vessels={vessels}
        alerts={alertItems}
        alertsTotal={alerts.data?.total ?? 0}
        selected={selected}
        onSelect={selectFromList}
        now={now}
        vesselsEmpty={vesselsEmpty}
        alertsState={alertsState}
        height={narrow ? 360 : mapHeight}
      />
    ),
    [
      tab,
      vessels,
      alertItems,
      alerts.data?.total,
      selected,
      now,
      narrow,
      mapHeight,
      positions.status,
      positions.isFetching,
      alerts.status,
      alerts.isFetching,
    ],
  );

  const mapSummary = `北部湾海图，以北海为中心：${located} 艘船舶的最新位置、${alertItems.length} 条未办结告警、${
    fenceItems.filter((f) => f.active).length
  } 个电子围栏${points.length > 0 ? `，正在回放 ${replayName} 的轨迹` : ''}。请使用右侧列表逐条查看。`;

  return (
    <>
      <PageHeader
        title="海上态势"
        description={`管辖范围内船舶的最新位置、未办结告警和电子围栏，每 ${POSITIONS_REFRESH_MS / 1000} 秒自动刷新。滚轮缩放、拖动平移；在列表中选择船舶或告警可在图上定位。`}
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={positions.isFetching || alerts.isFetching}
            onClick={() => {
              void positions.refetch();
              void alerts.refetch();
              void fences.refetch();
            }}
          >
            刷新
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {(positions.isError || alerts.isError || fences.isError) && (
              <Alert
                type="warning"
                showIcon
                title={`部分数据刷新失败，图上显示的是上一次的结果：${errorMessage(
                  positions.error ?? alerts.error ?? fences.error,
                )}`}
              />
            )}
            <Card size="small" styles={{ body: { padding: 8 } }}>
              <SituationChart
                option={option}
                overlay={overlay}
                focus={focus}
                onPick={pickOnMap}
                ariaLabel={mapSummary}
                style={{ height: mapHeight, borderRadius: 6, overflow: 'hidden' }}
              />
              <div className={styles.legend} aria-hidden="true">
                {legend.map((l) => (
                  <span key={l.label}>
                    <span
                      className={styles.swatch}
                      style={{ background: l.color, borderRadius: l.round ? '50%' : 2 }}
                    />
                    {l.label}
                  </span>
                ))}
              </div>
              {!positions.isLoading && located === 0 && vesselItems.length > 0 && (
                <Typography.Text type="secondary">
                  船舶的终端还没有上报定位，暂时无法在图上显示。
                </Typography.Text>
              )}
            </Card>
            <ReplayPanel
              vessels={vessels}
              suggestedVesselId={selectedVesselId}
              request={request}
              onLoad={setRequest}
              onClear={() => setRequest(null)}
              track={track}
              points={points}
              replay={replay}
            />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            {list}
          </Card>
        </Col>
      </Row>
    </>
  );
}
