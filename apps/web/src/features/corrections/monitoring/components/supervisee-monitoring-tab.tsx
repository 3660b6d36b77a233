import { PlusOutlined } from '@ant-design/icons';
import type { MonitoringView } from '@zhucheng/contracts';
import { Alert, Button, Empty, Flex, Table } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../../components/load-error.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { type MonitoringAction, useSuperviseeMonitoring } from '../api/use-monitoring.ts';
import { MonitoringStatusTag, OrderActionDialog, ProposeDialog } from './monitoring-dialogs.tsx';
import { OrderActions } from './order-actions.tsx';

/** The record page's tab 电子监管: Art. 29 orders of this term; propose one on an evidenced condition. */
export function SuperviseeMonitoringTab({ caseId }: { caseId: string }) {
  const can = useCan();
  const list = useSuperviseeMonitoring(caseId);
  const [proposing, setProposing] = useState(false);
  const [acting, setActing] = useState<{ o: MonitoringView; a: MonitoringAction } | null>(null);
  if (list.isError && !list.data) {
    return <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />;
  }
  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        title="电子定位监管（第二十九条）：限五种法定情形，县（区）司法局负责人批准，每次不超过三个月。与船舶定位无关——涉海涉渔对象的船舶定位见“船舶与出海”。"
      />
      {can('corrections:sanction') ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setProposing(true)}>
            提请电子定位监管
          </Button>
        </div>
      ) : null}
      <Table<MonitoringView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未适用电子定位监管" />,
        }}
        columns={[
          { title: '适用情形', dataIndex: 'conditionLabel', width: 240 },
          {
            title: '期限',
            key: 'term',
            width: 200,
            render: (_: unknown, r) => `${r.startsOn} 至 ${r.endedOn ?? r.endsOn}`,
          },
          {
            title: '状态',
            key: 'status',
            width: 170,
            render: (_: unknown, r) => <MonitoringStatusTag o={r} />,
          },
          { title: '批准人', dataIndex: 'approvedBy', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_: unknown, r) => <OrderActions o={r} onAction={(a) => setActing({ o: r, a })} />,
          },
        ]}
      />
      <ProposeDialog caseId={caseId} open={proposing} onClose={() => setProposing(false)} />
      <OrderActionDialog
        order={acting?.o ?? null}
        action={acting?.a ?? null}
        onClose={() => setActing(null)}
      />
    </Flex>
  );
}
