import {
  type MonitoringStatus,
  type MonitoringView,
  monitoringStatuses,
  monitoringStatusLabels,
} from '@zhucheng/contracts';
import { Alert, Card, Empty, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { type MonitoringAction, useMonitoringOrders } from '../api/use-monitoring.ts';
import { MonitoringStatusTag, OrderActionDialog } from '../components/monitoring-dialogs.tsx';
import { OrderActions } from '../components/order-actions.tsx';

/** 电子监管: Art. 29 orders of my scope, soonest end first; approvals (head), reviews, renewals due. */
export default function MonitoringPage() {
  const [status, setStatus] = useState<MonitoringStatus | 'all'>('active');
  const [page, setPage] = useState(1);
  const list = useMonitoringOrders({ page, pageSize: 20, ...(status !== 'all' ? { status } : {}) });
  const [acting, setActing] = useState<{ o: MonitoringView; a: MonitoringAction } | null>(null);
  return (
    <>
      <PageHeader
        title="电子监管"
        description="电子定位监管决定（社区矫正法第二十九条）：审批、期限、复查与续期、解除"
      />
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="电子定位监管只适用于第二十九条的五种情形，由县（区）司法局负责人批准，期限不超过三个月，续期须经复查、每次不超过三个月；所获信息仅用于社区矫正工作。涉海涉渔对象的船舶定位依地方规定和本人书面同意，不在此列。"
        />
        <Card>
          <Segmented<MonitoringStatus | 'all'>
            style={{ marginBottom: 16 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              ...monitoringStatuses.map((value) => ({ value, label: monitoringStatusLabels[value] })),
              { value: 'all', label: '全部' },
            ]}
          />
          {list.isError && !list.data ? (
            <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />
          ) : (
            <Table<MonitoringView>
              rowKey="id"
              size="middle"
              loading={list.isFetching && !list.data}
              dataSource={list.data?.items ?? []}
              scroll={{ x: 1100 }}
              pagination={{
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showTotal: (total) => `共 ${total} 件`,
              }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={status === 'active' ? '暂无执行中的电子定位监管' : '暂无电子定位监管'}
                  />
                ),
              }}
              columns={[
                {
                  title: '社区矫正对象',
                  key: 'who',
                  width: 160,
                  render: (_: unknown, r) => (
                    <Flex vertical>
                      <Link to={`/corrections/supervisees/${r.superviseeCaseId}`}>{r.superviseeName}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.officeName}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: '适用情形', dataIndex: 'conditionLabel', width: 240 },
                { title: '开始', dataIndex: 'startsOn', width: 110 },
                {
                  title: '结束',
                  key: 'end',
                  width: 110,
                  render: (_: unknown, r) => r.endedOn ?? r.endsOn,
                },
                {
                  title: '状态',
                  key: 'status',
                  width: 180,
                  render: (_: unknown, r) => <MonitoringStatusTag o={r} />,
                },
                {
                  title: '操作',
                  key: 'actions',
                  fixed: 'right',
                  width: 220,
                  render: (_: unknown, r) => <OrderActions o={r} onAction={(a) => setActing({ o: r, a })} />,
                },
              ]}
            />
          )}
        </Card>
      </Flex>
      <OrderActionDialog
        order={acting?.o ?? null}
        action={acting?.a ?? null}
        onClose={() => setActing(null)}
      />
    </>
  );
}
