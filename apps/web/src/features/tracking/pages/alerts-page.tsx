import { ReloadOutlined } from '@ant-design/icons';
import {
  type AlertKind,
  type AlertView,
  alertKindLabels,
  alertKinds,
  severityLabels,
  triageStateLabels,
} from '@zhucheng/contracts';
import { Alert, Button, Card, Empty, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { type AlertFilters, useAlerts } from '../api/use-alerts.ts';
import {
  beijingDateTime,
  beijingShort,
  severityColor,
  slaText,
  triageStateColor,
} from '../components/alert-format.ts';

type StateFilter = NonNullable<AlertFilters['state']>;

const stateTabs: { key: StateFilter; label: string; empty: string }[] = [
  { key: 'open', label: '待处置', empty: '暂无待处置的告警' },
  { key: 'new', label: '待确认', empty: '暂无待确认的告警' },
  { key: 'acknowledged', label: '已确认', empty: '暂无已确认待办结的告警' },
  { key: 'assigned', label: '已指派', empty: '暂无已指派待办结的告警' },
  { key: 'resolved', label: '已办结', empty: '暂无已办结的告警' },
  { key: 'all', label: '全部', empty: '暂无告警' },
];

const PAGE_SIZE = 50;
const breakable = { wordBreak: 'break-word' as const };
const secondary = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {text}
  </Typography.Text>
);

const isState = (v: string | null): v is StateFilter => stateTabs.some((t) => t.key === v);
const isKind = (v: string | null): v is AlertKind => (alertKinds as readonly string[]).includes(v ?? '');

/** 海上告警: the triage queue (open alerts by default), by state and kind; a row opens the alert. */
export default function AlertsPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const stateParam = search.get('state');
  const kindParam = search.get('kind');
  const state: StateFilter = isState(stateParam) ? stateParam : 'open';
  const kind = isKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const alerts = useAlerts({ state, kind, page, pageSize: PAGE_SIZE });
  const now = alerts.dataUpdatedAt || Date.now();
  const counts = alerts.data?.counts ?? {};
  const openCount = (counts.new ?? 0) + (counts.acknowledged ?? 0) + (counts.assigned ?? 0);
  const countOf = (key: StateFilter): number | null =>
    key === 'open' ? openCount : key === 'resolved' || key === 'all' ? null : (counts[key] ?? 0);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setSearch(next, { replace: true });
  };

  const tab = stateTabs.find((t) => t.key === state) ?? stateTabs[0];
  const emptyText = kind ? `没有“${alertKindLabels[kind]}”类的${tab?.label ?? ''}告警` : tab?.empty;

  return (
    <>
      <PageHeader
        title="海上告警"
        description="管辖范围内船舶的越界、休渔期出海、信号中断等告警，每 10 秒自动刷新。点击一行查看详情并确认、指派或办结。"
        extra={
          <Button icon={<ReloadOutlined />} loading={alerts.isFetching} onClick={() => alerts.refetch()}>
            刷新
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={state}
          onChange={(key) => update({ state: key === 'open' ? undefined : key, page: undefined })}
          items={stateTabs.map((t) => {
            const n = countOf(t.key);
            return { key: t.key, label: n === null || !alerts.data ? t.label : `${t.label}（${n}）` };
          })}
          tabBarStyle={{ marginBottom: 12 }}
        />
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
          <Select<AlertKind>
            allowClear
            placeholder="全部告警类型"
            value={kind}
            onChange={(v) => update({ kind: v, page: undefined })}
            options={alertKinds.map((k) => ({ value: k, label: alertKindLabels[k] }))}
            style={{ width: 220, maxWidth: '100%' }}
            aria-label="告警类型"
          />
          {alerts.data && <Typography.Text type="secondary">共 {alerts.data.total} 条</Typography.Text>}
        </Flex>
        {alerts.isError && alerts.data && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`刷新失败，显示的是上一次的结果：${errorMessage(alerts.error)}`}
          />
        )}
        {alerts.isError && !alerts.data ? (
          <LoadError error={alerts.error} retrying={alerts.isFetching} onRetry={() => alerts.refetch()} />
        ) : (
          <Table<AlertView>
            rowKey="id"
            size="middle"
            loading={alerts.isLoading}
            dataSource={alerts.data?.items ?? []}
            scroll={{ x: 840 }}
            onRow={(r) => ({
              onClick: (e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(`/tracking/alerts/${r.id}`);
              },
              style: { cursor: 'pointer' },
            })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: alerts.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p) => update({ page: p === 1 ? undefined : String(p) }),
            }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />,
            }}
            columns={[
              {
                title: '级别',
                dataIndex: 'severity',
                width: 64,
                render: (_: unknown, r) => (
                  <Tag color={severityColor[r.severity]} style={{ marginInlineEnd: 0 }}>
                    {severityLabels[r.severity]}
                  </Tag>
                ),
              },
              {
                title: '告警类型',
                key: 'kind',
                width: 140,
                render: (_: unknown, r) => (
                  <div style={breakable}>
                    <Link to={`/tracking/alerts/${r.id}`}>{alertKindLabels[r.kind]}</Link>
                    {r.fence && <div>{secondary(r.fence.name)}</div>}
                  </div>
                ),
              },
              {
                title: '船舶',
                key: 'vessel',
                width: 220,
                render: (_: unknown, r) => (
                  <div style={breakable}>
                    <div>{r.vessel.name}</div>
                    <div>{secondary(r.vessel.registrationNo)}</div>
                    {r.supervisees.length > 0 &&
                      secondary(`矫正对象：${r.supervisees.map((s) => s.caseNo ?? '尚未编号').join('、')}`)}
                  </div>
                ),
              },
              {
                title: '发生时间',
                key: 'time',
                width: 150,
                render: (_: unknown, r) => (
                  <div>
                    <div>{beijingDateTime(r.firstAt)}</div>
                    {(r.occurrences > 1 || r.lastAt !== r.firstAt) && (
                      <div>
                        {secondary(`最近 ${beijingShort(r.lastAt, Date.parse(r.firstAt))}`)}
                        {r.occurrences > 1 && (
                          <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>×{r.occurrences}</Tag>
                        )}
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: '状态',
                key: 'state',
                width: 110,
                render: (_: unknown, r) => (
                  <div style={breakable}>
                    <Flex wrap gap={4}>
                      <Tag color={triageStateColor[r.state]} style={{ marginInlineEnd: 0 }}>
                        {triageStateLabels[r.state]}
                      </Tag>
                      {r.escalated && r.state !== 'resolved' && (
                        <Tag color="red" style={{ marginInlineEnd: 0 }}>
                          已升级
                        </Tag>
                      )}
                    </Flex>
                    {r.assignee && secondary(`处置人 ${r.assignee.name}`)}
                  </div>
                ),
              },
              {
                title: '时限',
                key: 'sla',
                width: 160,
                render: (_: unknown, r) => {
                  const sla = slaText(r, now);
                  if (!sla) return secondary(r.resolvedAt ? `${beijingDateTime(r.resolvedAt)} 办结` : '—');
                  return (
                    <Typography.Text type={sla.overdue ? 'danger' : undefined}>{sla.text}</Typography.Text>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
