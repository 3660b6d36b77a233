import {
  type ApprovalKind,
  type ApprovalStatus,
  type ApprovalView,
  approvalKindLabels,
  approvalKinds,
  approvalLevelLabels,
  approvalStatuses,
  approvalStatusLabels,
} from '@zhucheng/contracts';
import { Alert, Button, Card, Empty, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useSessionUser } from '../../../../lib/session.ts';
import { useApprovalSettings, useApprovals } from '../api/use-approvals.ts';
import { ApprovalStatusTag, awaitsMe, period } from '../components/approval-parts.tsx';
import { DecideDialog, ReturnDialog } from '../components/decide-dialog.tsx';
import { DocumentLink } from '../components/document-link.tsx';

/** 审批: applications of my scope by state and kind; decide (with the required level shown), 报请上级, 销假. */
export default function ApprovalsPage() {
  const can = useCan();
  const user = useSessionUser();
  const [status, setStatus] = useState<ApprovalStatus | 'all'>('pending');
  const [kind, setKind] = useState<ApprovalKind | undefined>();
  const [page, setPage] = useState(1);
  const list = useApprovals({
    page,
    pageSize: 20,
    ...(status !== 'all' ? { status } : {}),
    ...(kind ? { kind } : {}),
  });
  const settings = useApprovalSettings();
  const [deciding, setDeciding] = useState<ApprovalView | null>(null);
  const [returning, setReturning] = useState<ApprovalView | null>(null);
  const s = settings.data;
  return (
    <>
      <PageHeader title="审批" description="请假外出、变更居住地、变更执行地、会客的申请与审批" />
      <Flex vertical gap={16}>
        {s ? (
          <Alert
            type="info"
            showIcon
            title={`请假审批层级：${s.officeMaxDays}天以内由司法所审批；${s.officeMaxDays + 1}至${s.countyMaxDays}天由县（区）司法局审批；超过${s.countyMaxDays}天，或${s.windowMonths}个月内累计超过${s.windowMaxDays}天，报市司法局审批。变更执行地由县（区）司法局审批。`}
          />
        ) : null}
        <Card>
          <Flex wrap gap={16} align="center" style={{ marginBottom: 16 }}>
            <Segmented<ApprovalStatus | 'all'>
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={[
                ...approvalStatuses.map((value) => ({ value, label: approvalStatusLabels[value] })),
                { value: 'all', label: '全部' },
              ]}
            />
            <Select<ApprovalKind>
              allowClear
              placeholder="全部事项"
              aria-label="审批事项"
              style={{ width: 160 }}
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              options={approvalKinds.map((value) => ({ value, label: approvalKindLabels[value] }))}
            />
          </Flex>
          {list.isError && !list.data ? (
            <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />
          ) : (
            <Table<ApprovalView>
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
                    description={status === 'pending' ? '暂无待审批的申请' : '暂无申请'}
                  />
                ),
              }}
              columns={[
                {
                  title: '社区矫正对象',
                  key: 'who',
                  width: 170,
                  render: (_: unknown, r) => (
                    <Flex vertical>
                      <Link to={`/corrections/supervisees/${r.superviseeCaseId}`}>{r.superviseeName}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.officeName}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: '事项',
                  key: 'kind',
                  width: 120,
                  render: (_: unknown, r) => (
                    <Flex vertical>
                      <span>{approvalKindLabels[r.kind]}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.caseNo ?? ''}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                { title: '期间', key: 'period', width: 180, render: (_: unknown, r) => period(r) },
                {
                  title: '目的地 / 地址 / 来访人',
                  dataIndex: 'destination',
                  width: 180,
                  render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
                },
                {
                  title: '审批层级',
                  key: 'level',
                  width: 150,
                  render: (_: unknown, r) => <Tag color="blue">{approvalLevelLabels[r.requiredLevel]}</Tag>,
                },
                {
                  title: '状态',
                  key: 'status',
                  width: 150,
                  render: (_: unknown, r) => <ApprovalStatusTag a={r} />,
                },
                {
                  title: '操作',
                  key: 'actions',
                  fixed: 'right',
                  width: 140,
                  render: (_: unknown, r) => (
                    <Space size={0}>
                      {can('corrections:approve') && awaitsMe(r, user.unitName) ? (
                        <Button type="link" size="small" onClick={() => setDeciding(r)}>
                          审批
                        </Button>
                      ) : null}
                      {can('corrections:supervise') && r.status === 'approved' && r.kind === 'leave' ? (
                        <Button type="link" size="small" onClick={() => setReturning(r)}>
                          销假
                        </Button>
                      ) : null}
                      <DocumentLink caseId={r.id} documentId={r.documentId} label="审批表" />
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Flex>
      <DecideDialog approval={deciding} onClose={() => setDeciding(null)} />
      <ReturnDialog approval={returning} onClose={() => setReturning(null)} />
    </>
  );
}
