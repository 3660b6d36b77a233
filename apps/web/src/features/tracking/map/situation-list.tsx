import {
  type AlertView,
  alertKindLabels,
  type Severity,
  severityLabels,
  type VesselPosition,
} from '@zhucheng/contracts';
import { Badge, Empty, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { dateTimeMinutes, formatAge, formatSpeed, isStale } from '../components/format.ts';
import styles from './situation.module.css';

// The map's list for keyboard and screen-reader users: every vessel and open alert as a focusable row; picking
// one centres and highlights it on the map. Alerts link to their page.

/** Tag colours (UI.md): 紧急 red, 重要 orange, 一般 default. */
const severityTagColor: Record<Severity, string> = { high: 'red', medium: 'orange', low: 'default' };

export type ListTab = 'vessels' | 'alerts';

export const rowId = (key: string) => `situation-row-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;

interface SituationListProps {
  tab: ListTab;
  onTab(tab: ListTab): void;
  vessels: readonly VesselPosition[];
  alerts: readonly AlertView[];
  alertsTotal: number;
  selected: string | null;
  onSelect(key: string): void;
  now: number;
  /** Shown instead of the vessels when the list is empty (what to do next). */
  vesselsEmpty: ReactNode;
  alertsState: ReactNode | null;
  height: number;
}

export function SituationList({
  tab,
  onTab,
  vessels,
  alerts,
  alertsTotal,
  selected,
  onSelect,
  now,
  vesselsEmpty,
  alertsState,
  height,
}: SituationListProps) {
  const scroll = { maxHeight: height, overflowY: 'auto' as const };
  const vesselList =
    vessels.length === 0 ? (
      vesselsEmpty
    ) : (
      <ul className={styles.list} style={scroll} aria-label="船舶列表">
        {vessels.map((r) => {
          const key = `vessel:${r.vessel.id}`;
          const p = r.position;
          const stale = p ? isStale(p.time, now) : false;
          return (
            <li key={key} id={rowId(key)} className={styles.row} data-selected={selected === key}>
              <button
                type="button"
                className={styles.pick}
                aria-pressed={selected === key}
                onClick={() => onSelect(key)}
              >
                <span className={styles.line}>
                  <Typography.Text strong>{r.vessel.name}</Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.vessel.registrationNo}
                </Typography.Text>
                <span className={styles.line} style={{ fontSize: 12 }}>
                  {p ? (
                    <>
                      {stale ? <Tag color="orange">{formatAge(p.time, now)}</Tag> : formatAge(p.time, now)}
                      {'  '}
                      {formatSpeed(p.speedKmh)}
                    </>
                  ) : (
                    <Typography.Text type="secondary">暂无定位，无法在图上显示</Typography.Text>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    );

  const alertList =
    alertsState ??
    (alerts.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无未办结的告警" />
    ) : (
      <>
        {alertsTotal > alerts.length && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            共 {alertsTotal} 条，显示最新的 {alerts.length} 条；全部告警请到{' '}
            <Link to="/tracking/alerts">海上告警</Link>。
          </Typography.Paragraph>
        )}
        <ul className={styles.list} style={scroll} aria-label="告警列表">
          {alerts.map((a) => {
            const key = `alert:${a.id}`;
            return (
              <li key={key} id={rowId(key)} className={styles.row} data-selected={selected === key}>
                <button
                  type="button"
                  className={styles.pick}
                  aria-pressed={selected === key}
                  onClick={() => onSelect(key)}
                >
                  <span className={styles.line}>
                    <Tag color={severityTagColor[a.severity]}>{severityLabels[a.severity]}</Tag>
                    <Typography.Text strong>{alertKindLabels[a.kind]}</Typography.Text>
                  </span>
                  <span className={styles.line}>{a.vessel.name}</span>
                  <span className={styles.clamp} title={a.rule}>
                    {a.rule}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTimeMinutes(a.lastAt)}
                    {a.lat === null || a.lon === null ? '（无位置，图上不显示）' : ''}
                  </Typography.Text>
                </button>
                <Link className={styles.detailLink} to={`/tracking/alerts/${a.id}`}>
                  详情
                </Link>
              </li>
            );
          })}
        </ul>
      </>
    ));

  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => onTab(k as ListTab)}
      items={[
        {
          key: 'vessels',
          label: `船舶（${vessels.length}）`,
          children: vesselList,
        },
        {
          key: 'alerts',
          label: (
            <span>
              告警{' '}
              <Badge
                count={alertsTotal}
                showZero
                overflowCount={999}
                color={alertsTotal > 0 ? '#e0282e' : '#bfbfbf'}
              />
            </span>
          ),
          children: alertList,
        },
      ]}
    />
  );
}
