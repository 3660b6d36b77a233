import {
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Empty,
  List,
  Row,
  Skeleton,
  Statistic,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { type OverviewPeriod, useCorrectionsMetric } from '../api/use-overview.ts';

interface DrillDown {
  metric: string;
  part: string | null;
  title: string;
}

const labelsOf: Record<string, Record<string, string>> = {
  'corrections.training': { trainings: '培训人次', hours: '培训学时' },
  'corrections.onRegisterBySentenceKind': {
    publicSurveillance: '管制',
    probation: '缓刑',
    parole: '假释',
    temporaryService: '暂予监外执行',
  },
  'corrections.onRegisterByLevel': {
    strict: '严管',
    ordinary: '普管',
    lenient: '宽管',
    unclassified: '未分类',
  },
  'corrections.intakes': {
    publicSurveillance: '管制',
    probation: '缓刑',
    parole: '假释',
    temporaryService: '暂予监外执行',
  },
  'corrections.endings': {
    release: '期满解除',
    revocation: '撤销缓刑、假释',
    committal: '收监执行',
    death: '死亡',
  },
  'corrections.investigations': { suitable: '适宜', notSuitable: '不适宜', pending: '评估中' },
};

/** A figure's parts, each a link into its drill-down (the supervisees behind it). */
function PartsCard({
  title,
  metric,
  period,
  onDrill,
}: {
  title: string;
  metric: string;
  period: OverviewPeriod;
  onDrill: (d: DrillDown) => void;
}) {
  const m = useCorrectionsMetric(metric, period);
  const labels = labelsOf[metric] ?? {};
  return (
    <Card size="small" title={title}>
      {m.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : m.isError ? (
        <LoadError error={m.error} onRetry={() => m.refetch()} />
      ) : typeof m.data.value === 'number' ? (
        <Button type="link" onClick={() => onDrill({ metric, part: null, title })}>
          <Statistic value={m.data.value} />
        </Button>
      ) : Object.keys(m.data.value).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
      ) : (
        <Row gutter={[8, 8]}>
          {Object.entries(m.data.value).map(([key, n]) => (
            <Col key={key} xs={12} sm={8} md={6}>
              <Button
                type="text"
                style={{ height: 'auto', display: 'block', textAlign: 'left' }}
                onClick={() => onDrill({ metric, part: key, title: `${title}：${labels[key] ?? key}` })}
              >
                <Statistic title={labels[key] ?? key} value={n} />
              </Button>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

function DrillDrawer({
  drill,
  period,
  onClose,
}: {
  drill: DrillDown | null;
  period: OverviewPeriod;
  onClose: () => void;
}) {
  const m = useCorrectionsMetric(drill?.metric ?? '', period, true, drill !== null);
  const records = m.data?.records;
  const ids = !records ? [] : Array.isArray(records) ? records : (records[drill?.part ?? ''] ?? []);
  return (
    <Drawer open={drill !== null} title={drill?.title} onClose={onClose} size="default">
      {m.isPending ? (
        <Skeleton active />
      ) : m.isError ? (
        <LoadError error={m.error} onRetry={() => m.refetch()} />
      ) : (
        <List
          dataSource={ids}
          locale={{ emptyText: '没有记录' }}
          pagination={ids.length > 20 ? { pageSize: 20, size: 'small' } : false}
          renderItem={(id, i) => (
            <List.Item>
              <Link to={`/corrections/supervisees/${id}`}>第 {i + 1} 条：查看社区矫正对象档案</Link>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

/** 社区矫正概览: the register by kind, level and county, intakes and endings, investigations, training. */
export default function OverviewPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const card = (title: string, metric: string) => (
    <PartsCard title={title} metric={metric} period={period} onDrill={setDrill} />
  );
  return (
    <>
      <PageHeader
        title="社区矫正概览"
        description="本人管辖范围内的社区矫正统计；在册人数为统计期末在册，其余为统计期间内。点击数字查看对应的社区矫正对象。"
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          {card('在册社区矫正对象', 'corrections.onRegister')}
        </Col>
        <Col xs={24} md={8}>
          {card('取得海员证', 'corrections.seafarerCertificates')}
        </Col>
        <Col xs={24} md={8}>
          {card('职业技能培训', 'corrections.training')}
        </Col>
        <Col xs={24} lg={12}>
          {card('在册（按矫正类别）', 'corrections.onRegisterBySentenceKind')}
        </Col>
        <Col xs={24} lg={12}>
          {card('在册（按管理等级）', 'corrections.onRegisterByLevel')}
        </Col>
        <Col xs={24}>{card('在册（按县区）', 'corrections.onRegisterByCounty')}</Col>
        <Col xs={24} lg={12}>
          {card('入矫', 'corrections.intakes')}
        </Col>
        <Col xs={24} lg={12}>
          {card('解除和终止', 'corrections.endings')}
        </Col>
        <Col xs={24}>{card('调查评估', 'corrections.investigations')}</Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        更多指标（奖惩、打卡、出海报备等）见 <Link to="/metrics">统计指标</Link>。
      </Typography.Paragraph>
      <DrillDrawer drill={drill} period={period} onClose={() => setDrill(null)} />
    </>
  );
}
