import {
  disputeKindLabels,
  enterpriseDisputeKinds,
  type MediationOverviewRow,
  mediationBreakdownLevelLabels,
} from '@zhucheng/contracts';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  List,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { useDrawerSize, useIsNarrow } from '../../../../lib/responsive.ts';
import { useFigureRecords, useOverview } from '../api/sweeps-api.ts';

interface TreeRow extends MediationOverviewRow {
  children?: TreeRow[];
}

/** Rows nested by parent: county → town → committee (industry committees straight under their bureau). */
function nest(rows: MediationOverviewRow[]): TreeRow[] {
  const byId = new Map<number, TreeRow>(rows.map((r) => [r.unitId, { ...r }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId !== null ? byId.get(row.parentId) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(row);
    } else roots.push(row);
  }
  return roots;
}

const yuanText = (v: number) =>
  v >= 10_000 ? `${(v / 10_000).toFixed(2)} 万元` : `${v.toLocaleString('zh-CN')} 元`;
const rateText = (rate: number, base: number) => (base === 0 ? '—' : `${rate.toFixed(2)}%`);

/** The first or second half of the year of `day`. */
function halfYearOf(day: Dayjs): [Dayjs, Dayjs] {
  const first = day.month() < 6;
  const start = day.startOf('year').add(first ? 0 : 6, 'month');
  return [start, start.add(6, 'month').subtract(1, 'day')];
}

interface Drill {
  metric: string;
  label: string;
  unitId: number | null;
  unitName: string;
  from: string;
  to: string;
}

function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const records = useFigureRecords(drill);
  const size = useDrawerSize(520);
  const ids = Array.isArray(records.data?.records) ? records.data.records : [];
  const labels = records.data?.recordLabels ?? {};
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={size}
      title={drill ? `${drill.unitName} · ${drill.label}（${drill.from} 至 ${drill.to}）` : ''}
      destroyOnHidden
    >
      {records.isPending ? (
        <PageLoading />
      ) : records.isError ? (
        <Typography.Text type="danger">{errorMessage(records.error)}</Typography.Text>
      ) : ids.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有纠纷" />
      ) : (
        <List
          size="small"
          dataSource={ids}
          pagination={ids.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
          renderItem={(id, i) => (
            <List.Item>
              <span>
                <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                  {i + 1}.
                </Typography.Text>
                <Link to={`/mediation/disputes/${id}`}>{labels[id] ?? `纠纷（编号 ${id.slice(0, 8)}）`}</Link>
              </span>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

/** 调解概览: the seed report's mediation figures for the caller's scope and a period, by county → town → committee. */
export default function OverviewPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => halfYearOf(dayjs()));
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const overview = useOverview(period);
  const [drill, setDrill] = useState<Drill | null>(null);
  const tree = useMemo(() => nest(overview.data?.rows ?? []), [overview.data]);
  const open = (metric: string, label: string, row: { unitId: number | null; name: string }) =>
    setDrill({ metric, label, unitId: row.unitId, unitName: row.name, ...period });
  const count = (metric: string, label: string) => (v: number, row: MediationOverviewRow) =>
    v === 0 ? (
      0
    ) : (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(metric, label, row)}>
        {v}
      </Button>
    );
  const narrow = useIsNarrow();
  const t = overview.data?.totals;
  const whole = { unitId: null, name: '全部' };

  return (
    <>
      <PageHeader
        title="调解概览"
        description="本人数据范围内的人民调解工作情况：受理以受理日期为准，调解成功为其中截至期末调解成功的"
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            presets={[
              { label: '本半年', value: halfYearOf(dayjs()) },
              { label: '上半年', value: halfYearOf(dayjs().startOf('year')) },
              { label: '本年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
              { label: '2023年上半年', value: [dayjs('2023-01-01'), dayjs('2023-06-30')] },
            ]}
          />
        }
      />
      {overview.isPending ? (
        <PageLoading />
      ) : overview.isError || !t ? (
        <LoadError error={overview.error} retrying={overview.isFetching} onRetry={() => overview.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {[
              { title: '排查次数', value: t.sweeps, suffix: '次', metric: 'mediation.sweeps', drill: false },
              {
                title: '受理纠纷',
                value: t.accepted,
                suffix: '件',
                metric: 'mediation.accepted',
                drill: true,
              },
              { title: '调解成功', value: t.settled, suffix: '件', metric: 'mediation.settled', drill: true },
              { title: '调解成功率', value: rateText(t.successRate, t.accepted), metric: '', drill: false },
              {
                title: '涉及金额',
                value: yuanText(t.amountInvolved),
                metric: 'mediation.amountInvolved',
                drill: true,
              },
            ].map((s) => (
              <Col key={s.title} xs={12} sm={8} lg={4}>
                <Card
                  size="small"
                  hoverable={s.drill}
                  onClick={() => s.drill && open(s.metric, s.title, whole)}
                >
                  <Statistic title={s.title} value={s.value} suffix={'suffix' in s ? s.suffix : undefined} />
                </Card>
              </Col>
            ))}
            <Col xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic
                  title={`三大纠纷办结 ${t.landForestWater.closed}/${t.landForestWater.accepted}`}
                  value={rateText(t.landForestWater.closureRate, t.landForestWater.accepted)}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="涉企矛盾纠纷（按类型）" style={{ marginBottom: 16 }}>
            <Flex wrap gap={8}>
              {enterpriseDisputeKinds.map((k) => (
                <Tag key={k} color="blue" style={{ fontSize: 14, padding: '2px 8px' }}>
                  {disputeKindLabels[k]} {t.enterpriseDisputesByKind[k] ?? 0} 件
                </Tag>
              ))}
            </Flex>
          </Card>
          <Card title="分单位情况" size="small">
            <Table<TreeRow>
              rowKey="unitId"
              size="small"
              dataSource={tree}
              pagination={false}
              scroll={{ x: 'max-content' }}
              expandable={{ defaultExpandedRowKeys: tree.length === 1 ? [tree[0]?.unitId ?? 0] : [] }}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="数据范围内没有单位" />,
              }}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'name',
                  render: (v: string, r) => (
                    <span
                      style={{ whiteSpace: 'normal', minWidth: narrow ? 120 : 160, display: 'inline-block' }}
                    >
                      {v}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {mediationBreakdownLevelLabels[r.level]}
                      </Typography.Text>
                      {narrow && (
                        // On a phone the rate, amount and sweeps go under the name, so nothing scrolls sideways.
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          成功率 {rateText(r.successRate, r.accepted)} · {yuanText(r.amountInvolved)} · 排查{' '}
                          {r.sweeps}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  title: '受理',
                  dataIndex: 'accepted',
                  align: 'right',
                  render: count('mediation.accepted', '受理纠纷'),
                },
                {
                  title: '成功',
                  dataIndex: 'settled',
                  align: 'right',
                  render: count('mediation.settled', '调解成功'),
                },
                ...(narrow
                  ? []
                  : [
                      {
                        title: '成功率',
                        dataIndex: 'successRate',
                        align: 'right' as const,
                        render: (v: number, r: TreeRow) => rateText(v, r.accepted),
                      },
                      {
                        title: '涉及金额',
                        dataIndex: 'amountInvolved',
                        align: 'right' as const,
                        render: (v: number) => yuanText(v),
                      },
                      { title: '排查', dataIndex: 'sweeps', align: 'right' as const },
                    ]),
              ]}
            />
          </Card>
        </>
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}
