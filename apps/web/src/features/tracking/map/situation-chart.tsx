import { AimOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { CustomChart, EffectScatterChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';
import land from './beibu-gulf.geo.json';
import {
  BEIHAI_CENTER,
  FOCUS_ZOOM,
  INITIAL_ZOOM,
  type LonLat,
  MAP_NAME,
  type SituationOption,
  type SituationSeries,
} from './situation-options.ts';

// The situational map's ECharts instance: made on mount, disposed on unmount, resized with its box, given the
// option again when the data change. Only the parts used are registered, so the chunk stays small. The land is
// the committed GeoJSON of the Beibu Gulf's counties: no tiles, no internet.

use([
  GeoComponent,
  TooltipComponent,
  ScatterChart,
  EffectScatterChart,
  LinesChart,
  CustomChart,
  CanvasRenderer,
]);
registerMap(MAP_NAME, land as unknown as Parameters<typeof registerMap>[1]);

/** Centre the map on a place and highlight the marker whose datum has this `key` (with its tooltip). */
export interface MapFocus {
  key: string;
  center: LonLat;
  /** Changes on every pick, so picking the same row again centres it again. */
  nonce: number;
}

interface SituationChartProps {
  /** The data's option (situationOption); its geo component has no view, so the user's pan and zoom stay. */
  option: SituationOption;
  /** Series drawn over it that change often (the replay); merged by id. */
  overlay?: SituationSeries[];
  focus?: MapFocus | null;
  /** A marker was clicked: its datum's `key`. */
  onPick?: (key: string) => void;
  /** What the map shows, for screen readers (the list beside it is the accessible way in). */
  ariaLabel: string;
  style?: CSSProperties;
}

type SeriesLike = { id?: unknown; data?: unknown };

function seriesList(option: SituationOption, overlay: SituationSeries[]): SituationSeries[] {
  const base = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return [...(base as SituationSeries[]), ...overlay];
}

/**
 * Series index (in the chart, which keeps a series' index across replaceMerge, so not our array's order) and data
 * index of the datum with this key.
 */
function locate(
  chart: ECharts,
  series: SituationSeries[],
  key: string,
): { seriesIndex: number; dataIndex: number } | null {
  const chartIds = ((chart.getOption().series ?? []) as SeriesLike[]).map((s) => s.id);
  for (const s of series) {
    const { id, data } = s as SeriesLike;
    if (!Array.isArray(data)) continue;
    const dataIndex = data.findIndex((item) => (item as { key?: string } | null)?.key === key);
    const seriesIndex = chartIds.indexOf(id);
    if (dataIndex >= 0 && seriesIndex >= 0) return { seriesIndex, dataIndex };
  }
  return null;
}

/** Highlight (and show the tooltip of) the datum with this key; everything else back to normal. */
function highlight(chart: ECharts, series: SituationSeries[], key: string | undefined, withTip: boolean) {
  chart.dispatchAction({ type: 'downplay' });
  if (!key) return;
  const at = locate(chart, series, key);
  if (!at) return;
  chart.dispatchAction({ type: 'highlight', ...at });
  if (withTip) chart.dispatchAction({ type: 'showTip', ...at });
}

const sameIds = (a: SituationSeries[], b: SituationSeries[]) =>
  a.length === b.length && a.every((s, i) => (s as SeriesLike).id === (b[i] as SeriesLike).id);

export function SituationChart({
  option,
  overlay = [],
  focus = null,
  onPick,
  ariaLabel,
  style,
}: SituationChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const seriesRef = useRef<SituationSeries[]>([]);
  const overlayRef = useRef<SituationSeries[]>(overlay);
  const focusRef = useRef<MapFocus | null>(focus);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;

  // Made once: the first view on Beihai; clicks report the marker's key; disposed with the component.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const key = (params.data as { key?: string } | undefined)?.key;
      if (key) pickRef.current?.(key);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  // The data changed: the whole option again, series replaced (a cleared track disappears), the view kept.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const first = seriesRef.current.length === 0;
    const series = seriesList(option, overlayRef.current);
    // Series came or went (a track loaded or cleared): indexes move, so an open tooltip could name another item.
    if (!sameIds(seriesRef.current, series)) chart.dispatchAction({ type: 'hideTip' });
    seriesRef.current = series;
    chart.setOption({ ...option, series }, { replaceMerge: ['series'] });
    if (first) chart.setOption({ geo: { id: 'land', center: BEIHAI_CENTER, zoom: INITIAL_ZOOM } });
    highlight(chart, series, focusRef.current?.key, false);
  }, [option]);

  // The replay moved: only its series, merged by id (unless series came or went).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the option is read only when series come or go
  useEffect(() => {
    const chart = chartRef.current;
    const previous = overlayRef.current;
    overlayRef.current = overlay;
    if (!chart || (previous.length === 0 && overlay.length === 0)) return;
    const series = seriesList(option, overlay);
    seriesRef.current = series;
    if (sameIds(previous, overlay)) chart.setOption({ series: overlay }, { lazyUpdate: true });
    else {
      chart.dispatchAction({ type: 'hideTip' });
      chart.setOption({ ...option, series }, { replaceMerge: ['series'] });
    }
  }, [overlay]);

  // A row was picked in the list: centre on it, zoom in if far out, highlight it and show its tooltip.
  useEffect(() => {
    focusRef.current = focus;
    const chart = chartRef.current;
    if (!chart || !focus) return;
    const geo = (chart.getOption().geo as { zoom?: number }[] | undefined)?.[0];
    const zoom = Math.max(geo?.zoom ?? INITIAL_ZOOM, FOCUS_ZOOM);
    chart.setOption({ geo: { id: 'land', center: focus.center, zoom } });
    highlight(chart, seriesRef.current, focus.key, true);
  }, [focus]);

  const resetView = () => {
    chartRef.current?.setOption({ geo: { id: 'land', center: BEIHAI_CENTER, zoom: INITIAL_ZOOM } });
  };

  return (
    <div style={{ position: 'relative', ...style }}>
      <div ref={boxRef} role="img" aria-label={ariaLabel} style={{ position: 'absolute', inset: 0 }} />
      <Tooltip title="回到北海全貌">
        <Button
          icon={<AimOutlined />}
          aria-label="回到北海全貌"
          onClick={resetView}
          style={{ position: 'absolute', top: 12, right: 12 }}
        />
      </Tooltip>
    </div>
  );
}
