import {
  gearTypeLabels,
  type SeaTripStatus,
  type SeaTripView,
  seaTripStatuses,
  seaTripStatusLabels,
} from '@zhucheng/contracts';
import { Alert, Button, Card, Checkbox, Empty, Flex, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useSeaTrips, useVesselSettings } from '../api/use-vessels.ts';
import { dateTime, monthDayTime, tripSpan } from '../components/format.ts';
import { DecideDialog, TripDrawer } from '../components/trip-dialogs.tsx';
import { TripStatus } from '../components/trip-status.tsx';

/** 出海报备: the office's sea trips, by state; approve or reject; overdue returns flagged. */
export default function SeaTripsPage() {
  const can = useCan();
  const canDecide = can('corrections:supervise');
  const [status, setStatus] = useState<SeaTripStatus | 'all'>('filed');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const trips = useSeaTrips({
    page,
    pageSize: 20,
    ...(status !== 'all' ? { status } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
  });
  const settings = useVesselSettings();
  const [deciding, setDeciding] = useState<SeaTripView | null>(null);
  const [viewing, setViewing] = useState<SeaTripView | null>(null);
  const m = settings.data?.moratorium;

  return (
    <>
      <PageHeader title="出海报备" description="涉海涉渔社区矫正对象出海前报备、审批，海上日志与返港报告" />
      <Flex vertical gap={16}>
        {m ? (
          <Alert
            type="info"
            showIcon
            title={`休渔期：每年${monthDayTime(m.start)}至${monthDayTime(m.end)}（北京时间），期间非豁免作业类型的船舶不能报备出海；豁免：${
              m.exemptGearTypes.length ? m.exemptGearTypes.map((g) => gearTypeLabels[g]).join('、') : '无'
            }。超过计划返港时间 ${settings.data?.returnGraceHours ?? 0} 小时未返港的标记为“逾期未返港”。`}
          />
        ) : null}
        <Card>
          <Flex wrap gap={16} align="center" style={{ marginBottom: 16 }}>
            <Segmented<SeaTripStatus | 'all'>
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={[
                ...seaTripStatuses.map((value) => ({ value, label: seaTripStatusLabels[value] })),
                { value: 'all', label: '全部' },
              ]}
            />
            <Checkbox
              checked={overdue}
              onChange={(e) => {
                setOverdue(e.target.checked);
                setPage(1);
              }}
            >
              只看逾期未返港
            </Checkbox>
          </Flex>
          {trips.isError && !trips.data ? (
            <LoadError error={trips.error} retrying={trips.isFetching} onRetry={() => trips.refetch()} />
          ) : (
            <Table<SeaTripView>
              rowKey="id"
              size="middle"
              loading={trips.isFetching && !trips.data}
              dataSource={trips.data?.items ?? []}
              scroll={{ x: 1120 }}
              pagination={{
                current: page,
                pageSize: 20,
                total: trips.data?.total ?? 0,
                onChange: setPage,
                showTotal: (total) => `共 ${total} 条`,
              }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      overdue
                        ? '没有逾期未返港的出海报备'
                        : status === 'filed'
                          ? '暂无待审批的出海报备'
                          : '暂无出海报备'
                    }
                  />
                ),
              }}
              columns={[
                {
                  title: '社区矫正对象',
                  key: 'who',
                  width: 180,
                  render: (_: unknown, r) => (
                    <Flex vertical>
                      <Link to={`/corrections/supervisees/${r.caseId}`}>{r.superviseeName}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.caseNo ?? ''}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.office.name}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: '船舶',
                  key: 'vessel',
                  width: 170,
                  render: (_: unknown, r) => (
                    <Flex vertical>
                      <span>{r.vessel.name}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                        {r.vessel.registrationNo}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: '计划出海至返港', key: 'span', width: 200, render: (_: unknown, r) => tripSpan(r) },
                {
                  title: '作业海域',
                  dataIndex: 'seaArea',
                  width: 170,
                  render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
                },
                {
                  title: '状态',
                  key: 'status',
                  width: 150,
                  render: (_: unknown, r) => <TripStatus trip={r} />,
                },
                { title: '报备时间', dataIndex: 'filedAt', width: 140, render: (v: string) => dateTime(v) },
                {
                  title: '操作',
                  key: 'actions',
                  fixed: 'right',
                  width: 120,
                  render: (_: unknown, r) => (
                    <Space size={0}>
                      {canDecide && r.status === 'filed' ? (
                        <Button type="link" size="small" onClick={() => setDeciding(r)}>
                          审批
                        </Button>
                      ) : null}
                      <Button type="link" size="small" onClick={() => setViewing(r)}>
                        详情
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Flex>
      <DecideDialog trip={deciding} onClose={() => setDeciding(null)} />
      <TripDrawer trip={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
