import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { type MetricFilter, useMetricList } from '../api/use-metrics.ts';
import { MetricCard } from '../components/metric-card.tsx';
import {
  type Period,
  type PeriodPreset,
  periodLabels,
  periodPresets,
  periodText,
  presetPeriod,
} from '../labels/periods.ts';

/** 统计指标: the figures the user may see, for a period and a unit within their data scope. */
export default function MetricsPage() {
  const list = useMetricList();
  const [preset, setPreset] = useState<PeriodPreset>('year');
  const [custom, setCustom] = useState<Period | null>(null);
  const [unit, setUnit] = useState<number | undefined>(undefined);

  // The platform's today (APP_TIME_ZONE), not the browser's: a figure of 本月 must not lose a day.
  const today = list.data?.today ?? dayjs().format('YYYY-MM-DD');
  const period =
    preset === 'custom' && custom ? custom : presetPeriod(preset === 'custom' ? 'year' : preset, today);
  const choosePreset = (next: PeriodPreset) => {
    // 自定义 starts from the period on screen.
    if (next === 'custom' && !custom) setCustom(period);
    setPreset(next);
  };
  const filter: MetricFilter = { ...period, unit };

  return (
    <>
      <PageHeader
        title="统计指标"
        description="各业务条线按统一口径计算的统计数，只统计您数据权限范围内的单位"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isFetching}>
            刷新
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Segmented<PeriodPreset>
            value={preset}
            onChange={choosePreset}
            options={periodPresets.map((p) => ({ value: p, label: periodLabels[p] }))}
          />
          {preset === 'custom' ? (
            <DatePicker.RangePicker
              aria-label="统计期间"
              allowClear={false}
              value={[dayjs(period.from), dayjs(period.to)]}
              onChange={(range) => {
                const [from, to] = range ?? [];
                if (from && to) setCustom({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
              }}
            />
          ) : (
            <Typography.Text type="secondary">{periodText(period)}</Typography.Text>
          )}
          <div style={{ flex: '1 1 220px', maxWidth: 320 }}>
            <UnitTreeSelect
              value={unit ?? null}
              onChange={setUnit}
              allowClear
              placeholder="全部单位（本人数据范围）"
            />
          </div>
        </Flex>
      </Card>
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : list.data.metrics.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                <div>暂无可查看的统计指标</div>
                <Typography.Text type="secondary">
                  各业务模块上线后会在此提供统计数；您只能看到具有相应业务权限的指标
                </Typography.Text>
              </>
            }
          />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {list.data.metrics.map((metric) => (
            <Col key={metric.name} xs={24} md={12} xl={8}>
              <MetricCard metric={metric} filter={filter} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
